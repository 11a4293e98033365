import { loadOrFail, serverCaller } from '$lib/server/trpc/server-caller';
import type { PageServerLoad } from './$types';

/** One export: its progress while the job runs, then its download. */
export const load: PageServerLoad = (event) =>
	loadOrFail(event, async () => ({ job: await serverCaller(event).exports.get({ tenant: event.params.tenant, exportId: event.params.exportId }) }));
