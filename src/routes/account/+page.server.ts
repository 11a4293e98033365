import { redirect } from '@sveltejs/kit';
import { loadOrFail, serverCaller } from '$lib/server/trpc/server-caller';
import type { PageServerLoad } from './$types';

/** Account settings live outside any workspace; they list the workspaces to go to. */
export const load: PageServerLoad = (event) => {
	const user = event.locals.user;
	if (!user) redirect(303, '/signin?redirectTo=/account');
	return loadOrFail(event, async () => ({ user, tenants: await serverCaller(event).tenancy.mine() }));
};
