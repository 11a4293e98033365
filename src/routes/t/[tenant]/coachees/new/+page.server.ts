import { profileHref } from '$lib/coachees/tabs';
import { finish } from '$lib/server/form-outcome';
import { defineActions, formAction } from '$lib/server/forms';
import { loadOrFail, serverCaller, workspaceOf } from '$lib/server/trpc/server-caller';
import type { PageServerLoad } from './$types';

/** "New" coachee as a page (the list opens it as a dialog): admins also choose the coach. */
export const load: PageServerLoad = async (event) => {
	const isAdmin = workspaceOf(event)?.roles.includes('admin') ?? false;
	return loadOrFail(event, async () => ({
		coaches: isAdmin ? await serverCaller(event).coachees.coaches({ tenant: event.params.tenant }) : null
	}));
};

export const actions = defineActions({
	create: formAction(
		{ firstName: 'text', lastName: 'text', email: 'text', sendInvitation: 'checkbox', coachId: 'optional' },
		async (input, { api, event }) => {
			const tenant = event.params.tenant as string;
			const { id } = await api.coachees.create({ tenant, ...input });
			const name = `${input.firstName.trim()} ${input.lastName.trim()}`.trim();
			return finish(event, {
				message: input.sendInvitation ? `${name} added and invited.` : `${name} added.`,
				location: profileHref(tenant, id)
			});
		}
	)
});
