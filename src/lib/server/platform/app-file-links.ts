/**
 * Signed file links for runtimes without R2's S3 endpoint (`npm run dev`, tests, and
 * `npm run preview` in workerd): the same contract as presigned R2 URLs, served by the app's
 * own route `/files/blob/<token>` (files/blob.ts), which puts and gets bytes in the
 * platform's file store. The token binds the method, the key, the content type (and, for a
 * download, its name and disposition) and the expiry under an HMAC, so a link changed in
 * any part, used for the other method, or used late is refused.
 *
 * The HMAC key is derived (HKDF) from the runtime's own secret, TENANT_TOKEN_KEYS, which the
 * local runtime keeps per data folder and the preview hands to its workers: no constant key
 * ships in code, and production never uses these links (cloudflare/file-links.ts).
 */
import type { Clock, FileLinks } from './ports';

export const blobRoute = '/files/blob/';

export interface LinkClaims {
	method: 'PUT' | 'GET';
	key: string;
	contentType: string;
	/** Seconds since the epoch. */
	expires: number;
	/** GET only: the download's name, and whether it shows in place. */
	name?: string;
	inline?: boolean;
}

export interface AppFileLinks extends FileLinks {
	/** The claims of a token whose signature holds and which has not expired; null otherwise. */
	verify(token: string): Promise<LinkClaims | null>;
}

const encoder = new TextEncoder();

function toBase64Url(bytes: Uint8Array): string {
	return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
	const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
	return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function linkKey(secret: string): Promise<CryptoKey> {
	const first = secret.split(/[\s,]+/).find(Boolean);
	if (!first) throw new Error('File links need a secret (TENANT_TOKEN_KEYS) to sign with.');
	const material = await crypto.subtle.importKey('raw', encoder.encode(first), 'HKDF', false, ['deriveKey']);
	return crypto.subtle.deriveKey(
		{ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: encoder.encode('tandem/file-links/v1') },
		material,
		{ name: 'HMAC', hash: 'SHA-256', length: 256 },
		false,
		['sign', 'verify']
	);
}

/** `appUrl` is read on every link, so a dev server's origin known only once it listens is used. */
export function appFileLinks(options: { appUrl: () => string; secret: string; clock: Clock }): AppFileLinks {
	let key: Promise<CryptoKey> | undefined;
	const hmac = () => (key ??= linkKey(options.secret));
	const expiry = (seconds: number) => Math.floor(options.clock.now().getTime() / 1000) + Math.max(1, Math.floor(seconds));

	async function sign(claims: LinkClaims): Promise<string> {
		const payload = toBase64Url(encoder.encode(JSON.stringify(claims)));
		const signature = new Uint8Array(await crypto.subtle.sign('HMAC', await hmac(), encoder.encode(payload)));
		return `${options.appUrl()}${blobRoute}${payload}.${toBase64Url(signature)}`;
	}

	return {
		uploadUrl: (storageKey, { contentType, expiresInSeconds }) => sign({ method: 'PUT', key: storageKey, contentType, expires: expiry(expiresInSeconds) }),
		downloadUrl: (storageKey, { name, contentType, inline, expiresInSeconds }) =>
			sign({ method: 'GET', key: storageKey, contentType, name, inline, expires: expiry(expiresInSeconds) }),
		async verify(token) {
			const [payload, signature, extra] = token.split('.');
			if (!payload || !signature || extra !== undefined) return null;
			try {
				const valid = await crypto.subtle.verify('HMAC', await hmac(), fromBase64Url(signature), encoder.encode(payload));
				if (!valid) return null;
				const claims = JSON.parse(new TextDecoder().decode(fromBase64Url(payload))) as LinkClaims;
				return claims.expires * 1000 > options.clock.now().getTime() ? claims : null;
			} catch {
				return null; // not base64 or not JSON: not a link we made
			}
		}
	};
}
