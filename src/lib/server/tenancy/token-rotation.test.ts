/**
 * Tenant tokens through their whole life: minted by Turso (testing/fake-turso.ts, which
 * answers as the Platform API is documented to and tracks which tokens still work), sealed
 * into the real control database, opened on every request, rotated, resealed and revoked by
 * the command's own code, with the tenants' real databases serving pages throughout.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { databaseNameFor, openControlDb } from '../db';
import { tenants } from '../db/control/schema';
import { TursoProvisioner } from '../platform/cloudflare/turso-provisioner';
import { createTestApp, failure, type TestApp, type TestClient } from '../testing/harness';
import type { FetchLike } from '../platform/cloudflare/fetch';
import { FAKE_TURSO_API_TOKEN, FAKE_TURSO_ORG, fakeTurso, jsonResponse, type FakeTurso } from '../testing/fake-turso';
import { migrateEverything } from './migrate-all';
import { runTokenCommand, tokenExpiry, type TokenCommand } from './token-rotation';
import { newTokenKey, sealedKeyId, tenantTokenVault } from './token-vault';

let app: TestApp;
let fake: FakeTurso;
let acme: TestClient;
let globex: TestClient;
/** The token each database was last opened with, as the database would see it. */
let openedWith: Map<string, string | null | undefined>;

/** The Platform API client the command uses, against the fake; `refuse` answers some URLs instead. */
function turso(refuse?: (url: string) => Response | undefined) {
	const fetch: FetchLike = async (url, init) => refuse?.(url) ?? fake.fetch(url, init);
	return new TursoProvisioner({ org: FAKE_TURSO_ORG, group: 'tenants', apiToken: FAKE_TURSO_API_TOKEN, fetch });
}

/** Local database files, but with tokens minted by the fake Turso, as in production. */
function provisionWithTursoTokens() {
	const files = app.platform.provisioner;
	app.platform.provisioner = {
		async provision(name) {
			fake.addDatabase(name);
			return { ...(await files.provision(name)), authToken: await turso().mintToken(name) };
		}
	};
	const open = app.platform.db.open;
	app.platform.db.open = (locator) => (openedWith.set(locator.url, locator.authToken), open(locator));
}

async function stored() {
	const rows = await openControlDb(app.platform).select().from(tenants).orderBy(tenants.slug);
	return Object.fromEntries(rows.map((row) => [row.slug, { ...row, databaseName: databaseNameFor(row.id) }]));
}

async function run(command: TokenCommand, minter = turso()) {
	const lines: string[] = [];
	const code = await runTokenCommand(command, app.platform, () => minter, (line) => lines.push(line));
	return { code, lines };
}

/** What a request to the tenant presented to its database, and whether Turso would accept it. */
async function presentedToken(client: TestClient, slug: string) {
	openedWith.clear();
	await client.home.overview.query({ tenant: slug });
	const row = (await stored())[slug]!;
	const token = openedWith.get(row.dbUrl!);
	return { token, accepted: typeof token === 'string' && fake.validTokens.has(token) };
}

beforeEach(async () => {
	app = await createTestApp();
	fake = fakeTurso();
	openedWith = new Map();
	provisionWithTursoTokens();
	acme = await app.signUpOrganisation('Acme', 'ada@acme.example');
	globex = await app.signUpOrganisation('Globex', 'ada@globex.example');
});
afterEach(() => {
	app.cleanup();
	vi.restoreAllMocks();
});

describe('tenant tokens at rest', () => {
	it('are stored sealed: the raw control-plane row does not hold the token, yet the tenant works with it', async () => {
		const raw = await app.platform.db.control().execute("select db_auth_token from tenants where slug = 'acme'");
		const value = String(raw.rows[0]!['db_auth_token']);
		expect(value).toMatch(/^v1:[0-9a-f]{8}:/);
		expect(value).not.toContain('jwt-');

		const { token, accepted } = await presentedToken(acme, 'acme');
		expect(token).toMatch(/^jwt-t[0-9a-f]{24}-\d+$/);
		expect(accepted).toBe(true);
	});

	it('cost no extra round trip to open', async () => {
		await acme.home.overview.query({ tenant: 'acme' });
		const counts = await app.countRoundTrips(() => acme.home.overview.query({ tenant: 'acme' }));
		expect(counts).toEqual({ control: 1, tenant: 1 });
	});

	it('that no configured key opens: the user gets the usual reference, the log names the missing key', async () => {
		const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
		const sealed = (await stored())['acme']!.dbAuthToken!;
		app.platform.tokenVault = tenantTokenVault(newTokenKey());

		const refusal = await failure(acme.home.overview.query({ tenant: 'acme' }));
		expect(refusal.code).toBe('INTERNAL_SERVER_ERROR');
		expect(refusal.message).toMatch(/^Something went wrong on our side.*reference [0-9a-f]{8}/);
		expect(refusal.message).not.toMatch(/jwt|key|TENANT_TOKEN_KEYS/);
		const log = logged.mock.calls.flat().map(String).join('\n');
		expect(log).toContain(`sealed with key ${sealedKeyId(sealed)}, which is not in TENANT_TOKEN_KEYS`);
		expect(log).not.toMatch(/jwt-t/);
	});

	it('are opened by npm run db:migrate too: a tenant no key opens is reported by key id, the others migrate', async () => {
		const globexDb = (await stored())['globex']!.databaseName;
		const underAnotherKey = await tenantTokenVault(newTokenKey()).seal('jwt-elsewhere', globexDb);
		await openControlDb(app.platform).update(tenants).set({ dbAuthToken: underAnotherKey }).where(eq(tenants.slug, 'globex'));
		openedWith.clear();

		const report = await migrateEverything(app.platform);

		expect(report.tenants.map(({ slug, ok }) => ({ slug, ok }))).toEqual([
			{ slug: 'acme', ok: true },
			{ slug: 'globex', ok: false }
		]);
		expect(report.tenants[1]!.error).toContain(`sealed with key ${sealedKeyId(underAnotherKey)}, which is not in TENANT_TOKEN_KEYS`);
		expect(fake.validTokens.has(String(openedWith.get((await stored())['acme']!.dbUrl!)))).toBe(true);
	});
});

describe('npm run tenants:rotate-tokens', () => {
	it('gives every tenant a new sealed token while the old ones keep working (no downtime)', async () => {
		const before = await stored();
		const oldTokens = [...fake.validTokens.keys()];
		fake.requests.length = 0;

		const { code, lines } = await run('rotate');

		expect(code).toBe(0);
		expect(lines).toEqual([
			expect.stringMatching(/^acme: new token stored \(key [0-9a-f]{8}\)$/),
			expect.stringMatching(/^globex: new token stored \(key [0-9a-f]{8}\)$/),
			'2 of 2 tenants done.'
		]);
		expect(fake.requests.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
			`POST /v1/organizations/${FAKE_TURSO_ORG}/databases/${before['acme']!.databaseName}/auth/tokens`,
			`POST /v1/organizations/${FAKE_TURSO_ORG}/databases/${before['globex']!.databaseName}/auth/tokens`
		]);
		expect(new URL(fake.requests[0]!.url).searchParams.get('authorization')).toBe('full-access');
		const after = await stored();
		for (const slug of ['acme', 'globex']) expect(after[slug]!.dbAuthToken).not.toBe(before[slug]!.dbAuthToken);
		for (const token of oldTokens) expect(fake.validTokens.has(token)).toBe(true);

		const acmeNow = await presentedToken(acme, 'acme');
		expect(oldTokens).not.toContain(acmeNow.token);
		expect(acmeNow.accepted).toBe(true);
		expect((await presentedToken(globex, 'globex')).accepted).toBe(true);
	});

	it('mints for the database a restored tenant now points at, not the one its id once named', async () => {
		const acmeRow = (await stored())['acme']!;
		const restored = `${acmeRow.databaseName}-r1`;
		fake.addDatabase(restored);
		await openControlDb(app.platform)
			.update(tenants)
			.set({ dbUrl: acmeRow.dbUrl!.replace(`${acmeRow.databaseName}.db`, `${restored}.db`) })
			.where(eq(tenants.slug, 'acme'));
		fake.requests.length = 0;

		expect((await run('rotate')).code).toBe(0);

		expect(new URL(fake.requests[0]!.url).pathname).toBe(`/v1/organizations/${FAKE_TURSO_ORG}/databases/${restored}/auth/tokens`);
	});

	it('reports a tenant Turso refuses, still does the others, and exits non-zero; a re-run finishes the job', async () => {
		const globexDb = (await stored())['globex']!.databaseName;
		const failing = turso((url) =>
			url.includes(`/databases/${globexDb}/auth/tokens`) ? jsonResponse(500, { error: 'internal error' }) : undefined
		);
		const globexBefore = (await stored())['globex']!.dbAuthToken;

		const { code, lines } = await run('rotate', failing);

		expect(code).toBe(1);
		expect(lines[0]).toMatch(/^acme: new token stored/);
		expect(lines[1]).toBe(
			`globex: FAILED: Turso Platform API failed at "create token" for database "${globexDb}" (HTTP 500): internal error`
		);
		expect(lines[2]).toBe('1 of 2 tenants done. Re-run to retry the failed ones (it is safe).');
		expect((await stored())['globex']!.dbAuthToken).toBe(globexBefore);

		const retry = await run('rotate', turso());
		expect(retry.code).toBe(0);
		expect((await presentedToken(globex, 'globex')).accepted).toBe(true);
	});

	it('skips tenants without a token (local database files)', async () => {
		await openControlDb(app.platform).update(tenants).set({ dbAuthToken: null }).where(eq(tenants.slug, 'globex'));
		const { code, lines } = await run('rotate');
		expect(code).toBe(0);
		expect(lines[1]).toBe('globex: skipped: no token (a local database file)');
	});

	it('--reseal-only moves every token, legacy plaintext included, under the first key without calling Turso', async () => {
		const oldKeys = readFileSync(join(app.dataDir, 'tenant-token-keys'), 'utf8').trim();
		const rows = await stored();
		const acmeToken = await app.platform.tokenVault.open(rows['acme']!.dbAuthToken!, rows['acme']!.databaseName);
		const legacyToken = await app.platform.tokenVault.open(rows['globex']!.dbAuthToken!, rows['globex']!.databaseName);
		await openControlDb(app.platform).update(tenants).set({ dbAuthToken: legacyToken }).where(eq(tenants.slug, 'globex'));
		const newKey = newTokenKey();
		app.platform.tokenVault = tenantTokenVault(`${newKey} ${oldKeys}`);
		fake.requests.length = 0;

		const { code, lines } = await run('reseal');

		expect(code).toBe(0);
		expect(fake.requests).toEqual([]);
		const newId = sealedKeyId(await tenantTokenVault(newKey).seal('x', 'y'));
		expect(lines).toEqual([
			`acme: resealed under key ${newId} (was key ${sealedKeyId(rows['acme']!.dbAuthToken!)})`,
			`globex: resealed under key ${newId} (was plaintext)`,
			'2 of 2 tenants done.'
		]);
		// The old key can go now: the new one alone opens everything, to the same tokens.
		app.platform.tokenVault = tenantTokenVault(newKey);
		expect(await presentedToken(acme, 'acme')).toEqual({ token: acmeToken, accepted: true });
		expect(await presentedToken(globex, 'globex')).toEqual({ token: legacyToken, accepted: true });
	});

	it('--revoke invalidates the tenant group first, then stores a working token for every tenant', async () => {
		const oldTokens = [...fake.validTokens.keys()];
		fake.requests.length = 0;

		const { code, lines } = await run('revoke');

		expect(code).toBe(0);
		expect(lines[0]).toMatch(/^Invalidating every token of the tenant group: each tenant is unreachable until/);
		const calls = fake.requests.map((r) => `${r.method} ${new URL(r.url).pathname}`);
		expect(calls[0]).toBe(`POST /v1/organizations/${FAKE_TURSO_ORG}/groups/tenants/auth/rotate`);
		expect(calls.slice(1)).toEqual(calls.slice(1).filter((call) => call.endsWith('/auth/tokens')));
		expect(calls).toHaveLength(3);
		for (const token of oldTokens) expect(fake.validTokens.has(token)).toBe(false);
		expect((await presentedToken(acme, 'acme')).accepted).toBe(true);
		expect((await presentedToken(globex, 'globex')).accepted).toBe(true);
	});

	it('--revoke changes nothing when Turso refuses the invalidation', async () => {
		const before = await stored();
		const refusing = turso((url) => (url.includes('/groups/') ? jsonResponse(403, { error: 'forbidden' }) : undefined));
		await expect(run('revoke', refusing)).rejects.toThrow(/"invalidate group tokens" for group "tenants" \(HTTP 403\): forbidden/);
		expect(await stored()).toEqual(before);
	});
});

describe('npm run tenants:rotate-tokens -- --check', () => {
	const jwt = (claims: object) =>
		['{"alg":"EdDSA"}', JSON.stringify(claims)].map((part) => btoa(part).replace(/=+$/, '')).join('.') + '.c2ln';
	const inDays = (days: number) => Math.floor(app.clock.now().getTime() / 1000) + days * 86_400;

	async function storeToken(slug: string, token: string) {
		const row = (await stored())[slug]!;
		const sealed = await app.platform.tokenVault.seal(token, row.databaseName);
		await openControlDb(app.platform).update(tenants).set({ dbAuthToken: sealed }).where(eq(tenants.slug, slug));
	}

	it('lists tokens expiring within 14 days and exits 1', async () => {
		await storeToken('acme', jwt({ id: 'x', exp: inDays(5) }));
		await storeToken('globex', jwt({ id: 'y', exp: inDays(60) }));
		const { code, lines } = await run('check');
		expect(code).toBe(1);
		expect(lines).toEqual([
			'acme: expires 2026-11-28 (in 5 days)',
			'globex: expires 2027-01-22 (in 60 days)',
			'1 tenant token(s) expire within 14 days or cannot be opened: run `npm run tenants:rotate-tokens`.'
		]);
	});

	it('passes when none expires soon, telling never-expiring and non-JWT tokens apart', async () => {
		await storeToken('acme', jwt({ id: 'x' }));
		await storeToken('globex', 'not-a-jwt');
		const { code, lines } = await run('check');
		expect(code).toBe(0);
		expect(lines).toEqual([
			'acme: never expires (minted before tokens expired; a rotation replaces it)',
			'globex: expiry unknown (not a JWT)',
			'No tenant token expires within 14 days.'
		]);
	});

	it('fails on an expired token and on one no key opens', async () => {
		await storeToken('acme', jwt({ exp: inDays(-1) }));
		const globexDb = (await stored())['globex']!.databaseName;
		const underAnotherKey = await tenantTokenVault(newTokenKey()).seal(jwt({ exp: inDays(60) }), globexDb);
		await openControlDb(app.platform).update(tenants).set({ dbAuthToken: underAnotherKey }).where(eq(tenants.slug, 'globex'));
		const { code, lines } = await run('check');
		expect(code).toBe(1);
		expect(lines[0]).toBe('acme: EXPIRED on 2026-11-22');
		expect(lines[1]).toMatch(/^globex: FAILED: The token of database "t[0-9a-f]{24}" was sealed with key [0-9a-f]{8}, which is not in/);
	});
});

describe('tokenExpiry', () => {
	it('reads exp from a JWT payload without verifying, and says when it cannot', () => {
		const payload = btoa(JSON.stringify({ exp: 1_800_000_000 })).replace(/=+$/, '');
		expect(tokenExpiry(`e30.${payload}.sig`)).toEqual(new Date(1_800_000_000_000));
		expect(tokenExpiry('e30.e30.sig')).toBe('never');
		expect(tokenExpiry('a.b')).toBe('unknown');
		expect(tokenExpiry('e30.!!!.sig')).toBe('unknown');
		expect(tokenExpiry(`e30.${btoa('{"exp":"soon"}')}.sig`)).toBe('unknown');
	});
});
