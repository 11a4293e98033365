/**
 * The Coaching Notepad's "Engagement session": the coachee's scheduled, not yet completed
 * session items of engagements this person manages, and, when "Finish session" names one,
 * the item associated with the new Session Log and completed in the same batch.
 */
import { and, asc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { engagementItems, engagements } from '../db/tenant/schema';
import { fieldError } from '../errors';
import type { TenantScope } from '../tenancy/scope';
import { manageableEngagements } from './access';

const openSessionsOf = (scope: TenantScope, coacheeId: string) =>
	and(
		eq(engagementItems.coacheeId, coacheeId),
		eq(engagementItems.kind, 'session'),
		isNotNull(engagementItems.scheduledAt),
		isNull(engagementItems.completedAt),
		isNull(engagementItems.sessionLogId),
		inArray(engagementItems.engagementId, scope.db.select({ id: engagements.id }).from(engagements).where(manageableEngagements(scope)))
	)!;

/** The Select's choices, for the Notepad's batch. */
export const openEngagementSessionsQuery = (scope: TenantScope, coacheeId: string) =>
	scope.db
		.select({ id: engagementItems.id, title: engagementItems.title, scheduledAt: engagementItems.scheduledAt, engagementTitle: engagements.title })
		.from(engagementItems)
		.innerJoin(engagements, eq(engagements.id, engagementItems.engagementId))
		.where(openSessionsOf(scope, coacheeId))
		.orderBy(asc(engagementItems.scheduledAt));

/** The item chosen, if it is still one of those: read with the coachee before the batch. */
export const engagementSessionQuery = (scope: TenantScope, coacheeId: string, itemId: string) =>
	scope.db
		.select({ id: engagementItems.id })
		.from(engagementItems)
		.where(and(eq(engagementItems.id, itemId), openSessionsOf(scope, coacheeId)));

export function requireEngagementSession(rows: { id: string }[]) {
	if (!rows[0]) throw fieldError('engagementItemId', 'That engagement session is completed or gone. Pick another, or none.');
}

/** Associates the new Session Log with the item and completes it, for the Finish batch. */
export const completeEngagementSessionStatement = (scope: TenantScope, coacheeId: string, itemId: string, sessionLogId: string) => {
	const now = scope.platform.clock.now();
	return scope.db
		.update(engagementItems)
		.set({ sessionLogId, completedAt: now, updatedAt: now })
		.where(and(eq(engagementItems.id, itemId), openSessionsOf(scope, coacheeId)));
};
