import { groupCandidates } from '$lib/groups/group-actions.server';
import { finish } from '$lib/server/form-outcome';
import { defineActions, formAction } from '$lib/server/forms';
import { loadOrFail, serverCaller } from '$lib/server/trpc/server-caller';
import type { PageServerLoad } from './$types';

/** Admins: "Edit" a group as a page (the groups list opens it as a dialog). */
export const load: PageServerLoad = (event) =>
	loadOrFail(event, async () => {
		const api = serverCaller(event);
		const { tenant, groupId } = event.params;
		const [group, candidates] = await Promise.all([api.coachees.group({ tenant, groupId }), groupCandidates(api, tenant)]);
		return { group, candidates };
	});

export const actions = defineActions({
	update: formAction({ name: 'text', memberIds: 'list' }, async (input, { api, event }) => {
		const { tenant, groupId } = event.params as { tenant: string; groupId: string };
		await api.coachees.updateGroup({ tenant, groupId, ...input });
		return finish(event, { message: `Group “${input.name.trim()}” saved.`, location: `/t/${tenant}/groups` });
	})
});
