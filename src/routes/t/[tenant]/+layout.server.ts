import { error } from '@sveltejs/kit';
import { isMissingIn } from '$lib/portal/navigation';
import { loadOrFail, serverCaller, workspaceOf } from '$lib/server/trpc/server-caller';
import { notInSoloWorkspace } from '$lib/tenancy/labels';
import type { LayoutServerLoad } from './$types';

/** Every portal page: who the user is in this workspace, the workspaces they can switch to and
 * the bell, in one procedure and one tenant round trip (in parallel with the page's own). An
 * independent coach's workspace has no organisation screens: those answer 404 (their
 * procedures refuse too; this also covers pages whose load reads something else). */
export const load: LayoutServerLoad = (event) => {
	const kind = workspaceOf(event)?.tenant.kind;
	if (kind && isMissingIn(kind, event.route.id)) error(404, notInSoloWorkspace);
	return loadOrFail(event, () => serverCaller(event).tenancy.shell({ tenant: event.params.tenant }));
};
