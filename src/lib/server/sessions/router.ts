/**
 * Session Logs over tRPC: admins and coaches log and change them ('sessions.manage'), and a
 * coachee reads their own ('sessions.view'); `coacheeProcedure` checks the coachee is one
 * the person sees, and every session is looked up with that coachee's id.
 */
import { sessionFields, sessionIdInput, sessionListInput } from '../../sessions/schema';
import { coacheeProcedure } from '../coachees/record';
import { router } from '../trpc/init';
import * as service from './sessions';

export const sessionsRouter = router({
	list: coacheeProcedure('sessions.view').input(sessionListInput).query(({ ctx, input }) => service.listSessions(ctx, ctx.coachee, input)),
	get: coacheeProcedure('sessions.manage').input(sessionIdInput).query(({ ctx, input }) => service.getSession(ctx, ctx.coachee, input.sessionId)),
	create: coacheeProcedure('sessions.manage').input(sessionFields).mutation(({ ctx, input }) => service.createSession(ctx, ctx.coachee, input)),
	update: coacheeProcedure('sessions.manage')
		.input(sessionFields.extend(sessionIdInput.shape))
		.mutation(({ ctx, input }) => service.updateSession(ctx, ctx.coachee, input.sessionId, input)),
	delete: coacheeProcedure('sessions.manage').input(sessionIdInput).mutation(({ ctx, input }) => service.deleteSession(ctx, ctx.coachee, input.sessionId))
});
