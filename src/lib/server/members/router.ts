import { inviteMemberInput, personIdInput } from '../../members/schema';
import { router } from '../trpc/init';
import { permitted } from '../trpc/procedures';
import * as members from './service';

const adminProcedure = permitted('members.manage');

export const membersRouter = router({
	list: adminProcedure.query(({ ctx }) => members.listMembers(ctx)),

	invite: adminProcedure
		.input(inviteMemberInput)
		.mutation(({ ctx, input }) => members.inviteMember(ctx, input)),

	resendInvitation: adminProcedure.input(personIdInput).mutation(({ ctx, input }) => members.resendInvitation(ctx, input.personId)),

	revokeInvitation: adminProcedure.input(personIdInput).mutation(({ ctx, input }) => members.revokeInvitation(ctx, input.personId)),

	deactivate: adminProcedure.input(personIdInput).mutation(({ ctx, input }) => members.setMemberActive(ctx, input.personId, false)),

	reactivate: adminProcedure.input(personIdInput).mutation(({ ctx, input }) => members.setMemberActive(ctx, input.personId, true))
});
