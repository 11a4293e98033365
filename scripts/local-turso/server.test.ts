/**
 * The local Turso against the real clients: `@libsql/client/web` (what the Workers use),
 * `@libsql/client/node` with an http URL, the production TursoProvisioner and the app's
 * migrator, over real libSQL files in a temporary folder.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type Client } from '@libsql/client/web';
import { createClient as createNodeClient } from '@libsql/client/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateTenant } from '../../src/lib/server/db';
import { tenantMigrations } from '../../src/lib/server/db/migrations.generated';
import { cloudflarePlatform, type CloudflareEnv } from '../../src/lib/server/platform/cloudflare';
import { cloudflareConnector } from '../../src/lib/server/platform/cloudflare/connector';
import { localTursoProvisioner, startLocalTurso, type LocalTurso } from './server';
import type { StreamResultJson } from './hrana';
import { StreamHub } from './streams';

const PLATFORM_TOKEN = 'local-platform-token';
let dataDir: string;
let turso: LocalTurso;
const clients: Client[] = [];

beforeEach(async () => {
	dataDir = mkdtempSync(join(tmpdir(), 'local-turso-'));
	turso = await startLocalTurso({ dataDir, platformToken: PLATFORM_TOKEN });
});

afterEach(async () => {
	for (const client of clients.splice(0)) client.close();
	await turso.close();
	rmSync(dataDir, { recursive: true, force: true });
});

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function open(name: string): Promise<Client> {
	const client = createClient(await turso.ensureDatabase(name));
	clients.push(client);
	return client;
}

function platform(path: string, init: RequestInit & { token?: string } = {}) {
	return fetch(`${turso.origin}/v1/organizations/local${path}`, {
		...init,
		headers: { authorization: `Bearer ${init.token ?? PLATFORM_TOKEN}`, 'content-type': 'application/json' }
	});
}

describe('Hrana over HTTP with @libsql/client/web', () => {
	it('executes with every value type and reports columns, changes and rowids', async () => {
		const db = await open('values');
		await db.execute('CREATE TABLE t (id INTEGER PRIMARY KEY, i INTEGER, f REAL, s TEXT, b BLOB, n TEXT)');
		const blob = new Uint8Array([0, 1, 2, 254, 255]);
		const inserted = await db.execute({
			sql: 'INSERT INTO t (i, f, s, b, n) VALUES (?, ?, ?, ?, ?)',
			args: [9007199254740993n, 1.5, 'héllo ✓', blob, null]
		});
		expect(inserted.rowsAffected).toBe(1);
		expect(inserted.lastInsertRowid).toBe(1n);

		const bigints = createClient({ ...(await turso.ensureDatabase('values')), intMode: 'bigint' });
		clients.push(bigints);
		const { rows, columns, columnTypes } = await bigints.execute({ sql: 'SELECT i, f, s, b, n FROM t WHERE s = :s', args: { s: 'héllo ✓' } });
		expect(columns).toEqual(['i', 'f', 's', 'b', 'n']);
		expect(columnTypes).toEqual(['INTEGER', 'REAL', 'TEXT', 'BLOB', 'TEXT']);
		expect(rows[0].i).toBe(9007199254740993n);
		expect(rows[0].f).toBe(1.5);
		expect(rows[0].s).toBe('héllo ✓');
		expect(new Uint8Array(rows[0].b as ArrayBuffer)).toEqual(blob);
		expect(rows[0].n).toBeNull();

		const selected = await db.execute('SELECT count(*) AS c FROM t');
		expect(selected.rowsAffected).toBe(0);
		expect(selected.rows[0].c).toBe(1);
	});

	it('runs a write batch all or nothing and passes the SQLite error on', async () => {
		const db = await open('batch');
		await db.execute('CREATE TABLE t (id INTEGER PRIMARY KEY, email TEXT UNIQUE)');
		await db.execute("INSERT INTO t (email) VALUES ('taken@example.com')");

		const failing = db.batch(
			[
				{ sql: 'INSERT INTO t (email) VALUES (?)', args: ['new@example.com'] },
				{ sql: 'INSERT INTO t (email) VALUES (?)', args: ['taken@example.com'] },
				{ sql: 'INSERT INTO t (email) VALUES (?)', args: ['later@example.com'] }
			],
			'write'
		);
		await expect(failing).rejects.toMatchObject({
			code: 'SQLITE_CONSTRAINT',
			message: expect.stringContaining('UNIQUE constraint failed: t.email')
		});
		const { rows } = await db.execute('SELECT email FROM t ORDER BY id');
		expect(rows.map((row) => row.email)).toEqual(['taken@example.com']);

		const results = await db.batch(['INSERT INTO t (email) VALUES (\'a@example.com\')', 'SELECT count(*) AS c FROM t'], 'write');
		expect(results[1].rows[0].c).toBe(2);
	});

	it('keeps an interactive transaction across requests with the baton, for commit and rollback', async () => {
		const db = await open('tx');
		await db.execute('CREATE TABLE t (v TEXT)');

		const kept = await db.transaction('write');
		await kept.execute("INSERT INTO t VALUES ('one')");
		await kept.execute("INSERT INTO t VALUES ('two')");
		expect((await kept.execute('SELECT count(*) AS c FROM t')).rows[0].c).toBe(2);
		await kept.commit();

		const dropped = await db.transaction('write');
		await dropped.execute("INSERT INTO t VALUES ('three')");
		await dropped.rollback();

		const { rows } = await db.execute('SELECT v FROM t ORDER BY rowid');
		expect(rows.map((row) => row.v)).toEqual(['one', 'two']);
	});

	it('makes a second transaction wait for the first without losing writes, and never blocks another database', async () => {
		const first = await open('shared');
		const second = await open('shared');
		const other = await open('other');
		await first.execute('CREATE TABLE t (v TEXT)');
		await other.execute('CREATE TABLE o (v TEXT)');

		const one = await first.transaction('write');
		await one.execute("INSERT INTO t VALUES ('one-a')");
		const two = await second.transaction('write');
		let twoWrote = false;
		const twoWrites = two.execute("INSERT INTO t VALUES ('two')").then(() => (twoWrote = true));

		await other.execute("INSERT INTO o VALUES ('not blocked')");
		await one.execute("INSERT INTO t VALUES ('one-b')");
		expect(twoWrote).toBe(false);
		await one.commit();
		await twoWrites;
		await two.commit();

		const { rows } = await first.execute('SELECT v FROM t ORDER BY rowid');
		expect(rows.map((row) => row.v)).toEqual(['one-a', 'one-b', 'two']);
	});

	it('refuses a missing token, a wrong one and another database’s, with a readable error', async () => {
		const own = await turso.ensureDatabase('mine');
		const foreign = await turso.ensureDatabase('theirs');
		const attempts = [
			{ url: own.url },
			{ url: own.url, authToken: 'not-a-token' },
			{ url: own.url, authToken: foreign.authToken }
		];
		for (const config of attempts) {
			const client = createClient(config);
			clients.push(client);
			await expect(client.execute('SELECT 1')).rejects.toMatchObject({
				code: 'UNAUTHORIZED',
				message: expect.stringMatching(/Unauthorized/)
			});
		}
		const owner = createClient(own);
		clients.push(owner);
		expect((await owner.execute('SELECT 1 AS one')).rows[0].one).toBe(1);
	});

	it('returns a large result and a large blob whole', async () => {
		const db = await open('large');
		const { rows } = await db.execute(
			'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) SELECT i, printf(\'row %05d\', i) AS label FROM n'
		);
		expect(rows).toHaveLength(20000);
		expect(rows[19999]).toMatchObject({ i: 20000, label: 'row 20000' });

		const blob = new Uint8Array(5 * 1024 * 1024).map((_, index) => index % 251);
		await db.execute('CREATE TABLE files (body BLOB)');
		await db.execute({ sql: 'INSERT INTO files VALUES (?)', args: [blob] });
		const stored = await db.execute('SELECT body FROM files');
		// Compared by hash: a deep equality over 5 million elements takes vitest 20 s.
		expect(sha256(new Uint8Array(stored.rows[0].body as ArrayBuffer))).toBe(sha256(blob));
	});

	it('runs migrate (foreign keys off for the batch) and executeMultiple (a sequence)', async () => {
		const db = await open('ddl');
		await db.executeMultiple('CREATE TABLE parent (id INTEGER PRIMARY KEY); CREATE TABLE child (parent_id INTEGER REFERENCES parent (id)); INSERT INTO parent VALUES (1);');
		await db.migrate(['INSERT INTO child VALUES (99)', 'DELETE FROM child WHERE parent_id = 99', 'ALTER TABLE parent ADD COLUMN name TEXT']);
		expect((await db.execute('PRAGMA foreign_keys')).rows[0].foreign_keys).toBe(1);
		await expect(db.execute('INSERT INTO child VALUES (99)')).rejects.toThrow(/FOREIGN KEY constraint failed/);
		await expect(db.executeMultiple('INSERT INTO parent (id) VALUES (2); INSERT INTO nowhere VALUES (1);')).rejects.toThrow(/no such table: nowhere/);
		expect((await db.execute('SELECT count(*) AS c FROM parent')).rows[0].c).toBe(2);
	});

	it('counts every request as one round trip of its database', async () => {
		const db = await open('counted');
		const other = await open('elsewhere');
		turso.resetRoundTrips();
		await db.execute('CREATE TABLE t (v)');
		await db.batch(['INSERT INTO t VALUES (1)', 'INSERT INTO t VALUES (1)', 'SELECT * FROM t'], 'write');
		await other.execute('SELECT 1');
		expect(turso.roundTrips()).toEqual({ total: 3, byDatabase: { counted: 2, elsewhere: 1 } });

		const tx = await db.transaction('write');
		await tx.execute('INSERT INTO t VALUES (2)');
		await tx.execute('INSERT INTO t VALUES (3)');
		await tx.commit();
		expect(turso.roundTrips().byDatabase.counted).toBe(5);

		const remote = await fetch(`${turso.origin}/_local/round-trips`);
		expect(await remote.json()).toEqual(turso.roundTrips());
		await fetch(`${turso.origin}/_local/round-trips/reset`, { method: 'POST' });
		expect(turso.roundTrips()).toEqual({ total: 0, byDatabase: {} });
	});

	it('holds each answer for the round-trip delay', async () => {
		const slow = await open('slow');
		const fast = await open('fast');
		const finished: string[] = [];
		turso.setRtt(3000);
		const slowQuery = slow.execute('SELECT 1').then(() => finished.push('slow'));
		await expect.poll(() => turso.roundTrips().byDatabase.slow).toBe(1);
		const changed = await fetch(`${turso.origin}/_local/rtt?ms=0`, { method: 'POST' });
		expect(await changed.json()).toEqual({ rttMs: 0 });
		await fast.execute('SELECT 1').then(() => finished.push('fast'));
		await slowQuery;
		expect(finished).toEqual(['fast', 'slow']);
	});

	it('answers @libsql/client/node with an http URL, and the Workers connector', async () => {
		const control = await turso.ensureDatabase('control');
		expect(existsSync(join(dataDir, 'control.db'))).toBe(true);
		const node = createNodeClient(control);
		clients.push(node);
		expect((await node.execute('SELECT 41 + 1 AS answer')).rows[0].answer).toBe(42);

		const worker = cloudflareConnector({ controlUrl: control.url, controlToken: control.authToken }).control();
		clients.push(worker);
		expect((await worker.execute('SELECT 7 AS seven')).rows[0].seven).toBe(7);
	});
});

interface WireBody {
	baton: string | null;
	results: StreamResultJson[];
	code?: string;
}

describe('the Hrana wire', () => {
	async function pipeline(name: string, token: string, body: unknown) {
		const response = await fetch(`${turso.databaseUrl(name)}v2/pipeline`, {
			method: 'POST',
			headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
			body: JSON.stringify(body)
		});
		return { status: response.status, body: (await response.json()) as WireBody };
	}

	it('answers the v2 probe and sends v3 clients back to v2', async () => {
		expect((await fetch(`${turso.databaseUrl('any')}v2`)).status).toBe(200);
		expect((await fetch(`${turso.databaseUrl('any')}v3-protobuf`)).status).toBe(404);
		expect((await fetch(`${turso.databaseUrl('any')}v3`)).status).toBe(404);
	});

	it('issues a new baton each time, accepts each once and only on its own database', async () => {
		const { authToken } = await turso.ensureDatabase('wire');
		const other = await turso.ensureDatabase('wire-other');
		const first = await pipeline('wire', authToken, { baton: null, requests: [{ type: 'execute', stmt: { sql: 'BEGIN' } }] });
		expect(first.status).toBe(200);
		const baton = first.body.baton ?? '';
		expect(baton).toMatch(/^[\w-]{40,}$/);

		expect((await pipeline('wire-other', other.authToken, { baton, requests: [] })).status).toBe(400);
		const second = await pipeline('wire', authToken, { baton, requests: [{ type: 'get_autocommit' }] });
		expect(second.body.results[0]).toEqual({ type: 'ok', response: { type: 'get_autocommit', is_autocommit: false } });
		expect(second.body.baton).not.toBe(baton);
		const replayed = await pipeline('wire', authToken, { baton, requests: [] });
		expect(replayed).toMatchObject({ status: 400, body: { code: 'STREAM_EXPIRED' } });

		const closed = await pipeline('wire', authToken, { baton: second.body.baton, requests: [{ type: 'close' }, { type: 'get_autocommit' }] });
		expect(closed.body.baton).toBeNull();
		expect(closed.body.results[1]).toMatchObject({ type: 'error', error: { code: 'STREAM_CLOSED' } });
		const fresh = await pipeline('wire', authToken, { requests: [{ type: 'get_autocommit' }] });
		expect(fresh.body.results[0]).toMatchObject({ response: { is_autocommit: true } });
	});

	it('stores SQL texts per stream, describes statements and evaluates batch conditions', async () => {
		const { authToken } = await turso.ensureDatabase('described');
		const { body } = await pipeline('described', authToken, {
			requests: [
				{ type: 'sequence', sql: 'CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)' },
				{ type: 'store_sql', sql_id: 7, sql: 'INSERT INTO t (name) VALUES (:name) RETURNING id' },
				{ type: 'describe', sql_id: 7 },
				{ type: 'describe', sql: 'SELECT name FROM t WHERE id = ?' },
				{
					type: 'batch',
					batch: {
						steps: [
							{ stmt: { sql_id: 7, named_args: [{ name: ':name', value: { type: 'text', value: 'ada' } }] } },
							{ stmt: { sql: 'SELECT nope FROM t' } },
							{ condition: { type: 'error', step: 1 }, stmt: { sql: 'SELECT 1' } },
							{ condition: { type: 'and', conds: [{ type: 'ok', step: 0 }, { type: 'not', cond: { type: 'is_autocommit' } }] }, stmt: { sql: 'SELECT 2' } }
						]
					}
				},
				{ type: 'close_sql', sql_id: 7 },
				{ type: 'execute', stmt: { sql_id: 7 } }
			]
		});
		const [, , insert, select, batch, , missing] = body.results;
		expect(insert).toMatchObject({
			response: { result: { params: [{ name: ':name' }], cols: [{ name: 'id', decltype: 'INTEGER' }], is_readonly: false } }
		});
		expect(select).toMatchObject({
			response: { result: { params: [{ name: null }], cols: [{ name: 'name', decltype: 'TEXT' }], is_readonly: true } }
		});
		expect(batch).toMatchObject({
			response: {
				result: {
					step_results: [
						{ rows: [[{ type: 'integer', value: '1' }]], affected_row_count: 1, last_insert_rowid: '1' },
						null,
						{ rows: [[{ type: 'integer', value: '1' }]] },
						null
					],
					step_errors: [null, { code: 'SQLITE_ERROR', message: 'SQLite error: no such column: nope' }, null, null]
				}
			}
		});
		expect(missing).toMatchObject({ type: 'error', error: { code: 'SQL_NOT_FOUND' } });
	});

	it('rolls back a transaction left idle and lets the waiting stream go on', async () => {
		const hub = new StreamHub(() => join(dataDir, 'idle.db'), 50);
		try {
			await hub.pipeline('idle', null, [{ type: 'sequence', sql: 'CREATE TABLE t (v)' }]);
			const abandoned = await hub.pipeline('idle', null, [
				{ type: 'execute', stmt: { sql: 'BEGIN', args: [], named_args: [], want_rows: true } },
				{ type: 'execute', stmt: { sql: 'INSERT INTO t VALUES (1)', args: [], named_args: [], want_rows: true } }
			]);
			expect(abandoned.ok && abandoned.body.baton).toBeTruthy();
			const waiting = await hub.pipeline('idle', null, [
				{ type: 'execute', stmt: { sql: 'SELECT count(*) FROM t', args: [], named_args: [], want_rows: true } }
			]);
			expect(waiting.ok && waiting.body.results[0]).toMatchObject({ response: { result: { rows: [[{ type: 'integer', value: '0' }]] } } });
			const late = await hub.pipeline('idle', abandoned.ok ? abandoned.body.baton : null, []);
			expect(late).toMatchObject({ ok: false, code: 'STREAM_EXPIRED' });
		} finally {
			hub.close();
		}
	});
});

describe('Platform API subset', () => {
	it('creates, refuses a duplicate, retrieves, mints tokens and rotates them', async () => {
		const created = await platform('/databases', { method: 'POST', body: JSON.stringify({ name: 'acme', group: 'tenants' }) });
		expect(created.status).toBe(200);
		const { database } = (await created.json()) as { database: Record<string, string> };
		expect(database).toMatchObject({ Name: 'acme', Hostname: 'acme-local.local-turso', DbId: expect.any(String) });
		expect(existsSync(join(dataDir, 'tenants', 'acme.db'))).toBe(true);

		const again = await platform('/databases', { method: 'POST', body: JSON.stringify({ name: 'acme', group: 'tenants' }) });
		expect(again.status).toBe(409);
		expect(await again.json()).toEqual({ error: expect.stringContaining('already exists') });

		const retrieved = await platform('/databases/acme');
		expect(await retrieved.json()).toEqual({ database: { ...database, group: 'tenants' } });
		expect((await platform('/databases/nobody')).status).toBe(404);

		const minted = await platform('/databases/acme/auth/tokens?authorization=full-access', { method: 'POST' });
		const { jwt } = (await minted.json()) as { jwt: string };
		const client = createClient({ url: turso.databaseUrl('acme'), authToken: jwt });
		clients.push(client);
		await client.execute('SELECT 1');

		const rotated = await platform('/databases/acme/auth/rotate', { method: 'POST' });
		expect(rotated.status).toBe(200);
		expect(await rotated.text()).toBe('');
		await expect(client.execute('SELECT 1')).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
	});

	it('refuses a wrong or missing platform token and a bad name', async () => {
		const wrong = await platform('/databases', { method: 'POST', token: 'guess', body: JSON.stringify({ name: 'x', group: 'g' }) });
		expect(wrong.status).toBe(401);
		expect(await wrong.json()).toEqual({ error: expect.stringContaining('Unauthorized') });
		expect((await fetch(`${turso.origin}/v1/organizations/local/databases/x`)).status).toBe(401);
		expect(existsSync(join(dataDir, 'tenants', 'x.db'))).toBe(false);

		const badName = await platform('/databases', { method: 'POST', body: JSON.stringify({ name: '../Evil', group: 'g' }) });
		expect(badName.status).toBe(400);
	});

	it('keeps tokens across a restart', async () => {
		const { url, authToken } = await turso.ensureDatabase('durable');
		await turso.close();
		turso = await startLocalTurso({ dataDir, platformToken: PLATFORM_TOKEN });
		const client = createClient({ url: url.replace(/^http:\/\/[^/]+/, turso.origin), authToken });
		clients.push(client);
		expect((await client.execute('SELECT 1 AS one')).rows[0].one).toBe(1);
	});

	it('lets the production TursoProvisioner provision a tenant the app can migrate and open', async () => {
		const provisioner = localTursoProvisioner(turso, PLATFORM_TOKEN, 'tenants');
		const locator = await provisioner.provision('tenant-acme');
		expect(locator.url).toBe(turso.databaseUrl('tenant-acme'));
		const again = await provisioner.provision('tenant-acme');
		expect(again.url).toBe(locator.url);

		const client = createClient({ url: locator.url, authToken: again.authToken ?? undefined });
		clients.push(client);
		const migrated = await migrateTenant(client);
		expect(migrated.applied).toEqual(tenantMigrations.map((migration) => migration.tag));
		expect((await migrateTenant(client)).applied).toEqual([]);

		await expect(localTursoProvisioner(turso, PLATFORM_TOKEN, 'other-group').provision('tenant-acme')).rejects.toThrow(/group "tenants"/);
	});

	it('is where the Workers platform provisions when TURSO_API_URL is set', async () => {
		const control = await turso.ensureDatabase('control');
		const env = {
			APP_URL: 'http://localhost:8787',
			CONTROL_DB_URL: control.url,
			CONTROL_DB_TOKEN: control.authToken,
			TURSO_ORG: turso.org,
			TURSO_GROUP: 'tenants',
			TURSO_API_TOKEN: PLATFORM_TOKEN
		};
		const workers = cloudflarePlatform({ ...env, TURSO_API_URL: `${turso.origin}/` } as CloudflareEnv);
		const locator = await workers.provisioner.provision('tenant-workerd');
		expect(locator.url).toBe(turso.databaseUrl('tenant-workerd'));
		const client = workers.db.open(locator);
		clients.push(client);
		expect((await client.execute('SELECT 1 AS one')).rows[0].one).toBe(1);
	});
});
