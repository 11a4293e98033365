/**
 * The Coaching Notepad: a coach's workspace during a session with one coachee. Its notes are
 * a draft note (`draft = true`) of this coach about this coachee, saved as they type; each
 * save carries a revision that only grows and a save older than the stored one changes
 * nothing, so a late, out-of-order save never overwrites newer words. "Finish session" logs
 * the session and turns the draft into a finished note linked to it, in one batch (and, when
 * an "Engagement session" is chosen, associates that item with the log and completes it).
 */
import { and, desc, eq, lt, sql } from 'drizzle-orm';
import { coacheeHeading } from '../goals/records';
import type { VisibleCoachee } from '../coachees/service';
import { assessmentAssignments, notes } from '../db/tenant/schema';
import { boardGoals, goalBoardQueries, openActionItems, openActionsQuery } from '../goals/reads';
import { authoredBy } from '../notes/notes';
import { logSessionStatements } from '../sessions/sessions';
import { completeEngagementSessionStatement, engagementSessionQuery, openEngagementSessionsQuery, requireEngagementSession } from '../engagements/notepad-sessions';
import type { Person, TenantScope } from '../tenancy/scope';
import type { NotepadFinish, NotepadSave } from '../../notepad/schema';
import { todayIn, wallClockIn } from '../../time-zones';

/** How many open actions the side panel lists (soonest due first). */
const openActionsShown = 20;

const draftOf = (scope: TenantScope, coacheeId: string) => and(authoredBy(scope, coacheeId), eq(notes.draft, true))!;

/** Opening the Notepad: the draft to resume, the coachee's goals and open actions, and
 * their assessments, in one batch. */
export async function openNotepad(scope: TenantScope, coachee: VisibleCoachee) {
	const [rows, [draft], goalRows, summaries, actionRows, assessments, engagementSessions] = await scope.db.batch([
		coachee.query,
		scope.db.select({ body: notes.body, revision: notes.revision }).from(notes).where(draftOf(scope, coachee.id)).orderBy(desc(notes.revision)).limit(1),
		...goalBoardQueries(scope, coachee.id),
		openActionsQuery(scope, coachee.id, openActionsShown + 1),
		scope.db
			.select({
				id: assessmentAssignments.id,
				title: assessmentAssignments.title,
				status: assessmentAssignments.status,
				submittedAt: assessmentAssignments.submittedAt,
				questions: assessmentAssignments.questions,
				answers: assessmentAssignments.answers
			})
			.from(assessmentAssignments)
			.where(eq(assessmentAssignments.coacheeId, coachee.id))
			.orderBy(desc(assessmentAssignments.createdAt)),
		openEngagementSessionsQuery(scope, coachee.id)
	]);
	const person = coachee.require(rows);
	const me = await scope.me();
	const now = scope.platform.clock.now();
	return {
		coachee: coacheeHeading(person),
		draft: draft ?? { body: '', revision: 0 },
		/** When the Notepad opened, in the coach's zone: the Finish form's defaults. */
		openedAt: now.toISOString(),
		opened: { ...wallClockIn(me.timeZone, now), timeZone: me.timeZone },
		today: todayIn(person.timeZone, now),
		goals: boardGoals(scope, person, [goalRows, summaries]),
		openActions: openActionItems(scope, person, actionRows.slice(0, openActionsShown)),
		moreOpenActions: actionRows.length > openActionsShown,
		// Answers only once submitted: a draft's words are the coachee's until then.
		assessments: assessments.map((a) => ({
			id: a.id,
			title: a.title,
			status: a.status,
			submittedAt: a.submittedAt?.toISOString() ?? null,
			answered: a.status === 'completed' ? { questions: a.questions, answers: a.answers } : null
		})),
		/** "Engagement session": the scheduled sessions this one may complete. */
		engagementSessions: engagementSessions.map((item) => ({
			id: item.id,
			label: `${item.engagementTitle}: ${item.title}`,
			scheduledAt: item.scheduledAt?.toISOString() ?? null
		}))
	};
}

/** The draft's words at `revision`: inserted if there is no draft yet, else written over it
 * only when the stored revision is older. Two statements, for the caller's batch. */
function saveDraftStatements(scope: TenantScope, coachee: Person, body: string, revision: number) {
	const { db } = scope;
	const at = scope.platform.clock.now();
	const existing = db.select({ one: sql`1` }).from(notes).where(draftOf(scope, coachee.id));
	return [
		db
			.insert(notes)
			.select(
				db
					.select({
						id: sql`${crypto.randomUUID()}`.as('id'),
						coacheeId: sql`${coachee.id}`.as('coachee_id'),
						authorId: sql`${scope.personId}`.as('author_id'),
						title: sql`${'Coaching Notepad'}`.as('title'),
						body: sql`${body}`.as('body'),
						draft: sql`1`.as('draft'),
						revision: sql`${revision}`.as('revision'),
						sessionLogId: sql`null`.as('session_log_id'),
						createdAt: sql`${at.getTime()}`.as('created_at'),
						updatedAt: sql`${at.getTime()}`.as('updated_at')
					})
					.from(sql`(select 1)`)
					.where(sql`not exists ${existing}`)
			),
		db
			.update(notes)
			.set({ body, revision, updatedAt: at })
			.where(and(draftOf(scope, coachee.id), lt(notes.revision, revision)))
	] as const;
}

/** An autosave. `saved` is false when a newer save got there first (nothing changed). */
export async function saveNotepad(scope: TenantScope, coachee: VisibleCoachee, input: NotepadSave) {
	const person = coachee.require(await coachee.query);
	const [, , [stored]] = await scope.db.batch([
		...saveDraftStatements(scope, person, input.body, input.revision),
		scope.db.select({ revision: notes.revision }).from(notes).where(draftOf(scope, person.id)).orderBy(desc(notes.revision)).limit(1)
	]);
	const revision = stored?.revision ?? input.revision;
	return { revision, saved: revision === input.revision };
}

/** "Finish session": the session log, and the notes (as sent, or the draft as last saved)
 * become a finished note under the session's title, linked to it. Notes left blank are
 * dropped rather than kept as an empty note. */
export async function finishNotepad(scope: TenantScope, coachee: VisibleCoachee, input: NotepadFinish) {
	const itemId = input.engagementItemId;
	const [rows, chosen] = await scope.db.batch([coachee.query, engagementSessionQuery(scope, coachee.id, itemId ?? '')]);
	const person = coachee.require(rows);
	if (itemId) requireEngagementSession(chosen);
	const me = await scope.me();
	const sessionId = crypto.randomUUID();
	const { db } = scope;
	const draft = draftOf(scope, person.id);
	const at = scope.platform.clock.now();
	await db.batch([
		...logSessionStatements(scope, person, me, input, sessionId),
		// The words sent with Finish are the last ones: newer than any save.
		...(input.body === undefined ? [] : saveDraftStatements(scope, person, input.body, Number.MAX_SAFE_INTEGER)),
		db.delete(notes).where(and(draft, sql`trim(${notes.body}) = ''`)),
		db.update(notes).set({ draft: false, title: input.title, sessionLogId: sessionId, revision: 0, updatedAt: at }).where(draft),
		...(itemId ? [completeEngagementSessionStatement(scope, person.id, itemId, sessionId)] : [])
	]);
	return { sessionId };
}
