/**
 * `npm run bench`: measures requests through the real HTTP handler against the same data
 * read by hand-written SQL, side by side in one run, and prints ratios.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalRuntime } from '../src/lib/server/platform/local';
import { handleTrpcRequest } from '../src/lib/server/trpc/http';
import { signUp } from '../src/lib/server/auth/service';
import { countingConnector, fmt, measure } from './lib';

const runs = Number(process.env.BENCH_RUNS ?? 200);
const dataDir = mkdtempSync(join(tmpdir(), 'tandem-bench-'));
const runtime = await createLocalRuntime({ dataDir });
const { connector, counter } = countingConnector(runtime.platform.db);
const platform = { ...runtime.platform, db: connector };

const { session, tenant, user } = await signUp(platform, {
	firstName: 'Bench',
	lastName: 'Admin',
	email: 'bench@example.com',
	password: 'bench password 2026',
	organisation: { name: 'Bench Firm', kind: 'firm' }
});
await runtime.queue.drain();

const url = `http://localhost/api/trpc/tenancy.current?input=${encodeURIComponent(JSON.stringify({ tenant: tenant.slug }))}`;
const viaHttp = async () => {
	const response = await handleTrpcRequest(new Request(url, { headers: { cookie: `tandem_session=${session.token}` } }), {
		platform,
		clientAddress: '127.0.0.1'
	});
	if (!response.ok) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
	await response.json();
};
const sessionId = session.token.split('.')[0]!;
const viaSql = async () => {
	await connector.control().execute({
		sql: `SELECT t.*, m.status FROM sessions s JOIN users u ON u.id = s.user_id
		      JOIN tenants t ON t.slug = ? LEFT JOIN memberships m ON m.tenant_id = t.id AND m.user_id = u.id
		      WHERE s.id = ?`,
		args: [tenant.slug, sessionId]
	});
	await connector.open({ url: tenant.dbUrl! }).execute({ sql: 'SELECT * FROM people WHERE user_id = ?', args: [user.id] });
};

counter.statements = 0;
await viaHttp();
const queriesPerRequest = counter.statements;
const http = await measure(runs, viaHttp);
const sql = await measure(runs, viaSql);

console.log(`tenancy.current (session + membership + tenant person), ${runs} runs`);
console.log(`  through HTTP handler: p50 ${fmt(http.p50)}  p95 ${fmt(http.p95)}  queries/request ${queriesPerRequest}`);
console.log(`  hand-written SQL:     p50 ${fmt(sql.p50)}  p95 ${fmt(sql.p95)}  queries 2`);
console.log(`  ratio (HTTP / SQL):   p50 ${(http.p50 / sql.p50).toFixed(1)}x  p95 ${(http.p95 / sql.p95).toFixed(1)}x`);

runtime.close();
rmSync(dataDir, { recursive: true, force: true });
