/**
 * `npm run bench` (engagement delivery): the cron sweep over 1,000 tenants of which 10 have
 * engagement items due. Every tenant is a real migrated libSQL database with an active
 * engagement (copies of one seeded file, so setting up takes seconds, not minutes); the 990
 * idle ones have their next work tomorrow. One tick runs the real `runCronTick` and the
 * `tenant.due` jobs it queues, as the jobs worker would, and the bench prints the tenant
 * databases opened, the items sent, the emails written, and the time; then a second tick
 * (nothing left to send) beside it.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { eq } from 'drizzle-orm';
import { join } from 'node:path';
import { currentTenantSchema, openControlDb } from '../src/lib/server/db';
import { emailOutbox, tenants } from '../src/lib/server/db/control/schema';
import { runCronTick } from '../src/lib/server/jobs/runner';
import { createLocalRuntime } from '../src/lib/server/platform/local';
import { TestClock } from '../src/lib/server/testing/harness';
import { fmt, signUpBenchFirm } from './lib';

const tenantCount = Number(process.env.BENCH_TENANTS ?? 1000);
const dueCount = 10;
const hour = 3_600_000;

const dataDir = mkdtempSync(join(tmpdir(), 'tandem-bench-cron-'));
const clock = new TestClock();
const runtime = await createLocalRuntime({ dataDir, clock });
// The queue's consumer holds this very platform, so count on its connector in place.
const opened = new Set<string>();
const openDatabase = runtime.platform.db.open.bind(runtime.platform.db);
runtime.platform.db.open = (locator) => (opened.add(locator.url), openDatabase(locator));
const platform = runtime.platform;

const { tenant: model } = await signUpBenchFirm(runtime.platform, 'Bench Firm 0');
await runtime.queue.drain();

/** One coach, one coachee, one active engagement: two assessments, two links and a session,
 * all scheduled for `at`. */
async function seedEngagement(url: string, at: number) {
	const db = runtime.platform.db.open({ url });
	const now = clock.now().getTime();
	const questions = JSON.stringify([{ id: 'q1', kind: 'long_text', prompt: 'What went well this month?', required: true }]);
	const items = [
		['assessment', 'Monthly reflection', { kind: 'assessment', assessmentTemplateId: null, assessmentKind: 'questions', questions: JSON.parse(questions) }],
		['assessment', 'Values check', { kind: 'assessment', assessmentTemplateId: null, assessmentKind: 'questions', questions: JSON.parse(questions) }],
		['link', 'Reading: radical candour', { kind: 'link', url: 'https://example.com/candour' }],
		['link', 'Video: feedback', { kind: 'link', url: 'https://example.com/feedback' }],
		['session', 'Kick-off', { kind: 'session', durationMinutes: 60, format: 'online', location: 'https://meet.example/kickoff', message: '', coacheeSchedules: false }]
	] as const;
	await db.batch(
		[
			{ sql: `INSERT INTO people (id, email, first_name, last_name, roles, status, created_at) VALUES ('coach-1', 'coach@bench.example', 'Cara', 'Coach', '["coach"]', 'active', ?)`, args: [now] },
			{ sql: `INSERT INTO people (id, email, first_name, last_name, roles, status, coach_id, created_at) VALUES ('coachee-1', 'coachee@bench.example', 'Cole', 'Coachee', '["coachee"]', 'active', 'coach-1', ?)`, args: [now] },
			{ sql: `INSERT INTO engagements (id, coachee_id, coach_id, title, status, shared, starts_on, created_at) VALUES ('e1', 'coachee-1', 'coach-1', 'Leadership program', 'active', 1, '2026-11-01', ?)`, args: [now] },
			...items.map(([kind, title, details], i) => ({
				sql: `INSERT INTO engagement_items (id, engagement_id, coachee_id, position, kind, title, details, scheduled_at, sequence) VALUES (?, 'e1', 'coachee-1', ?, ?, ?, ?, ?, ?)`,
				args: [`item-${i}`, i, kind, title, JSON.stringify(details), at, kind === 'session' ? 1 : 0]
			}))
		],
		'write'
	);
}

const modelFile = model.dbUrl!.replace(/^file:/, '');
const control = openControlDb(runtime.platform);
const setupStart = performance.now();
await seedEngagement(model.dbUrl!, clock.now().getTime() + 24 * hour);
const rows = [];
for (let n = 1; n < tenantCount; n++) {
	const file = join(dataDir, 'tenants', `bench-${n}.db`);
	copyFileSync(modelFile, file);
	rows.push({ id: `bench-tenant-${n}`, slug: `bench-firm-${n}`, name: `Bench Firm ${n}`, kind: 'firm' as const, status: 'active' as const, dbUrl: `file:${file}`, schemaVersion: currentTenantSchema, nextDueAt: new Date(clock.now().getTime() + 24 * hour) });
}
for (let start = 0; start < rows.length; start += 200) await control.insert(tenants).values(rows.slice(start, start + 200));
// Ten tenants have work due; their visit is due too.
const due = rows.slice(0, dueCount);
for (const row of due) {
	const db = runtime.platform.db.open({ url: row.dbUrl });
	// The sends came due a minute ago; the session starts in a day, so its invitation goes now.
	await db.execute({ sql: `UPDATE engagement_items SET scheduled_at = CASE kind WHEN 'session' THEN ? ELSE ? END`, args: [clock.now().getTime() + 24 * hour, clock.now().getTime() - 60_000] });
	await control.update(tenants).set({ nextDueAt: new Date(clock.now().getTime() - 60_000) }).where(eq(tenants.id, row.id));
}
console.log(`set up ${tenantCount} tenant databases (${dueCount} with items due) in ${fmt(performance.now() - setupStart)}\n`);

async function tick() {
	opened.clear();
	const emailsBefore = (await control.select().from(emailOutbox)).length;
	const start = performance.now();
	await runCronTick(platform);
	await runtime.queue.drain();
	const ms = performance.now() - start;
	const databases = opened.size;
	let sent = 0;
	for (const row of due) {
		const db = runtime.platform.db.open({ url: row.dbUrl });
		const result = await db.execute(`SELECT count(*) AS n FROM engagement_items WHERE delivered_at IS NOT NULL OR invited_sequence IS NOT NULL`);
		sent += Number(result.rows[0]!.n);
	}
	const emails = (await control.select().from(emailOutbox)).length - emailsBefore;
	return { ms, opened: databases, sent, emails };
}

console.log('tick                  | tenant dbs opened | items sent (total) | emails written | time');
const first = await tick();
const second = await tick();
for (const [name, r] of [['first (10 due)', first], ['second (nothing new)', second]] as const) {
	console.log([name.padEnd(21), String(r.opened).padStart(17), String(r.sent).padStart(18), String(r.emails).padStart(14), fmt(r.ms)].join(' | '));
}
console.log(`\n${tenantCount - dueCount} tenants were not due and their databases were not opened; "items sent" counts items delivered or invited in the ${dueCount} due tenants after each tick.`);

runtime.close();
rmSync(dataDir, { recursive: true, force: true });
