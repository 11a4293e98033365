import { z } from 'zod';
import { emailSchema, personNameSchema } from '../auth/validation';
import { router } from '../trpc/init';
import { permitted } from '../trpc/procedures';
import * as members from './service';

const adminProcedure = permitted('members.manage');
const personInput = z.object({ personId: z.string().min(1).max(64) });

export const membersRouter = router({
	list: adminProcedure.query(({ ctx }) => members.listMembers(ctx)),

	invite: adminProcedure
		.input(
			z.object({
				email: emailSchema,
				firstName: personNameSchema('first name'),
				lastName: personNameSchema('last name'),
				role: z.enum(members.staffRoles, { error: 'Choose coach, admin or authorized user.' })
			})
		)
		.mutation(({ ctx, input }) => members.inviteMember(ctx, input)),

	resendInvitation: adminProcedure.input(personInput).mutation(({ ctx, input }) => members.resendInvitation(ctx, input.personId)),

	revokeInvitation: adminProcedure.input(personInput).mutation(({ ctx, input }) => members.revokeInvitation(ctx, input.personId)),

	deactivate: adminProcedure.input(personInput).mutation(({ ctx, input }) => members.setMemberActive(ctx, input.personId, false)),

	reactivate: adminProcedure.input(personInput).mutation(({ ctx, input }) => members.setMemberActive(ctx, input.personId, true))
});
