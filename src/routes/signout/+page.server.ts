import { redirect } from '@sveltejs/kit';
import { defineActions, formAction } from '$lib/server/forms';
import type { PageServerLoad } from './$types';

/** Opened as a page (typed, or an old bookmark): ask, don't sign out on a GET. */
export const load: PageServerLoad = ({ locals }) => {
	if (!locals.user) redirect(303, '/signin');
	return { email: locals.user.email };
};

/** A plain form posts here (the account menu, account settings), so signing out works
 * without JavaScript; SvelteKit's origin check keeps other sites from signing people out. */
export const actions = defineActions({
	default: formAction({}, async (_input, { api }) => {
		await api.auth.signOut();
		redirect(303, '/signin');
	})
});
