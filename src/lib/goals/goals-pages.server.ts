/**
 * The loads and form actions of the Goals & Milestones screens, shared by the coach's view
 * of a coachee (/coachees/<id>/goals/...) and the coachee's own portal (/goals/...): each
 * +page.server.ts only picks what it needs from here. Whose goals they are comes from the
 * route: the `coacheeId` parameter for staff, the signed-in person for the coachee.
 */
import { error, type RequestEvent } from '@sveltejs/kit';
import { backPath, finish, finishElsewhere } from '$lib/server/form-outcome';
import { defineActions, formAction } from '$lib/server/forms';
import { loadOrFail, serverCaller } from '$lib/server/trpc/server-caller';
import { goalLinks } from './goal-links';
import { recordOwner } from '$lib/portal/record-owner.server';
import type { moveDirections } from './schema';

type Direction = (typeof moveDirections)[number];

/** The tenant, the coachee whose goals these are, and the screens' links. */
export function whose(event: RequestEvent) {
	const { tenant, coacheeId, profileId } = recordOwner(event, 'Goals and actions');
	return { tenant, coacheeId, staffView: profileId, links: goalLinks(tenant, profileId) };
}

const record = (event: RequestEvent, name: 'goalId' | 'milestoneId') => event.params[name] ?? '';

// ---- Loads: each one procedure, so one tenant batch --------------------------------------

/** The Goals tab, and the coachee's Goals page. */
export const loadBoard = (event: RequestEvent) =>
	loadOrFail(event, async () => {
		const { tenant, coacheeId, staffView } = whose(event);
		return { staffView, board: await serverCaller(event).goals.board({ tenant, coacheeId }) };
	});

/** "View Milestones", and every form about one goal (Edit, New Milestone, ...). */
export const loadGoal = (event: RequestEvent) =>
	loadOrFail(event, async () => {
		const { tenant, coacheeId, staffView } = whose(event);
		return { staffView, detail: await serverCaller(event).goals.goal({ tenant, coacheeId, goalId: record(event, 'goalId') }) };
	});

/** Edit Milestone and Add New Action: the goal, with the milestone named in the route. */
export async function loadMilestone(event: RequestEvent) {
	const data = await loadGoal(event);
	const milestone = data.detail.milestones.find((m) => m.id === record(event, 'milestoneId'));
	if (!milestone) error(404, 'That milestone is not under this goal. It may have been deleted.');
	return { ...data, milestone };
}

/** The "New Goal" page: no reads (the dialog opens over the board, which has them). */
export const loadNewGoal = (event: RequestEvent) => ({ staffView: whose(event).staffView });

// ---- Forms ---------------------------------------------------------------------------------

const titled = { title: 'text', dueOn: 'text' } as const;

/** "New Goal" (Goal Title, Due Date, "Submit"). */
export const newGoalActions = defineActions({
	create: formAction(titled, async (input, { api, event }) => {
		const { tenant, coacheeId, links } = whose(event);
		await api.goals.create({ tenant, coacheeId, ...input });
		return finish(event, { message: `Goal “${input.title.trim()}” created.`, location: links.goals });
	})
});

export const editGoalActions = defineActions({
	update: formAction(titled, async (input, { api, event }) => {
		const { tenant, coacheeId, links } = whose(event);
		const goalId = record(event, 'goalId');
		await api.goals.update({ tenant, coacheeId, goalId, ...input });
		return finish(event, { message: `Goal “${input.title.trim()}” saved.`, location: links.goal(goalId) });
	})
});

/** "New Milestone" (Milestone Title, Due Date, "Save"). */
export const newMilestoneActions = defineActions({
	create: formAction(titled, async (input, { api, event }) => {
		const { tenant, coacheeId, links } = whose(event);
		const goalId = record(event, 'goalId');
		await api.goals.createMilestone({ tenant, coacheeId, goalId, ...input });
		return finish(event, { message: `Milestone “${input.title.trim()}” created.`, location: links.goal(goalId) });
	})
});

export const editMilestoneActions = defineActions({
	update: formAction(titled, async (input, { api, event }) => {
		const { tenant, coacheeId, links } = whose(event);
		await api.goals.updateMilestone({ tenant, coacheeId, milestoneId: record(event, 'milestoneId'), ...input });
		return finish(event, { message: `Milestone “${input.title.trim()}” saved.`, location: links.goal(record(event, 'goalId')) });
	})
});

/** "Add New Action" under a milestone (Action/Task, Due Date, "Save"). */
export const newActionActions = defineActions({
	create: formAction(titled, async (input, { api, event }) => {
		const { tenant, coacheeId, links } = whose(event);
		await api.actions.create({ tenant, coacheeId, milestoneId: record(event, 'milestoneId'), ...input });
		return finish(event, { message: `Action “${input.title.trim()}” created.`, location: links.goal(record(event, 'goalId')) });
	})
});

// ---- Options menus -------------------------------------------------------------------------

/** The menus post the direction the procedure validates; anything else is refused there. */
const direction = (value: string) => value as Direction;
const movedText = (what: string, moved: boolean, to: Direction) =>
	moved ? `${what} moved ${to}.` : `${what} is already ${to === 'up' ? 'first' : 'last'}.`;
const markedText = (what: string, complete: boolean) => `${what} marked as ${complete ? 'complete' : 'not complete'}.`;

/** Where a goal's Options lead back to without scripts: the board, or the goal's page that
 * sent `back` (a goal just deleted has no page left, so that one always goes to the board). */
const backTo = (event: RequestEvent, back: string | undefined) => {
	const { links } = whose(event);
	return backPath(back, links.goals, links.goals);
};

/** A goal's Options, on the board and on its own page. */
const goalOptions = {
	move: formAction({ goalId: 'text', direction: 'text', back: 'optional' }, async (input, { api, event }) => {
		const { tenant, coacheeId } = whose(event);
		const to = direction(input.direction);
		const { moved } = await api.goals.move({ tenant, coacheeId, goalId: input.goalId, direction: to });
		return finish(event, { message: movedText('Goal', moved, to), location: backTo(event, input.back) });
	}),
	mark: formAction({ goalId: 'text', complete: 'checkbox', back: 'optional' }, async ({ goalId, complete, back }, { api, event }) => {
		const { tenant, coacheeId } = whose(event);
		await api.goals.mark({ tenant, coacheeId, goalId, complete });
		return finish(event, { message: markedText('Goal', complete), location: backTo(event, back) });
	}),
	delete: formAction({ goalId: 'text' }, async ({ goalId }, { api, event }) => {
		const { tenant, coacheeId, links } = whose(event);
		const { title } = await api.goals.delete({ tenant, coacheeId, goalId });
		// Also from the goal's own page, which is gone now.
		return finishElsewhere(event, { message: `Goal “${title}” deleted.`, location: links.goals });
	})
};

/** The Options of the goal rows on the board. */
export const boardActions = defineActions(goalOptions);

/** "View Milestones": the goal's own Options, each milestone's, and its actions' Move. */
export const goalActions = defineActions({
	...goalOptions,
	moveMilestone: formAction({ milestoneId: 'text', direction: 'text' }, async (input, { api, event }) => {
		const { tenant, coacheeId, links } = whose(event);
		const to = direction(input.direction);
		const { moved } = await api.goals.moveMilestone({ tenant, coacheeId, milestoneId: input.milestoneId, direction: to });
		return finish(event, { message: movedText('Milestone', moved, to), location: links.goal(record(event, 'goalId')) });
	}),
	markMilestone: formAction({ milestoneId: 'text', complete: 'checkbox' }, async ({ milestoneId, complete }, { api, event }) => {
		const { tenant, coacheeId, links } = whose(event);
		await api.goals.markMilestone({ tenant, coacheeId, milestoneId, complete });
		return finish(event, { message: markedText('Milestone', complete), location: links.goal(record(event, 'goalId')) });
	}),
	deleteMilestone: formAction({ milestoneId: 'text' }, async ({ milestoneId }, { api, event }) => {
		const { tenant, coacheeId, links } = whose(event);
		const { title } = await api.goals.deleteMilestone({ tenant, coacheeId, milestoneId });
		return finish(event, { message: `Milestone “${title}” deleted.`, location: links.goal(record(event, 'goalId')) });
	}),
	moveAction: formAction({ actionId: 'text', direction: 'text' }, async (input, { api, event }) => {
		const { tenant, coacheeId, links } = whose(event);
		const to = direction(input.direction);
		const { moved } = await api.actions.move({ tenant, coacheeId, actionId: input.actionId, direction: to });
		return finish(event, { message: movedText('Action', moved, to), location: links.goal(record(event, 'goalId')) });
	})
});
