/**
 * Who sees and changes which engagement (DESIGN.md "Roles"), as SQL conditions every
 * engagement query carries, so a list, a page and a change can never disagree:
 * - admins: all, drafts included, and they change any;
 * - coaches: the active and completed ones they coach, and they change those;
 * - coachees: their own once shared (and not a draft), read only;
 * - spectators: the ones they are named on (not drafts), read only.
 * Roles add up: a solo owner is admin and coach; someone may coach and be a coachee.
 */
import { and, eq, exists, ne, or, sql, type SQL } from 'drizzle-orm';
import { engagementSpectators, engagements } from '../db/tenant/schema';
import { notFound } from '../errors';
import { hasRole, type TenantScope } from '../tenancy/scope';

export type Engagement = typeof engagements.$inferSelect;
export type EngagementAccess = 'view' | 'manage';

const notDraft = ne(engagements.status, 'draft');

function managedBy(scope: TenantScope): SQL[] {
	if (hasRole(scope, 'admin')) return [sql`1 = 1`];
	if (hasRole(scope, 'coach')) return [and(eq(engagements.coachId, scope.personId), notDraft)!];
	return [];
}

function followedBy(scope: TenantScope): SQL[] {
	const conditions: SQL[] = [];
	if (hasRole(scope, 'coachee')) {
		conditions.push(and(eq(engagements.coacheeId, scope.personId), eq(engagements.shared, true), notDraft)!);
	}
	if (hasRole(scope, 'spectator')) {
		const named = scope.db
			.select({ one: engagementSpectators.personId })
			.from(engagementSpectators)
			.where(and(eq(engagementSpectators.engagementId, engagements.id), eq(engagementSpectators.personId, scope.personId)));
		conditions.push(and(exists(named), notDraft)!);
	}
	return conditions;
}

/** A condition that holds for no row: a person with no reach sees an empty list, not an error. */
const none = sql`1 = 0`;

/** The engagements this person may change. */
export function manageableEngagements(scope: TenantScope): SQL {
	const conditions = managedBy(scope);
	return conditions.length ? or(...conditions)! : none;
}

/** The engagements this person may see. */
export function visibleEngagements(scope: TenantScope): SQL {
	const conditions = [...managedBy(scope), ...followedBy(scope)];
	return conditions.length ? or(...conditions)! : none;
}

/** Whether this person changes this engagement (for pages deciding what to show; services
 * check with `manageableEngagements`). */
export function canManageEngagement(scope: Pick<TenantScope, 'roles' | 'personId'>, engagement: Pick<Engagement, 'coachId' | 'status'>): boolean {
	if (scope.roles.includes('admin')) return true;
	return scope.roles.includes('coach') && engagement.coachId === scope.personId && engagement.status !== 'draft';
}

/** One engagement, as a query for the request's batch and the check of its answer, which
 * refuses without saying whether the engagement exists (a coach never learns of a draft). */
export function reachableEngagement(scope: TenantScope, engagementId: string, access: EngagementAccess) {
	const reach = access === 'manage' ? manageableEngagements(scope) : visibleEngagements(scope);
	return {
		id: engagementId,
		query: scope.db.select().from(engagements).where(and(eq(engagements.id, engagementId), reach)),
		require(rows: Engagement[]): Engagement {
			if (!rows[0]) {
				throw notFound(
					access === 'manage'
						? 'That engagement is not one you can change. It may have been deleted, or given to another coach.'
						: 'That engagement is not in your list. It may have been deleted, or not shared with you.'
				);
			}
			return rows[0];
		}
	};
}
export type ReachableEngagement = ReturnType<typeof reachableEngagement>;

export async function findEngagement(scope: TenantScope, engagementId: string, access: EngagementAccess): Promise<Engagement> {
	const engagement = reachableEngagement(scope, engagementId, access);
	return engagement.require(await engagement.query);
}
