/**
 * Giving a coachee an assessment or coaching questions, and their answers. An assignment
 * copies the questions it asks (from a template, or written on the spot), so editing the
 * template later never changes what was asked or answered. Only the coachee answers, their
 * own, until they submit; a draft keeps what is valid and a submission needs every required
 * answer (src/lib/assessments/schema.ts `readAnswers`).
 */
import { and, eq, isNull, ne } from 'drizzle-orm';
import type { z } from 'zod';
import { assessmentAssignments, assessmentTemplates, engagementItems } from '../db/tenant/schema';
import { conflict, DomainError, fieldError, forbidden, notFound } from '../errors';
import { actorName, type WorkContext } from '../goals/records';
import { fullName } from '../auth/service';
import { readAnswers, type answersInput, type assignFields, type AssessmentQuestion } from '../../assessments/schema';
import { announceAssigned, announceSubmitted, assessmentActivity, assignedSummary, submittedSummary } from './alerts';
import { missingTemplate } from './templates';

type AssignInput = z.output<typeof assignFields>;

/** What is asked: a library template that is not archived, or the prompts typed on the spot. */
async function questionsToAsk(work: WorkContext, input: AssignInput) {
	if (input.templateId) {
		const [template] = await work.scope.db.select().from(assessmentTemplates).where(eq(assessmentTemplates.id, input.templateId));
		if (!template) throw missingTemplate();
		if (template.archivedAt) throw fieldError('templateId', `“${template.title}” is archived. Restore it in the library to assign it again.`);
		return { templateId: template.id, kind: template.kind, title: template.title, questions: template.questions };
	}
	const prompts = input.prompts.filter(Boolean);
	if (!input.title) throw fieldError('title', 'Choose a template, or give your coaching questions a title.');
	if (!prompts.length) throw fieldError('prompts', 'Write at least one question.');
	const questions: AssessmentQuestion[] = prompts.map((prompt, index) => ({ id: `q${index + 1}`, kind: 'long_text', prompt, required: false }));
	return { templateId: null, kind: 'questions' as const, title: input.title, questions };
}

export async function assign(work: WorkContext, input: AssignInput) {
	const asked = await questionsToAsk(work, input);
	const { db } = work.scope;
	const id = crypto.randomUUID();
	const at = work.scope.platform.clock.now();
	const actor = await actorName(work);
	const assignment = { id, ...asked, dueOn: input.dueOn ?? null };
	await db.batch([
		db.insert(assessmentAssignments).values({ ...assignment, coacheeId: work.coachee.id, assignedBy: work.scope.personId, createdAt: at, updatedAt: at }),
		...assessmentActivity(work, assignedSummary(assignment, actor), at)
	]);
	await announceAssigned(work, assignment, actor);
	return { id, title: asked.title };
}

async function findAssignment(work: WorkContext, assignmentId: string) {
	const [assignment] = await work.scope.db
		.select()
		.from(assessmentAssignments)
		.where(and(eq(assessmentAssignments.id, assignmentId), eq(assessmentAssignments.coacheeId, work.coachee.id)));
	if (!assignment) throw notFound('That assessment is not among yours. Open it from your Assessments list.');
	return assignment;
}

const alreadySubmitted = (title: string) => conflict(`You already submitted “${title}”, so its answers can no longer change.`);

/** "Save draft" (in progress, blanks allowed) or "Submit" (completed, every required answer). */
export async function saveAnswers(work: WorkContext, assignmentId: string, posted: z.input<typeof answersInput>, submit: boolean) {
	if (!work.bySelf) throw forbidden('Only the coachee answers their assessments, in their own portal.');
	const assignment = await findAssignment(work, assignmentId);
	if (assignment.status === 'completed') throw alreadySubmitted(assignment.title);
	const { answers, problems } = readAnswers(assignment.questions, posted, submit);
	if (Object.keys(problems).length) {
		throw new DomainError('invalid', `Check the highlighted questions. Nothing was ${submit ? 'submitted' : 'saved'}.`, problems);
	}
	const { db } = work.scope;
	const at = work.scope.platform.clock.now();
	const status = submit ? 'completed' : 'in_progress';
	const update = db
		.update(assessmentAssignments)
		.set({ answers, status, submittedAt: submit ? at : null, updatedAt: at })
		// A submission from another tab meanwhile wins: nothing overwrites submitted answers.
		.where(and(eq(assessmentAssignments.id, assignment.id), ne(assessmentAssignments.status, 'completed')))
		.returning({ id: assessmentAssignments.id });
	// An engagement's assessment item that sent it is done once it is answered.
	const completeItem = db
		.update(engagementItems)
		.set({ completedAt: at, updatedAt: at })
		.where(and(eq(engagementItems.assignmentId, assignment.id), isNull(engagementItems.completedAt)));
	const [saved] = submit
		? await db.batch([update, completeItem, ...assessmentActivity(work, submittedSummary(assignment, fullName(work.coachee)), at)])
		: [await update];
	if (!saved.length) throw alreadySubmitted(assignment.title);
	if (submit) await announceSubmitted(work, assignment);
	return { title: assignment.title, status };
}
