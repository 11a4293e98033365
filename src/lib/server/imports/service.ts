/**
 * Bulk Create (assign-and-manage-engagements.txt, "Bulk assign an Engagement"): the upload,
 * checked at once and kept in file storage, then read by the `import.chunk` job (chunk.ts);
 * the pages' reads of its progress and rejected rows; and the due work that heals an import
 * whose message was lost.
 */
import { and, asc, desc, eq, inArray, lte, min, sql } from 'drizzle-orm';
import { fullName } from '../auth/service';
import { engagementImportRows, engagementImports, people } from '../db/tenant/schema';
import { fieldError, notFound } from '../errors';
import type { DueWorkProvider, DueWorkScope } from '../jobs/due-work';
import { enqueue } from '../jobs/messages';
import type { TenantScope } from '../tenancy/scope';
import { scheduleTenantWork } from '../tenancy/service';
import { fromBase64Url } from '../tenancy/token-vault';
import { chunkMessage } from './chunk';
import { inspectCsv } from './csv-reader';
import { mapColumns, missingColumns, missingColumnsMessage, recentImportsLimit, rejectedPageSize, type ImportPageInput, type StartImport } from '../../imports/schema';

export const importFileKey = (tenantId: string, importId: string) => `tenants/${tenantId}/imports/${importId}.csv`;

/** An import whose row has not moved for this long lost its message: the due work sends it again. */
export const stallMs = 5 * 60_000;
/** ...and one still unfinished this long after its upload keeps failing (its file gone, a
 * chunk that always throws): it is stopped, so it is not sent again every 5 minutes forever.
 * The largest file takes about a minute of chunks. */
export const giveUpMs = 60 * 60_000;

function bytesOf(base64: string): Uint8Array {
	try {
		return fromBase64Url(base64);
	} catch {
		throw fieldError('file', 'The file arrived damaged. Choose it again and upload it.');
	}
}

/** A file's bytes as the upload procedure takes them; in slices, as one spread of 5 MB
 * would overflow the call stack. */
export function base64Of(bytes: Uint8Array): string {
	let binary = '';
	for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(binary);
}

/** "Upload": refuses a file that is not a CSV with the columns Bulk Create needs, before
 * anything is kept; otherwise keeps it, records the import and sends its first chunk. */
export async function startImport(scope: TenantScope, input: StartImport) {
	const bytes = bytesOf(input.file);
	const layout = inspectCsv(bytes, input.fileName);
	const missing = missingColumns(mapColumns(layout.columns));
	if (missing.length) throw fieldError('file', missingColumnsMessage(missing));
	const id = crypto.randomUUID();
	const fileKey = importFileKey(scope.tenant.id, id);
	const now = scope.platform.clock.now();
	await scope.platform.files.put(fileKey, bytes, 'text/csv');
	// Booked before the row is written: if the first message is lost, the healer sends it.
	await scheduleTenantWork(scope.platform, scope.tenant.id, new Date(now.getTime() + stallMs));
	await scope.db.insert(engagementImports).values({
		id,
		requestedBy: scope.personId,
		fileName: input.fileName,
		fileKey,
		fileSize: bytes.byteLength,
		delimiter: layout.delimiter,
		columns: layout.columns,
		cursorOffset: layout.dataOffset,
		createdAt: now,
		updatedAt: now
	});
	await enqueue(scope.platform, 'import.chunk', chunkMessage(scope.tenant.id, id, 0));
	return { id, fileName: input.fileName };
}

const summary = {
	id: engagementImports.id,
	fileName: engagementImports.fileName,
	fileSize: engagementImports.fileSize,
	status: engagementImports.status,
	bytesRead: engagementImports.cursorOffset,
	rowsRead: engagementImports.rowsRead,
	rowsCreated: engagementImports.rowsCreated,
	rowsRejected: engagementImports.rowsRejected,
	error: engagementImports.error,
	createdAt: engagementImports.createdAt,
	finishedAt: engagementImports.finishedAt
};

/** The upload page's list: the person's own latest bulk creates. */
export async function recentImports(scope: TenantScope) {
	return scope.db.select(summary).from(engagementImports).where(eq(engagementImports.requestedBy, scope.personId)).orderBy(desc(engagementImports.createdAt)).limit(recentImportsLimit);
}

const notThere = () => notFound('That Bulk Create is not in this workspace. It may have been started in another one.');

/** One import's progress and a page of its rejected rows: one batch. Any admin may look. */
export async function importPage(scope: TenantScope, input: ImportPageInput) {
	const [jobs, rejected] = await scope.db.batch([
		scope.db
			.select({ ...summary, requesterFirstName: people.firstName, requesterLastName: people.lastName })
			.from(engagementImports)
			.innerJoin(people, eq(people.id, engagementImports.requestedBy))
			.where(eq(engagementImports.id, input.importId)),
		scope.db
			.select({ line: engagementImportRows.line, email: engagementImportRows.coacheeEmail, reason: engagementImportRows.reason })
			.from(engagementImportRows)
			.where(and(eq(engagementImportRows.importId, input.importId), eq(engagementImportRows.outcome, 'rejected')))
			.orderBy(asc(engagementImportRows.line))
			.limit(rejectedPageSize)
			.offset((input.page - 1) * rejectedPageSize)
	]);
	const job = jobs[0];
	if (!job) throw notThere();
	const { requesterFirstName, requesterLastName, ...rest } = job;
	return {
		...rest,
		requestedBy: fullName({ firstName: requesterFirstName, lastName: requesterLastName }),
		rejected: { rows: rejected.map((row) => ({ line: row.line, email: row.email ?? '', reason: row.reason ?? '' })), total: job.rowsRejected, page: input.page, pageSize: rejectedPageSize }
	};
}

/** "Download rejected rows": the file's own header and each rejected row's cells with why. */
export async function rejectedRows(scope: TenantScope, importId: string) {
	const [jobs, rows] = await scope.db.batch([
		scope.db.select({ fileName: engagementImports.fileName, columns: engagementImports.columns }).from(engagementImports).where(eq(engagementImports.id, importId)),
		scope.db
			.select({ cells: engagementImportRows.cells, reason: engagementImportRows.reason })
			.from(engagementImportRows)
			.where(and(eq(engagementImportRows.importId, importId), eq(engagementImportRows.outcome, 'rejected')))
			.orderBy(asc(engagementImportRows.line))
	]);
	const job = jobs[0];
	if (!job) throw notThere();
	return { fileName: job.fileName, columns: job.columns, rows: rows.map((row) => ({ cells: row.cells ?? [], reason: row.reason ?? '' })) };
}

// ---- Healing ---------------------------------------------------------------------------------

const underway = inArray(engagementImports.status, ['queued', 'running']);
const gaveUp = 'Stopped: Tandem could not read the rest of the file for an hour. The rows listed were handled; upload the others again.';
const lastMoved = sql<number>`coalesce(${engagementImports.updatedAt}, ${engagementImports.createdAt})`;

/** Sends again the current chunk of every import that has not moved for `stallMs` (its
 * message was lost after its retries); the chunk's own cursor makes a needless resend
 * harmless. One stalled and started over `giveUpMs` ago is stopped instead. */
async function resendStalled(scope: DueWorkScope) {
	const now = scope.platform.clock.now();
	const stale = and(underway, lte(lastMoved, now.getTime() - stallMs));
	const stopped = await scope.db
		.update(engagementImports)
		.set({ status: 'failed', error: gaveUp, finishedAt: now, updatedAt: now })
		.where(and(stale, lte(engagementImports.createdAt, new Date(now.getTime() - giveUpMs))))
		.returning({ fileKey: engagementImports.fileKey });
	await Promise.all(stopped.map((job) => scope.platform.files.delete(job.fileKey)));
	const stalled = await scope.db
		.update(engagementImports)
		.set({ updatedAt: now })
		.where(stale)
		.returning({ id: engagementImports.id, chunk: engagementImports.chunksDone });
	for (const job of stalled) await enqueue(scope.platform, 'import.chunk', chunkMessage(scope.tenant.id, job.id, job.chunk));
}

async function nextStallCheck(scope: DueWorkScope): Promise<Date | null> {
	const [row] = await scope.db.select({ oldest: min(lastMoved) }).from(engagementImports).where(underway);
	return row?.oldest == null ? null : new Date(Number(row.oldest) + stallMs);
}

export const stalledImportsDueWork: DueWorkProvider = { name: 'stalled bulk creates', run: resendStalled, nextDueAt: nextStallCheck };
