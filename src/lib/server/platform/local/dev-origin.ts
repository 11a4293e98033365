/**
 * Where `npm run dev` really listens, for the links in emails. Vite moves to the next port
 * when 5173 is taken, so vite.config.ts reports the address once the server listens, through
 * an environment variable read whenever a link is built. Types are its only imports, as
 * vite.config.ts loads it before the app exists.
 */
import type { AddressInfo } from 'node:net';

export const devOriginVariable = 'TANDEM_DEV_ORIGIN';
const defaultDevOrigin = 'http://localhost:5173';

/** Loopback and wildcard addresses are reached as localhost, which is what Vite prints. */
export function originOfListeningServer(address: AddressInfo, https: boolean): string {
	const local = ['127.0.0.1', '::1', '0.0.0.0', '::'].includes(address.address);
	const host = local ? 'localhost' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
	return `${https ? 'https' : 'http'}://${host}:${address.port}`;
}

/** APP_URL set by hand wins; then the dev server's real address; then Vite's default. */
export function localAppUrl(env: Record<string, string | undefined>): string {
	return env.APP_URL || env[devOriginVariable] || defaultDevOrigin;
}
