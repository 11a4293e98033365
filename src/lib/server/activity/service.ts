/** The Activity Summary timeline. Each feature records its own kinds of event here. */
import { and, desc, eq, gt, sql } from 'drizzle-orm';
import type { TenantDb } from '../db';
import { activityEvents, people } from '../db/tenant/schema';

export interface ActivityInput {
	personId: string;
	kind: string;
	summary: string;
	actorId?: string | null;
	/** What it is about: the same person changing the same thing again within
	 * `activityFoldMs` rewrites their line instead of adding one (twenty slider moves are one
	 * line saying where it ended). */
	subjectKey?: string;
}

export const activityFoldMs = 60_000;

/** The statements recording an event and the coachee's last activity, for a caller's batch. */
export function activityStatements(db: TenantDb, event: ActivityInput, at: Date) {
	const touch = db.update(people).set({ lastActivityAt: at }).where(eq(people.id, event.personId));
	if (!event.subjectKey) return [db.insert(activityEvents).values({ id: crypto.randomUUID(), ...event, createdAt: at }), touch] as const;
	return [...foldedEventStatements(db, event, event.subjectKey, at), touch] as const;
}

/** Rewrites the same person's recent line about the same thing, or adds one when there is
 * none: two statements, so the caller's batch (one transaction) decides between them. */
function foldedEventStatements(db: TenantDb, event: ActivityInput, subjectKey: string, at: Date) {
	const recent = and(
		eq(activityEvents.personId, event.personId),
		eq(activityEvents.subjectKey, subjectKey),
		event.actorId ? eq(activityEvents.actorId, event.actorId) : sql`${activityEvents.actorId} is null`,
		gt(activityEvents.createdAt, new Date(at.getTime() - activityFoldMs))
	);
	const values = { id: crypto.randomUUID(), personId: event.personId, kind: event.kind, summary: event.summary, actorId: event.actorId ?? null, subjectKey, createdAt: at };
	return [
		db.update(activityEvents).set({ summary: event.summary, kind: event.kind, createdAt: at }).where(recent),
		db
			.insert(activityEvents)
			.select(
				db
					.select({
						id: sql`${values.id}`.as('id'),
						personId: sql`${values.personId}`.as('person_id'),
						kind: sql`${values.kind}`.as('kind'),
						actorId: sql`${values.actorId}`.as('actor_id'),
						summary: sql`${values.summary}`.as('summary'),
						subjectKey: sql`${values.subjectKey}`.as('subject_key'),
						createdAt: sql`${at.getTime()}`.as('created_at')
					})
					.from(sql`(select 1)`)
					.where(sql`not exists ${db.select({ one: sql`1` }).from(activityEvents).where(recent)}`)
			)
	] as const;
}

export async function recordActivity(db: TenantDb, event: ActivityInput, at: Date) {
	await db.batch(activityStatements(db, event, at));
}

/** The timeline's two reads, for the caller to send in its own batch. */
export function activityQueries(db: TenantDb, personId: string, limit = 100) {
	return [
		db
			.select({ id: activityEvents.id, kind: activityEvents.kind, summary: activityEvents.summary, createdAt: activityEvents.createdAt })
			.from(activityEvents)
			.where(eq(activityEvents.personId, personId))
			.orderBy(desc(activityEvents.createdAt))
			.limit(limit),
		db
			.select({ kind: activityEvents.kind, count: sql<number>`count(*)` })
			.from(activityEvents)
			.where(eq(activityEvents.personId, personId))
			.groupBy(activityEvents.kind)
	] as const;
}

type ActivityEventRow = { id: string; kind: string; summary: string; createdAt: Date };

export function shapeActivity([events, counts]: [ActivityEventRow[], { kind: string; count: number }[]]) {
	return {
		events: events.map((event) => ({ ...event, createdAt: event.createdAt.toISOString() })),
		counts: Object.fromEntries(counts.map((row) => [row.kind, row.count])) as Record<string, number>
	};
}
