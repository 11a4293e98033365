import { defineActions, formAction } from '$lib/server/forms';

/** Spent by the POST only: a GET (a mail scanner prefetching the link) just shows the button. */
export const actions = defineActions({
	confirm: formAction({}, async (_input, { api, event }) => {
		await api.auth.verifyEmail({ token: event.params.token ?? '' });
		return { verified: true };
	}),

	/** After a link that can't be used, signed in but still unconfirmed: a fresh email. */
	resend: formAction({}, async (_input, { api, event }) => {
		const { sent } = await api.auth.resendVerification();
		return { sentTo: sent ? event.locals.user?.email : undefined };
	})
});
