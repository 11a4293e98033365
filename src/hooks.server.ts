import { dev } from '$app/environment';
import type { Handle } from '@sveltejs/kit';
import { openControlDb } from '$lib/server/db';
import { resolveSession, sessionCookieName } from '$lib/server/auth/sessions';
import { cloudflarePlatform } from '$lib/server/platform/cloudflare';
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
	return cloudflarePlatform(event.platform.env);
}

export const handle: Handle = async ({ event, resolve }) => {
	const platform = await platformFor(event);
	const token = event.cookies.get(sessionCookieName);
	event.locals.platform = platform;
	// Pages visited without a session (sign-in, sign-up) touch no database at all.
	event.locals.user = token ? await resolveSession(openControlDb(platform), token, platform.clock.now()) : null;
	return secureResponse(event.url, platform.config, () => resolve(event));
};
