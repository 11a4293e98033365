import { redirect } from '@sveltejs/kit';
import { loadOrFail, serverCaller } from '$lib/server/trpc/server-caller';
import type { RequestHandler } from './$types';

/** "Download CSV": checked for the requester, then handed to file storage through a
 * 5-minute link (presigned R2 in production), so the file never streams through the app. */
export const GET: RequestHandler = async (event) => {
	const { url } = await loadOrFail(event, () => serverCaller(event).exports.downloadLink({ tenant: event.params.tenant, exportId: event.params.exportId }));
	redirect(303, url);
};
