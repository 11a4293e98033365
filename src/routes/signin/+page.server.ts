import { redirect } from '@sveltejs/kit';
import { localPath, sameSitePath } from '$lib/auth/local-path';
import { defineActions, formAction } from '$lib/server/forms';
import type { PageServerLoad } from './$types';

/** Someone already signed in has nothing to do here: send them on. */
export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) {
		const next = url.searchParams.get('redirectTo');
		redirect(303, next && localPath.test(next) ? next : '/');
	}
};

/** `?redirectTo=` rides on each form's action URL, so it survives a refused attempt. */
export const actions = defineActions({
	password: formAction({ email: 'text', password: 'secret' }, async (input, { api, event }) => {
		const { redirectTo } = await api.auth.signIn(input);
		redirect(303, sameSitePath(event.url.searchParams.get('redirectTo')) ?? redirectTo);
	}),

	link: formAction({ email: 'text' }, async ({ email }, { api, event }) => {
		await api.auth.requestSignInLink({ email, redirectTo: sameSitePath(event.url.searchParams.get('redirectTo')) });
		return { sentTo: email.trim() };
	})
});
