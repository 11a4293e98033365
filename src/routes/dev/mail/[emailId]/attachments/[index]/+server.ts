import { error } from '@sveltejs/kit';
import { contentDisposition } from '$lib/server/platform/content-disposition';
import type { RequestHandler } from './$types';

/** Local runs only (hooks.server.ts closes /dev when dev tools are off): one attachment of a
 * captured email, downloaded as the recipient's mail client would save it (e.g. an .ics). */
export const GET: RequestHandler = async ({ locals, params }) => {
	const mailbox = locals.platform.devMailbox;
	if (!mailbox) error(404, 'Not found');
	const email = (await mailbox.list()).find((captured) => captured.id === params.emailId);
	const attachment = email?.attachments?.[Number(params.index)];
	if (!attachment) error(404, 'That attachment is not in the local outbox.');
	return new Response(attachment.content, {
		headers: { 'content-type': attachment.contentType, 'content-disposition': contentDisposition(attachment.filename), 'cache-control': 'no-store' }
	});
};
