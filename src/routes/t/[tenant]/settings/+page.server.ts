import { redirect } from '@sveltejs/kit';
import { workspaceOf } from '$lib/server/trpc/server-caller';
import type { PageServerLoad } from './$types';

/** Admins manage the workspace; everyone else has only their own account. */
export const load: PageServerLoad = (event) => {
	const isAdmin = workspaceOf(event)?.roles.includes('admin') ?? false;
	redirect(303, isAdmin ? `/t/${event.params.tenant}/settings/workspace` : '/account');
};
