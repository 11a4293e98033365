import { engagementPaths } from '$lib/engagements/paths';
import { readWizard, settleStep, stepsFor } from '$lib/engagements/wizard';
import { finish } from '$lib/server/form-outcome';
import { defineActions, formAction } from '$lib/server/forms';
import { loadOrFail, serverCaller, workspaceOf } from '$lib/server/trpc/server-caller';
import type { Actions, PageServerLoad } from './$types';

const isAdminOf = (event: Parameters<PageServerLoad>[0]) => workspaceOf(event)?.roles.includes('admin') ?? false;

/** "+ New": the step the address asks for, with everything the steps offer in one batch. */
export const load: PageServerLoad = async (event) => {
	const isAdmin = isAdminOf(event);
	const { step: requested, ...state } = readWizard(event.url.searchParams, isAdmin);
	const choices = await loadOrFail(event, () =>
		serverCaller(event).engagements.choices({ tenant: event.params.tenant, search: state.q.trim() || undefined, coacheeIds: state.coachees })
	);
	const { step, problem } = settleStep(requested, state, isAdmin);
	return { state, step, problem, steps: stepsFor(isAdmin), isAdmin, choices };
};

export const actions: Actions = defineActions({
	create: formAction(
		{
			coacheeIds: 'list',
			groupId: 'optional',
			coachId: 'optional',
			programId: 'optional',
			title: 'optional',
			startsOn: 'optional',
			endsOn: 'optional',
			status: 'optional',
			shared: 'checkbox'
		},
		async (input, { api, event }) => {
			const made = await api.engagements.create({
				tenant: event.params.tenant ?? '',
				...input,
				status: input.status === 'active' ? 'active' : input.status === 'draft' ? 'draft' : undefined
			});
			const base = `/t/${event.params.tenant}`;
			const status = made.status === 'draft' ? 'as Drafts only admins see until marked Active' : 'as Active';
			if (made.count === 1) {
				return finish(event, { message: `“${made.title}” created${made.status === 'draft' ? ' as a Draft' : ''}.`, location: `${base}${engagementPaths.engagement(made.ids[0]!)}` });
			}
			return finish(event, { message: `Created ${made.count} engagements “${made.title}”, one per coachee, ${status}.`, location: `${base}${engagementPaths.list}` });
		}
	)
});
