/**
 * Assessments and coaching questions (manage-your-coachees.txt, "Assessments"): the kinds,
 * question shapes, statuses and answers that the server's services and the pages share.
 * Templates and assignments store `AssessmentQuestion[]` as JSON; an assignment keeps its own
 * copy, and answers are keyed by question id.
 */
import { z } from 'zod';

/** An assessment (built from questions of any kind) or a set of coaching questions (open
 * reflection prompts, answered in words). */
export const assessmentKinds = ['assessment', 'questions'] as const;
export type AssessmentKind = (typeof assessmentKinds)[number];
export const assessmentKindLabels: Record<AssessmentKind, string> = {
	assessment: 'Assessment',
	questions: 'Coaching questions'
};

export const questionKinds = ['short_text', 'long_text', 'scale', 'single_choice', 'multiple_choice'] as const;
export type QuestionKind = (typeof questionKinds)[number];
export const questionKindLabels: Record<QuestionKind, string> = {
	short_text: 'Short text',
	long_text: 'Long text',
	scale: 'Scale (1 to 10)',
	single_choice: 'Single choice',
	multiple_choice: 'Multiple choice'
};

/** The scale every scale question uses. */
export const scaleRange = { min: 1, max: 10 } as const;

export const assignmentStatuses = ['assigned', 'in_progress', 'completed'] as const;
export type AssignmentStatus = (typeof assignmentStatuses)[number];
export const assignmentStatusLabels: Record<AssignmentStatus, string> = {
	assigned: 'Assigned',
	in_progress: 'In progress',
	completed: 'Completed'
};

/** One question as stored: `options` only for the choice kinds. */
export const assessmentQuestion = z.object({
	id: z.string().min(1).max(64),
	kind: z.enum(questionKinds),
	prompt: z.string().trim().min(1).max(1000),
	required: z.boolean(),
	options: z.array(z.string().trim().min(1).max(200)).max(20).optional()
});
export type AssessmentQuestion = z.output<typeof assessmentQuestion>;

/** An answer: text for the text kinds, a number for a scale, the chosen option(s) for choices. */
export type AnswerValue = string | number | string[];
export type AssessmentAnswers = Record<string, AnswerValue>;
