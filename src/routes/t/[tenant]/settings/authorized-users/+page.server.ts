import { loadOrFail, serverCaller } from '$lib/server/trpc/server-caller';
import type { PageServerLoad } from './$types';

/** Settings > Authorized Users: the members with the authorized-user (spectator) role. They are
 * members like any other (invited, resent, deactivated in Members); this is the view of them. */
export const load: PageServerLoad = (event) =>
	loadOrFail(event, async () => {
		const members = await serverCaller(event).members.list({ tenant: event.params.tenant });
		return { authorizedUsers: members.filter((member) => member.roles.includes('spectator')) };
	});
