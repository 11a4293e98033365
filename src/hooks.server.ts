import { dev } from '$app/environment';
import type { Handle } from '@sveltejs/kit';
import { openControlDb } from '$lib/server/db';
import { sessionCookieName } from '$lib/server/auth/sessions';
import { tenantDirectory } from '$lib/server/tenancy/directory';
import { resolveIdentity } from '$lib/server/tenancy/identity';
import { cloudflarePlatform } from '$lib/server/platform/cloudflare';
import { cloudflareFileLinks } from '$lib/server/platform/cloudflare/file-links';
import type { Platform } from '$lib/server/platform/ports';
import { secureResponse } from '$lib/server/security';

/** Production wires Cloudflare adapters per request (no I/O objects outlive a request);
 * `vite dev` uses the local runtime. The `dev` branch is removed from the Workers build. */
async function platformFor(event: Parameters<Handle>[0]['event']): Promise<Platform> {
	if (dev) {
		const { devRuntime } = await import('$lib/server/platform/local/dev-runtime');
		return (await devRuntime()).platform;
	}
	if (!event.platform?.env) throw new Error('No Cloudflare environment: run with `npm run dev` or on Workers.');
	const env = event.platform.env;
	return cloudflarePlatform(env, (clock) => cloudflareFileLinks(env, clock));
}

export const handle: Handle = async ({ event, resolve }) => {
	const platform = await platformFor(event);
	const token = event.cookies.get(sessionCookieName);
	event.locals.platform = platform;
	return secureResponse(event.url, platform.config, async () => {
		event.locals.tenantBySlug = tenantDirectory(platform);
		// A page opened from an emailed link names a workspace its visitor may not belong to
		// yet: look it up beside the session, not after it.
		if (event.route.id?.startsWith('/invite/') && event.params.tenant) void event.locals.tenantBySlug(event.params.tenant).catch(() => {});
		// The request's one control-plane query (session, user, workspaces); pages visited
		// without a session (sign-in, sign-up) touch no database at all.
		const identity = token ? await resolveIdentity(openControlDb(platform), token, platform.clock.now()) : null;
		event.locals.user = identity?.user ?? null;
		event.locals.workspaces = identity?.workspaces ?? [];
		event.locals.scopes = new Map();
		return resolve(event);
	});
};
