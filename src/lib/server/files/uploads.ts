/**
 * The upload flow, the same in every runtime:
 *   1. `startUpload` checks the name's type and the announced size, records an upload intent
 *      (`file_uploads`) and hands out a short-lived signed PUT link for its key;
 *   2. the browser puts the bytes there itself (R2 in production, /files/blob locally);
 *   3. `finishUpload` reads the stored object's first bytes and size, checks the type BY
 *      CONTENT and the real size, then turns the intent into a `files` row in one batch and
 *      tells the other party. A refusal deletes the bytes and the intent at once.
 * An intent never finished (a closed tab, a failed PUT) is removed with its bytes by the
 * "file cleanup" due work once it expires. Without scripts the form action runs the same
 * three steps on the server (`putUploadBytes`).
 */
import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import { fileUploads, files } from '../db/tenant/schema';
import { badRequest, fieldError, notFound } from '../errors';
import type { DueWorkProvider, DueWorkScope } from '../jobs/due-work';
import type { Platform } from '../platform/ports';
import { scheduleTenantWork } from '../tenancy/service';
import { actorName, type WorkContext } from '../goals/records';
import {
	acceptedTypeOf,
	contentMismatchMessage,
	emptyFileMessage,
	maxFileBytes,
	refusedTypeMessage,
	tooLargeMessage,
	type StartUploadFields
} from '../../files/schema';
import { announceFile, fileActivity } from './alerts';
import { sniff, sniffBytes } from './sniff';

/** How long the signed PUT link works: a 25 MB file over a slow phone line fits. */
export const uploadLinkSeconds = 10 * 60;
/** The intent outlives its link a little, so a PUT that ended just in time can still finish. */
export const uploadIntentMs = (uploadLinkSeconds + 5 * 60) * 1000;

export const storageKeyOf = (tenantId: string, uploadId: string) => `tenants/${tenantId}/files/${uploadId}`;

export async function startUpload(work: WorkContext, fields: StartUploadFields) {
	const type = acceptedTypeOf(fields.name);
	if (!type) throw fieldError('name', refusedTypeMessage(fields.name));
	if (fields.size > maxFileBytes) throw fieldError('size', tooLargeMessage(fields.name, fields.size));
	if (fields.size === 0) throw fieldError('size', emptyFileMessage(fields.name));
	const { scope } = work;
	const id = crypto.randomUUID();
	const storageKey = storageKeyOf(scope.tenant.id, id);
	const expiresAt = new Date(scope.platform.clock.now().getTime() + uploadIntentMs);
	// Booked before the intent is written: a crash in between costs the cron one idle visit.
	await scheduleTenantWork(scope.platform, scope.tenant.id, expiresAt);
	await scope.db.insert(fileUploads).values({
		id,
		coacheeId: work.coachee.id,
		uploaderId: scope.personId,
		// "share files with their coach": what a coachee uploads is always shared.
		visibility: work.bySelf ? 'shared' : fields.visibility,
		name: fields.name,
		declaredType: fields.declaredType || type.contentType,
		size: fields.size,
		storageKey,
		expiresAt
	});
	const url = await scope.platform.fileLinks.uploadUrl(storageKey, { contentType: type.contentType, expiresInSeconds: uploadLinkSeconds });
	return { uploadId: id, url, contentType: type.contentType, storageKey };
}

export async function finishUpload(work: WorkContext, uploadId: string) {
	const { scope } = work;
	const [upload] = await scope.db
		.select()
		.from(fileUploads)
		.where(and(eq(fileUploads.id, uploadId), eq(fileUploads.coacheeId, work.coachee.id), eq(fileUploads.uploaderId, scope.personId)));
	if (!upload) throw notFound('That upload is not under way any more (it took too long, or it already finished). Add the file again.');
	const refuse = async (message: string) => {
		await discard(scope, upload);
		return badRequest(message);
	};
	const type = acceptedTypeOf(upload.name);
	if (!type) throw await refuse(refusedTypeMessage(upload.name));
	const head = await scope.platform.files.readStart(upload.storageKey, sniffBytes);
	if (!head) throw await refuse(`“${upload.name}” did not arrive. Check your connection and add it again.`);
	if (head.size > maxFileBytes) throw await refuse(tooLargeMessage(upload.name, head.size));
	if (head.size === 0) throw await refuse(emptyFileMessage(upload.name));
	const found = sniff(head.bytes);
	if (found !== type.signature) throw await refuse(found ? contentMismatchMessage(upload.name, type) : refusedTypeMessage(upload.name));

	const at = scope.platform.clock.now();
	const actor = await actorName(work);
	const file = {
		id: upload.id,
		coacheeId: upload.coacheeId,
		uploaderId: upload.uploaderId,
		visibility: upload.visibility,
		name: upload.name,
		contentType: type.contentType,
		size: head.size,
		storageKey: upload.storageKey,
		createdAt: at
	};
	await scope.db.batch([
		scope.db.insert(files).values(file),
		scope.db.delete(fileUploads).where(eq(fileUploads.id, upload.id)),
		...fileActivity(work, file, actor, at)
	]);
	await announceFile(work, file, actor);
	return { id: file.id, name: file.name, visibility: file.visibility };
}

/** Without scripts: the form action's server-side PUT, through the same store. */
export async function putUploadBytes(platform: Pick<Platform, 'files'>, started: { storageKey: string; contentType: string }, bytes: Uint8Array) {
	await platform.files.put(started.storageKey, bytes, started.contentType);
}

type UploadRow = typeof fileUploads.$inferSelect;

/** Bytes first: a crash between leaves the intent, which the cleanup removes again. */
async function discard(scope: Pick<DueWorkScope, 'platform' | 'db'>, upload: Pick<UploadRow, 'id' | 'storageKey'>) {
	await scope.platform.files.delete(upload.storageKey);
	await scope.db.delete(fileUploads).where(eq(fileUploads.id, upload.id));
}

const cleanupBatch = 100;

async function removeAbandonedUploads(scope: DueWorkScope) {
	const now = scope.platform.clock.now();
	for (;;) {
		const expired = await scope.db
			.select({ id: fileUploads.id, storageKey: fileUploads.storageKey })
			.from(fileUploads)
			.where(lte(fileUploads.expiresAt, now))
			.orderBy(asc(fileUploads.expiresAt))
			.limit(cleanupBatch);
		// Bytes first, all at once; then the intents in one statement, not one round trip each.
		await Promise.all(expired.map((upload) => scope.platform.files.delete(upload.storageKey)));
		if (expired.length) await scope.db.delete(fileUploads).where(inArray(fileUploads.id, expired.map((upload) => upload.id)));
		if (expired.length < cleanupBatch) return;
	}
}

async function nextUploadExpiry({ db }: DueWorkScope): Promise<Date | null> {
	const [first] = await db.select({ expiresAt: fileUploads.expiresAt }).from(fileUploads).orderBy(asc(fileUploads.expiresAt)).limit(1);
	return first?.expiresAt ?? null;
}

/** Abandoned uploads leave no record and, after this, no orphan bytes. */
export const fileCleanupDueWork: DueWorkProvider = { name: 'file cleanup', run: removeAbandonedUploads, nextDueAt: nextUploadExpiry };
