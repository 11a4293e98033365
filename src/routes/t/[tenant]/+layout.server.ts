import { loadOrFail, serverCaller } from '$lib/server/trpc/server-caller';
import type { LayoutServerLoad } from './$types';

/** Every portal page: who the user is in this workspace, and the workspaces they can switch to. */
export const load: LayoutServerLoad = (event) =>
	loadOrFail(event, async () => {
		const api = serverCaller(event);
		const [current, tenants, unreadCount] = await Promise.all([
			api.tenancy.current({ tenant: event.params.tenant }),
			api.tenancy.mine(),
			api.notifications.unreadCount({ tenant: event.params.tenant })
		]);
		return { current, tenants, unreadCount };
	});
