import {
	assignCoachInput,
	coacheeIdInput,
	coacheeListInput,
	editCoacheeInput,
	groupFields,
	groupIdInput,
	newCoacheeInput
} from '../../coachees/schema';
import { router } from '../trpc/init';
import { permitted } from '../trpc/procedures';
import { coacheeProcedure } from './record';
import * as groups from './groups';
import * as coachees from './service';

export const coacheesRouter = router({
	list: permitted('coachees.list')
		.input(coacheeListInput)
		.query(({ ctx, input }) => coachees.listCoachees(ctx, input)),

	/** The profile; a coachee may read only their own. */
	get: coacheeProcedure('coachees.view').query(({ ctx }) => coachees.coacheeProfile(ctx, ctx.coachee)),

	create: permitted('coachees.add')
		.input(newCoacheeInput)
		.mutation(({ ctx, input }) => coachees.createCoachee(ctx, input)),

	update: permitted('coachees.edit').input(editCoacheeInput).mutation(({ ctx, input }) =>
		coachees.updateCoachee(ctx, { ...input, id: input.coacheeId })
	),

	/** "Send Invitation" and "Resend Invitation". */
	invite: permitted('coachees.invite').input(coacheeIdInput).mutation(({ ctx, input }) => coachees.inviteCoachee(ctx, input.coacheeId)),

	assignCoach: permitted('coachees.assignCoach')
		.input(assignCoachInput)
		.mutation(({ ctx, input }) => coachees.assignCoach(ctx, input)),

	coaches: permitted('coaches.list').query(({ ctx }) => coachees.listCoaches(ctx)),

	groups: permitted('groups.manage').query(({ ctx }) => groups.listGroups(ctx)),
	group: permitted('groups.manage').input(groupIdInput).query(({ ctx, input }) => groups.groupDetail(ctx, input.groupId)),
	createGroup: permitted('groups.manage').input(groupFields).mutation(({ ctx, input }) => groups.createGroup(ctx, input)),
	updateGroup: permitted('groups.manage').input(groupFields.extend(groupIdInput.shape)).mutation(({ ctx, input }) => groups.updateGroup(ctx, { ...input, id: input.groupId })),
	deleteGroup: permitted('groups.manage').input(groupIdInput).mutation(({ ctx, input }) => groups.deleteGroup(ctx, input.groupId))
});
