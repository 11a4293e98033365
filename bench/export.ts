/**
 * `npm run bench` (Export Engagements): 10,000 engagements of 10 items (100,000 item rows)
 * exported by the real `export.chunk` job through the in-process queue, one row per item, as
 * an admin asks for it: the time, rows per second, chunks, the file's size, and the peak
 * memory (rss and heap sampled every 20 ms) beside the memory before the export started
 * (run with NODE_OPTIONS=--expose-gc to start from a collected heap and see it after).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { openTenantDb } from '../src/lib/server/db';
import { engagementExports, people } from '../src/lib/server/db/tenant/schema';
import { startExport } from '../src/lib/server/exports/service';
import { createLocalRuntime } from '../src/lib/server/platform/local';
import { actingScope } from '../src/lib/server/tenancy/acting';
import { TestClock } from '../src/lib/server/testing/harness';
import { fmt, signUpBenchFirm, withPeakMemory } from './lib';
import { seedEngagements, seedFirm } from './seed-firm';

const size = { engagements: Number(process.env.BENCH_EXPORT_ENGAGEMENTS ?? 10_000), itemsPer: 10, coachees: 2_000, coaches: 50 };

const dataDir = mkdtempSync(join(tmpdir(), 'tandem-bench-export-'));
const runtime = await createLocalRuntime({ dataDir, clock: new TestClock() });
const { tenant } = await signUpBenchFirm(runtime.platform);
await runtime.queue.drain();
const raw = runtime.platform.db.open({ url: tenant.dbUrl! });
const setupStart = performance.now();
await seedFirm(raw, size);
await seedEngagements(raw, size);
console.log(`seeded ${size.engagements.toLocaleString('en')} engagements × ${size.itemsPer} items in ${fmt(performance.now() - setupStart)}\n`);

const db = await openTenantDb(runtime.platform, tenant);
const admin = (await db.query.people.findFirst({ where: eq(people.email, 'bench@example.com') }))!;
const scope = (await actingScope({ platform: runtime.platform, db, tenant }, admin.id))!;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const run = await withPeakMemory(async () => {
	const { id } = await startExport(scope, { shape: 'item' });
	await runtime.queue.drain();
	return id;
});
const { ms, peak, before } = run;
const id = run.result;

const [job] = await db.select().from(engagementExports).where(eq(engagementExports.id, id));
if (job?.status !== 'finished') throw new Error(`The export did not finish: ${job?.status} ${job?.error ?? ''}`);
console.log('export (one row per item) | engagements | rows    | chunks | file     | time        | rows/s  | peak rss (before) | peak heap (before)');
console.log(
	[
		'in-process queue'.padEnd(25),
		job.engagementsDone.toLocaleString('en').padStart(11),
		job.rowsWritten.toLocaleString('en').padStart(7),
		String(job.chunksDone).padStart(6),
		mb(job.sizeBytes).padStart(8),
		fmt(ms).padStart(11),
		Math.round(job.rowsWritten / (ms / 1000)).toLocaleString('en').padStart(7),
		`${mb(peak.rss)} (${mb(before.rss)})`.padStart(17),
		`${mb(peak.heap)} (${mb(before.heap)})`.padStart(18)
	].join(' | ')
);
globalThis.gc?.();
if (globalThis.gc) console.log(`heap after the export and a GC: ${mb(process.memoryUsage().heapUsed)} (nothing of the file is kept)`);
console.log(`\nEach chunk reads ${job.engagementsDone / job.chunksDone} engagements and their items in one batch and writes one part; the parts are then streamed into one file.`);

runtime.close();
rmSync(dataDir, { recursive: true, force: true });
