import { z } from 'zod';
import { emailSchema, personNameSchema } from '../auth/validation';
import { personStatuses } from '../db/tenant/schema';
import { router } from '../trpc/init';
import { permitted } from '../trpc/procedures';
import { coacheeProcedure } from './record';
import * as groups from './groups';
import * as coachees from './service';

const id = z.string().min(1).max(64);
const coacheeFields = z.object({ firstName: personNameSchema('first name'), lastName: personNameSchema('last name'), email: emailSchema });
const groupFields = z.object({
	name: z.string().trim().min(1, 'Enter a group name.').max(80, 'Use at most 80 characters.'),
	memberIds: z.array(id).max(5000).default([])
});

export const coacheesRouter = router({
	list: permitted('coachees.list')
		.input(
			z.object({
				search: z.string().trim().max(200).optional(),
				status: z.enum(personStatuses).optional(),
				coachId: id.optional(),
				sort: z.enum(coachees.coacheeSorts).default('name'),
				dir: z.enum(['asc', 'desc']).default('asc'),
				page: z.number().int().min(1).default(1),
				pageSize: z.number().int().min(5).max(100).default(25)
			})
		)
		.query(({ ctx, input }) => coachees.listCoachees(ctx, input)),

	/** The profile; a coachee may read only their own. */
	get: coacheeProcedure('coachees.view').query(({ ctx }) => coachees.coacheeProfile(ctx, ctx.coachee)),

	create: permitted('coachees.add')
		.input(coacheeFields.extend({ sendInvitation: z.boolean().default(false), coachId: id.nullish() }))
		.mutation(({ ctx, input }) => coachees.createCoachee(ctx, input)),

	update: permitted('coachees.edit').input(coacheeFields.extend({ coacheeId: id })).mutation(({ ctx, input }) =>
		coachees.updateCoachee(ctx, { ...input, id: input.coacheeId })
	),

	/** "Send Invitation" and "Resend Invitation". */
	invite: permitted('coachees.invite').input(z.object({ coacheeId: id })).mutation(({ ctx, input }) => coachees.inviteCoachee(ctx, input.coacheeId)),

	assignCoach: permitted('coachees.assignCoach')
		.input(z.object({ coacheeIds: z.array(id).min(1, 'Choose at least one coachee.').max(5000), coachId: id }))
		.mutation(({ ctx, input }) => coachees.assignCoach(ctx, input)),

	coaches: permitted('coaches.list').query(({ ctx }) => coachees.listCoaches(ctx)),

	groups: permitted('groups.manage').query(({ ctx }) => groups.listGroups(ctx)),
	group: permitted('groups.manage').input(z.object({ groupId: id })).query(({ ctx, input }) => groups.groupDetail(ctx, input.groupId)),
	createGroup: permitted('groups.manage').input(groupFields).mutation(({ ctx, input }) => groups.createGroup(ctx, input)),
	updateGroup: permitted('groups.manage').input(groupFields.extend({ groupId: id })).mutation(({ ctx, input }) => groups.updateGroup(ctx, { ...input, id: input.groupId })),
	deleteGroup: permitted('groups.manage').input(z.object({ groupId: id })).mutation(({ ctx, input }) => groups.deleteGroup(ctx, input.groupId))
});
