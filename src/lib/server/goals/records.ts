/**
 * The records of one coachee's work (goals, milestones, actions) as a person may reach them.
 * Every procedure names the coachee (record.ts `coacheeProcedure` checks that this person
 * may see them) and every record is looked up WITH that coachee's id, so an id from another
 * coachee's list is "not found" here, never someone else's record.
 */
import { and, asc, desc, eq, gt, lt, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { fullName } from '../auth/service';
import type { VisibleCoachee } from '../coachees/service';
import { actions, goals, milestones } from '../db/tenant/schema';
import { fieldError, forbidden, notFound } from '../errors';
import type { Person, TenantScope } from '../tenancy/scope';
import { coacheeReach } from '../../permissions';

/** Who is acting on whose work. */
export interface WorkContext {
	scope: TenantScope;
	coachee: Person;
	/** The coachee themself, in their own portal (not their coach or an admin). */
	bySelf: boolean;
}

/** The coachee acting on their own work, in their portal. */
export const actsForSelf = (scope: Pick<TenantScope, 'personId' | 'roles'>, coachee: Pick<Person, 'id'>) =>
	coachee.id === scope.personId && coacheeReach(scope.roles) === 'self';

type Named = Pick<Person, 'id' | 'firstName' | 'lastName'>;

/** The coachee as every per-coachee view names them. */
export const coacheeHeading = (person: Named) => ({ id: person.id, name: fullName(person), firstName: person.firstName });

/** Whose records a view shows, and whether the viewer is that coachee (their portal: "your files"). */
export const viewedCoachee = (scope: Pick<TenantScope, 'personId' | 'roles'>, person: Named) => ({
	coachee: coacheeHeading(person),
	bySelf: actsForSelf(scope, person)
});

export async function workContext(scope: TenantScope, coachee: VisibleCoachee): Promise<WorkContext> {
	const person = coachee.require(await coachee.query);
	return { scope, coachee: person, bySelf: actsForSelf(scope, person) };
}

export const actorName = async (work: WorkContext) => fullName(await work.scope.me());

/** Admins and coaches change anything of their coachees'; a coachee only what they created
 * (DESIGN.md: a coachee's own goals and actions, and the progress of all of them). */
export function mayChange(work: Pick<WorkContext, 'bySelf' | 'scope'>, createdBy: string | null): boolean {
	return !work.bySelf || createdBy === work.scope.personId;
}

export function ensureMayChange(work: WorkContext, record: { createdBy: string | null }, what: string) {
	if (!mayChange(work, record.createdBy)) {
		throw forbidden(`Your coach created this ${what}, so only they can change or delete it. You can still update its progress and comment on it.`);
	}
}

const gone = (what: string, work: WorkContext) =>
	notFound(`That ${what} is not among ${work.bySelf ? 'yours' : `${fullName(work.coachee)}’s`}. It may have been deleted; reload the page.`);

export async function findGoal(work: WorkContext, goalId: string) {
	const [goal] = await work.scope.db.select().from(goals).where(and(eq(goals.id, goalId), eq(goals.coacheeId, work.coachee.id)));
	if (!goal) throw gone('goal', work);
	return goal;
}

export async function findMilestone(work: WorkContext, milestoneId: string) {
	const [milestone] = await work.scope.db
		.select()
		.from(milestones)
		.where(and(eq(milestones.id, milestoneId), eq(milestones.coacheeId, work.coachee.id)));
	if (!milestone) throw gone('milestone', work);
	return milestone;
}

export async function findAction(work: WorkContext, actionId: string) {
	const [action] = await work.scope.db.select().from(actions).where(and(eq(actions.id, actionId), eq(actions.coacheeId, work.coachee.id)));
	if (!action) throw gone('action', work);
	return action;
}

/** The milestone an action is put under, which must be one of this coachee's. */
export async function milestoneForAction(work: WorkContext, milestoneId: string | undefined) {
	if (!milestoneId) return null;
	const [milestone] = await work.scope.db
		.select({ id: milestones.id, title: milestones.title, goalId: milestones.goalId })
		.from(milestones)
		.where(and(eq(milestones.id, milestoneId), eq(milestones.coacheeId, work.coachee.id)));
	if (!milestone) throw fieldError('milestoneId', `Choose one of ${work.bySelf ? 'your' : `${fullName(work.coachee)}’s`} milestones, or none.`);
	return milestone;
}

type Ordered = SQLiteTable & { position: SQLiteColumn };

/** The position after the last of the siblings `where` selects, computed inside the insert. */
export const nextPosition = (table: Ordered, where: SQL) =>
	sql<number>`(select coalesce(max(${table.position}), -1) + 1 from ${table} where ${where})`;

type Movable = Ordered & { id: SQLiteColumn };

/** Swaps a record with its neighbour above or below among its siblings; false at an end. */
export async function swapWithNeighbour(
	db: TenantScope['db'],
	table: Movable,
	record: { id: string; position: number },
	siblings: SQL,
	direction: 'up' | 'down'
): Promise<boolean> {
	const up = direction === 'up';
	const [neighbour] = await db
		.select({ id: table.id, position: table.position })
		.from(table)
		.where(and(siblings, up ? lt(table.position, record.position) : gt(table.position, record.position)))
		.orderBy(up ? desc(table.position) : asc(table.position))
		.limit(1);
	if (!neighbour) return false;
	await db.batch([
		db.update(table).set({ position: neighbour.position }).where(eq(table.id, record.id)),
		db.update(table).set({ position: record.position }).where(eq(table.id, neighbour.id))
	]);
	return true;
}
