/**
 * Tenant database tokens, encrypted at rest in the control plane. A leaked control-plane
 * backup or a read-only SQL bug then hands out nothing: the key lives only in the Workers'
 * secret TENANT_TOKEN_KEYS (and, for scripts, in the operator's environment).
 *
 * AES-256-GCM through Web Crypto (the same `crypto.subtle` in Node and workerd), a random
 * 96-bit IV per seal (the size GCM is specified for: NIST SP 800-38D §8.2,
 * https://developer.mozilla.org/en-US/docs/Web/API/AesGcmParams), and the tenant's database
 * name as additional authenticated data, so a sealed token copied onto another tenant's row
 * does not open there. Stored as `v1:<keyId>:<iv>:<ciphertext>` (base64url; the ciphertext
 * carries GCM's 128-bit tag), keyId being the first 8 hex digits of SHA-256 of the raw key.
 *
 * TENANT_TOKEN_KEYS holds base64 32-byte keys separated by commas or whitespace: the FIRST
 * seals, ALL open. Key rotation without downtime: prepend a new key, deploy, run
 * `npm run tenants:rotate-tokens -- --reseal-only`, then drop the old key.
 *
 * A stored value without the `v1:` prefix is a token written before encryption: it opens as
 * itself until the reseal converts it, so deploying this never cuts a tenant off.
 */
import type { TokenVault } from '../platform/ports';

const VERSION = 'v1';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const MINT_HINT = 'mint one with `npm run tenants:new-token-key`';

/** A refusal the operator can act on; it names keys by id and never holds a token. */
export class TokenVaultError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'TokenVaultError';
	}
}

interface Keyring {
	sealing: { id: string; key: CryptoKey };
	byId: Map<string, CryptoKey>;
}

/** Imported once per isolate and secret value: CryptoKeys are not I/O objects, so reusing
 * them across requests is safe, and a changed secret (a new deploy) gets its own entry. */
const keyrings = new Map<string, Promise<Keyring>>();

/** The vault for one value of TENANT_TOKEN_KEYS; building it costs nothing until first use. */
export function tenantTokenVault(secret: string | undefined): TokenVault {
	const keyring = () => keyringFor(secret ?? '');
	return {
		async seal(token, databaseName) {
			const { sealing } = await keyring();
			const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
			const ciphertext = await crypto.subtle.encrypt(gcm(iv, databaseName), sealing.key, encode(token));
			return [VERSION, sealing.id, toBase64Url(iv), toBase64Url(new Uint8Array(ciphertext))].join(':');
		},
		async open(stored, databaseName) {
			if (!isSealed(stored)) return stored;
			const [, keyId, iv, ciphertext] = parseSealed(stored, databaseName);
			const { byId } = await keyring();
			const key = byId.get(keyId);
			if (!key) {
				throw new TokenVaultError(
					`The token of database "${databaseName}" was sealed with key ${keyId}, which is not in TENANT_TOKEN_KEYS ` +
						`(it has ${[...byId.keys()].join(', ')}). Put that key back in the secret (after the first one) and redeploy.`
				);
			}
			try {
				const plain = await crypto.subtle.decrypt(gcm(fromBase64Url(iv), databaseName), key, fromBase64Url(ciphertext));
				return new TextDecoder().decode(plain);
			} catch {
				throw new TokenVaultError(
					`The token of database "${databaseName}" does not open with key ${keyId}: it was sealed for another database or altered.`
				);
			}
		}
	};
}

export const isSealed = (stored: string) => stored.startsWith(`${VERSION}:`);

/** The id of the key a stored value was sealed with; null for a legacy plaintext token. */
export const sealedKeyId = (stored: string): string | null => (isSealed(stored) ? (stored.split(':')[1] ?? null) : null);

/** A fresh key for TENANT_TOKEN_KEYS, as base64. */
export function newTokenKey(): string {
	return toBase64(crypto.getRandomValues(new Uint8Array(KEY_BYTES)));
}

function keyringFor(secret: string): Promise<Keyring> {
	let keyring = keyrings.get(secret);
	if (!keyring) {
		keyring = importKeyring(secret);
		keyrings.set(secret, keyring);
		// A malformed secret is not cached: the error repeats with its reason on every call.
		keyring.catch(() => keyrings.delete(secret));
	}
	return keyring;
}

async function importKeyring(secret: string): Promise<Keyring> {
	const encoded = secret.split(/[\s,]+/).filter(Boolean);
	if (!encoded.length) {
		throw new TokenVaultError(
			`TENANT_TOKEN_KEYS is not set: ${MINT_HINT} and set it with \`wrangler secret put TENANT_TOKEN_KEYS\` on both workers.`
		);
	}
	const keys = await Promise.all(encoded.map((text, index) => importKey(text, index)));
	return { sealing: keys[0]!, byId: new Map(keys.map(({ id, key }) => [id, key])) };
}

async function importKey(text: string, index: number): Promise<{ id: string; key: CryptoKey }> {
	let raw: Uint8Array<ArrayBuffer>;
	try {
		raw = fromBase64Url(text);
	} catch {
		throw new TokenVaultError(`TENANT_TOKEN_KEYS entry ${index + 1} is not base64: ${MINT_HINT}.`);
	}
	if (raw.length !== KEY_BYTES) {
		throw new TokenVaultError(
			`TENANT_TOKEN_KEYS entry ${index + 1} decodes to ${raw.length} bytes, not ${KEY_BYTES}: ${MINT_HINT}.`
		);
	}
	const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', raw));
	const id = [...digest.slice(0, 4)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
	const key = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
	return { id, key };
}

function parseSealed(stored: string, databaseName: string): [string, string, string, string] {
	const parts = stored.split(':');
	if (parts.length !== 4 || parts.some((part) => !part)) {
		throw new TokenVaultError(`The stored token of database "${databaseName}" is not in the v1:<keyId>:<iv>:<ciphertext> form.`);
	}
	return parts as [string, string, string, string];
}

const encode = (text: string) => new TextEncoder().encode(text);
const gcm = (iv: Uint8Array<ArrayBuffer>, databaseName: string): AesGcmParams => ({ name: 'AES-GCM', iv, additionalData: encode(databaseName) });

// atob/btoa rather than Buffer: the same code runs in workerd without nodejs_compat's Buffer.
function toBase64(bytes: Uint8Array): string {
	return btoa(String.fromCharCode(...bytes));
}

function toBase64Url(bytes: Uint8Array): string {
	return toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Accepts standard base64 and base64url, padded or not. */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
	const standard = text.replace(/-/g, '+').replace(/_/g, '/');
	return Uint8Array.from(atob(standard.padEnd(Math.ceil(standard.length / 4) * 4, '=')), (char) => char.charCodeAt(0));
}
