/** Settings > Workspace: the workspace's name and reply-to address live in the control plane
 * (the directory every member's request reads), so a rename shows on everyone's next page. */
import { eq } from 'drizzle-orm';
import { openControlDb } from '../db';
import { tenants } from '../db/control/schema';
import type { WorkspaceSettingsInput } from '../../tenancy/schema';
import type { TenantScope } from './scope';

/** `replyTo` as the request's identity read it from the control plane (no query of its own). */
export async function workspaceSettings(scope: TenantScope, replyTo: string | null) {
	// The tenant database confirms the admin before anything about the workspace leaves.
	await scope.me();
	const { slug, name, kind } = scope.tenant;
	return { slug, name, kind, replyTo };
}

export async function updateWorkspaceSettings(scope: TenantScope, input: WorkspaceSettingsInput) {
	await scope.me();
	await openControlDb(scope.platform).update(tenants).set({ name: input.name, replyTo: input.replyTo }).where(eq(tenants.id, scope.tenant.id));
	return input;
}
