import { engagementActions } from '$lib/engagements/engagement-actions.server';
import { readListQuery } from '$lib/engagements/list-query';
import { leavePastEnd, pageParam } from '$lib/server/paging';
import { loadOrFail, serverCaller } from '$lib/server/trpc/server-caller';
import type { PageServerLoad } from './$types';

/** Staff get the list with its filters; a coachee their shared engagements, an authorized
 * user the ones they follow (the same procedure: access.ts decides what each sees). */
export const load: PageServerLoad = async (event) => {
	const query = readListQuery(event.url.searchParams, pageParam(event.url.searchParams));
	const list = await loadOrFail(event, () =>
		serverCaller(event).engagements.list({
			tenant: event.params.tenant,
			search: query.q.trim() || undefined,
			status: query.status || undefined,
			coachId: query.coach || undefined,
			coacheeId: query.coachee || undefined,
			page: query.page
		})
	);
	leavePastEnd(event.url, { shown: list.rows.length, total: list.total, pageSize: list.pageSize });
	return { query, list };
};

export const actions = engagementActions;
