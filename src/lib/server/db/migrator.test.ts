import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type Client } from '@libsql/client/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appliedMigrations, migrate, type Migration } from './migrator';
import { tenantMigrations } from './migrations.generated';
import { createTestApp, strongPassword, type TestApp } from '../testing/harness';
import { migrateEverything } from '../tenancy/migrate-all';
import { openControlDb } from '../db';
import { tenants } from './control/schema';
import { eq } from 'drizzle-orm';

let dir: string;
let client: Client;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'tandem-migrate-'));
	client = createClient({ url: `file:${join(dir, 'db.sqlite')}` });
});
afterEach(() => {
	client.close();
	rmSync(dir, { recursive: true, force: true });
});

const tables = async (c: Client) =>
	(await c.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")).rows.map((row) => String(row.name));

describe('migration runner', () => {
	it('builds a fresh tenant database and records what it applied', async () => {
		const result = await migrate(client, tenantMigrations);
		expect(result.applied).toEqual(tenantMigrations.map((m) => m.tag));
		expect(await tables(client)).toEqual(expect.arrayContaining(['_migrations', 'people', 'invitations']));
		expect(await appliedMigrations(client)).toEqual(tenantMigrations.map((m) => m.tag));
	});

	it('brings a database that is behind up to date, applying only what is missing', async () => {
		await migrate(client, tenantMigrations);
		await client.execute("INSERT INTO people (id, email, first_name, last_name, roles, status) VALUES ('p1', 'a@b.c', 'A', 'B', '[\"coach\"]', 'active')");
		const next: Migration = { tag: '9999_add_nickname', statements: ['ALTER TABLE people ADD nickname text'] };
		const result = await migrate(client, [...tenantMigrations, next]);
		expect(result.applied).toEqual(['9999_add_nickname']);
		expect((await client.execute('SELECT email, nickname FROM people')).rows[0]).toMatchObject({ email: 'a@b.c', nickname: null });
		expect((await migrate(client, [...tenantMigrations, next])).applied).toEqual([]);
	});

	it('leaves nothing half-applied when a migration fails', async () => {
		await migrate(client, tenantMigrations);
		const broken: Migration = { tag: '9999_broken', statements: ['CREATE TABLE half (id text)', 'THIS IS NOT SQL'] };
		await expect(migrate(client, [...tenantMigrations, broken])).rejects.toThrow();
		expect(await tables(client)).not.toContain('half');
		expect(await appliedMigrations(client)).not.toContain('9999_broken');
	});
});

describe('npm run db:migrate fan-out', () => {
	let app: TestApp;
	beforeEach(async () => {
		app = await createTestApp();
	});
	afterEach(() => app.cleanup());

	it('migrates every tenant and reports a broken one without stopping the others', async () => {
		for (const [first, email] of [['Ann', 'ann@example.com'], ['Bob', 'bob@example.com'], ['Cid', 'cid@example.com']]) {
			await app.client().auth.signUpCoach.mutate({ firstName: first!, lastName: 'Coach', email: email!, password: strongPassword });
		}
		const control = openControlDb(app.platform);
		const broken = await control.query.tenants.findFirst({ where: eq(tenants.slug, 'bob-coach-coaching') });
		const brokenFile = join(app.dataDir, 'not-a-database.db');
		writeFileSync(brokenFile, 'this is not a database file, it is plain text that libSQL must refuse to open');
		await control.update(tenants).set({ dbUrl: `file:${brokenFile}` }).where(eq(tenants.id, broken!.id));

		const report = await migrateEverything(app.platform);
		expect(report.tenants.map(({ slug, ok }) => [slug, ok])).toEqual([
			['ann-coach-coaching', true],
			['bob-coach-coaching', false],
			['cid-coach-coaching', true]
		]);
		expect(report.tenants[1]!.error).toBeTruthy();
	});
});
