import { membersText } from '$lib/groups/group-actions.server';
import { finish } from '$lib/server/form-outcome';
import { defineActions, formAction } from '$lib/server/forms';
import { loadOrFail, serverCaller } from '$lib/server/trpc/server-caller';
import type { PageServerLoad } from './$types';

/** Admins: the workspace's coachee groups with their member counts. */
export const load: PageServerLoad = (event) =>
	loadOrFail(event, async () => ({ groups: await serverCaller(event).coachees.groups({ tenant: event.params.tenant }) }));

const list = (tenant: string) => `/t/${tenant}/groups`;

export const actions = defineActions({
	/** With scripts the confirmation offers Undo: recreating the grouping is cheap. */
	delete: formAction({ groupId: 'text' }, async ({ groupId }, { api, event }) => {
		const tenant = event.params.tenant as string;
		const group = await api.coachees.group({ tenant, groupId });
		await api.coachees.deleteGroup({ tenant, groupId });
		return finish(event, {
			message: `Group “${group.name}” deleted. Its coachees stay.`,
			location: list(tenant),
			undo: { action: `${list(tenant)}?/restore`, fields: { name: group.name, memberIds: group.members.map((m) => m.id) } }
		});
	}),

	restore: formAction({ name: 'text', memberIds: 'list' }, async (input, { api, event }) => {
		const tenant = event.params.tenant as string;
		await api.coachees.createGroup({ tenant, ...input });
		return finish(event, { message: `Group “${input.name}” is back with ${membersText(input.memberIds.length)}.`, location: list(tenant) });
	})
});
