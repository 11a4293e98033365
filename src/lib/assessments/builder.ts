/**
 * The template builder's working copy, shared by the page (which edits it in place with
 * scripts) and the server (which rebuilds it from the posted form without them). The whole
 * template posts as one form: one `qid`, `qkind`, `prompt` and `options` per question, in
 * order, and `required` once for each ticked question's id. Adding, moving and removing a
 * question without scripts posts the form to `?/arrange`, which answers the rearranged copy.
 */
import { isChoice, type AssessmentKind, type AssessmentQuestion, type QuestionKind, type TemplateFields } from './schema';

export interface QuestionDraft {
	id: string;
	kind: QuestionKind;
	prompt: string;
	required: boolean;
	/** One option per line (choice questions). */
	options: string;
}

export interface TemplateDraft {
	title: string;
	description: string;
	kind: AssessmentKind;
	questions: QuestionDraft[];
}

/** The builder's fields, as src/lib/server/forms.ts reads them. */
export const builderSpec = {
	title: 'text',
	description: 'text',
	kind: 'text',
	qid: 'list',
	qkind: 'list',
	prompt: 'list',
	options: 'list',
	required: 'list',
	intent: 'optional'
} as const;

/** Unique within a template; kept across edits so answers to the same question compare. */
export const newQuestionId = () => Math.random().toString(36).slice(2, 10);

export const blankQuestion = (kind: AssessmentKind): QuestionDraft => ({
	id: newQuestionId(),
	kind: kind === 'questions' ? 'long_text' : 'scale',
	prompt: '',
	required: kind === 'assessment',
	options: ''
});

export const emptyDraft = (): TemplateDraft => ({ title: '', description: '', kind: 'assessment', questions: [blankQuestion('assessment')] });

export function draftOf(template: { title: string; description: string; kind: AssessmentKind; questions: AssessmentQuestion[] }): TemplateDraft {
	return {
		title: template.title,
		description: template.description,
		kind: template.kind,
		questions: template.questions.map((q) => ({ id: q.id, kind: q.kind, prompt: q.prompt, required: q.required, options: (q.options ?? []).join('\n') }))
	};
}

type Posted = Record<string, string | boolean | string[] | undefined>;

const text = (value: Posted[string]) => (typeof value === 'string' ? value : '');
const list = (value: Posted[string]) => (Array.isArray(value) ? value : []);

/** The draft as the form posted it (or as a refusal echoed it back). */
export function draftFromForm(values: Posted): TemplateDraft {
	const kinds = list(values.qkind);
	const prompts = list(values.prompt);
	const options = list(values.options);
	const required = new Set(list(values.required));
	return {
		title: text(values.title),
		description: text(values.description),
		kind: text(values.kind) === 'questions' ? 'questions' : 'assessment',
		questions: list(values.qid).map((id, index) => ({
			id,
			kind: (kinds[index] ?? 'long_text') as QuestionKind,
			prompt: prompts[index] ?? '',
			required: required.has(id),
			options: options[index] ?? ''
		}))
	};
}

/** What the procedure takes: options split into lines (the server drops blanks and checks the rest). */
export function templateInput(draft: TemplateDraft): TemplateFields {
	return {
		title: draft.title,
		description: draft.description,
		kind: draft.kind,
		questions: draft.questions.map((q) => ({
			id: q.id,
			kind: q.kind,
			prompt: q.prompt,
			required: q.required,
			options: isChoice(q.kind) ? q.options.split(/\r?\n/) : []
		}))
	};
}

/** "Add question", "Move up", "Move down", "Remove": `add`, or the verb and the question's id. */
export function arrange(draft: TemplateDraft, intent: string): TemplateDraft {
	if (intent === 'add') return { ...draft, questions: [...draft.questions, blankQuestion(draft.kind)] };
	const [verb, id] = intent.split(':');
	const index = draft.questions.findIndex((q) => q.id === id);
	if (index < 0) return draft;
	const questions = [...draft.questions];
	if (verb === 'remove') questions.splice(index, 1);
	const target = verb === 'up' ? index - 1 : verb === 'down' ? index + 1 : -1;
	if (target >= 0 && target < questions.length) [questions[index], questions[target]] = [questions[target]!, questions[index]!];
	return { ...draft, questions };
}
