import { redirect } from '@sveltejs/kit';
import { listHref, listInput, readListQuery } from '$lib/coachees/query';
import { loadOrFail, serverCaller, workspaceOf } from '$lib/server/trpc/server-caller';
import type { PageServerLoad } from './$types';

/** The roster page: the URL's search params are the list's state. */
export const load: PageServerLoad = async (event) => {
	const isAdmin = workspaceOf(event)?.roles.includes('admin') ?? false;
	const tenant = event.params.tenant;
	const query = readListQuery(event.url.searchParams, isAdmin);
	const { list, coaches } = await loadOrFail(event, async () => {
		const api = serverCaller(event);
		const [list, coaches] = await Promise.all([api.coachees.list(listInput(tenant, query)), isAdmin ? api.coachees.coaches({ tenant }) : null]);
		return { list, coaches };
	});
	// A page past the end (e.g. after filtering from page 40): go to the last page there is.
	if (list.rows.length === 0 && list.total > 0) {
		redirect(307, listHref(event.url.pathname, { ...query, page: Math.ceil(list.total / list.pageSize) }));
	}
	return { query, list, coaches, isAdmin };
};
