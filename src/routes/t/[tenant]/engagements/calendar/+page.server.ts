import { defineActions, formAction } from '$lib/server/forms';
import { finishElsewhere } from '$lib/server/form-outcome';
import { loadOrFail, serverCaller } from '$lib/server/trpc/server-caller';
import { engagementPaths } from '$lib/engagements/paths';
import type { PageServerLoad } from './$types';

/** Engagements > Calendar feed: one's private calendar link (engagements/calendar-feed.ts). */
export const load: PageServerLoad = (event) => loadOrFail(event, async () => ({ feed: await serverCaller(event).calendar.feed({ tenant: event.params.tenant }) }));

export const actions = defineActions({
	// No redirect: the new address is in this answer only (Tandem keeps just its hash).
	create: formAction({}, (_input, { api, event }) => api.calendar.createLink({ tenant: event.params.tenant as string })),
	revoke: formAction({}, async (_input, { api, event }) => {
		const tenant = event.params.tenant as string;
		await api.calendar.revokeLink({ tenant });
		finishElsewhere(event, { message: 'Calendar link revoked. Calendars subscribed to it stop getting your sessions.', location: `/t/${tenant}${engagementPaths.calendar}` });
	})
});
