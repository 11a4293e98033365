/**
 * The `export.chunk` job: an export is written one chunk of engagements per queue message,
 * so no invocation runs long and memory stays flat however large the file.
 *
 * Chunk n reads the next `chunkSize` engagements after the cursor (one batch, as the
 * requester may see them NOW: `actingScope`), writes them as part n of the file, then moves
 * the cursor only if `chunks_done` is still n, then enqueues chunk n+1. At-least-once safe:
 * - a chunk delivered twice rewrites the same bytes to the same part, and only one delivery
 *   moves the cursor;
 * - a delivery that finds its chunk done only makes sure the next one is enqueued;
 * - a crash between chunks leaves the row untouched; the "exports" due work re-enqueues the
 *   next chunk of an export nobody advanced for `stallMs`.
 * After the last chunk the parts are streamed into one file (`putStream`, length known), the
 * export is marked finished, the requester notified, and the parts deleted.
 */
import { and, asc, eq, gt, inArray, isNotNull, lte, ne, sql } from 'drizzle-orm';
import { engagementExports } from '../db/tenant/schema';
import type { DueWorkProvider, DueWorkScope } from '../jobs/due-work';
import { enqueue } from '../jobs/messages';
import { notify } from '../notifications/service';
import type { Platform } from '../platform/ports';
import { actingScope, openJobBase, type JobBase } from '../tenancy/acting';
import { scheduleTenantWork } from '../tenancy/service';
import { chunkText, isEnd, parseCursor, readChunk } from './rows';
import { engagementPaths } from '../../engagements/paths';
import { exportKeepDays } from '../../exports/schema';
import { can } from '../../permissions';

type ExportRow = typeof engagementExports.$inferSelect;

/** An export nobody advanced for this long lost its message: the due work sends it again. */
export const stallMs = 5 * 60_000;
/** ...and one still stuck after this long keeps failing: it is stopped, not retried forever. */
export const giveUpMs = 60 * 60_000;
export const keepMs = exportKeepDays * 24 * 60 * 60_000;
const csvType = 'text/csv; charset=utf-8';
const plural = (n: number, noun: string) => `${n.toLocaleString('en')} ${noun}${n === 1 ? '' : 's'}`;

export const exportFileKey = (tenantId: string, exportId: string) => `tenants/${tenantId}/exports/${exportId}.csv`;
export const exportPartKey = (tenantId: string, exportId: string, chunk: number) =>
	`tenants/${tenantId}/exports/${exportId}/part-${String(chunk).padStart(5, '0')}.csv`;

export const enqueueChunk = (platform: Platform, tenantId: string, exportId: string, chunk: number) =>
	enqueue(platform, 'export.chunk', { tenantId, exportId, chunk, idempotencyKey: `export:${exportId}:${chunk}` });

export async function runExportChunk(platform: Platform, message: { tenantId: string; exportId: string; chunk: number }) {
	const base = await openJobBase(platform, message.tenantId);
	if (!base) return;
	const [job] = await base.db.select().from(engagementExports).where(eq(engagementExports.id, message.exportId));
	if (!job || job.status === 'finished' || job.status === 'failed') return;
	if (isEnd(parseCursor(job.cursor))) return assemble(base, job);
	// Done already (a redelivery): make sure the next one is on its way. Ahead: cannot be yet.
	if (job.chunksDone !== message.chunk) {
		if (job.chunksDone > message.chunk) await enqueueChunk(platform, base.tenant.id, job.id, job.chunksDone);
		return;
	}
	await writeChunk(base, job);
}

async function writeChunk(base: JobBase, job: ExportRow) {
	const scope = await actingScope(base, job.requestedBy);
	if (!scope || !can(scope.roles, 'engagements.export')) return fail(base, job, 'You can no longer export engagements in this workspace.');
	const n = job.chunksDone;
	const { engagements, next } = await readChunk(scope, job.filters, parseCursor(job.cursor));
	const part = chunkText(engagements, job.shape, job.createdAt, n === 0);
	const bytes = new TextEncoder().encode(part.text);
	await base.platform.files.put(exportPartKey(base.tenant.id, job.id, n), bytes, csvType);
	const [moved] = await base.db
		.update(engagementExports)
		.set({
			status: 'running',
			chunksDone: n + 1,
			cursor: JSON.stringify(next),
			engagementsDone: sql`${engagementExports.engagementsDone} + ${engagements.length}`,
			rowsWritten: sql`${engagementExports.rowsWritten} + ${part.rows}`,
			sizeBytes: sql`${engagementExports.sizeBytes} + ${bytes.length}`,
			updatedAt: base.platform.clock.now()
		})
		.where(and(eq(engagementExports.id, job.id), eq(engagementExports.chunksDone, n)))
		.returning();
	// Another delivery of this chunk moved first and carries on from here.
	if (!moved) return;
	if (isEnd(next)) await assemble(base, moved);
	else await enqueueChunk(base.platform, base.tenant.id, job.id, n + 1);
}

/** The parts, in order, as one stream: only one part's bytes are held at a time. */
function concatenatedParts(base: JobBase, job: ExportRow): ReadableStream<Uint8Array> {
	let chunk = 0;
	let reader: ReadableStreamDefaultReader<Uint8Array> | null = null;
	return new ReadableStream<Uint8Array>({
		async pull(controller) {
			for (;;) {
				if (!reader) {
					if (chunk >= job.chunksDone) return controller.close();
					const part = await base.platform.files.get(exportPartKey(base.tenant.id, job.id, chunk++));
					if (!part) throw new Error(`Export ${job.id}: part ${chunk - 1} is missing.`);
					reader = part.body.getReader();
				}
				const { done, value } = await reader.read();
				if (!done) return controller.enqueue(value);
				reader = null;
			}
		},
		async cancel(reason) {
			await reader?.cancel(reason);
		}
	});
}

/** The parts become one file; the export is finished (once) and its requester told. */
async function assemble(base: JobBase, job: ExportRow) {
	const { platform } = base;
	await platform.files.putStream(exportFileKey(base.tenant.id, job.id), concatenatedParts(base, job), job.sizeBytes, csvType);
	const now = platform.clock.now();
	const expiresAt = new Date(now.getTime() + keepMs);
	const [finished] = await base.db
		.update(engagementExports)
		.set({ status: 'finished', finishedAt: now, expiresAt, updatedAt: now })
		.where(and(eq(engagementExports.id, job.id), ne(engagementExports.status, 'finished')))
		.returning({ id: engagementExports.id });
	if (finished) {
		// The due work deletes the file once it expires.
		await scheduleTenantWork(platform, base.tenant.id, expiresAt);
		await notify(base, {
			recipientId: job.requestedBy,
			kind: 'export_ready',
			title: `Your export of ${plural(job.engagementsDone, 'engagement')} is ready`,
			body: `Download the CSV (${plural(job.rowsWritten, 'row')}) from Tandem before ${expiresAt.toISOString().slice(0, 10)}; after that it is deleted.`,
			link: engagementPaths.exportJob(job.id)
		});
	}
	await deleteParts(base, job);
}

const deleteParts = (base: Pick<JobBase, 'platform' | 'tenant'>, job: Pick<ExportRow, 'id' | 'chunksDone'>) =>
	Promise.all(Array.from({ length: job.chunksDone }, (_, chunk) => base.platform.files.delete(exportPartKey(base.tenant.id, job.id, chunk))));

async function fail(base: JobBase, job: ExportRow, error: string) {
	await base.db.update(engagementExports).set({ status: 'failed', error, updatedAt: base.platform.clock.now() }).where(eq(engagementExports.id, job.id));
	await deleteParts(base, job);
}

// ---- Due work: stalled exports resume, expired files go ---------------------------------------

const underway = inArray(engagementExports.status, ['queued', 'running']);
/** A finished export still holding its file (sizeBytes is set to 0 when the file is deleted). */
const holdingFile = and(eq(engagementExports.status, 'finished'), gt(engagementExports.sizeBytes, 0), isNotNull(engagementExports.expiresAt));
const lastTouched = sql<number>`coalesce(${engagementExports.updatedAt}, ${engagementExports.createdAt})`;

async function resumeAndClean(scope: DueWorkScope) {
	const now = scope.platform.clock.now();
	const [stalled, expired] = await scope.db.batch([
		scope.db.select().from(engagementExports).where(and(underway, lte(lastTouched, now.getTime() - stallMs))),
		scope.db
			.select({ id: engagementExports.id, chunksDone: engagementExports.chunksDone })
			.from(engagementExports)
			.where(and(holdingFile, lte(engagementExports.expiresAt, now)))
	]);
	for (const job of stalled) {
		const stuckMs = now.getTime() - (job.updatedAt ?? job.createdAt).getTime();
		if (stuckMs >= giveUpMs) await fail(scope, job, 'This export stopped: Tandem could not finish writing the file. Start it again.');
		else await enqueueChunk(scope.platform, scope.tenant.id, job.id, job.chunksDone);
	}
	for (const job of expired) {
		await Promise.all([scope.platform.files.delete(exportFileKey(scope.tenant.id, job.id)), deleteParts(scope, job)]);
		await scope.db.update(engagementExports).set({ sizeBytes: 0 }).where(eq(engagementExports.id, job.id));
	}
}

async function nextExportWork(scope: DueWorkScope): Promise<Date | null> {
	const [[stall], [expiry]] = await scope.db.batch([
		scope.db.select({ at: lastTouched }).from(engagementExports).where(underway).orderBy(asc(lastTouched)).limit(1),
		scope.db.select({ at: engagementExports.expiresAt }).from(engagementExports).where(holdingFile).orderBy(asc(engagementExports.expiresAt)).limit(1)
	]);
	const times = [stall ? stall.at + stallMs : null, expiry?.at?.getTime() ?? null].filter((at): at is number => at !== null);
	return times.length ? new Date(Math.min(...times)) : null;
}

export const exportsDueWork: DueWorkProvider = { name: 'exports', run: resumeAndClean, nextDueAt: nextExportWork };
