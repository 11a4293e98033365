/** Password hashing and link/session secrets. scrypt comes from `node:crypto`, which
 * Workers provide under `nodejs_compat`; parameters travel inside the hash so they can be
 * raised later without breaking existing passwords. */
import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';

const defaults = { N: 2 ** 16, r: 8, p: 1, keyLength: 32 };

function scrypt(password: string, salt: Buffer, params: typeof defaults): Promise<Buffer> {
	return new Promise((resolve, reject) =>
		scryptCallback(
			password.normalize('NFKC'),
			salt,
			params.keyLength,
			{ N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r },
			(error, key) => (error ? reject(error) : resolve(key))
		)
	);
}

export async function hashPassword(password: string): Promise<string> {
	const salt = randomBytes(16);
	const key = await scrypt(password, salt, defaults);
	const { N, r, p } = defaults;
	return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
	const [algorithm, N, r, p, salt, key] = stored.split('$');
	if (algorithm !== 'scrypt' || !salt || !key) return false;
	const expected = Buffer.from(key, 'base64url');
	const actual = await scrypt(password, Buffer.from(salt, 'base64url'), {
		N: Number(N),
		r: Number(r),
		p: Number(p),
		keyLength: expected.length
	});
	return timingSafeEqual(actual, expected);
}

/** Stands in for the hash of an account that does not exist or has no password, so that
 * refusing it derives a key just like refusing a wrong password: the time taken must not
 * tell which emails have accounts. No password derives this all-zero key. */
const dummyHash = ['scrypt', defaults.N, defaults.r, defaults.p, Buffer.alloc(16).toString('base64url'), Buffer.alloc(defaults.keyLength).toString('base64url')].join('$');

/** Checks a password against a stored hash, or does the same work and refuses when there is none. */
export async function passwordMatches(password: string, stored: string | null | undefined): Promise<boolean> {
	const matches = await verifyPassword(password, stored ?? dummyHash);
	return matches && Boolean(stored);
}

export function randomSecret(): string {
	return randomBytes(32).toString('base64url');
}

export async function sha256(value: string): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(value));
	return Buffer.from(digest).toString('hex');
}

/** A bearer token `id.secret`: the id finds the row, the secret is checked against its hash. */
export interface SplitToken {
	id: string;
	secret: string;
}

export function splitToken(token: string): SplitToken | null {
	const [id, secret, ...rest] = token.split('.');
	return id && secret && rest.length === 0 ? { id, secret } : null;
}

export async function mintToken(): Promise<{ id: string; token: string; secretHash: string }> {
	const id = crypto.randomUUID();
	const secret = randomSecret();
	return { id, token: `${id}.${secret}`, secretHash: await sha256(secret) };
}

export async function secretMatches(secret: string, secretHash: string): Promise<boolean> {
	const actual = Buffer.from(await sha256(secret), 'hex');
	const expected = Buffer.from(secretHash, 'hex');
	return actual.length === expected.length && timingSafeEqual(actual, expected);
}
