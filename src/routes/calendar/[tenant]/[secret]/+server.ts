/** A person's private calendar feed (engagements/calendar-feed.ts): no session, the address's
 * secret is the credential. Any address that opens no feed is the same plain 404. */
import { feedCalendar } from '$lib/server/engagements/calendar-feed';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params }) => {
	const calendar = await feedCalendar(locals.platform, locals.tenantBySlug, params.tenant, params.secret.replace(/\.ics$/, ''));
	if (calendar === null) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
	return new Response(calendar, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': 'inline; filename="tandem.ics"',
			// Calendar apps poll; a revoked link must stop within minutes, and no proxy keeps a private feed.
			'cache-control': 'private, max-age=300'
		}
	});
};
