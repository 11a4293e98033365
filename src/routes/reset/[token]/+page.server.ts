import { redirect } from '@sveltejs/kit';
import { fieldError } from '$lib/server/errors';
import { defineActions, formAction } from '$lib/server/forms';
import { toTRPCError } from '$lib/server/trpc/errors';

export const actions = defineActions({
	default: formAction({ password: 'secret', confirm: 'secret' }, async ({ password, confirm }, { api, event }) => {
		// Checked before the token is spent: a typo must not use up the link.
		if (password !== confirm) throw toTRPCError(fieldError('confirm', 'The two passwords are not the same.'));
		const { redirectTo } = await api.auth.resetPassword({ token: event.params.token ?? '', password });
		redirect(303, redirectTo);
	})
});
