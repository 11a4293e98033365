import { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
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
