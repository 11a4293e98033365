/**
 * Private notes: a coach's own notes about one coachee. Every read and write names the
 * author (the person asking) as well as the coachee, so no one reaches a note they did not
 * write: not an admin, not the coachee, not the next coach after a reassignment. The
 * coachee must also be one the person sees (coachees/record.ts). Notepad drafts
 * (`draft = true`) are the Notepad's, not the Notes tab's (notepad/notepad.ts).
 */
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { coacheeHeading } from '../goals/records';
import { escapeLike, type VisibleCoachee } from '../coachees/service';
import { notes } from '../db/tenant/schema';
import { notFound } from '../errors';
import type { TenantScope } from '../tenancy/scope';
import type { NoteFields, NoteListQuery } from '../../notes/schema';

/** This person's notes about this coachee (drafts included). */
export const authoredBy = (scope: Pick<TenantScope, 'personId'>, coacheeId: string) =>
	and(eq(notes.authorId, scope.personId), eq(notes.coacheeId, coacheeId))!;

const finishedNotes = (scope: TenantScope, coacheeId: string) => and(authoredBy(scope, coacheeId), eq(notes.draft, false))!;

/** Every word typed must appear in the title or the note, in any order. */
function searchCondition(q: string): SQL | undefined {
	const words = q.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
	if (!words.length) return undefined;
	const text = sql`lower(${notes.title} || ' ' || ${notes.body})`;
	return and(...words.map((word) => sql`${text} like ${`%${escapeLike(word)}%`} escape '\\'`));
}

const gone = () => notFound('That note is not among your notes. It may have been deleted; reload the page.');

const excerptLength = 280;

/** The Notes tab: one page of the coach's notes about the coachee, newest first. */
export async function listNotes(scope: TenantScope, coachee: VisibleCoachee, input: NoteListQuery) {
	const where = and(finishedNotes(scope, coachee.id), searchCondition(input.q));
	const [rows, page, [counted], drafts] = await scope.db.batch([
		coachee.query,
		scope.db
			.select({
				id: notes.id,
				title: notes.title,
				excerpt: sql<string>`substr(${notes.body}, 1, ${excerptLength + 1})`,
				sessionLogId: notes.sessionLogId,
				createdAt: notes.createdAt,
				updatedAt: notes.updatedAt
			})
			.from(notes)
			.where(where)
			.orderBy(desc(notes.createdAt), desc(notes.id))
			.limit(input.pageSize)
			.offset((input.page - 1) * input.pageSize),
		scope.db.select({ count: sql<number>`count(*)` }).from(notes).where(where),
		scope.db
			.select({ id: notes.id })
			.from(notes)
			.where(and(authoredBy(scope, coachee.id), eq(notes.draft, true)))
			.limit(1)
	]);
	const person = coachee.require(rows);
	return {
		coachee: coacheeHeading(person),
		q: input.q,
		page: input.page,
		pageSize: input.pageSize,
		total: counted?.count ?? 0,
		/** A Coaching Notepad left open: its notes join the list when the session is finished. */
		notepadOpen: drafts.length > 0,
		rows: page.map((row) => ({
			id: row.id,
			title: row.title,
			excerpt: row.excerpt.length > excerptLength ? `${row.excerpt.slice(0, excerptLength - 1)}…` : row.excerpt,
			fromSession: row.sessionLogId !== null,
			createdAt: row.createdAt.toISOString(),
			edited: row.updatedAt !== null && row.updatedAt.getTime() !== row.createdAt.getTime()
		}))
	};
}

/** One note, for its Edit form. */
export async function getNote(scope: TenantScope, coachee: VisibleCoachee, noteId: string) {
	const [rows, [note]] = await scope.db.batch([
		coachee.query,
		scope.db
			.select({ id: notes.id, title: notes.title, body: notes.body, createdAt: notes.createdAt })
			.from(notes)
			.where(and(eq(notes.id, noteId), finishedNotes(scope, coachee.id)))
	]);
	coachee.require(rows);
	if (!note) throw gone();
	return { ...note, createdAt: note.createdAt.toISOString() };
}

/** "New": only ever the asker's own; nothing about it reaches the Activity Summary, which
 * others read. */
export async function createNote(scope: TenantScope, coachee: VisibleCoachee, fields: NoteFields) {
	const person = coachee.require(await coachee.query);
	const id = crypto.randomUUID();
	const at = scope.platform.clock.now();
	await scope.db.insert(notes).values({ id, coacheeId: person.id, authorId: scope.personId, title: fields.title, body: fields.body, createdAt: at, updatedAt: at });
	return { id };
}

export async function updateNote(scope: TenantScope, coachee: VisibleCoachee, noteId: string, fields: NoteFields) {
	coachee.require(await coachee.query);
	const [note] = await scope.db
		.update(notes)
		.set({ title: fields.title, body: fields.body, updatedAt: scope.platform.clock.now() })
		.where(and(eq(notes.id, noteId), finishedNotes(scope, coachee.id)))
		.returning({ id: notes.id });
	if (!note) throw gone();
	return { id: note.id };
}

export async function deleteNote(scope: TenantScope, coachee: VisibleCoachee, noteId: string) {
	coachee.require(await coachee.query);
	const [note] = await scope.db
		.delete(notes)
		.where(and(eq(notes.id, noteId), finishedNotes(scope, coachee.id)))
		.returning({ title: notes.title });
	if (!note) throw gone();
	return { title: note.title };
}
