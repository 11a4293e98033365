import { deactivateMemberInput, inviteMemberInput, personIdInput } from '../../members/schema';
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

	/** Also hands over a coach's coachees: kept, left with no coach, or moved to another coach. */
	deactivate: adminProcedure.input(deactivateMemberInput).mutation(({ ctx, input }) => members.deactivateMember(ctx, input)),

	reactivate: adminProcedure.input(personIdInput).mutation(({ ctx, input }) => members.reactivateMember(ctx, input.personId)),

	/** Someone who never activated (invited by mistake, or revoked). */
	remove: adminProcedure.input(personIdInput).mutation(({ ctx, input }) => members.removeMember(ctx, input.personId))
});
