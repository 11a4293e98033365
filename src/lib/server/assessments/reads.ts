/**
 * What the assessment screens read: each view is ONE tenant batch (with the coachee's
 * visibility check in it where the view is a coachee's, coachees/record.ts), so a page
 * costs the control query and this batch.
 */
import { and, asc, desc, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { fullName } from '../auth/service';
import type { VisibleCoachee } from '../coachees/service';
import { assessmentAssignments, assessmentTemplates, people } from '../db/tenant/schema';
import { notFound } from '../errors';
import { viewedCoachee } from '../goals/records';
import type { TenantScope } from '../tenancy/scope';
import { mayEditTemplate, missingTemplate } from './templates';
import type { AssessmentAnswers, AssessmentQuestion, AssignmentStatus } from '../../assessments/schema';

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

function titleMatches(search: string | undefined): SQL | undefined {
	const words = (search ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
	if (!words.length) return undefined;
	return and(...words.map((word) => sql`lower(${assessmentTemplates.title}) like ${`%${escapeLike(word)}%`} escape '\\'`));
}

const questionCount = sql<number>`json_array_length(${assessmentTemplates.questions})`;
const timesAssigned = sql<number>`(select count(*) from ${assessmentAssignments} where ${assessmentAssignments.templateId} = ${assessmentTemplates.id})`;

/** The library: templates matching the search, the archived ones apart. */
export async function library(scope: TenantScope, query: { search?: string; archived: boolean }) {
	const rows = await scope.db
		.select({
			id: assessmentTemplates.id,
			kind: assessmentTemplates.kind,
			title: assessmentTemplates.title,
			description: assessmentTemplates.description,
			createdBy: assessmentTemplates.createdBy,
			updatedAt: sql<number>`coalesce(${assessmentTemplates.updatedAt}, ${assessmentTemplates.createdAt})`,
			questions: questionCount,
			assigned: timesAssigned,
			authorFirstName: people.firstName,
			authorLastName: people.lastName
		})
		.from(assessmentTemplates)
		.leftJoin(people, eq(people.id, assessmentTemplates.createdBy))
		.where(and(query.archived ? isNotNull(assessmentTemplates.archivedAt) : isNull(assessmentTemplates.archivedAt), titleMatches(query.search)))
		.orderBy(asc(sql`lower(${assessmentTemplates.title})`), asc(assessmentTemplates.id));
	return {
		templates: rows.map((row) => ({
			id: row.id,
			kind: row.kind,
			title: row.title,
			description: row.description,
			questions: row.questions,
			assigned: row.assigned,
			author: row.authorFirstName ? fullName({ firstName: row.authorFirstName, lastName: row.authorLastName ?? '' }) : null,
			updatedAt: new Date(row.updatedAt).toISOString(),
			canEdit: mayEditTemplate(scope, row)
		}))
	};
}

/** The builder of one template. */
export async function template(scope: TenantScope, templateId: string) {
	const [row] = await scope.db.select().from(assessmentTemplates).where(eq(assessmentTemplates.id, templateId));
	if (!row) throw missingTemplate();
	return {
		id: row.id,
		kind: row.kind,
		title: row.title,
		description: row.description,
		questions: row.questions,
		archived: row.archivedAt !== null,
		updatedAt: (row.updatedAt ?? row.createdAt).toISOString(),
		canEdit: mayEditTemplate(scope, row)
	};
}

const summaryColumns = {
	id: assessmentAssignments.id,
	templateId: assessmentAssignments.templateId,
	kind: assessmentAssignments.kind,
	title: assessmentAssignments.title,
	status: assessmentAssignments.status,
	dueOn: assessmentAssignments.dueOn,
	createdAt: assessmentAssignments.createdAt,
	submittedAt: assessmentAssignments.submittedAt
};

type SummaryRow = { [K in keyof typeof summaryColumns]: (typeof assessmentAssignments.$inferSelect)[K] };

const summary = (row: SummaryRow) => ({
	id: row.id,
	templateId: row.templateId,
	kind: row.kind,
	title: row.title,
	status: row.status as AssignmentStatus,
	dueOn: row.dueOn,
	assignedAt: row.createdAt.toISOString(),
	submittedAt: row.submittedAt?.toISOString() ?? null
});

/** Templates with two or more completed assignments can be compared over time. */
function comparable(rows: SummaryRow[]) {
	const completed = new Map<string, { templateId: string; title: string; count: number }>();
	for (const row of rows) {
		if (row.status !== 'completed' || !row.templateId) continue;
		const entry = completed.get(row.templateId) ?? { templateId: row.templateId, title: row.title, count: 0 };
		entry.count++;
		completed.set(row.templateId, entry);
	}
	return [...completed.values()].filter((entry) => entry.count >= 2);
}

/** The Assessments tab, and the coachee's own list: newest first. */
export async function assignments(scope: TenantScope, coachee: VisibleCoachee) {
	const [rows, list] = await scope.db.batch([
		coachee.query,
		scope.db
			.select(summaryColumns)
			.from(assessmentAssignments)
			.where(eq(assessmentAssignments.coacheeId, coachee.id))
			.orderBy(desc(assessmentAssignments.createdAt), desc(assessmentAssignments.id))
	]);
	const person = coachee.require(rows);
	return { ...viewedCoachee(scope, person), assignments: list.map(summary), comparable: comparable(list) };
}

/** One assignment with its questions and answers: the coach's read page, the coachee's answer page.
 * A draft's words are the coachee's until they submit: staff see that a draft exists, not what it says. */
export async function assignment(scope: TenantScope, coachee: VisibleCoachee, assignmentId: string) {
	const [rows, found] = await scope.db.batch([
		coachee.query,
		scope.db
			.select()
			.from(assessmentAssignments)
			.where(and(eq(assessmentAssignments.id, assignmentId), eq(assessmentAssignments.coacheeId, coachee.id)))
	]);
	const person = coachee.require(rows);
	const row = found[0];
	if (!row) throw notFound('That assessment is not on this profile. It may have been removed; open it from the Assessments list.');
	const view = viewedCoachee(scope, person);
	return { ...view, assignment: { ...summary(row), questions: row.questions, answers: view.bySelf || row.status === 'completed' ? row.answers : {} } };
}

/** "Assign": the coachee, and the library's templates that can be given. */
export async function assignChoices(scope: TenantScope, coachee: VisibleCoachee) {
	const [rows, templates] = await scope.db.batch([
		coachee.query,
		scope.db
			.select({ id: assessmentTemplates.id, kind: assessmentTemplates.kind, title: assessmentTemplates.title, questions: questionCount })
			.from(assessmentTemplates)
			.where(isNull(assessmentTemplates.archivedAt))
			.orderBy(asc(sql`lower(${assessmentTemplates.title})`))
	]);
	return { ...viewedCoachee(scope, coachee.require(rows)), templates };
}

export interface ComparedQuestion {
	question: AssessmentQuestion;
	/** The earlier submission's answer and the later one's, matched by question id. */
	before: AssessmentAnswers[string] | undefined;
	after: AssessmentAnswers[string] | undefined;
}

type Submission = { questions: AssessmentQuestion[]; answers: AssessmentAnswers };

/** Pairs two submissions question by question, through the ids the copies keep: a question
 * only one of them asked still shows, with the other side blank. */
export function pairAnswers(before: Submission, after: Submission): ComparedQuestion[] {
	const seen = new Set<string>();
	const paired: ComparedQuestion[] = [];
	for (const question of [...after.questions, ...before.questions]) {
		if (seen.has(question.id)) continue;
		seen.add(question.id);
		paired.push({ question, before: before.answers[question.id], after: after.answers[question.id] });
	}
	return paired;
}

/** "Compare": the completed submissions of one template, and two of them side by side (by
 * default the two latest), the earlier on the left. */
export async function comparison(scope: TenantScope, coachee: VisibleCoachee, input: { templateId: string; first?: string; second?: string }) {
	const [rows, completed] = await scope.db.batch([
		coachee.query,
		scope.db
			.select()
			.from(assessmentAssignments)
			.where(
				and(
					eq(assessmentAssignments.coacheeId, coachee.id),
					eq(assessmentAssignments.templateId, input.templateId),
					eq(assessmentAssignments.status, 'completed')
				)
			)
			.orderBy(desc(assessmentAssignments.submittedAt))
	]);
	const person = coachee.require(rows);
	if (completed.length < 2) throw notFound('Comparing needs two completed answers of the same assessment.');
	const pick = (id: string | undefined, fallback: (typeof completed)[number]) => completed.find((row) => row.id === id) ?? fallback;
	const chosen = [pick(input.first, completed[1]!), pick(input.second, completed[0]!)].sort(
		(a, b) => (a.submittedAt?.getTime() ?? 0) - (b.submittedAt?.getTime() ?? 0)
	) as [(typeof completed)[number], (typeof completed)[number]];
	return {
		...viewedCoachee(scope, person),
		title: completed[0]!.title,
		templateId: input.templateId,
		submissions: completed.map(summary),
		before: summary(chosen[0]),
		after: summary(chosen[1]),
		rows: pairAnswers(chosen[0], chosen[1])
	};
}
