import { loadOrFail, serverCaller } from '$lib/server/trpc/server-caller';
import type { PageServerLoad } from './$types';

/** The newest page of the person's own notifications, and how each kind reaches them by email. */
export const load: PageServerLoad = (event) =>
	loadOrFail(event, async () => {
		const api = serverCaller(event);
		const tenant = event.params.tenant;
		const [notifications, preferences] = await Promise.all([api.notifications.list({ tenant }), api.notifications.preferences({ tenant })]);
		return { notifications, preferences };
	});
