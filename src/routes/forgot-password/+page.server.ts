import { defineActions, formAction } from '$lib/server/forms';

export const actions = defineActions({
	default: formAction({ email: 'text' }, async ({ email }, { api }) => {
		await api.auth.requestPasswordReset({ email });
		return { sentTo: email.trim() };
	})
});
