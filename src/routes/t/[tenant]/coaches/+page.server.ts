import { loadOrFail, serverCaller } from '$lib/server/trpc/server-caller';
import type { PageServerLoad } from './$types';

/** Admins: every coach of the workspace with how many coachees they have. */
export const load: PageServerLoad = (event) =>
	loadOrFail(event, async () => ({ coaches: await serverCaller(event).coachees.coaches({ tenant: event.params.tenant }) }));
