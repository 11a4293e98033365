/**
 * The Files screens' reads and Delete. Each view is ONE tenant batch with the coachee's
 * visibility check in it (coachees/record.ts), so a page costs the control query and this
 * batch; signing links costs no round trip (presigning is local HMAC work).
 */
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { fullName } from '../auth/service';
import type { VisibleCoachee } from '../coachees/service';
import { files, people } from '../db/tenant/schema';
import { actorName, actsForSelf, viewedCoachee, type WorkContext } from '../goals/records';
import { activityStatements } from '../activity/service';
import type { TenantScope } from '../tenancy/scope';
import { familyOf, filesPageSize, previewKindOf, type FileListQuery } from '../../files/schema';
import { ensureMayDelete, fileGone, mayDelete, visibleFiles, type FileRow } from './records';

/** Links to a file's bytes live this long: enough to open them, too short to pass around. */
export const downloadLinkSeconds = 5 * 60;

const uploader = alias(people, 'uploader');
const fileColumns = {
	file: files,
	uploader: { firstName: uploader.firstName, lastName: uploader.lastName }
};

type Listed = { file: FileRow; uploader: { firstName: string; lastName: string } | null };

function shape(scope: TenantScope, { file, uploader: by }: Listed) {
	return {
		id: file.id,
		name: file.name,
		contentType: file.contentType,
		family: familyOf(file.contentType),
		size: file.size,
		visibility: file.visibility,
		uploadedBy: file.uploaderId === scope.personId ? 'You' : by ? fullName(by) : 'A former member',
		createdAt: file.createdAt.toISOString(),
		mayDelete: mayDelete(scope, file)
	};
}
export type FileItem = ReturnType<typeof shape>;

function listedFiles(scope: TenantScope, where: SQL | undefined) {
	return scope.db.select(fileColumns).from(files).leftJoin(uploader, eq(uploader.id, files.uploaderId)).where(where);
}

/** The Files tab (and the coachee's Files page): one page, newest first, and how many there are in all. */
export async function fileList(scope: TenantScope, coachee: VisibleCoachee, { page }: FileListQuery) {
	const visible = visibleFiles(scope, coachee.id);
	const [rows, listed, [counted]] = await scope.db.batch([
		coachee.query,
		listedFiles(scope, visible)
			.orderBy(desc(files.createdAt), desc(files.id))
			.limit(filesPageSize)
			.offset((page - 1) * filesPageSize),
		scope.db.select({ count: sql<number>`count(*)` }).from(files).where(visible)
	]);
	const person = coachee.require(rows);
	return { ...viewedCoachee(scope, person), page, pageSize: filesPageSize, total: counted?.count ?? 0, files: listed.map((row) => shape(scope, row)) };
}

/** A file's page: what it is, a short-lived link to show it in place (images and PDFs) and one to download it. */
export async function fileDetail(scope: TenantScope, coachee: VisibleCoachee, fileId: string) {
	const [rows, [found]] = await scope.db.batch([coachee.query, listedFiles(scope, visibleWithId(scope, coachee.id, fileId))]);
	const person = coachee.require(rows);
	const view = viewedCoachee(scope, person);
	if (!found) throw fileGone({ bySelf: view.bySelf, coachee: person });
	const preview = previewKindOf(found.file.contentType);
	return {
		...view,
		file: shape(scope, found),
		preview: preview ? { kind: preview, url: await linkTo(scope, found.file, true) } : null,
		downloadUrl: await linkTo(scope, found.file, false)
	};
}

/** Options > Download: a fresh link, after the same checks. */
export async function downloadLink(scope: TenantScope, coachee: VisibleCoachee, fileId: string) {
	const [rows, [found]] = await scope.db.batch([coachee.query, scope.db.select().from(files).where(visibleWithId(scope, coachee.id, fileId))]);
	const person = coachee.require(rows);
	if (!found) throw fileGone({ bySelf: actsForSelf(scope, person), coachee: person });
	return { url: await linkTo(scope, found, false), name: found.name };
}

const visibleWithId = (scope: TenantScope, coacheeId: string, fileId: string) => and(eq(files.id, fileId), visibleFiles(scope, coacheeId));

const linkTo = (scope: TenantScope, file: FileRow, inline: boolean) =>
	scope.platform.fileLinks.downloadUrl(file.storageKey, { name: file.name, contentType: file.contentType, inline, expiresInSeconds: downloadLinkSeconds });

export async function deleteFile(work: WorkContext, fileId: string) {
	const { scope } = work;
	const [file] = await scope.db.select().from(files).where(visibleWithId(scope, work.coachee.id, fileId));
	if (!file) throw fileGone(work);
	ensureMayDelete(scope, file);
	const at = scope.platform.clock.now();
	const summary = `${await actorName(work)} deleted the file “${file.name}”`;
	await scope.db.batch([
		scope.db.delete(files).where(eq(files.id, file.id)),
		...(file.visibility === 'shared' ? activityStatements(scope.db, { personId: work.coachee.id, actorId: scope.personId, kind: 'file', summary }, at) : [])
	]);
	// After the row: a failure here leaves unreachable bytes, never a listed file without them.
	await scope.platform.files.delete(file.storageKey);
	return { name: file.name };
}
