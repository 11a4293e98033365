import { z } from 'zod';
import { emailSchema, personNameSchema } from '../auth/validation';
import { personStatuses } from '../db/tenant/schema';
import { router } from '../trpc/init';
import { roleProcedure } from '../trpc/procedures';
import * as groups from './groups';
import * as coachees from './service';

const staff = roleProcedure('admin', 'coach');
const admin = roleProcedure('admin');
const id = z.string().min(1).max(64);
const coacheeFields = z.object({ firstName: personNameSchema('first name'), lastName: personNameSchema('last name'), email: emailSchema });
const groupFields = z.object({
	name: z.string().trim().min(1, 'Enter a group name.').max(80, 'Use at most 80 characters.'),
	memberIds: z.array(id).max(5000).default([])
});

export const coacheesRouter = router({
	list: staff
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
	get: roleProcedure('admin', 'coach', 'coachee')
		.input(z.object({ coacheeId: id }))
		.query(({ ctx, input }) => coachees.coacheeProfile(ctx, input.coacheeId)),

	create: staff
		.input(coacheeFields.extend({ sendInvitation: z.boolean().default(false), coachId: id.nullish() }))
		.mutation(({ ctx, input }) => coachees.createCoachee(ctx, input)),

	update: staff.input(coacheeFields.extend({ coacheeId: id })).mutation(({ ctx, input }) =>
		coachees.updateCoachee(ctx, { ...input, id: input.coacheeId })
	),

	/** "Send Invitation" and "Resend Invitation". */
	invite: staff.input(z.object({ coacheeId: id })).mutation(({ ctx, input }) => coachees.inviteCoachee(ctx, input.coacheeId)),

	assignCoach: admin
		.input(z.object({ coacheeIds: z.array(id).min(1, 'Choose at least one coachee.').max(5000), coachId: id }))
		.mutation(({ ctx, input }) => coachees.assignCoach(ctx, input)),

	coaches: admin.query(({ ctx }) => coachees.listCoaches(ctx)),

	groups: admin.query(({ ctx }) => groups.listGroups(ctx)),
	group: admin.input(z.object({ groupId: id })).query(({ ctx, input }) => groups.groupDetail(ctx, input.groupId)),
	createGroup: admin.input(groupFields).mutation(({ ctx, input }) => groups.createGroup(ctx, input)),
	updateGroup: admin.input(groupFields.extend({ groupId: id })).mutation(({ ctx, input }) => groups.updateGroup(ctx, { ...input, id: input.groupId })),
	deleteGroup: admin.input(z.object({ groupId: id })).mutation(({ ctx, input }) => groups.deleteGroup(ctx, input.groupId))
});
