/**
 * Actions: creating them (once, or recurring), editing, the progress slider, reordering
 * under a milestone, deleting, and comments between coach and coachee. An action's
 * milestone must be one of the same coachee's (records.ts `milestoneForAction`).
 */
import { and, eq, gte, isNull, or, sql } from 'drizzle-orm';
import { actionComments, actions, actionSeries } from '../db/tenant/schema';
import { formatDueDate } from '../../goals/dates';
import { progressText, type ActionFields, type NewActionFields } from '../../goals/schema';
import { activityOf, announce, announceComment } from './alerts';
import { dueAtFor } from './due';
import { describeRule, ruleFor } from './recurrence';
import { startRecurringAction } from './recurring-actions';
import { deleteActionsWhere } from './goals';
import { actorName, ensureMayChange, findAction, milestoneForAction, nextPosition, swapWithNeighbour, type WorkContext } from './records';

const now = (work: WorkContext) => work.scope.platform.clock.now();

/** Actions under a milestone are ordered by hand; the others by due date. */
export const actionSiblings = (coacheeId: string, milestoneId: string | null) =>
	and(eq(actions.coacheeId, coacheeId), milestoneId ? eq(actions.milestoneId, milestoneId) : isNull(actions.milestoneId))!;

/** "New" action: once, or recurring (each occurrence its own action, created ahead). */
export async function createAction(work: WorkContext, fields: NewActionFields) {
	if (fields.repeat === 'none') return createSingleAction(work, fields);
	return createRecurringAction(work, fields);
}

async function createRecurringAction(work: WorkContext, fields: NewActionFields) {
	const rule = ruleFor(fields, fields.dueOn);
	const milestone = await milestoneForAction(work, fields.milestoneId);
	const { db } = work.scope;
	const [last] = await db
		.select({ position: sql<number>`coalesce(max(${actions.position}), -1) + 1` })
		.from(actions)
		.where(actionSiblings(work.coachee.id, milestone?.id ?? null));
	const { firstActionId } = await startRecurringAction(work.scope, {
		coachee: work.coachee,
		milestoneId: milestone?.id ?? null,
		title: fields.title,
		startsOn: fields.dueOn,
		rule,
		createdBy: work.scope.personId,
		position: last?.position ?? 0
	});
	const actor = await actorName(work);
	const repeats = describeRule(rule, fields.dueOn);
	await db.batch(activityOf(work, { kind: 'action', summary: `Recurring action “${fields.title}” created by ${actor} (${repeats})` }, now(work)));
	await announce(work, {
		coachKind: 'coachee_action_created',
		title: `${actor} created the recurring action “${fields.title}”`,
		body: `${repeats}, first due ${formatDueDate(fields.dueOn)}${milestone ? `, under the milestone “${milestone.title}”` : ''}.`,
		link: (paths) => paths.action(firstActionId)
	});
	return { id: firstActionId, goalId: milestone?.goalId ?? null };
}

async function createSingleAction(work: WorkContext, fields: ActionFields) {
	const milestone = await milestoneForAction(work, fields.milestoneId);
	const { db } = work.scope;
	const id = crypto.randomUUID();
	const at = now(work);
	const actor = await actorName(work);
	await db.batch([
		db.insert(actions).values({
			id,
			coacheeId: work.coachee.id,
			milestoneId: milestone?.id ?? null,
			title: fields.title,
			dueOn: fields.dueOn,
			dueAt: dueAtFor(fields.dueOn, work.coachee.timeZone),
			position: nextPosition(actions, actionSiblings(work.coachee.id, milestone?.id ?? null)),
			createdBy: work.scope.personId,
			createdAt: at
		}),
		...activityOf(work, { kind: 'action', summary: `Action “${fields.title}” created by ${actor}` }, at)
	]);
	await announce(work, {
		coachKind: 'coachee_action_created',
		title: `${actor} created the action “${fields.title}”`,
		body: `Due ${formatDueDate(fields.dueOn)}${milestone ? `, under the milestone “${milestone.title}”` : ''}.`,
		link: (paths) => paths.action(id)
	});
	return { id, goalId: milestone?.goalId ?? null };
}

export async function updateAction(work: WorkContext, actionId: string, fields: ActionFields) {
	const action = await findAction(work, actionId);
	ensureMayChange(work, action, 'action');
	const milestone = await milestoneForAction(work, fields.milestoneId);
	const { db } = work.scope;
	const at = now(work);
	const actor = await actorName(work);
	const moved = (milestone?.id ?? null) !== action.milestoneId;
	await db.batch([
		db
			.update(actions)
			.set({
				title: fields.title,
				dueOn: fields.dueOn,
				dueAt: dueAtFor(fields.dueOn, work.coachee.timeZone),
				milestoneId: milestone?.id ?? null,
				// Put under another milestone, it goes last there.
				...(moved ? { position: nextPosition(actions, actionSiblings(work.coachee.id, milestone?.id ?? null)) } : {}),
				updatedAt: at
			})
			.where(eq(actions.id, action.id)),
		...activityOf(work, { kind: 'action', summary: `Action “${fields.title}” edited by ${actor}`, subjectKey: `action:${action.id}:details` }, at)
	]);
	await announce(work, {
		coachKind: 'coachee_action_updated',
		title: `${actor} changed the action “${fields.title}”`,
		body: `Due ${formatDueDate(fields.dueOn)}${milestone ? `, under the milestone “${milestone.title}”` : ''}.`,
		link: (paths) => paths.action(action.id),
		subjectKey: `action:${action.id}:updated`
	});
}

/** The slider: anyone who may see the action moves it. 100 completes it. */
export async function setProgress(work: WorkContext, actionId: string, progress: number) {
	const action = await findAction(work, actionId);
	if (action.progress === progress) return { progress };
	const { db } = work.scope;
	const at = now(work);
	const actor = await actorName(work);
	const words = progress >= 100 ? `completed “${action.title}”` : `moved “${action.title}” to ${progressText(progress)}`;
	await db.batch([
		db
			.update(actions)
			.set({ progress, completedAt: progress >= 100 ? (action.completedAt ?? at) : null, updatedAt: at })
			.where(eq(actions.id, action.id)),
		...activityOf(work, { kind: 'progress', summary: `${actor} ${words}`, subjectKey: `action:${action.id}:progress` }, at)
	]);
	await announce(work, {
		coachKind: 'coachee_action_updated',
		title: `${actor} ${words}`,
		body: `“${action.title}” is at ${progressText(progress)}, due ${formatDueDate(action.dueOn)}.`,
		link: (paths) => paths.action(action.id),
		subjectKey: `action:${action.id}:updated`
	});
	return { progress };
}

export async function moveAction(work: WorkContext, actionId: string, direction: 'up' | 'down') {
	const action = await findAction(work, actionId);
	const moved = await swapWithNeighbour(work.scope.db, actions, action, actionSiblings(work.coachee.id, action.milestoneId), direction);
	return { moved };
}

/** Deletes the action; with `following`, a recurring action's later occurrences too, and it
 * stops repeating. Completed occurrences stay: they are work that was done. */
export async function deleteAction(work: WorkContext, actionId: string, following: boolean) {
	const action = await findAction(work, actionId);
	ensureMayChange(work, action, 'action');
	const { db } = work.scope;
	const series = following && action.seriesId ? action.seriesId : null;
	const doomed = series
		? or(eq(actions.id, action.id), and(eq(actions.seriesId, series), gte(actions.dueOn, action.dueOn), isNull(actions.completedAt)))!
		: eq(actions.id, action.id);
	await db.batch([
		...deleteActionsWhere(work, doomed),
		...(series ? [db.update(actionSeries).set({ nextOn: null }).where(eq(actionSeries.id, series))] : []),
		...activityOf(work, { kind: 'action', summary: `Action “${action.title}”${series ? ' and its later occurrences' : ''} deleted by ${await actorName(work)}` }, now(work))
	]);
	return { title: action.title };
}

export async function addComment(work: WorkContext, actionId: string, body: string) {
	const action = await findAction(work, actionId);
	const { db } = work.scope;
	const at = now(work);
	const actor = await actorName(work);
	const id = crypto.randomUUID();
	await db.batch([
		db.insert(actionComments).values({ id, actionId: action.id, coacheeId: work.coachee.id, authorId: work.scope.personId, body, createdAt: at }),
		...activityOf(work, { kind: 'comment', summary: `${actor} commented on “${action.title}”` }, at)
	]);
	await announceComment(work, { actionId: action.id, title: `${actor} commented on “${action.title}”`, body: excerpt(body) });
	return { id };
}

/** A comment's first 300 characters, for a notification. */
const excerpt = (body: string) => (body.length > 300 ? `${body.slice(0, 299)}…` : body);

