import { loadOrFail, serverCaller } from '$lib/server/trpc/server-caller';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	loadOrFail(event, async () => ({ members: await serverCaller(event).members.list({ tenant: event.params.tenant }) }));
