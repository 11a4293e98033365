import { TRPCError } from '@trpc/server';
import { fieldError } from '$lib/server/errors';
import { backPath, finish } from '$lib/server/form-outcome';
import { defineActions, formAction } from '$lib/server/forms';
import { loadOrFail, serverCaller } from '$lib/server/trpc/server-caller';
import type { PageServerLoad } from './$types';

/** Admins: "Assign coach" as a page (the list opens it as a dialog). */
export const load: PageServerLoad = (event) =>
	loadOrFail(event, async () => {
		const api = serverCaller(event);
		const { tenant, coacheeId } = event.params;
		const [coachee, coaches] = await Promise.all([api.coachees.get({ tenant, coacheeId }), api.coachees.coaches({ tenant })]);
		return { coachee, coaches };
	});

export const actions = defineActions({
	assign: formAction({ coachId: 'text', back: 'optional' }, async ({ coachId, back }, { api, event }) => {
		const { tenant, coacheeId } = event.params as { tenant: string; coacheeId: string };
		if (!coachId) throw new TRPCError({ code: 'BAD_REQUEST', message: 'Choose a coach.', cause: fieldError('coachId', 'Choose a coach.') });
		const [coachee, coaches] = await Promise.all([api.coachees.get({ tenant, coacheeId }), api.coachees.coaches({ tenant })]);
		const { moved } = await api.coachees.assignCoach({ tenant, coacheeIds: [coacheeId], coachId });
		const coachName = coaches.find((coach) => coach.id === coachId)?.name ?? 'the coach';
		const list = `/t/${tenant}/coachees`;
		return finish(event, {
			message: moved ? `${coachee.name} is now coached by ${coachName}.` : `${coachee.name} was already coached by ${coachName}.`,
			location: backPath(back, list, list)
		});
	})
});
