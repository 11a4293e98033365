/**
 * What every response of the app worker carries, and what production never serves. The
 * Content-Security-Policy itself comes from SvelteKit (`kit.csp` in svelte.config.js), which
 * adds a fresh nonce to each rendered page; this module adds the headers that do not depend
 * on the page, and closes the /dev tree unless the platform enables dev tools.
 */
import type { AppConfig } from '../platform/ports';

/** Two years, what the HSTS preload list recommends. */
const hstsMaxAgeSeconds = 63_072_000;

function securityHeaders(url: URL): Record<string, string> {
	return {
		'Referrer-Policy': 'strict-origin-when-cross-origin',
		'X-Content-Type-Options': 'nosniff',
		'X-Frame-Options': 'DENY',
		'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
		// Browsers ignore HSTS over plain HTTP, and sending it from http://localhost would
		// only confuse; production is always HTTPS.
		...(url.protocol === 'https:' ? { 'Strict-Transport-Security': `max-age=${hstsMaxAgeSeconds}; includeSubDomains` } : {})
	};
}

/** /dev/ui and /dev/mail are tools for local runs: the mailbox shows every email's links. */
export function isDevOnlyPath(pathname: string): boolean {
	return pathname === '/dev' || pathname.startsWith('/dev/');
}

/**
 * The hook's answer: a plain 404 for the /dev tree when dev tools are off (before any page
 * code runs), otherwise whatever `respond` renders; either way with the security headers.
 */
export async function secureResponse(
	url: URL,
	config: Pick<AppConfig, 'devTools'>,
	respond: () => Response | Promise<Response>
): Promise<Response> {
	const response = isDevOnlyPath(url.pathname) && !config.devTools ? notFound() : await respond();
	return withHeaders(response, securityHeaders(url));
}

function notFound(): Response {
	return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

function withHeaders(response: Response, headers: Record<string, string>): Response {
	try {
		return setAll(response, headers);
	} catch {
		// Responses from fetch() or Response.redirect() have immutable headers: copy those.
		return setAll(new Response(response.body, response), headers);
	}
}

function setAll(response: Response, headers: Record<string, string>): Response {
	for (const [name, value] of Object.entries(headers)) {
		// A response the app's own pages may frame (a file preview, files/blob.ts) says so itself.
		if (name === 'X-Frame-Options' && response.headers.has(name)) continue;
		response.headers.set(name, value);
	}
	return response;
}
