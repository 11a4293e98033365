/**
 * `npm run bench` (second part): a firm with 200 coaches and 5,000 coachees. Each case is read through the
 * real HTTP handler (session, tenant middleware, router) and, side by side in the same run,
 * by one hand-written SQL query returning the same rows; it prints p50/p95, the statements
 * each request sent, and the ratio.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InStatement } from '@libsql/client';
import { createLocalRuntime } from '../src/lib/server/platform/local';
import { handleTrpcRequest } from '../src/lib/server/trpc/http';
import { countingConnector, fmt, measure, signUpBenchFirm } from './lib';
import { seedFirm } from './seed-firm';

const runs = Number(process.env.BENCH_RUNS ?? 200);
const dataDir = mkdtempSync(join(tmpdir(), 'tandem-bench-'));
const runtime = await createLocalRuntime({ dataDir });
const { connector, counter } = countingConnector(runtime.platform.db);
const platform = { ...runtime.platform, db: connector };

const { session, tenant } = await signUpBenchFirm(platform);
await runtime.queue.drain();
const tenantDb = runtime.platform.db.open({ url: tenant.dbUrl! });
const seeded = await seedFirm(tenantDb, { coaches: 200, coachees: 5000 });
console.log(`seeded ${seeded.coaches} coaches and ${seeded.coachees} coachees; ${runs} runs per case\n`);

async function viaHttp(path: string, input: object) {
	const url = `http://localhost/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ tenant: tenant.slug, ...input }))}`;
	const response = await handleTrpcRequest(new Request(url, { headers: { cookie: `tandem_session=${session.token}` } }), {
		platform,
		clientAddress: '127.0.0.1'
	});
	if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
	return response.json();
}

/** One query: the page, with the total as a scalar subquery. */
const listSql = (where: string, args: (string | number)[]): InStatement => ({
	sql: `SELECT p.id, p.first_name, p.last_name, p.email, p.status, p.coach_id, c.first_name AS coach_first, c.last_name AS coach_last,
	             coalesce(p.last_activity_at, p.created_at) AS last_activity,
	             (SELECT count(*) FROM people p WHERE p.is_coachee = 1 ${where}) AS total
	      FROM people p LEFT JOIN people c ON c.id = p.coach_id
	      WHERE p.is_coachee = 1 ${where}
	      ORDER BY p.last_name, p.first_name, p.id LIMIT 25`,
	args: [...args, ...args]
});

const cases: { name: string; path: string; input: object; sql: InStatement }[] = [
	{ name: 'coachee list, first page', path: 'coachees.list', input: {}, sql: listSql('', []) },
	{
		name: 'coachee list, search "smi"',
		path: 'coachees.list',
		input: { search: 'smi' },
		sql: listSql(`AND (lower(p.first_name || ' ' || p.last_name) LIKE ? OR p.email LIKE ?)`, ['%smi%', '%smi%'])
	},
	{ name: 'coachee list, status Invited', path: 'coachees.list', input: { status: 'invited' }, sql: listSql('AND p.status = ?', ['invited']) },
	{
		name: 'coachee list, one coach',
		path: 'coachees.list',
		input: { coachId: seeded.sampleCoachId },
		sql: listSql('AND p.coach_id = ?', [seeded.sampleCoachId])
	},
	{
		name: 'coachee profile',
		path: 'coachees.get',
		input: { coacheeId: seeded.sampleCoacheeId },
		sql: {
			sql: `SELECT p.*, c.first_name, c.last_name, c.email,
			        (SELECT json_group_array(json_object('kind', kind, 'summary', summary, 'at', created_at))
			           FROM (SELECT * FROM activity_events WHERE person_id = p.id ORDER BY created_at DESC LIMIT 100)) AS events
			      FROM people p LEFT JOIN people c ON c.id = p.coach_id WHERE p.id = ?`,
			args: [seeded.sampleCoacheeId]
		}
	}
];

console.log('case                            | HTTP p50 | HTTP p95 | queries | SQL p50 | SQL p95 | ratio p50 | ratio p95');
for (const c of cases) {
	counter.statements = 0;
	await viaHttp(c.path, c.input);
	const queries = counter.statements;
	const http = await measure(runs, () => viaHttp(c.path, c.input));
	const sql = await measure(runs, () => tenantDb.execute(c.sql));
	console.log(
		[c.name.padEnd(31), fmt(http.p50).padStart(8), fmt(http.p95).padStart(8), String(queries).padStart(7), fmt(sql.p50).padStart(7), fmt(sql.p95).padStart(7), `${(http.p50 / sql.p50).toFixed(1)}x`.padStart(9), `${(http.p95 / sql.p95).toFixed(1)}x`.padStart(9)].join(' | ')
	);
}
console.log('\nqueries = statements sent to any database per HTTP request (session, membership, tenant person, the read itself).');

runtime.close();
rmSync(dataDir, { recursive: true, force: true });
