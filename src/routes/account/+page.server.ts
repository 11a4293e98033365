import { redirect } from '@sveltejs/kit';
import { flash } from '$lib/server/flash';
import { defineActions, formAction } from '$lib/server/forms';
import { loadOrFail, serverCaller } from '$lib/server/trpc/server-caller';
import type { PageServerLoad } from './$types';

/** Account settings live outside any workspace; they list the workspaces to go to, and those
 * an admin turned the user's access off in (no query: the request's identity knows both). */
export const load: PageServerLoad = (event) => {
	const user = event.locals.user;
	if (!user) redirect(303, '/signin?redirectTo=/account');
	return loadOrFail(event, async () => {
		const api = serverCaller(event);
		const [tenants, turnedOff] = await Promise.all([api.tenancy.mine(), api.tenancy.turnedOff()]);
		return { user, tenants, turnedOff };
	});
};

export const actions = defineActions({
	saveProfile: formAction({ name: 'text' }, async (input, { api, event }) => {
		await api.auth.updateProfile(input);
		flash(event.cookies, 'Profile saved.');
		redirect(303, '/account');
	}),

	// No redirect: the enhanced form then resets, so the passwords don't stay in the fields.
	changePassword: formAction({ currentPassword: 'secret', newPassword: 'secret' }, async (input, { api, event }) => {
		await api.auth.changePassword(input);
		flash(event.cookies, 'Password changed. You were signed out on your other devices.');
	}),

	resendConfirmation: formAction({}, async (_input, { api, event }) => {
		const { sent } = await api.auth.resendVerification();
		flash(event.cookies, sent ? `Confirmation email sent to ${event.locals.user?.email}.` : 'Your email address is already confirmed.');
		redirect(303, '/account');
	})
});
