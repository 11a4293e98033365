import { countCoachees } from '$lib/members/schema';
import { finish } from '$lib/server/form-outcome';
import { defineActions, formAction, type ActionContext } from '$lib/server/forms';
import { loadOrFail, serverCaller } from '$lib/server/trpc/server-caller';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	loadOrFail(event, async () => ({ members: await serverCaller(event).members.list({ tenant: event.params.tenant }) }));

type Member = Awaited<ReturnType<ActionContext['api']['members']['list']>>[number];


/** One Options item on a member's row: run it, then confirm in words naming the member. */
const memberAction = (
	run: (api: ActionContext['api'], input: { tenant: string; personId: string }) => Promise<unknown>,
	done: (member: Member, tenantName: string) => string
) =>
	formAction({ personId: 'text' }, async ({ personId }, { api, event }) => {
		const tenant = event.params.tenant as string;
		const [members, current] = await Promise.all([api.members.list({ tenant }), api.tenancy.current({ tenant })]);
		await run(api, { tenant, personId });
		const member = members.find((m) => m.id === personId);
		const message = member ? done(member, current.tenant.name) : 'Done.';
		return finish(event, { message, location: `/t/${tenant}/settings/members` });
	});

export const actions = defineActions({
	resend: memberAction(
		(api, input) => api.members.resendInvitation(input),
		(member) => `Invitation sent to ${member.email}.`
	),
	revoke: memberAction(
		(api, input) => api.members.revokeInvitation(input),
		(member) => `The invitation to ${member.email} no longer works.`
	),
	reactivate: memberAction(
		(api, input) => api.members.reactivate(input),
		(member, tenantName) => `${member.name} can sign in to ${tenantName} again. We emailed them.`
	),
	remove: memberAction(
		(api, input) => api.members.remove(input),
		(member) => `${member.name} is removed${member.coachees ? `; their ${countCoachees(member.coachees)} now ${member.coachees === 1 ? 'has' : 'have'} no coach` : ''}.`
	)
});
