/**
 * The program builder's working copy, shared by the page (which edits it in place with
 * scripts) and the server (which rebuilds it from the posted form without them). The whole
 * program posts as one form: `iid` once per item, in order, and each item's fields under
 * `item.<id>.<field>` (so each item's radio buttons are a group of their own). Adding,
 * moving and removing an item without scripts posts the form to `?/arrange`, which answers
 * the rearranged copy with everything typed.
 */
import { durationPresets, itemKinds, sessionFormats, type ItemKind, type ProgramItem, type SessionFormat } from '../engagements/schema';
import type { ItemDraftInput, ProgramFields } from './schema';

/** "30 min", "60 min" or "Custom" (then `customMinutes`). */
export type DurationChoice = `${(typeof durationPresets)[number]}` | 'custom';
export const durationChoices: readonly DurationChoice[] = [...durationPresets.map((minutes) => `${minutes}` as const), 'custom'];

export interface ItemDraftState {
	id: string;
	kind: ItemKind;
	title: string;
	duration: DurationChoice;
	customMinutes: string;
	format: SessionFormat;
	message: string;
	coacheeSchedules: boolean;
	assessmentTemplateId: string;
	fileId: string;
	url: string;
}

export interface ProgramDraft {
	name: string;
	description: string;
	items: ItemDraftState[];
}

/** The item fields posted under `item.<id>.`; `coacheeSchedules` is a checkbox (sent only when ticked). */
export type ItemFieldName = Exclude<keyof ItemDraftState, 'id'>;
export const itemInputName = (itemId: string, field: ItemFieldName) => `item.${itemId}.${field}`;

/** The builder's fields, as src/lib/server/forms.ts reads them: the fixed ones and every item field posted. */
export function builderSpec(data: FormData) {
	const itemFields = [...new Set(data.keys())].filter((key) => key.startsWith('item.')).map((key) => [key, 'text'] as const);
	return { name: 'text', description: 'text', iid: 'list', intent: 'optional', ...Object.fromEntries(itemFields) } as Record<string, 'text' | 'list' | 'optional'>;
}

export const newItemId = () => Math.random().toString(36).slice(2, 10);

export const blankItem = (kind: ItemKind): ItemDraftState => ({
	id: newItemId(),
	kind,
	title: '',
	duration: '60',
	customMinutes: '',
	format: 'online',
	message: '',
	coacheeSchedules: false,
	assessmentTemplateId: '',
	fileId: '',
	url: ''
});

export const emptyDraft = (): ProgramDraft => ({ name: '', description: '', items: [] });

const oneOf = <T extends string>(value: string, options: readonly T[], fallback: T): T => (options.includes(value as T) ? (value as T) : fallback);
const durationChoiceOf = (minutes: number): DurationChoice => oneOf(String(minutes), durationChoices, 'custom');

/** A stored template as the builder edits it. */
export function draftOf(program: { name: string; description: string; items: ProgramItem[] }): ProgramDraft {
	return {
		name: program.name,
		description: program.description,
		items: program.items.map((item) => {
			const draft = { ...blankItem(item.kind), id: item.id, title: item.title };
			switch (item.kind) {
				case 'session': {
					const duration = durationChoiceOf(item.durationMinutes);
					const customMinutes = duration === 'custom' ? String(item.durationMinutes) : '';
					return { ...draft, duration, customMinutes, format: item.format, message: item.message, coacheeSchedules: item.coacheeSchedules };
				}
				case 'assessment':
					return { ...draft, assessmentTemplateId: item.assessmentTemplateId };
				case 'file':
					return { ...draft, fileId: item.fileId };
				case 'link':
					return { ...draft, url: item.url };
			}
		})
	};
}

type Posted = Record<string, string | boolean | string[] | undefined>;
const text = (value: Posted[string]) => (typeof value === 'string' ? value : '');
const list = (value: Posted[string]) => (Array.isArray(value) ? value : []);

/** The draft as the form posted it (or as a refusal echoed it back). */
export function draftFromForm(values: Posted): ProgramDraft {
	return {
		name: text(values.name),
		description: text(values.description),
		items: list(values.iid).map((id) => {
			const field = (name: ItemFieldName) => text(values[itemInputName(id, name)]);
			return {
				id,
				kind: oneOf(field('kind'), itemKinds, 'link'),
				title: field('title'),
				duration: oneOf(field('duration'), durationChoices, '60'),
				customMinutes: field('customMinutes'),
				format: oneOf(field('format'), sessionFormats, 'online'),
				message: field('message'),
				coacheeSchedules: field('coacheeSchedules') !== '',
				assessmentTemplateId: field('assessmentTemplateId'),
				fileId: field('fileId'),
				url: field('url')
			};
		})
	};
}

/** What the procedure takes. */
export function programInput(draft: ProgramDraft): ProgramFields {
	return {
		name: draft.name,
		description: draft.description,
		items: draft.items.map(
			(item): ItemDraftInput => ({
				id: item.id,
				kind: item.kind,
				title: item.title,
				durationMinutes: item.duration === 'custom' ? item.customMinutes.trim() : Number(item.duration),
				format: item.format,
				message: item.message,
				coacheeSchedules: item.coacheeSchedules,
				assessmentTemplateId: item.assessmentTemplateId,
				fileId: item.fileId,
				url: item.url
			})
		)
	};
}

/** "Add Coaching Session" (`add:session`, ...), or "Move up", "Move down", "Remove" with the item's id. */
export function arrange(draft: ProgramDraft, intent: string): ProgramDraft {
	const [verb, target] = intent.split(':');
	if (verb === 'add') return { ...draft, items: [...draft.items, blankItem(oneOf(target ?? '', itemKinds, 'session'))] };
	const index = draft.items.findIndex((item) => item.id === target);
	if (index < 0) return draft;
	const items = [...draft.items];
	if (verb === 'remove') items.splice(index, 1);
	const to = verb === 'up' ? index - 1 : verb === 'down' ? index + 1 : -1;
	if (to >= 0 && to < items.length) [items[index], items[to]] = [items[to]!, items[index]!];
	return { ...draft, items };
}
