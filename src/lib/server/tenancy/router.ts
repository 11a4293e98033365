import { router } from '../trpc/init';
import { authedProcedure, tenantProcedure } from '../trpc/procedures';
import { tenantsOfUser } from './service';

export const tenancyRouter = router({
	/** The workspaces the signed-in user can switch between. */
	mine: authedProcedure.query(({ ctx }) => tenantsOfUser(ctx.platform, ctx.user.id)),

	/** The current workspace and who the user is in it: drives the portal's navigation. */
	current: tenantProcedure.query(({ ctx }) => ({
		tenant: ctx.tenant,
		person: { id: ctx.person.id, firstName: ctx.person.firstName, lastName: ctx.person.lastName, email: ctx.person.email },
		roles: ctx.roles
	}))
});
