/**
 * Goals & Milestones: creating, editing, reordering, marking and deleting a coachee's goals
 * and their milestones. Completion is never stored (src/lib/goals/rollup.ts); the only
 * completion a person sets is the mark on an empty goal or milestone.
 */
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { actionComments, actions, actionSeries, goals, milestones } from '../db/tenant/schema';
import { conflict } from '../errors';
import type { GoalFields, MilestoneFields } from '../../goals/schema';
import { formatDueDate } from '../../goals/dates';
import { activityOf, announce } from './alerts';
import { actorName, ensureMayChange, findGoal, findMilestone, nextPosition, swapWithNeighbour, type WorkContext } from './records';

const now = (work: WorkContext) => work.scope.platform.clock.now();

// ---- Goals --------------------------------------------------------------------------------

export async function createGoal(work: WorkContext, fields: GoalFields) {
	const { db } = work.scope;
	const id = crypto.randomUUID();
	const at = now(work);
	const actor = await actorName(work);
	await db.batch([
		db.insert(goals).values({
			id,
			coacheeId: work.coachee.id,
			...fields,
			position: nextPosition(goals, eq(goals.coacheeId, work.coachee.id)),
			createdBy: work.scope.personId,
			createdAt: at
		}),
		...activityOf(work, { kind: 'goal', summary: `Goal “${fields.title}” created by ${actor}` }, at)
	]);
	await announce(work, {
		coachKind: 'coachee_goal_created',
		title: `${actor} created the goal “${fields.title}”`,
		body: `Due ${formatDueDate(fields.dueOn)}.`,
		link: (paths) => paths.goal(id)
	});
	return { id };
}

export async function updateGoal(work: WorkContext, goalId: string, fields: GoalFields) {
	const goal = await findGoal(work, goalId);
	ensureMayChange(work, goal, 'goal');
	const { db } = work.scope;
	const at = now(work);
	const actor = await actorName(work);
	await db.batch([
		db.update(goals).set({ ...fields, updatedAt: at }).where(eq(goals.id, goal.id)),
		...activityOf(work, { kind: 'goal', summary: `Goal “${fields.title}” edited by ${actor}`, subjectKey: `goal:${goal.id}` }, at)
	]);
	await announce(work, {
		coachKind: 'coachee_action_updated',
		title: `${actor} changed the goal “${fields.title}”`,
		body: `Due ${formatDueDate(fields.dueOn)}.`,
		link: (paths) => paths.goal(goal.id),
		subjectKey: `goal:${goal.id}:updated`
	});
}

export async function moveGoal(work: WorkContext, goalId: string, direction: 'up' | 'down') {
	const goal = await findGoal(work, goalId);
	return { moved: await swapWithNeighbour(work.scope.db, goals, goal, eq(goals.coacheeId, work.coachee.id), direction) };
}

/** Only an empty goal is marked complete by hand; one with milestones completes with them. */
export async function markGoal(work: WorkContext, goalId: string, complete: boolean) {
	const goal = await findGoal(work, goalId);
	ensureMayChange(work, goal, 'goal');
	const { db } = work.scope;
	const [children] = await db.select({ count: sql<number>`count(*)` }).from(milestones).where(eq(milestones.goalId, goal.id));
	if (complete && children!.count > 0) {
		throw conflict(`“${goal.title}” has milestones, so it is complete when all of them are. Complete their actions instead.`);
	}
	const at = now(work);
	await db.batch([
		db.update(goals).set({ markedCompleteAt: complete ? at : null, updatedAt: at }).where(eq(goals.id, goal.id)),
		...activityOf(work, { kind: 'goal', summary: `Goal “${goal.title}” marked ${complete ? 'complete' : 'not complete'} by ${await actorName(work)}` }, at)
	]);
}

export async function deleteGoal(work: WorkContext, goalId: string) {
	const goal = await findGoal(work, goalId);
	ensureMayChange(work, goal, 'goal');
	const { db } = work.scope;
	const under = db.select({ id: milestones.id }).from(milestones).where(eq(milestones.goalId, goal.id));
	await db.batch([
		...deleteActionsWhere(work, inArray(actions.milestoneId, under)),
		db.delete(actionSeries).where(inArray(actionSeries.milestoneId, under)),
		db.delete(milestones).where(eq(milestones.goalId, goal.id)),
		db.delete(goals).where(eq(goals.id, goal.id)),
		...activityOf(work, { kind: 'goal', summary: `Goal “${goal.title}” deleted by ${await actorName(work)}` }, now(work))
	]);
	return { title: goal.title };
}

/** The actions `where` selects, with their comments (no cascade is relied on). */
export function deleteActionsWhere(work: WorkContext, where: SQL) {
	const { db } = work.scope;
	const doomed = and(eq(actions.coacheeId, work.coachee.id), where);
	return [
		db.delete(actionComments).where(inArray(actionComments.actionId, db.select({ id: actions.id }).from(actions).where(doomed))),
		db.delete(actions).where(doomed)
	] as const;
}

// ---- Milestones ---------------------------------------------------------------------------

export async function createMilestone(work: WorkContext, goalId: string, fields: MilestoneFields) {
	const goal = await findGoal(work, goalId);
	const { db } = work.scope;
	const id = crypto.randomUUID();
	const at = now(work);
	const actor = await actorName(work);
	await db.batch([
		db.insert(milestones).values({
			id,
			goalId: goal.id,
			coacheeId: work.coachee.id,
			...fields,
			position: nextPosition(milestones, eq(milestones.goalId, goal.id)),
			createdBy: work.scope.personId,
			createdAt: at
		}),
		...activityOf(work, { kind: 'milestone', summary: `Milestone “${fields.title}” added to “${goal.title}” by ${actor}` }, at)
	]);
	await announce(work, {
		coachKind: 'coachee_goal_created',
		title: `${actor} added the milestone “${fields.title}” to “${goal.title}”`,
		body: `Due ${formatDueDate(fields.dueOn)}.`,
		link: (paths) => paths.goal(goal.id)
	});
	return { id, goalId: goal.id };
}

export async function updateMilestone(work: WorkContext, milestoneId: string, fields: MilestoneFields) {
	const milestone = await findMilestone(work, milestoneId);
	ensureMayChange(work, milestone, 'milestone');
	const { db } = work.scope;
	const at = now(work);
	const actor = await actorName(work);
	await db.batch([
		db.update(milestones).set({ ...fields, updatedAt: at }).where(eq(milestones.id, milestone.id)),
		...activityOf(work, { kind: 'milestone', summary: `Milestone “${fields.title}” edited by ${actor}`, subjectKey: `milestone:${milestone.id}` }, at)
	]);
	await announce(work, {
		coachKind: 'coachee_action_updated',
		title: `${actor} changed the milestone “${fields.title}”`,
		body: `Due ${formatDueDate(fields.dueOn)}.`,
		link: (paths) => paths.goal(milestone.goalId),
		subjectKey: `milestone:${milestone.id}:updated`
	});
	return { goalId: milestone.goalId };
}

export async function moveMilestone(work: WorkContext, milestoneId: string, direction: 'up' | 'down') {
	const milestone = await findMilestone(work, milestoneId);
	const moved = await swapWithNeighbour(work.scope.db, milestones, milestone, eq(milestones.goalId, milestone.goalId), direction);
	return { moved, goalId: milestone.goalId };
}

export async function markMilestone(work: WorkContext, milestoneId: string, complete: boolean) {
	const milestone = await findMilestone(work, milestoneId);
	ensureMayChange(work, milestone, 'milestone');
	const { db } = work.scope;
	const [children] = await db.select({ count: sql<number>`count(*)` }).from(actions).where(eq(actions.milestoneId, milestone.id));
	if (complete && children!.count > 0) {
		throw conflict(`“${milestone.title}” has actions, so it is complete when all of them are at 100%.`);
	}
	const at = now(work);
	await db.batch([
		db.update(milestones).set({ markedCompleteAt: complete ? at : null, updatedAt: at }).where(eq(milestones.id, milestone.id)),
		...activityOf(work, { kind: 'milestone', summary: `Milestone “${milestone.title}” marked ${complete ? 'complete' : 'not complete'} by ${await actorName(work)}` }, at)
	]);
	return { goalId: milestone.goalId };
}

export async function deleteMilestone(work: WorkContext, milestoneId: string) {
	const milestone = await findMilestone(work, milestoneId);
	ensureMayChange(work, milestone, 'milestone');
	const { db } = work.scope;
	await db.batch([
		...deleteActionsWhere(work, eq(actions.milestoneId, milestone.id)),
		db.delete(actionSeries).where(eq(actionSeries.milestoneId, milestone.id)),
		db.delete(milestones).where(eq(milestones.id, milestone.id)),
		...activityOf(work, { kind: 'milestone', summary: `Milestone “${milestone.title}” deleted by ${await actorName(work)}` }, now(work))
	]);
	return { title: milestone.title, goalId: milestone.goalId };
}
