import { loadOrFail, serverCaller } from '$lib/server/trpc/server-caller';
import type { LayoutServerLoad } from './$types';

/** Every portal page: who the user is in this workspace, the workspaces they can switch to and
 * the bell, in one procedure and one tenant round trip (in parallel with the page's own). */
export const load: LayoutServerLoad = (event) =>
	loadOrFail(event, () => serverCaller(event).tenancy.shell({ tenant: event.params.tenant }));
