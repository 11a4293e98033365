import { redirect } from '@sveltejs/kit';
import { landingPath } from '$lib/server/auth/service';
import type { PageServerLoad } from './$types';

/** The front door: signed-in people go to their workspace, others to sign in. */
export const load: PageServerLoad = async ({ locals }) => {
	redirect(303, locals.user ? await landingPath(locals.platform, locals.user.id) : '/signin');
};
