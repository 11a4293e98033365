/**
 * The "Options" menus of the Goals & Milestones screens. What a person may not change
 * (`canChange` false: a coachee and what their coach created) shows no Edit, Mark or
 * Delete; adding actions and moving stay open to both (the service allows them).
 */
import type { MenuItem } from '$lib/components';
import type { GoalLinks, GoalRow, MilestoneAction, MilestoneView } from './goal-links';

type Movable = 'goal' | 'milestone' | 'action';

function moveItems(action: string, fields: Record<string, string>): MenuItem[] {
	return [
		{ label: 'Move up', icon: 'arrow-up', action, fields: { ...fields, direction: 'up' } },
		{ label: 'Move down', icon: 'arrow-down', action, fields: { ...fields, direction: 'down' } }
	];
}

/** Mark as complete / not complete: only an empty goal or milestone, whose completion
 * nothing else decides. */
function markItem(action: string, fields: Record<string, string>, record: { total: number; marked: boolean }, what: Movable): MenuItem[] {
	if (record.total > 0) return [];
	return [
		record.marked
			? { label: 'Mark as not complete', icon: 'x', action, fields }
			: { label: 'Mark as complete', icon: 'check', action, fields: { ...fields, complete: 'true' }, description: `For a ${what} with nothing under it` }
	];
}

function actionsLost(total: number) {
	if (total === 0) return 'It has no actions.';
	if (total === 1) return 'Its action, with its progress and comments, is deleted too.';
	return `Its ${total} actions, with their progress and comments, are deleted too.`;
}

/** A goal's Options: on the board (`back` unset) or on its own page (`back` = that page). */
export function goalMenu(goal: GoalRow, links: GoalLinks, onOwnPage = false): MenuItem[] {
	const at = onOwnPage ? links.goal(goal.id) : links.goals;
	const fields: Record<string, string> = onOwnPage ? { goalId: goal.id, back: at } : { goalId: goal.id };
	const items: MenuItem[] = [];
	if (goal.canChange) items.push({ label: 'Edit', icon: 'pencil', href: links.editGoal(goal.id), dialog: true });
	if (!onOwnPage) items.push(...moveItems(`${at}?/move`, fields));
	if (goal.canChange) {
		items.push(...markItem(`${at}?/mark`, fields, goal, 'goal'));
		items.push({
			label: 'Delete',
			icon: 'trash',
			danger: true,
			separatorBefore: true,
			action: `${at}?/delete`,
			fields: { goalId: goal.id },
			confirm: {
				title: `Delete the goal “${goal.title}”?`,
				description: `${goal.total === 0 ? 'It has no milestones.' : `${goal.total === 1 ? 'Its milestone and its actions' : `Its ${goal.total} milestones and all their actions`}, with their progress and comments, are deleted too.`} This cannot be undone.`,
				label: 'Delete goal'
			}
		});
	}
	return items;
}

export function milestoneMenu(milestone: MilestoneView, goalId: string, links: GoalLinks): MenuItem[] {
	const at = links.goal(goalId);
	const fields = { milestoneId: milestone.id };
	const items: MenuItem[] = [{ label: 'Add New Action', icon: 'plus', href: links.newAction(goalId, milestone.id), dialog: true }];
	if (milestone.canChange) items.push({ label: 'Edit', icon: 'pencil', href: links.editMilestone(goalId, milestone.id), dialog: true });
	items.push(...moveItems(`${at}?/moveMilestone`, fields));
	if (milestone.canChange) {
		items.push(...markItem(`${at}?/markMilestone`, fields, milestone, 'milestone'));
		items.push({
			label: 'Delete',
			icon: 'trash',
			danger: true,
			separatorBefore: true,
			action: `${at}?/deleteMilestone`,
			fields,
			confirm: {
				title: `Delete the milestone “${milestone.title}”?`,
				description: `${actionsLost(milestone.total)} This cannot be undone.`,
				label: 'Delete milestone'
			}
		});
	}
	return items;
}

export const actionMenu = (action: MilestoneAction, goalId: string, links: GoalLinks): MenuItem[] =>
	moveItems(`${links.goal(goalId)}?/moveAction`, { actionId: action.id });
