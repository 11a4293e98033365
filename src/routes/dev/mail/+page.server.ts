import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

/** Local runs only (hooks.server.ts closes /dev when dev tools are off): the emails Tandem
 * would have sent, with their working links. */
export const load: PageServerLoad = async ({ locals }) => {
	const mailbox = locals.platform.devMailbox;
	if (!mailbox) error(404, 'Not found');
	return {
		emails: (await mailbox.list()).map(({ id, to, subject, text, sentAt, attachments }) => ({
			id,
			to,
			subject,
			sentAt,
			text,
			links: text.match(/https?:\/\/\S+/g) ?? [],
			attachments: (attachments ?? []).map(({ filename, contentType }, index) => ({ filename, contentType, href: `/dev/mail/${id}/attachments/${index}` }))
		}))
	};
};
