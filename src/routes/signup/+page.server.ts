import { redirect } from '@sveltejs/kit';
import { defineActions, formAction } from '$lib/server/forms';

export const actions = defineActions({
	default: formAction({ firstName: 'text', lastName: 'text', email: 'text', password: 'secret' }, async (input, { api }) => {
		const { redirectTo } = await api.auth.signUpCoach(input);
		redirect(303, redirectTo);
	})
});
