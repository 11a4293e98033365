/**
 * `npm run bench` (Bulk Create): a 10,000-row CSV into a migrated tenant through the real
 * upload (`startImport`) and the real `import.chunk` handler on the in-process queue, chunk
 * after chunk, as the jobs worker would. Prints rows per second, the ratio to inserting the
 * same engagements and items with one plain batched insert in the same run (no lookups, no
 * checks, no per-row outcome), and the peak memory (rss and heap, sampled every 10 ms).
 * The rows name 2,000 existing coachees, five start dates each, from a 3-item template, with
 * one link each: 10,000 engagements and 40,000 items either way.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { openControlDb, openTenantDb } from '../src/lib/server/db';
import { tenants } from '../src/lib/server/db/control/schema';
import { engagementItems, engagements, people, programTemplates } from '../src/lib/server/db/tenant/schema';
import { chunked } from '../src/lib/server/engagements/engagements';
import { base64Of, startImport } from '../src/lib/server/imports/service';
import { createLocalRuntime } from '../src/lib/server/platform/local';
import { actingScope } from '../src/lib/server/tenancy/acting';
import { TestClock } from '../src/lib/server/testing/harness';
import type { ProgramItem } from '../src/lib/engagements/schema';
import { templateHeader } from '../src/lib/imports/schema';
import { fmt, signUpBenchFirm, withPeakMemory } from './lib';

const rowCount = Number(process.env.BENCH_BULK_ROWS ?? 10_000);
const coacheeCount = rowCount / 5;

const dataDir = mkdtempSync(join(tmpdir(), 'tandem-bench-bulk-'));
const clock = new TestClock();
const runtime = await createLocalRuntime({ dataDir, clock });
const { platform } = runtime;
const { tenant: created } = await signUpBenchFirm(platform);
await runtime.queue.drain();
const tenant = (await openControlDb(platform).query.tenants.findFirst({ where: eq(tenants.id, created.id) }))!;
const db = await openTenantDb(platform, tenant);
const admin = (await db.query.people.findFirst({ where: eq(people.email, 'bench@example.com') }))!;

const items: ProgramItem[] = [
	{ id: 'a', kind: 'session', title: 'Kick-off', durationMinutes: 60, format: 'online', message: '', coacheeSchedules: false },
	{ id: 'b', kind: 'link', title: 'Reading', url: 'https://example.com/read' },
	{ id: 'c', kind: 'session', title: 'Review', durationMinutes: 30, format: 'online', message: '', coacheeSchedules: true }
];
const templateId = crypto.randomUUID();
await db.insert(programTemplates).values({ id: templateId, name: 'Leadership 90', items, ownerId: null });
await db.insert(people).values({ id: 'coach-1', email: 'coach@bench.example', firstName: 'Cara', lastName: 'Coach', roles: ['coach'], status: 'active' });
const coachees = Array.from({ length: coacheeCount }, (_, i) => ({ id: `coachee-${i}`, email: `c${i}@bench.example`, firstName: 'Cole', lastName: `Coachee ${i}`, roles: ['coachee' as const], status: 'active' as const, coachId: 'coach-1' }));
for (const rows of chunked(coachees, 500)) await db.insert(people).values(rows);

const startDates = ['2027-01-04', '2027-02-01', '2027-03-01', '2027-04-05', '2027-05-03'];
const lines = Array.from({ length: rowCount }, (_, i) => {
	const coachee = coachees[i % coacheeCount]!;
	const start = startDates[Math.floor(i / coacheeCount)]!;
	return [coachee.email, '', '', 'coach@bench.example', 'Leadership 90', '', start, '', 'Draft', '0', `https://example.com/pack/${i}`, 'Welcome pack', '0'].join(',');
});
const file = new TextEncoder().encode([templateHeader.join(','), ...lines].join('\r\n') + '\r\n');

const scope = (await actingScope({ platform, db, tenant }, admin.id))!;
const bulk = await withPeakMemory(async () => {
	const { id } = await startImport(scope, { fileName: 'bench.csv', file: base64Of(file) });
	await runtime.queue.drain();
	return db.query.engagementImports.findFirst({ where: (t, { eq: equal }) => equal(t.id, id) });
});
if (bulk.result?.status !== 'finished' || bulk.result.rowsCreated !== rowCount) throw new Error(`bulk create ended ${bulk.result?.status} with ${bulk.result?.rowsCreated} rows`);

/** The same engagements and items, built in memory and inserted in one batch. */
const plain = await withPeakMemory(async () => {
	const now = clock.now();
	const made = lines.map((_, i) => ({
		id: crypto.randomUUID(),
		coacheeId: coachees[i % coacheeCount]!.id,
		coachId: 'coach-1',
		title: 'Leadership 90',
		programTemplateId: templateId,
		status: 'draft' as const,
		shared: false,
		startsOn: '2028-01-03',
		createdBy: admin.id,
		createdAt: now,
		updatedAt: now
	}));
	const itemRows = made.flatMap((engagement, i) =>
		[...items.map((item) => ({ kind: item.kind, title: item.title, details: { kind: 'link' as const, url: 'https://example.com/read' } })), { kind: 'link' as const, title: 'Welcome pack', details: { kind: 'link' as const, url: `https://example.com/pack/${i}` } }].map((item, position) => ({
			id: crypto.randomUUID(),
			engagementId: engagement.id,
			coacheeId: engagement.coacheeId,
			position,
			kind: item.kind,
			title: item.title,
			details: item.details,
			createdAt: now,
			updatedAt: now
		}))
	);
	const [first, ...rest] = chunked(made, 200).map((rows) => db.insert(engagements).values(rows));
	await db.batch([first!, ...rest, ...chunked(itemRows).map((rows) => db.insert(engagementItems).values(rows))]);
});

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const perSecond = (ms: number) => Math.round(rowCount / (ms / 1000)).toLocaleString('en');
console.log(`Bulk Create: ${rowCount.toLocaleString('en')} rows (${(file.byteLength / 1024 / 1024).toFixed(2)} MB), ${Math.ceil(rowCount / 200)} chunks, ${rowCount.toLocaleString('en')} engagements and ${(rowCount * 4).toLocaleString('en')} items\n`);
console.log('path                               | time          | rows/s  | peak rss | peak heap');
for (const [name, run] of [['bulk create (upload + job chunks)', bulk], ['plain batched insert (same rows)', plain]] as const) {
	console.log([name.padEnd(34), fmt(run.ms).padStart(13), perSecond(run.ms).padStart(7), mb(run.peak.rss).padStart(8), mb(run.peak.heap).padStart(9)].join(' | '));
}
console.log(`\nratio: bulk create takes ${(bulk.ms / plain.ms).toFixed(1)}x the plain insert (it also reads and checks every row, writes its outcome, and moves the cursor per chunk).`);

runtime.close();
rmSync(dataDir, { recursive: true, force: true });
