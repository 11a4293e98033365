import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

/** Only same-site paths: one leading '/', never '//' or '/\' (other sites to a browser). */
const localPath = /^\/(?![/\\])[\w\-./?=&%]*$/;

/** Someone already signed in has nothing to do here: send them on. */
export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) {
		const next = url.searchParams.get('redirectTo');
		redirect(303, next && localPath.test(next) ? next : '/');
	}
};
