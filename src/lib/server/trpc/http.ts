/**
 * The one HTTP entry for tRPC, used by the SvelteKit route, and by tests and benchmarks
 * directly. It owns the checks that do not belong to any procedure: same-origin writes
 * and the session cookie.
 */
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { openControlDb } from '../db';
import { sessionCookieName } from '../auth/sessions';
import { tenantDirectory, type TenantDirectory } from '../tenancy/directory';
import { resolveIdentity, type Identity } from '../tenancy/identity';
import type { Platform } from '../platform/ports';
import type { Context, TenantScopes } from './context';
import { appRouter } from './router';
import { maxBatchSize } from '../../trpc-limits';

export const trpcEndpoint = '/api/trpc';

export interface TrpcRequestOptions {
	platform: Platform;
	clientAddress: string;
	/** Pass when the caller already resolved who is asking (SvelteKit hooks), to skip the query. */
	identity?: Identity | null;
	/** The request's tenant scopes and directory, when the hooks made them. */
	scopes?: TenantScopes;
	tenantBySlug?: TenantDirectory;
}

export async function handleTrpcRequest(request: Request, options: TrpcRequestOptions): Promise<Response> {
	if (request.method !== 'GET' && !isSameOrigin(request)) {
		// Shaped as a tRPC error so the client shows the message like any other refusal.
		return Response.json(
			{
				error: {
					message: 'This request came from another site and was refused.',
					code: -32003,
					data: { code: 'FORBIDDEN', httpStatus: 403 }
				}
			},
			{ status: 403 }
		);
	}
	const token = readCookie(request.headers.get('cookie'), sessionCookieName);
	const identity =
		options.identity !== undefined
			? options.identity
			: token
				? await resolveIdentity(openControlDb(options.platform), token, options.platform.clock.now())
				: null;
	const scopes = options.scopes ?? new Map();
	return fetchRequestHandler({
		endpoint: trpcEndpoint,
		req: request,
		router: appRouter,
		maxBatchSize,
		createContext: ({ resHeaders }): Context => ({
			platform: options.platform,
			user: identity?.user ?? null,
			workspaces: identity?.workspaces ?? [],
			scopes,
			tenantBySlug: options.tenantBySlug ?? tenantDirectory(options.platform),
			clientAddress: options.clientAddress,
			session: {
				set: (value, expiresAt) => resHeaders.append('set-cookie', sessionCookie(request, value, expiresAt)),
				clear: () => resHeaders.append('set-cookie', sessionCookie(request, '', new Date(0)))
			}
		}),
		onError({ error, path }) {
			if (error.code === 'INTERNAL_SERVER_ERROR') console.error(`tRPC ${path ?? '?'} failed:`, error.cause ?? error);
		}
	});
}

/** Browsers send Origin on cross-site POSTs; Sec-Fetch-Site backs it up. */
function isSameOrigin(request: Request): boolean {
	const origin = request.headers.get('origin');
	if (origin) return origin === new URL(request.url).origin;
	const site = request.headers.get('sec-fetch-site');
	return site === null || site === 'same-origin' || site === 'none';
}

/** The cookie's value, or null when it is missing or not validly encoded (a mangled cookie
 * means no session, not a failed request). */
export function readCookie(header: string | null, name: string): string | null {
	if (!header) return null;
	for (const part of header.split(';')) {
		const [key, ...value] = part.trim().split('=');
		if (key === name) return decodeCookieValue(value.join('='));
	}
	return null;
}

function decodeCookieValue(value: string): string | null {
	try {
		return decodeURIComponent(value);
	} catch {
		return null;
	}
}

export function sessionCookie(request: Request, value: string, expiresAt: Date): string {
	const url = new URL(request.url);
	// Browsers accept Secure cookies from http://localhost, so only plain-HTTP hosts that
	// are not loopback (never the case in production) go without it.
	const secure = url.protocol === 'https:' || ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
	return [
		`${sessionCookieName}=${encodeURIComponent(value)}`,
		'Path=/',
		'HttpOnly',
		'SameSite=Lax',
		...(secure ? ['Secure'] : []),
		`Expires=${expiresAt.toUTCString()}`
	].join('; ');
}
