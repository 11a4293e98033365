/** Server-side calls from `load` functions: the same procedures and checks as over HTTP,
 * without the round trip. */
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { TRPCError } from '@trpc/server';
import { sessionCookieName } from '../auth/sessions';
import { createCaller } from './router';

export function serverCaller(event: RequestEvent) {
	return createCaller({
		platform: event.locals.platform,
		user: event.locals.user,
		workspaces: event.locals.workspaces,
		scopes: event.locals.scopes,
		tenantBySlug: event.locals.tenantBySlug,
		clientAddress: event.getClientAddress(),
		session: {
			set: (token, expires) => event.cookies.set(sessionCookieName, token, { path: '/', httpOnly: true, sameSite: 'lax', expires }),
			clear: () => event.cookies.delete(sessionCookieName, { path: '/' })
		}
	});
}

const httpStatus: Partial<Record<TRPCError['code'], number>> = {
	BAD_REQUEST: 400,
	FORBIDDEN: 403,
	NOT_FOUND: 404,
	CONFLICT: 409,
	TOO_MANY_REQUESTS: 429
};

/** The HTTP status a refusal means for a page or a form (500 for anything unexpected). */
export const httpStatusOf = (error: TRPCError) => httpStatus[error.code] ?? 500;

/** The signed-in user's membership in the page's workspace, as the request already knows it
 * (no query). Loads read roles here instead of awaiting the layout, so a layout and its page
 * load in parallel; the procedures they call still check everything. */
export function workspaceOf(event: RequestEvent) {
	return event.locals.workspaces.find((w) => w.tenant.slug === event.params.tenant) ?? null;
}

/** Turns a procedure's refusal into the page a person should see. */
export async function loadOrFail<T>(event: RequestEvent, load: () => Promise<T>): Promise<T> {
	try {
		return await load();
	} catch (cause) {
		if (cause instanceof TRPCError) {
			if (cause.code === 'UNAUTHORIZED') redirect(303, `/signin?redirectTo=${encodeURIComponent(event.url.pathname)}`);
			error(httpStatusOf(cause), cause.message);
		}
		throw cause;
	}
}
