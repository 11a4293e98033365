import { loadOrFail, serverCaller } from '$lib/server/trpc/server-caller';
import type { LayoutServerLoad } from './$types';

/** The coachee profile, shared by its tabs. */
export const load: LayoutServerLoad = (event) =>
	loadOrFail(event, async () => ({
		coachee: await serverCaller(event).coachees.get({ tenant: event.params.tenant, coacheeId: event.params.coacheeId })
	}));
