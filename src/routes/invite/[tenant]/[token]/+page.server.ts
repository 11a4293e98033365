import { redirect } from '@sveltejs/kit';
import { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { defineActions, formAction } from '$lib/server/forms';
import { loadOrFail, serverCaller } from '$lib/server/trpc/server-caller';
import type { PageServerLoad } from './$types';

/** The invitation behind the emailed link. A bad, used or expired link is not an error page:
 * the person sees what happened and what to do next. */
export const load: PageServerLoad = (event) =>
	loadOrFail(event, async () => {
		try {
			const invitation = await serverCaller(event).invitations.preview({
				tenant: event.params.tenant,
				token: event.params.token
			});
			return { invitation, problem: null };
		} catch (cause) {
			if (cause instanceof TRPCError && (cause.code === 'BAD_REQUEST' || cause.code === 'NOT_FOUND')) {
				const message =
					cause.cause instanceof ZodError
						? (cause.cause.issues[0]?.message ?? 'This invitation link is not valid.')
						: cause.message;
				return { invitation: null, problem: message };
			}
			throw cause;
		}
	});

export const actions = defineActions({
	accept: formAction({ firstName: 'text', lastName: 'text', password: 'secret' }, async (input, { api, event }) => {
		const { tenant, token } = event.params as { tenant: string; token: string };
		const { redirectTo } = await api.invitations.accept({ tenant, token, ...input, password: input.password || undefined });
		redirect(303, redirectTo);
	}),

	/** Signed in as someone else: sign out first, or the sign-in page would send them straight back. */
	switchAccount: formAction({ email: 'text' }, async ({ email }, { api, event }) => {
		await api.auth.signOut();
		const back = encodeURIComponent(event.url.pathname);
		redirect(303, `/signin?redirectTo=${back}&email=${encodeURIComponent(email)}`);
	})
});
