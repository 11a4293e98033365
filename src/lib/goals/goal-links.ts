/**
 * The Goals & Milestones screens' addresses and data, the same for the coach's view of a
 * coachee (`/t/<slug>/coachees/<id>/goals`) and the coachee's own portal (`/t/<slug>/goals`):
 * one set of components renders both, given these links.
 */
import type { RouterOutputs } from '$lib/client/trpc';
import { workPaths } from './paths';

export type GoalBoard = RouterOutputs['goals']['board'];
export type GoalRow = GoalBoard['goals'][number];
export type GoalDetail = RouterOutputs['goals']['goal'];
export type MilestoneView = GoalDetail['milestones'][number];
export type MilestoneAction = MilestoneView['actions'][number];

export type GoalLinks = ReturnType<typeof goalLinks>;

/** `coacheeId` for staff looking at that coachee; null in the coachee's own portal. */
export function goalLinks(tenant: string, coacheeId: string | null) {
	const paths = workPaths(coacheeId);
	const root = `/t/${tenant}`;
	const goal = (goalId: string) => root + paths.goal(goalId);
	const milestone = (goalId: string, milestoneId: string) => `${goal(goalId)}/milestones/${milestoneId}`;
	return {
		goals: root + paths.goals,
		newGoal: `${root}${paths.goals}/new`,
		goal,
		editGoal: (goalId: string) => `${goal(goalId)}/edit`,
		newMilestone: (goalId: string) => `${goal(goalId)}/milestones/new`,
		editMilestone: (goalId: string, milestoneId: string) => `${milestone(goalId, milestoneId)}/edit`,
		/** "Add New Action" / "Create one now" under a milestone. */
		newAction: (goalId: string, milestoneId: string) => `${milestone(goalId, milestoneId)}/new-action`,
		action: (actionId: string) => root + paths.action(actionId)
	};
}

/** "2 of 3 milestones complete" */
export const completeText = (done: number, total: number, unit: 'milestone' | 'action') =>
	`${done} of ${total} ${unit}${total === 1 ? '' : 's'} complete`;
