/** TursoProvisioner against testing/fake-turso.ts, which answers as Turso's Platform API is documented to. */
import { describe, expect, it } from 'vitest';
import { TursoApiError, TursoProvisioner } from './turso-provisioner';
import { FAKE_TURSO_API_TOKEN as TOKEN, FAKE_TURSO_ORG as ORG, fakeTurso, jsonResponse as json } from '../../testing/fake-turso';

function provisioner(fake: ReturnType<typeof fakeTurso>, extra: { tokenExpiration?: string } = {}) {
	return new TursoProvisioner({ org: ORG, group: 'tenants', apiToken: TOKEN, fetch: fake.fetch, ...extra });
}

describe('TursoProvisioner', () => {
	it('creates the database in the configured group, mints a token and returns a libsql locator', async () => {
		const fake = fakeTurso();
		const locator = await provisioner(fake).provision('t-acme');

		expect(locator).toEqual({ url: 'libsql://t-acme-acme-coaching.turso.io', authToken: 'jwt-t-acme-1' });
		expect(fake.requests).toHaveLength(2);

		const [create, token] = fake.requests;
		expect(create.method).toBe('POST');
		expect(create.url).toBe('https://api.turso.tech/v1/organizations/acme-coaching/databases');
		expect(create.headers).toMatchObject({ authorization: 'Bearer platform-token', 'content-type': 'application/json' });
		expect(create.body).toEqual({ name: 't-acme', group: 'tenants' });

		expect(token.method).toBe('POST');
		expect(token.url).toBe(
			'https://api.turso.tech/v1/organizations/acme-coaching/databases/t-acme/auth/tokens?authorization=full-access'
		);
		expect(token.headers).toMatchObject({ authorization: 'Bearer platform-token' });
		expect(token.body).toBeUndefined();
	});

	it('is idempotent: on 409 it retrieves the existing database instead of failing', async () => {
		const fake = fakeTurso();
		const p = provisioner(fake);
		const first = await p.provision('t-acme');
		fake.requests.length = 0;

		const second = await p.provision('t-acme');

		expect(second.url).toBe(first.url);
		expect(second.authToken).toBe('jwt-t-acme-2');
		expect(fake.requests.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
			'POST /v1/organizations/acme-coaching/databases',
			'GET /v1/organizations/acme-coaching/databases/t-acme',
			'POST /v1/organizations/acme-coaching/databases/t-acme/auth/tokens'
		]);
		expect(fake.requests[1].headers).toMatchObject({ authorization: 'Bearer platform-token' });
		expect(fake.requests[1].body).toBeUndefined();
	});

	it('refuses a same-named database that lives in another group', async () => {
		const fake = fakeTurso({ groups: ['tenants', 'staging'] });
		fake.databases.set('t-acme', {
			Name: 't-acme',
			DbId: 'x',
			Hostname: `t-acme-${ORG}.turso.io`,
			group: 'staging'
		});
		const error = await provisioner(fake).provision('t-acme').catch((e: unknown) => e);
		expect(error).toBeInstanceOf(TursoApiError);
		expect((error as Error).message).toContain('group "staging"');
		expect(fake.requests.some((r) => r.url.includes('/auth/tokens'))).toBe(false);
	});

	it('names the failing step and Turso\'s message when creation fails', async () => {
		const fake = fakeTurso({
			override: (req) =>
				req.method === 'POST' && req.url.endsWith('/databases')
					? json(402, { error: 'you have reached the database limit of your plan' })
					: undefined
		});
		const error = (await provisioner(fake).provision('t-acme').catch((e: unknown) => e)) as TursoApiError;
		expect(error).toBeInstanceOf(TursoApiError);
		expect(error.step).toBe('create database');
		expect(error.status).toBe(402);
		expect(error.retryable).toBe(false);
		expect(error.message).toBe(
			'Turso Platform API failed at "create database" for database "t-acme" (HTTP 402): you have reached the database limit of your plan'
		);
	});

	it('reports a missing group with Turso\'s message', async () => {
		const fake = fakeTurso({ groups: ['other'] });
		await expect(provisioner(fake).provision('t-acme')).rejects.toThrow(
			/"create database".*HTTP 404.*group tenants not found/
		);
	});

	it('names the token step when minting fails', async () => {
		const fake = fakeTurso({
			override: (req) => (req.url.includes('/auth/tokens') ? json(500, { error: 'internal error' }) : undefined)
		});
		const error = (await provisioner(fake).provision('t-acme').catch((e: unknown) => e)) as TursoApiError;
		expect(error.step).toBe('create token');
		expect(error.retryable).toBe(true);
		expect(error.message).toContain('internal error');
	});

	it('reports an invalid API token', async () => {
		const fake = fakeTurso();
		const p = new TursoProvisioner({ org: ORG, group: 'tenants', apiToken: 'wrong', fetch: fake.fetch });
		await expect(p.provision('t-acme')).rejects.toThrow(/"create database".*HTTP 401.*invalid token/);
	});

	it('passes a configured token expiration', async () => {
		const fake = fakeTurso();
		await provisioner(fake, { tokenExpiration: '90d' }).provision('t-acme');
		const url = new URL(fake.requests[1].url);
		expect(url.searchParams.get('expiration')).toBe('90d');
		expect(url.searchParams.get('authorization')).toBe('full-access');
	});

	it('mints another token for an existing database, leaving the earlier one valid', async () => {
		const fake = fakeTurso();
		const p = provisioner(fake, { tokenExpiration: '90d' });
		const { authToken: first } = await p.provision('t-acme');
		fake.requests.length = 0;

		const second = await p.mintToken('t-acme');

		expect(second).not.toBe(first);
		expect([...fake.validTokens.keys()]).toEqual([first, second]);
		expect(fake.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
			`POST https://api.turso.tech/v1/organizations/${ORG}/databases/t-acme/auth/tokens?authorization=full-access&expiration=90d`
		]);
	});

	it('invalidates every token of the tenant group, and names the group when Turso refuses', async () => {
		const fake = fakeTurso();
		const p = provisioner(fake);
		await p.provision('t-acme');
		await p.provision('t-globex');

		await p.invalidateGroupTokens();

		expect(fake.requests.at(-1)).toMatchObject({
			method: 'POST',
			url: `https://api.turso.tech/v1/organizations/${ORG}/groups/tenants/auth/rotate`,
			headers: { authorization: `Bearer ${TOKEN}` }
		});
		expect(fake.validTokens.size).toBe(0);
		const elsewhere = new TursoProvisioner({ org: ORG, group: 'missing', apiToken: TOKEN, fetch: fake.fetch });
		await expect(elsewhere.invalidateGroupTokens()).rejects.toThrow(
			'Turso Platform API failed at "invalidate group tokens" for group "missing" (HTTP 404): group missing not found'
		);
	});

	it('rejects names Turso would refuse without calling the API', async () => {
		const fake = fakeTurso();
		await expect(provisioner(fake).provision('Acme_Tenant')).rejects.toThrow(/Invalid Turso database name/);
		await expect(provisioner(fake).provision('x'.repeat(65))).rejects.toThrow(/Invalid Turso database name/);
		expect(fake.requests).toHaveLength(0);
	});

	it('wraps network failures as retryable errors', async () => {
		const p = new TursoProvisioner({
			org: ORG,
			group: 'tenants',
			apiToken: TOKEN,
			fetch: async () => {
				throw new TypeError('fetch failed');
			}
		});
		const error = (await p.provision('t-acme').catch((e: unknown) => e)) as TursoApiError;
		expect(error).toBeInstanceOf(TursoApiError);
		expect(error.retryable).toBe(true);
		expect(error.status).toBeNull();
	});

	it('reads the database name back from every address it can hand out', () => {
		const p = new TursoProvisioner({ org: 'acme-coaching', group: 'tenants', apiToken: 'x' });
		expect(p.databaseNameAt('libsql://t0123-r1-acme-coaching.aws-eu-west-1.turso.io')).toBe('t0123-r1');
		expect(p.databaseNameAt('http://127.0.0.1:8081/db/t0123/')).toBe('t0123');
		expect(p.databaseNameAt('file:/data/tenants/t0123.db')).toBe('t0123');
		expect(() => p.databaseNameAt('libsql://t0123-other-org.turso.io')).toThrow(/not a database of the Turso organization "acme-coaching"/);
	});
});
