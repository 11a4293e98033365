import { leavePastEnd, pageParam } from '$lib/server/paging';
import { loadOrFail, serverCaller } from '$lib/server/trpc/server-caller';
import type { PageServerLoad } from './$types';

/** One bulk create: its progress while the job reads the file, then its result (one batch). */
export const load: PageServerLoad = async (event) => {
	const job = await loadOrFail(event, () => serverCaller(event).imports.get({ tenant: event.params.tenant, importId: event.params.importId, page: pageParam(event.url.searchParams) }));
	leavePastEnd(event.url, { shown: job.rejected.rows.length, total: job.rejected.total, pageSize: job.rejected.pageSize });
	return { job };
};
