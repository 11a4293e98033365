import { loadOrFail, serverCaller } from '$lib/server/trpc/server-caller';
import type { PageServerLoad } from './$types';

/** Admins: the workspace's coachee groups with their member counts. */
export const load: PageServerLoad = (event) =>
	loadOrFail(event, async () => ({ groups: await serverCaller(event).coachees.groups({ tenant: event.params.tenant }) }));
