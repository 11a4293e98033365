/**
 * The Actions screens' server side, shared by the coach's view of a coachee's profile
 * (`/t/<slug>/coachees/<id>/actions/...`) and the coachee's own portal (`/t/<slug>/actions/...`):
 * each `+page.server.ts` re-exports a load and the actions from here. The coachee in the URL
 * (staff) or the signed-in coachee's own person id is the `coacheeId` every procedure checks.
 */
import type { RequestEvent } from '@sveltejs/kit';
import { backPath, finish, finishElsewhere } from '$lib/server/form-outcome';
import { defineActions, formAction, type FormInput } from '$lib/server/forms';
import { leavePastEnd, pageParam } from '$lib/server/paging';
import { loadOrFail, serverCaller } from '$lib/server/trpc/server-caller';
import { weekdayOf } from './dates';
import { workPaths } from './paths';
import { recordOwner } from '$lib/portal/record-owner.server';
import type { z } from 'zod';
import { actionViews, type ActionView, type newActionFields, type RecurrenceEnd, type Repeat, type Weekday } from './schema';

/** Whose actions these are, and where their screens live in this portal. */
export function actionsOwner(event: RequestEvent) {
	const owner = recordOwner(event, 'Goals and actions');
	const paths = workPaths(owner.profileId);
	const base = `/t/${owner.tenant}`;
	return { ...owner, list: base + paths.actions, action: (actionId: string) => base + paths.action(actionId) };
}

export interface ActionListQuery {
	view: ActionView;
	page: number;
}

/** `?view=overdue&page=2`; anything else reads as the first page of open actions. */
export function readActionListQuery(params: URLSearchParams): ActionListQuery {
	const view = params.get('view');
	return {
		view: actionViews.includes(view as ActionView) ? (view as ActionView) : 'open',
		page: pageParam(params)
	};
}

/** The Actions tab / "Your actions": one view, one page, every view's count. */
export async function loadActionList(event: RequestEvent) {
	const owner = actionsOwner(event);
	const query = readActionListQuery(event.url.searchParams);
	const list = await loadOrFail(event, () => serverCaller(event).actions.list({ tenant: owner.tenant, coacheeId: owner.coacheeId, ...query }));
	leavePastEnd(event.url, { shown: list.rows.length, total: list.total, pageSize: list.pageSize });
	return { profileId: owner.profileId, query, list };
}

/** "New": the goals' milestones an action can go under. */
export async function loadNewAction(event: RequestEvent) {
	const owner = actionsOwner(event);
	const choices = await loadOrFail(event, () => serverCaller(event).goals.milestoneChoices({ tenant: owner.tenant, coacheeId: owner.coacheeId }));
	return { profileId: owner.profileId, choices };
}

/** The action's page: the action, its goal and milestone, recurrence and comments. */
export async function loadActionDetail(event: RequestEvent) {
	const owner = actionsOwner(event);
	const detail = await loadOrFail(event, () =>
		serverCaller(event).actions.get({ tenant: owner.tenant, coacheeId: owner.coacheeId, actionId: event.params.actionId as string })
	);
	return { profileId: owner.profileId, detail };
}

/** "Edit": the action and the milestones it can move under, read in parallel. */
export async function loadEditAction(event: RequestEvent) {
	const owner = actionsOwner(event);
	const of = { tenant: owner.tenant, coacheeId: owner.coacheeId };
	const api = serverCaller(event);
	const [detail, choices] = await loadOrFail(event, () =>
		Promise.all([api.actions.get({ ...of, actionId: event.params.actionId as string }), api.goals.milestoneChoices(of)])
	);
	return { profileId: owner.profileId, detail, choices };
}

const newActionForm = {
	title: 'text',
	dueOn: 'text',
	milestoneId: 'optional',
	repeat: 'text',
	weekdays: 'list',
	ends: 'text',
	until: 'optional',
	count: 'optional'
} as const;

/**
 * What the New form posts, as `actions.create` takes it: only the recurrence fields that
 * apply are sent (the form shows every field without scripts), so a date left in "On a
 * date" does not refuse an action that ends after a number of times. A weekly action with
 * no day ticked repeats on its due date's weekday, the day the form ticks by default.
 */
export function newActionInput(input: FormInput<typeof newActionForm>): z.input<typeof newActionFields> {
	const { title, dueOn, milestoneId } = input;
	// The enums go to the procedure as posted: its schema refuses a forged value with its message.
	const repeat = (input.repeat || 'none') as Repeat;
	if (repeat === 'none') return { title, dueOn, milestoneId, repeat };
	const dueWeekday = weekdayOf(dueOn);
	const days = (input.weekdays.length || !dueWeekday ? input.weekdays : [dueWeekday]) as Weekday[];
	return {
		title,
		dueOn,
		milestoneId,
		repeat,
		...(repeat === 'weekly' ? { weekdays: days } : {}),
		ends: input.ends as RecurrenceEnd,
		...(input.ends === 'until' ? { until: input.until ?? '' } : { count: input.count ?? '' })
	};
}

const progressForm = { actionId: 'text', progress: 'text', back: 'optional' } as const;

/** The slider's save, from any list of actions: the tab or the action's own page. */
const progress = formAction(progressForm, async (input, { api, event }) => {
	const owner = actionsOwner(event);
	await api.actions.setProgress({ tenant: owner.tenant, coacheeId: owner.coacheeId, actionId: input.actionId, progress: input.progress });
	return finish(event, {
		message: `Progress saved: ${input.progress}%.`,
		location: backPath(input.back, `/t/${owner.tenant}`, owner.list)
	});
});

/** The list's actions: the slider. */
export const actionListActions = defineActions({ progress });

/** "New" (the dialog over the list and the page both post here). */
export const newActionActions = defineActions({
	create: formAction(newActionForm, async (input, { api, event }) => {
		const owner = actionsOwner(event);
		const { id } = await api.actions.create({ tenant: owner.tenant, coacheeId: owner.coacheeId, ...newActionInput(input) });
		return finish(event, { message: `Action “${input.title.trim()}” saved.`, location: owner.action(id) });
	})
});

/** "Edit": Action/Task, Due Date, Goal’s milestone. */
export const editActionActions = defineActions({
	update: formAction({ title: 'text', dueOn: 'text', milestoneId: 'optional' }, async (input, { api, event }) => {
		const owner = actionsOwner(event);
		const actionId = event.params.actionId as string;
		await api.actions.update({ tenant: owner.tenant, coacheeId: owner.coacheeId, actionId, ...input });
		return finish(event, { message: `Action “${input.title.trim()}” saved.`, location: owner.action(actionId) });
	})
});

/** The action's page: the slider, comments, and Delete. */
export const actionDetailActions = defineActions({
	progress,
	comment: formAction({ body: 'text' }, async (input, { api, event }) => {
		const owner = actionsOwner(event);
		const actionId = event.params.actionId as string;
		await api.actions.comment({ tenant: owner.tenant, coacheeId: owner.coacheeId, actionId, body: input.body });
		return finish(event, { message: 'Comment posted.', location: owner.action(actionId) });
	}),
	/** Always a redirect, script or not: the page it was on is gone. */
	delete: formAction({ following: 'checkbox' }, async (input, { api, event }) => {
		const owner = actionsOwner(event);
		const { title } = await api.actions.delete({ tenant: owner.tenant, coacheeId: owner.coacheeId, actionId: event.params.actionId as string, following: input.following });
		const message = input.following ? `Action “${title}” and its later open occurrences deleted.` : `Action “${title}” deleted.`;
		return finishElsewhere(event, { message, location: owner.list });
	})
});
