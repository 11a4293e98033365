import { engagementPaths } from '$lib/engagements/paths';
import { readListQuery } from '$lib/engagements/list-query';
import { finishElsewhere } from '$lib/server/form-outcome';
import { defineActions, formAction } from '$lib/server/forms';
import { loadOrFail, serverCaller } from '$lib/server/trpc/server-caller';
import { engagementStatuses } from '$lib/engagements/schema';
import { exportShapes } from '$lib/exports/schema';
import type { PageServerLoad } from './$types';

/** Engagements > Export: the filters, prefilled from the list's (status, coach, coachee), and one's recent exports. */
export const load: PageServerLoad = async (event) => {
	const { status, coach, coachee } = readListQuery(event.url.searchParams, 1);
	const page = await loadOrFail(event, () => serverCaller(event).exports.page({ tenant: event.params.tenant, coacheeId: coachee || undefined }));
	return { prefill: { status, coachId: coach, coacheeId: coachee }, page };
};

export const actions = defineActions({
	start: formAction({ from: 'optional', to: 'optional', coachId: 'optional', coacheeId: 'optional', status: 'optional', shape: 'text' }, async (input, { api, event }) => {
		const tenant = event.params.tenant as string;
		const { id } = await api.exports.start({
			tenant,
			...input,
			status: engagementStatuses.find((status) => status === input.status),
			shape: exportShapes.find((shape) => shape === input.shape) ?? 'item'
		});
		finishElsewhere(event, { message: 'Export started.', location: `/t/${tenant}${engagementPaths.exportJob(id)}` });
	})
});
