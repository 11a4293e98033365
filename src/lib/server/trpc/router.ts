import { authRouter } from '../auth/router';
import { invitationsRouter } from '../invitations/router';
import { membersRouter } from '../members/router';
import { tenancyRouter } from '../tenancy/router';
import { createCallerFactory, router } from './init';

export const appRouter = router({
	auth: authRouter,
	tenancy: tenancyRouter,
	members: membersRouter,
	invitations: invitationsRouter
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
