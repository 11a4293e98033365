/**
 * Program templates (assign-and-manage-engagements.txt, "Select a Program Template"): the
 * program form's input, its rules and labels, shared by the builder, the service and the
 * pages. Items are posted loosely (`itemDraft`: every field as typed) and checked one by one
 * against `itemContent` (engagements/schema.ts), so each refusal lands under the item and
 * the field it is about (`items.<index>.<field>`) rather than under the whole list.
 */
import { z } from 'zod';
import { itemContent, itemKinds, sessionFormats, type ProgramItem } from '../engagements/schema';

export const maxProgramItems = 50;

const id = z.string().min(1).max(64);

/** One item as the builder posts it: only its kind's fields matter, the rest are ignored. */
export const itemDraft = z.object({
	id,
	kind: z.enum(itemKinds),
	title: z.string().max(1000).default(''),
	/** Minutes, as typed (30, 60 or a custom number). */
	durationMinutes: z.union([z.number(), z.string().max(20)]).default(''),
	format: z.enum(sessionFormats).default('online'),
	message: z.string().max(10_000).default(''),
	coacheeSchedules: z.boolean().default(false),
	assessmentTemplateId: z.string().max(64).default(''),
	fileId: z.string().max(64).default(''),
	url: z.string().max(10_000).default('')
});
export type ItemDraftInput = z.input<typeof itemDraft>;
export type ItemDraft = z.output<typeof itemDraft>;

export const programFields = z.object({
	name: z.string().trim().min(1, 'Give the program a name.').max(200, 'Keep the name under 200 characters.'),
	description: z.string().trim().max(2000, 'Keep the description under 2,000 characters.').default(''),
	items: z.array(itemDraft).max(maxProgramItems, `A program can have at most ${maxProgramItems} items.`)
});
export type ProgramFields = z.input<typeof programFields>;

export const programListInput = z.object({ search: z.string().trim().max(200).optional(), archived: z.boolean().default(false) });

/** Where an item's refusal shows: under that field of that item in the builder. */
export const itemField = (index: number, field: string) => `items.${index}.${field}`;

export type FieldProblems = Record<string, string[]>;

/** The fields of a draft that its kind's content reads. */
function contentOf(draft: ItemDraft): Record<string, unknown> {
	switch (draft.kind) {
		case 'session': {
			const { title, durationMinutes, format, message, coacheeSchedules } = draft;
			return { kind: draft.kind, title, durationMinutes: durationMinutes === '' ? undefined : durationMinutes, format, message, coacheeSchedules };
		}
		case 'assessment':
			return { kind: draft.kind, title: draft.title, assessmentTemplateId: draft.assessmentTemplateId };
		case 'file':
			return { kind: draft.kind, title: draft.title, fileId: draft.fileId };
		case 'link':
			return { kind: draft.kind, title: draft.title, url: draft.url };
	}
}

/** Said instead of zod's type message when a number was left empty or is not one. */
const missingMessages: Record<string, string> = { durationMinutes: 'Give the duration in minutes.' };

/** The items as stored, or every problem under its item and field. */
export function checkItems(drafts: ItemDraft[]): { items: ProgramItem[]; problems: FieldProblems } {
	const problems: FieldProblems = {};
	if (!drafts.length) problems.items = ['Add at least one item: a session, an assessment, a file or a link.'];
	// Ids name items across edits (engagements made from the template refer to them): one each.
	if (new Set(drafts.map((draft) => draft.id)).size < drafts.length) problems.items = ['Two items have the same id. Reload the page and try again.'];
	const items: ProgramItem[] = [];
	drafts.forEach((draft, index) => {
		const parsed = itemContent.safeParse(contentOf(draft));
		if (parsed.success) {
			items.push({ ...parsed.data, id: draft.id });
			return;
		}
		for (const issue of parsed.error.issues) {
			const field = String(issue.path[0] ?? 'kind');
			const message = issue.code === 'invalid_type' && missingMessages[field] ? missingMessages[field] : issue.message;
			(problems[itemField(index, field)] ??= []).push(message);
		}
	});
	return { items, problems };
}

/** How a template's items read in a list: "2 sessions · 1 assessment · 1 link". */
export function itemsSummary(items: Pick<ProgramItem, 'kind'>[]): string {
	const words: Record<ProgramItem['kind'], [string, string]> = {
		session: ['session', 'sessions'],
		assessment: ['assessment', 'assessments'],
		file: ['file', 'files'],
		link: ['link', 'links']
	};
	const parts = itemKinds.flatMap((kind) => {
		const count = items.filter((item) => item.kind === kind).length;
		return count ? [`${count} ${words[kind][count === 1 ? 0 : 1]}`] : [];
	});
	return parts.join(' · ') || 'No items';
}

/** Who keeps a template: the firm's library, or one coach. */
export const firmLibraryLabel = 'Firm library';
