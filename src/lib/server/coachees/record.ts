/**
 * Record-scoped procedures: everything on a coachee's profile (the header and its tabs:
 * goals, actions, files, notes, session logs, assessments) is read through one coachee
 * the person may see. The procedure resolves that coachee once, as a query the service puts
 * in its own batch (so the check costs no round trip of its own), and the service refuses
 * with `ctx.coachee.require(rows)` before anything of the batch leaves.
 */
import { coacheeIdInput } from '../../coachees/schema';
import type { Permission } from '../../permissions';
import { permitted } from '../trpc/procedures';
import { visibleCoachee } from './service';

export function coacheeProcedure(permission: Permission) {
	return permitted(permission)
		.input(coacheeIdInput)
		.use(({ ctx, input, next }) => next({ ctx: { ...ctx, coachee: visibleCoachee(ctx, input.coacheeId) } }));
}
