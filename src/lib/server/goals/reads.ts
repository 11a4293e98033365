/**
 * What the Goals & Milestones and Actions screens read: each view is ONE tenant batch with
 * the coachee's visibility check in it (coachees/record.ts), so a page costs the control
 * query and this batch. Rollups are computed from the children as they are read
 * (src/lib/goals/rollup.ts); milestones come summarised by one grouped query.
 */
import { and, asc, desc, eq, lte, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { fullName } from '../auth/service';
import type { VisibleCoachee } from '../coachees/service';
import { actionComments, actions, actionSeries, goals, milestones, people } from '../db/tenant/schema';
import { notFound } from '../errors';
import type { Person, TenantScope } from '../tenancy/scope';
import { goalRollup, milestoneRollup, type Rollup } from '../../goals/rollup';
import type { ActionListInput, ActionView } from '../../goals/schema';
import { todayIn } from '../../time-zones';
import { actsForSelf, mayChange, viewedCoachee } from './records';
import { describeRule } from './recurrence';

type Scope = TenantScope;

/** Whose work this is, as every view shows it. */
function owner(scope: Scope, person: Person) {
	const viewed = viewedCoachee(scope, person);
	return {
		coachee: { ...viewed.coachee, timeZone: person.timeZone },
		/** The coachee's own portal (their own words: "your goals"). */
		bySelf: viewed.bySelf,
		today: todayIn(person.timeZone, scope.platform.clock.now())
	};
}

type Planned = { id: string; title: string; dueOn: string; markedCompleteAt: Date | null; createdBy: string | null };

/** A goal or milestone as the screens show it: its rollup, late or not, who may change it. */
function plannedItem(scope: Scope, view: { bySelf: boolean; today: string }, record: Planned, rollup: Rollup) {
	return {
		id: record.id,
		title: record.title,
		dueOn: record.dueOn,
		overdue: isLate(record.dueOn, view.today, rollup.complete),
		marked: record.markedCompleteAt !== null,
		canChange: mayChange({ bySelf: view.bySelf, scope }, record.createdBy),
		progress: Math.round(rollup.progress),
		complete: rollup.complete,
		total: rollup.total,
		done: rollup.done
	};
}

/** Past its due day in the coachee's zone and not complete. */
const isLate = (dueOn: string, today: string, complete: boolean) => !complete && dueOn < today;

/** Each milestone of the coachee (or of one goal) with its actions' count, sum and completions. */
function milestoneSummaries(scope: Scope, where: SQL) {
	return scope.db
		.select({
			id: milestones.id,
			goalId: milestones.goalId,
			title: milestones.title,
			dueOn: milestones.dueOn,
			position: milestones.position,
			markedCompleteAt: milestones.markedCompleteAt,
			createdBy: milestones.createdBy,
			count: sql<number>`count(${actions.id})`,
			progressSum: sql<number>`coalesce(sum(${actions.progress}), 0)`,
			completeCount: sql<number>`coalesce(sum(${actions.progress} >= 100), 0)`
		})
		.from(milestones)
		.leftJoin(actions, eq(actions.milestoneId, milestones.id))
		.where(where)
		.groupBy(milestones.id)
		.orderBy(asc(milestones.position));
}

type MilestoneSummary = Awaited<ReturnType<typeof milestoneSummaries>>[number];

const rollupOfMilestone = (m: MilestoneSummary) =>
	milestoneRollup({ count: m.count, progressSum: m.progressSum, completeCount: m.completeCount }, m.markedCompleteAt !== null);

/** Every goal of a coachee and its milestones' summaries, for a caller's batch (the Goals
 * tab's, the Coaching Notepad's); `boardGoals` shapes them. */
export const goalBoardQueries = (scope: Scope, coacheeId: string) =>
	[
		scope.db.select().from(goals).where(eq(goals.coacheeId, coacheeId)).orderBy(asc(goals.position)),
		milestoneSummaries(scope, eq(milestones.coacheeId, coacheeId))
	] as const;

type GoalRowRead = typeof goals.$inferSelect;

/** Each goal with its rollup, as the board shows it. */
export function boardGoals(scope: Scope, person: Person, [goalRows, summaries]: [GoalRowRead[], MilestoneSummary[]]) {
	const view = owner(scope, person);
	return goalRows.map((goal) =>
		plannedItem(scope, view, goal, goalRollup(summaries.filter((m) => m.goalId === goal.id).map(rollupOfMilestone), goal.markedCompleteAt !== null))
	);
}

/** The Goals tab: every goal with its rollup. */
export async function goalBoard(scope: Scope, coachee: VisibleCoachee) {
	const [rows, ...board] = await scope.db.batch([coachee.query, ...goalBoardQueries(scope, coachee.id)]);
	const person = coachee.require(rows);
	return { ...owner(scope, person), goals: boardGoals(scope, person, board) };
}

const commentCount = sql<number>`(select count(*) from ${actionComments} where ${actionComments.actionId} = ${actions.id})`;

/** The columns every action list shows. */
const actionColumns = {
	id: actions.id,
	title: actions.title,
	dueOn: actions.dueOn,
	dueAt: actions.dueAt,
	progress: actions.progress,
	milestoneId: actions.milestoneId,
	seriesId: actions.seriesId,
	createdBy: actions.createdBy,
	comments: commentCount
};

type ActionRow = { [K in keyof typeof actionColumns]: K extends 'comments' ? number : (typeof actions.$inferSelect)[K & keyof typeof actions.$inferSelect] };

function actionItem(scope: Scope, bySelf: boolean, row: ActionRow) {
	const complete = row.progress >= 100;
	return {
		id: row.id,
		title: row.title,
		dueOn: row.dueOn,
		progress: row.progress,
		complete,
		overdue: !complete && row.dueAt <= scope.platform.clock.now(),
		milestoneId: row.milestoneId,
		recurring: row.seriesId !== null,
		comments: row.comments,
		canChange: mayChange({ bySelf, scope }, row.createdBy)
	};
}
export type ActionItem = ReturnType<typeof actionItem>;

/** A coachee's first `limit` open actions by due date, for a caller's batch; `openActionItems` shapes them. */
export const openActionsQuery = (scope: Scope, coacheeId: string, limit: number) =>
	scope.db
		.select(actionColumns)
		.from(actions)
		.where(and(eq(actions.coacheeId, coacheeId), lt(actions.progress, 100)))
		.orderBy(asc(actions.dueAt), asc(actions.position), asc(actions.id))
		.limit(limit);

export const openActionItems = (scope: Scope, person: Person, rows: ActionRow[]) => rows.map((row) => actionItem(scope, actsForSelf(scope, person), row));

/** "View Milestones": one goal, its milestones in order, and each milestone's actions. */
export async function goalDetail(scope: Scope, coachee: VisibleCoachee, goalId: string) {
	const [rows, [goal], summaries, actionRows] = await scope.db.batch([
		coachee.query,
		scope.db.select().from(goals).where(and(eq(goals.id, goalId), eq(goals.coacheeId, coachee.id))),
		milestoneSummaries(scope, and(eq(milestones.goalId, goalId), eq(milestones.coacheeId, coachee.id))!),
		scope.db
			.select(actionColumns)
			.from(actions)
			.innerJoin(milestones, eq(milestones.id, actions.milestoneId))
			.where(and(eq(milestones.goalId, goalId), eq(actions.coacheeId, coachee.id)))
			.orderBy(asc(actions.position))
	]);
	const person = coachee.require(rows);
	if (!goal) throw notFound(`That goal is not among ${fullName(person)}’s goals. It may have been deleted.`);
	const view = owner(scope, person);
	const items = actionRows.map((row) => actionItem(scope, view.bySelf, row));
	return {
		...view,
		goal: plannedItem(scope, view, goal, goalRollup(summaries.map(rollupOfMilestone), goal.markedCompleteAt !== null)),
		milestones: summaries.map((m) => ({ ...plannedItem(scope, view, m, rollupOfMilestone(m)), actions: items.filter((a) => a.milestoneId === m.id) }))
	};
}

const viewConditions = (now: Date): Record<ActionView, SQL | undefined> => ({
	open: lt(actions.progress, 100),
	overdue: and(lt(actions.progress, 100), lte(actions.dueAt, now)),
	completed: eq(actions.progress, 100),
	all: undefined
});

const goalOf = alias(goals, 'goal_of');

/** The Actions tab: one page of the coachee's actions in a view, with each view's count. */
export async function actionList(scope: Scope, coachee: VisibleCoachee, input: ActionListInput) {
	const now = scope.platform.clock.now();
	const where = and(eq(actions.coacheeId, coachee.id), viewConditions(now)[input.view]);
	const order = input.view === 'completed' ? [desc(actions.completedAt)] : [asc(actions.dueAt), asc(actions.position)];
	const [rows, page, [counts]] = await scope.db.batch([
		coachee.query,
		scope.db
			.select({ ...actionColumns, milestoneTitle: milestones.title, goalId: goalOf.id, goalTitle: goalOf.title })
			.from(actions)
			.leftJoin(milestones, eq(milestones.id, actions.milestoneId))
			.leftJoin(goalOf, eq(goalOf.id, milestones.goalId))
			.where(where)
			.orderBy(...order, asc(actions.id))
			.limit(input.pageSize)
			.offset((input.page - 1) * input.pageSize),
		scope.db
			.select({
				all: sql<number>`count(*)`,
				open: sql<number>`coalesce(sum(${actions.progress} < 100), 0)`,
				overdue: sql<number>`coalesce(sum(${actions.progress} < 100 and ${actions.dueAt} <= ${now.getTime()}), 0)`,
				completed: sql<number>`coalesce(sum(${actions.progress} >= 100), 0)`
			})
			.from(actions)
			.where(eq(actions.coacheeId, coachee.id))
	]);
	const person = coachee.require(rows);
	const view = owner(scope, person);
	return {
		...view,
		view: input.view,
		counts: counts ?? { all: 0, open: 0, overdue: 0, completed: 0 },
		total: counts?.[input.view] ?? 0,
		page: input.page,
		pageSize: input.pageSize,
		rows: page.map((row) => ({
			...actionItem(scope, view.bySelf, row),
			milestone: row.milestoneId ? { id: row.milestoneId, title: row.milestoneTitle ?? '' } : null,
			goal: row.goalId ? { id: row.goalId, title: row.goalTitle ?? '' } : null
		}))
	};
}

const author = alias(people, 'author');

/** One action with its goal, milestone, recurrence and comments. */
export async function actionDetail(scope: Scope, coachee: VisibleCoachee, actionId: string) {
	const [rows, [row], comments] = await scope.db.batch([
		coachee.query,
		scope.db
			.select({ ...actionColumns, milestoneTitle: milestones.title, goalId: goalOf.id, goalTitle: goalOf.title, rule: actionSeries.rule, startsOn: actionSeries.startsOn })
			.from(actions)
			.leftJoin(milestones, eq(milestones.id, actions.milestoneId))
			.leftJoin(goalOf, eq(goalOf.id, milestones.goalId))
			.leftJoin(actionSeries, eq(actionSeries.id, actions.seriesId))
			.where(and(eq(actions.id, actionId), eq(actions.coacheeId, coachee.id))),
		scope.db
			.select({ id: actionComments.id, body: actionComments.body, createdAt: actionComments.createdAt, authorId: actionComments.authorId, firstName: author.firstName, lastName: author.lastName })
			.from(actionComments)
			.leftJoin(author, eq(author.id, actionComments.authorId))
			.where(and(eq(actionComments.actionId, actionId), eq(actionComments.coacheeId, coachee.id)))
			.orderBy(asc(actionComments.createdAt))
	]);
	const person = coachee.require(rows);
	if (!row) throw notFound(`That action is not among ${fullName(person)}’s actions. It may have been deleted.`);
	const view = owner(scope, person);
	return {
		...view,
		action: {
			...actionItem(scope, view.bySelf, row),
			milestone: row.milestoneId ? { id: row.milestoneId, title: row.milestoneTitle ?? '' } : null,
			goal: row.goalId ? { id: row.goalId, title: row.goalTitle ?? '' } : null,
			series: row.rule && row.startsOn ? { rule: row.rule, startsOn: row.startsOn, description: describeRule(row.rule, row.startsOn) } : null
		},
		comments: comments.map((c) => ({
			id: c.id,
			body: c.body,
			createdAt: c.createdAt.toISOString(),
			author: c.firstName ? fullName({ firstName: c.firstName, lastName: c.lastName ?? '' }) : 'Former member',
			mine: c.authorId === scope.personId
		}))
	};
}

/** The milestones an action can go under, by goal, for the New and Edit action forms. */
export async function milestoneChoices(scope: Scope, coachee: VisibleCoachee) {
	const [rows, choices] = await scope.db.batch([
		coachee.query,
		scope.db
			.select({ id: milestones.id, title: milestones.title, goalId: goals.id, goalTitle: goals.title })
			.from(milestones)
			.innerJoin(goals, eq(goals.id, milestones.goalId))
			.where(eq(milestones.coacheeId, coachee.id))
			.orderBy(asc(goals.position), asc(milestones.position))
	]);
	const person = coachee.require(rows);
	const groups = new Map<string, { goal: string; milestones: { id: string; title: string }[] }>();
	for (const choice of choices) {
		const group = groups.get(choice.goalId) ?? { goal: choice.goalTitle, milestones: [] };
		group.milestones.push({ id: choice.id, title: choice.title });
		groups.set(choice.goalId, group);
	}
	return { ...owner(scope, person), groups: [...groups.values()] };
}
