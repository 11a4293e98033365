import { loadOrFail, serverCaller } from '$lib/server/trpc/server-caller';
import type { PageServerLoad } from './$types';

/** Home: what matters now for whoever opens it, in one procedure and one tenant round trip
 * (in parallel with the layout's). */
export const load: PageServerLoad = (event) =>
	loadOrFail(event, async () => ({ home: await serverCaller(event).home.overview({ tenant: event.params.tenant }) }));
