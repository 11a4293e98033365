import { error } from '@sveltejs/kit';
import { keepCoachees, unassignCoachees } from '$lib/members/schema';
import { finish } from '$lib/server/form-outcome';
import { defineActions, formAction } from '$lib/server/forms';
import { loadOrFail, serverCaller } from '$lib/server/trpc/server-caller';
import type { PageServerLoad } from './$types';

/** Admins: "Deactivate" as a page (the members list opens it as a dialog when the member
 * coaches someone, since it asks where their coachees go). */
export const load: PageServerLoad = async (event) => {
	const members = await loadOrFail(event, () => serverCaller(event).members.list({ tenant: event.params.tenant }));
	const member = members.find((m) => m.id === event.params.personId);
	if (!member) error(404, 'That person is not in this workspace any more.');
	return { member, members };
};

export const actions = defineActions({
	deactivate: formAction({ coachees: 'optional' }, async ({ coachees = keepCoachees }, { api, event }) => {
		const { tenant, personId } = event.params as { tenant: string; personId: string };
		const members = await api.members.list({ tenant });
		await api.members.deactivate({ tenant, personId, coachees });
		const member = members.find((m) => m.id === personId);
		const name = member?.name ?? 'They';
		return finish(event, {
			message: `${name} is deactivated and was emailed.${member?.coachees ? ` ${handover(member.coachees, coachees, members)}` : ''}`,
			location: `/t/${tenant}/settings/members`
		});
	})
});

function handover(count: number, choice: string, members: { id: string; name: string }[]): string {
	const one = count === 1;
	const theirs = one ? 'Their coachee' : `Their ${count} coachees`;
	if (choice === keepCoachees) return `${theirs} still ${one ? 'shows' : 'show'} them as coach, marked Deactivated.`;
	const coach = choice === unassignCoachees ? 'no coach' : `${members.find((m) => m.id === choice)?.name ?? 'another coach'} as coach`;
	return `${theirs} now ${one ? 'has' : 'have'} ${coach}.`;
}
