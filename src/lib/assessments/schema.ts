/**
 * Assessments and coaching questions (manage-your-coachees.txt, "Assessments"): the kinds,
 * question shapes, statuses and answers that the server's services and the pages share.
 * Templates and assignments store `AssessmentQuestion[]` as JSON; an assignment keeps its own
 * copy, and answers are keyed by question id.
 */
import { z } from 'zod';
import { calendarDate } from '../goals/schema';

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

// ---- Inputs --------------------------------------------------------------------------------

const id = z.string().min(1).max(64);
export const templateIdInput = z.object({ templateId: id });
export const assignmentIdInput = z.object({ assignmentId: id });

/** The most questions one template or set may have. */
export const maxQuestions = 40;
export const choiceKinds: readonly QuestionKind[] = ['single_choice', 'multiple_choice'];
export const isChoice = (kind: QuestionKind) => choiceKinds.includes(kind);

/** A question as the builder posts it. Its rules (a prompt, two options for a choice) are
 * checked by `templateProblems`, so each refusal names the question it is about. */
export const draftQuestion = z.object({
	id,
	kind: z.enum(questionKinds),
	prompt: z.string().trim().max(1000, 'A question can be at most 1,000 characters.'),
	required: z.boolean(),
	options: z.array(z.string().trim().max(200, 'An option can be at most 200 characters.')).max(50).default([])
});
export type DraftQuestion = z.input<typeof draftQuestion>;

export const templateFields = z.object({
	title: z.string().trim().min(1, 'Give it a title.').max(200, 'The title can be at most 200 characters.'),
	description: z.string().trim().max(2000, 'The description can be at most 2,000 characters.').default(''),
	kind: z.enum(assessmentKinds, { error: 'Choose Assessment or Coaching questions.' }),
	questions: z.array(draftQuestion).max(maxQuestions, `A template can have at most ${maxQuestions} questions.`)
});
export type TemplateFields = z.input<typeof templateFields>;

/** Where a question's refusal is shown: under that question of the builder. */
export const questionField = (index: number) => `questions.${index}`;

/** The template's questions as they are stored: a coaching-questions set asks for words only
 * (long text), and only choice questions keep options (blank lines dropped). */
export function storedQuestions(fields: Pick<TemplateFields, 'kind' | 'questions'>): AssessmentQuestion[] {
	return fields.questions.map((question) => {
		const kind = fields.kind === 'questions' ? 'long_text' : question.kind;
		const options = (question.options ?? []).map((option) => option.trim()).filter(Boolean);
		return {
			id: question.id,
			kind,
			prompt: question.prompt.trim(),
			required: question.required,
			...(isChoice(kind) ? { options } : {})
		};
	});
}

export type FieldProblems = Record<string, string[]>;

/** What keeps the template from being saved, each under the question it is about. */
export function templateProblems(questions: AssessmentQuestion[]): FieldProblems {
	const problems: FieldProblems = {};
	if (!questions.length) problems.questions = ['Add at least one question.'];
	questions.forEach((question, index) => {
		const problem = questionProblem(question);
		if (problem) problems[questionField(index)] = [`Question ${index + 1}: ${problem}`];
	});
	return problems;
}

function questionProblem(question: AssessmentQuestion): string | null {
	if (!question.prompt) return 'write the question, or remove it.';
	if (!isChoice(question.kind)) return null;
	const options = question.options ?? [];
	const kind = question.kind === 'single_choice' ? 'a single-choice' : 'a multiple-choice';
	if (options.length < 2) return `${kind} question needs at least two options, one per line.`;
	if (new Set(options.map((option) => option.toLowerCase())).size < options.length) return 'each option must be different.';
	return null;
}

/** "Assign": a template from the library, or coaching questions written on the spot. */
export const assignFields = z.object({
	templateId: id.optional(),
	title: z.string().trim().max(200, 'The title can be at most 200 characters.').default(''),
	prompts: z.array(z.string().trim().max(1000, 'A question can be at most 1,000 characters.')).max(maxQuestions).default([]),
	dueOn: calendarDate('due date').optional()
});
export type AssignFields = z.input<typeof assignFields>;

// ---- Answers -------------------------------------------------------------------------------

/** What a form or a client posts per question id: text, a number or the chosen options. */
export const answersInput = z
	.record(id, z.union([z.string().max(20_000), z.number(), z.array(z.string().max(200)).max(50)]))
	.refine((answers) => Object.keys(answers).length <= maxQuestions, `At most ${maxQuestions} answers.`);
export const saveAnswersInput = assignmentIdInput.extend({ answers: answersInput, submit: z.boolean() });

/** Where an answer's refusal is shown, and the name of its form field. */
export const answerField = (questionId: string) => `answer.${questionId}`;

export const maxAnswerLength = 10_000;

/**
 * The answers to keep, and what is wrong with them, each under its question. A draft may
 * leave questions blank; a submission may not leave a required one blank. Nothing out of
 * range or outside the options is ever kept, draft or not.
 */
export function readAnswers(questions: AssessmentQuestion[], posted: z.input<typeof answersInput>, submitting: boolean) {
	const answers: AssessmentAnswers = {};
	const problems: FieldProblems = {};
	questions.forEach((question, index) => {
		const result = readAnswer(question, posted[question.id]);
		const problem = 'problem' in result ? result.problem : result.value === null && submitting && question.required ? 'answer this question before you submit.' : null;
		if (problem) problems[answerField(question.id)] = [`Question ${index + 1}: ${problem}`];
		else if ('value' in result && result.value !== null) answers[question.id] = result.value;
	});
	return { answers, problems };
}

type Read = { value: AnswerValue | null } | { problem: string };

function readAnswer(question: AssessmentQuestion, raw: string | number | string[] | undefined): Read {
	const values = (Array.isArray(raw) ? raw : raw === undefined ? [] : [String(raw)]).map((value) => value.trim()).filter(Boolean);
	if (!values.length) return { value: null };
	const options = question.options ?? [];
	switch (question.kind) {
		case 'short_text':
		case 'long_text': {
			const text = values.join('\n');
			return text.length > maxAnswerLength ? { problem: `keep the answer under ${maxAnswerLength.toLocaleString('en')} characters.` } : { value: text };
		}
		case 'scale': {
			const number = Number(values[0]);
			const inRange = values.length === 1 && Number.isInteger(number) && number >= scaleRange.min && number <= scaleRange.max;
			return inRange ? { value: number } : { problem: `choose a number from ${scaleRange.min} to ${scaleRange.max}.` };
		}
		case 'single_choice':
			return values.length === 1 && options.includes(values[0]!) ? { value: values[0]! } : { problem: 'choose one of the options given.' };
		case 'multiple_choice':
			return values.every((value) => options.includes(value)) ? { value: [...new Set(values)] } : { problem: 'choose only among the options given.' };
	}
}

/** An answer in words, for lists, emails and the compare view. */
export function answerText(value: AnswerValue | undefined): string {
	if (value === undefined) return '';
	return Array.isArray(value) ? value.join(', ') : String(value);
}

/** "6 → 8 (+2)": how a scale answer moved between two submissions. */
export function scaleChange(before: AnswerValue | undefined, after: AnswerValue | undefined): string | null {
	if (typeof before !== 'number' || typeof after !== 'number') return null;
	const delta = after - before;
	return `${before} → ${after} (${delta > 0 ? '+' : delta < 0 ? '−' : '±'}${Math.abs(delta)})`;
}
