/** The Activity Summary timeline. Each feature records its own kinds of event here. */
import { desc, eq, sql } from 'drizzle-orm';
import type { TenantDb } from '../db';
import { activityEvents, people } from '../db/tenant/schema';

export interface ActivityInput {
	personId: string;
	kind: string;
	summary: string;
	actorId?: string | null;
}

/** The statements recording an event and the coachee's last activity, for a caller's batch. */
export function activityStatements(db: TenantDb, event: ActivityInput, at: Date) {
	return [
		db.insert(activityEvents).values({ id: crypto.randomUUID(), ...event, createdAt: at }),
		db.update(people).set({ lastActivityAt: at }).where(eq(people.id, event.personId))
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
