import { router } from '../trpc/init';
import { authedProcedure, permitted, tenantProcedure } from '../trpc/procedures';
import { unreadCount } from '../notifications/service';
import { workspaceSettingsInput } from '../../tenancy/schema';
import { enterableWorkspaces, summaryOf, turnedOffWorkspaces, type Workspace } from './identity';
import type { TenantScope } from './scope';
import { updateWorkspaceSettings, workspaceSettings } from './settings';
import { setTimeZone } from './time-zone';
import { timeZoneSchema } from '../../time-zones';
import { z } from 'zod';

const adminProcedure = permitted('workspace.manage');

const replyToOf = (workspaces: Workspace[], scope: TenantScope) =>
	workspaces.find((w) => w.tenant.id === scope.tenant.id)?.tenant.replyTo ?? null;

async function whoIsHere(scope: TenantScope) {
	const me = await scope.me();
	return {
		tenant: scope.tenant,
		person: { id: me.id, firstName: me.firstName, lastName: me.lastName, email: me.email, timeZone: me.timeZone },
		roles: scope.roles
	};
}

export const tenancyRouter = router({
	/** The workspaces the signed-in user can switch between. */
	mine: authedProcedure.query(({ ctx }) => enterableWorkspaces(ctx.workspaces).map(summaryOf)),

	/** The workspaces where an admin turned the user's access off, to tell them why they are gone. */
	turnedOff: authedProcedure.query(({ ctx }) => turnedOffWorkspaces(ctx.workspaces)),

	/** The current workspace and who the user is in it: drives the portal's navigation. */
	current: tenantProcedure.query(({ ctx }) => whoIsHere(ctx)),

	/** Everything the portal frame shows (who, where, the switcher, the bell) in one tenant
	 * round trip: the unread count's read carries the person check, so `me()` is then free. */
	shell: tenantProcedure.query(async ({ ctx }) => {
		const unread = await unreadCount(ctx);
		return { current: await whoIsHere(ctx), tenants: enterableWorkspaces(ctx.workspaces).map(summaryOf), unreadCount: unread };
	}),

	/** Settings > Workspace (admins). */
	settings: adminProcedure.query(({ ctx }) => workspaceSettings(ctx, replyToOf(ctx.workspaces, ctx))),

	updateSettings: adminProcedure.input(workspaceSettingsInput).mutation(({ ctx, input }) => updateWorkspaceSettings(ctx, input)),

	/** The person's own time zone in this workspace (Notifications > Your time zone). */
	setTimeZone: tenantProcedure.input(z.object({ timeZone: timeZoneSchema })).mutation(({ ctx, input }) => setTimeZone(ctx, input.timeZone))
});
