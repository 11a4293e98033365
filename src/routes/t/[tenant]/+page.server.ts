import { loadOrFail, serverCaller, workspaceOf } from '$lib/server/trpc/server-caller';
import type { PageServerLoad } from './$types';

/** Home. A coachee's home shows their own profile, their coach and their latest notifications;
 * the other portals' homes need nothing beyond the layout's data. */
export const load: PageServerLoad = (event) =>
	loadOrFail(event, async () => {
		const workspace = workspaceOf(event);
		if (!workspace?.personId || !workspace.roles.includes('coachee')) return { coachee: null };
		const api = serverCaller(event);
		const tenant = event.params.tenant;
		const [profile, notifications] = await Promise.all([
			api.coachees.get({ tenant, coacheeId: workspace.personId }),
			api.notifications.list({ tenant })
		]);
		return { coachee: { profile, notifications: notifications.items.slice(0, 5), more: notifications.items.length > 5 } };
	});
