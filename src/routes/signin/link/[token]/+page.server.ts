import { redirect } from '@sveltejs/kit';
import { defineActions, formAction } from '$lib/server/forms';

/** Spent by the POST only: a GET (a mail scanner prefetching the link) just shows the button. */
export const actions = defineActions({
	default: formAction({}, async (_input, { api, event }) => {
		const { redirectTo } = await api.auth.redeemSignInLink({ token: event.params.token ?? '' });
		redirect(303, redirectTo);
	})
});
