import { profileHref } from '$lib/coachees/tabs';
import { finish } from '$lib/server/form-outcome';
import { defineActions, formAction } from '$lib/server/forms';
import { loadOrFail, serverCaller } from '$lib/server/trpc/server-caller';
import type { PageServerLoad } from './$types';

/** "Edit" as a page (the list and the profile open it as a dialog). */
export const load: PageServerLoad = (event) =>
	loadOrFail(event, async () => ({
		coachee: await serverCaller(event).coachees.get({ tenant: event.params.tenant, coacheeId: event.params.coacheeId })
	}));

export const actions = defineActions({
	update: formAction({ firstName: 'text', lastName: 'text', email: 'text' }, async (input, { api, event }) => {
		const { tenant, coacheeId } = event.params as { tenant: string; coacheeId: string };
		const before = await api.coachees.get({ tenant, coacheeId });
		await api.coachees.update({ tenant, coacheeId, ...input });
		const name = `${input.firstName.trim()} ${input.lastName.trim()}`.trim();
		const reinvited = before.status === 'invited' && input.email.trim().toLowerCase() !== before.email.toLowerCase();
		return finish(event, {
			message: reinvited ? `${name}’s details are saved. A new invitation went to ${input.email.trim()}.` : `${name}’s details are saved.`,
			location: profileHref(tenant, coacheeId)
		});
	})
});
