/**
 * The engagement page's server side (`/t/<slug>/engagements/<id>` and its item forms): the
 * one read, and the form actions that call the `engagementItems` procedures. Each item form
 * ("+ Add item", Edit, Schedule, Associate a Record, Log session) is a route of its own that
 * the page opens as a dialog (FormDialog); each `+page.server.ts` re-exports from here.
 */
import { error, type RequestEvent } from '@sveltejs/kit';
import { finish } from '$lib/server/form-outcome';
import { defineActions, formAction, type FormInput } from '$lib/server/forms';
import type { FormOutcome } from '$lib/forms/types';
import { loadOrFail, serverCaller, workspaceOf } from '$lib/server/trpc/server-caller';
import { can } from '$lib/permissions';
import { sessionForm, sessionInput } from '$lib/sessions/sessions-pages.server';
import { engagementPaths } from './paths';
import { itemKinds, type ItemKind, type SessionFormat } from './schema';

function engagementOf(event: RequestEvent) {
	const tenant = event.params.tenant ?? '';
	const engagementId = event.params.engagementId ?? '';
	return { tenant, engagementId, page: `/t/${tenant}${engagementPaths.engagement(engagementId)}` };
}

export async function loadEngagementPage(event: RequestEvent) {
	const { tenant, engagementId } = engagementOf(event);
	const view = await loadOrFail(event, () => serverCaller(event).engagementItems.page({ tenant, engagementId }));
	return { view };
}

/** "+ Add item": the kind picked (`?kind=`), and the lists its fields choose from. */
export async function loadAddItem(event: RequestEvent) {
	const { view } = await loadEngagementPage(event);
	if (!view.options) error(404, 'Only the engagement’s coach and admins add items to it.');
	const kind = event.url.searchParams.get('kind');
	return { view, kind: (itemKinds as readonly string[]).includes(kind ?? '') ? (kind as ItemKind) : ('session' as const) };
}

/** An item's form (Edit, Associate a Record, Log session; Schedule for staff): the page's read and that item. */
export async function loadItemForm(event: RequestEvent) {
	const { view } = await loadEngagementPage(event);
	const item = view.items.find((candidate) => candidate.id === event.params.itemId);
	if (!item || !view.options) error(404, 'That item is not one you can change. It may have been deleted; go back to the engagement.');
	return { view, item };
}

/** Schedule: staff schedule the item; the coachee picks the time of a session left to them. */
export async function loadSchedule(event: RequestEvent) {
	const roles = workspaceOf(event)?.roles ?? [];
	if (can(roles, 'engagements.manage')) return { staff: await loadItemForm(event), own: null };
	const { tenant, engagementId } = engagementOf(event);
	const own = await loadOrFail(event, () => serverCaller(event).engagementItems.ownSession({ tenant, engagementId, itemId: event.params.itemId ?? '' }));
	return { staff: null, own };
}

/** An item's content fields, as "+ Add item" and Edit post them. */
export const contentForm = {
	kind: 'text',
	title: 'text',
	durationMinutes: 'text',
	format: 'text',
	message: 'text',
	coacheeSchedules: 'checkbox',
	assessmentTemplateId: 'text',
	fileId: 'text',
	url: 'text'
} as const;

/** As the procedures take them: the number and the kind are checked there, with their messages. */
export function contentInput(input: FormInput<typeof contentForm>) {
	const { title } = input;
	switch (input.kind as ItemKind) {
		case 'session':
			return {
				kind: 'session' as const,
				title,
				durationMinutes: input.durationMinutes.trim() === '' ? Number.NaN : Number(input.durationMinutes),
				format: input.format as SessionFormat,
				message: input.message,
				coacheeSchedules: input.coacheeSchedules
			};
		case 'assessment':
			return { kind: 'assessment' as const, title, assessmentTemplateId: input.assessmentTemplateId };
		case 'file':
			return { kind: 'file' as const, title, fileId: input.fileId };
		default:
			return { kind: 'link' as const, title, url: input.url };
	}
}

const scheduleForm = {
	mode: 'text',
	date: 'text',
	time: 'text',
	location: 'text',
	message: 'text',
	windowStartsOn: 'text',
	windowEndsOn: 'text'
} as const;

export function scheduleInput({ mode, date, time, location, message, windowStartsOn, windowEndsOn }: FormInput<typeof scheduleForm>) {
	switch (mode) {
		case 'window':
			return { mode: 'window' as const, windowStartsOn, windowEndsOn, location, message };
		case 'send':
			return { mode: 'send' as const, date, time };
		case 'now':
			return { mode: 'now' as const };
		default:
			return { mode: 'session' as const, date, time, location, message };
	}
}

type Spec = Record<string, 'text' | 'checkbox' | 'list'>;
interface ItemAt {
	tenant: string;
	engagementId: string;
	/** The item in the address (its own route), else the one the form names (the page's menus). */
	itemId: string;
}

/** Runs one change and ends on the engagement page at that item, confirming it (or where
 * `run` says, with its words). */
function itemAction<S extends Spec>(spec: S, run: (input: FormInput<S>, api: ReturnType<typeof serverCaller>, at: ItemAt) => Promise<string | FormOutcome>) {
	return formAction(spec, async (input, { api, event }) => {
		const { tenant, engagementId, page } = engagementOf(event);
		const itemId = event.params.itemId ?? (input as { itemId?: string }).itemId ?? '';
		const outcome = await run(input, api, { tenant, engagementId, itemId });
		return finish(event, typeof outcome === 'string' ? { message: outcome, location: itemId ? `${page}#item-${itemId}` : page } : outcome);
	});
}

const itemId = { itemId: 'text' } as const;

/** The engagement page's own actions: the item options that need no form. */
export const engagementPageActions = defineActions({
	unschedule: itemAction(itemId, async (input, api, at) => `“${(await api.engagementItems.unschedule({ ...at, ...input })).title}” is no longer scheduled.`),
	// The whole new order, comma-separated ("Move up", "Move down", drag and drop).
	reorder: itemAction({ order: 'text' }, async ({ order }, api, at) => {
		await api.engagementItems.reorder({ ...at, itemIds: order.split(',').filter(Boolean) });
		return 'Order saved.';
	}),
	complete: itemAction({ ...itemId, completed: 'checkbox' }, async (input, api, at) => {
		const { title } = await api.engagementItems.markCompleted({ ...at, ...input });
		return input.completed ? `“${title}” marked as completed.` : `“${title}” is no longer completed.`;
	}),
	duplicate: itemAction(itemId, async (input, api, at) => `“${(await api.engagementItems.duplicate({ ...at, ...input })).title}” duplicated.`),
	delete: itemAction(itemId, async (input, api, at) => `“${(await api.engagementItems.delete({ ...at, ...input })).title}” deleted.`)
});

export const addItemActions = defineActions({
	add: itemAction(contentForm, async (input, api, at) => `“${(await api.engagementItems.add({ ...at, ...contentInput(input) })).title}” added.`)
});

export const editItemActions = defineActions({
	update: itemAction(contentForm, async (input, api, at) => `“${(await api.engagementItems.update({ ...at, ...contentInput(input) })).title}” saved.`)
});

export const scheduleActions = defineActions({
	schedule: itemAction(scheduleForm, async (input, api, at) => {
		const { title } = await api.engagementItems.schedule({ ...at, ...scheduleInput(input) });
		if (input.mode === 'now') return `“${title}” is being sent now.`;
		return input.mode === 'window' ? `“${title}” is left for the coachee to schedule.` : `“${title}” scheduled.`;
	}),
	// The coachee stays on their scheduling page: an engagement not shared with them has no page of theirs.
	scheduleOwn: itemAction({ date: 'text', time: 'text' }, async (input, api, at) => {
		const { title } = await api.engagementItems.scheduleOwn({ ...at, ...input });
		return { message: `“${title}” scheduled. Your invitation is on its way.`, location: `/t/${at.tenant}${engagementPaths.scheduleSession(at.engagementId, at.itemId)}` };
	})
});

export const associateActions = defineActions({
	associate: itemAction({ record: 'text' }, async (input, api, at) => `Record associated with “${(await api.engagementItems.associate({ ...at, ...input })).title}”.`)
});

export const logSessionActions = defineActions({
	logSession: itemAction(sessionForm, async (input, api, at) => {
		await api.engagementItems.logSession({ ...at, ...sessionInput(input) });
		return `Session “${input.title.trim()}” logged in Session Logs.`;
	})
});
