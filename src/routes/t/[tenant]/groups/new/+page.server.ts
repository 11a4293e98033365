import { groupCandidates, membersText } from '$lib/groups/group-actions.server';
import { finish } from '$lib/server/form-outcome';
import { defineActions, formAction } from '$lib/server/forms';
import { loadOrFail, serverCaller } from '$lib/server/trpc/server-caller';
import type { PageServerLoad } from './$types';

/** Admins: "New" group as a page (the groups list opens it as a dialog). */
export const load: PageServerLoad = (event) =>
	loadOrFail(event, async () => ({ candidates: await groupCandidates(serverCaller(event), event.params.tenant) }));

export const actions = defineActions({
	create: formAction({ name: 'text', memberIds: 'list' }, async (input, { api, event }) => {
		const tenant = event.params.tenant as string;
		await api.coachees.createGroup({ tenant, ...input });
		return finish(event, {
			message: `Group “${input.name.trim()}” created with ${membersText(input.memberIds.length)}.`,
			location: `/t/${tenant}/groups`
		});
	})
});
