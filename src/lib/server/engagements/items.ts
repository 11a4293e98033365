/**
 * An engagement's items, changed from the engagement page ("Manage an engagement" in
 * assign-and-manage-engagements.txt): add, edit, reorder, "Mark as Completed", "Associate a
 * Record", "Duplicate", "Delete" and "Log session". Only those who manage the engagement
 * change its items (admins any, a coach the active and completed ones they coach): every read
 * carries `reachableEngagement(…, 'manage')` and every write `manageableEngagements`, so a
 * change can never reach an engagement the page would not show as theirs.
 * Scheduling is in items-schedule.ts, the page's one read in items-page.ts.
 */
import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import { assessmentAssignments, engagementItems, engagements, people, sessionLogs } from '../db/tenant/schema';
import { conflict, DomainError, fieldError, notFound, badRequest } from '../errors';
import { logSessionStatements } from '../sessions/sessions';
import { scheduleTenantWork } from '../tenancy/service';
import type { Person, TenantScope } from '../tenancy/scope';
import { manageableEngagements, reachableEngagement, type Engagement, type ReachableEngagement } from './access';
import { cancelSessionInvitations } from './delivery';
import { itemReferenceQueries, resolveWith, type ResolvedItem } from './item-content';
import type { ItemContent, ItemDetails, ItemState, SessionDetails } from '../../engagements/schema';
import type { SessionFields } from '../../sessions/schema';

export type EngagementItem = typeof engagementItems.$inferSelect;

/** What staff see (the article's "Item Status Colors"): completed, else scheduled once it has a time. */
export function itemStateOf(item: Pick<EngagementItem, 'scheduledAt' | 'completedAt'>): ItemState {
	if (item.completedAt) return 'completed';
	return item.scheduledAt ? 'scheduled' : 'not_scheduled';
}

/** The engagement, if this person changes it, as a subquery for a write's own condition. */
export const manageableEngagement = (scope: TenantScope, engagementId: string) =>
	scope.db
		.select({ id: engagements.id })
		.from(engagements)
		.where(and(eq(engagements.id, engagementId), manageableEngagements(scope)));

/** The coachee of the engagement, if this person changes it, as a subquery. */
const coacheeOfManageable = (scope: TenantScope, engagementId: string) =>
	scope.db
		.select({ id: engagements.coacheeId })
		.from(engagements)
		.where(and(eq(engagements.id, engagementId), manageableEngagements(scope)));

/** One item of an engagement this person changes: the condition every write of it carries. */
export const itemWhere = (scope: TenantScope, engagementId: string, itemId: string) =>
	and(eq(engagementItems.id, itemId), eq(engagementItems.engagementId, engagementId), inArray(engagementItems.engagementId, manageableEngagement(scope, engagementId)))!;

const itemGone = () => notFound('That item is no longer on this engagement. It may have been deleted; reload the page.');

/** The reads every change of one item starts with, for one batch: the engagement (refused
 * without saying whether it exists), the item and the engagement's coachee (their zone). */
export function manageableItemQueries(scope: TenantScope, engagementId: string, itemId: string) {
	const engagement = reachableEngagement(scope, engagementId, 'manage');
	return {
		engagement,
		queries: [
			engagement.query,
			scope.db.select().from(engagementItems).where(itemWhere(scope, engagementId, itemId)),
			scope.db.select().from(people).where(inArray(people.id, coacheeOfManageable(scope, engagementId)))
		] as const
	};
}

function requireItem(engagement: ReachableEngagement, [rows, items, coachees]: [Engagement[], EngagementItem[], Person[]]) {
	const found = engagement.require(rows);
	const [item] = items;
	const [coachee] = coachees;
	if (!item || !coachee) throw itemGone();
	return { engagement: found, item, coachee };
}

/** Reads one item of an engagement this person changes, with its engagement and coachee. */
export async function findManageableItem(scope: TenantScope, engagementId: string, itemId: string) {
	const { engagement, queries } = manageableItemQueries(scope, engagementId, itemId);
	const [rows, items, coachees] = await scope.db.batch(queries);
	return requireItem(engagement, [rows, items, coachees]);
}

/** A content's references resolved for one item, its field errors named as the item form names them. */
function resolveOne(content: ItemContent, references: Parameters<typeof resolveWith>[1]): ResolvedItem {
	try {
		return resolveWith([content], references, 'item')[0]!;
	} catch (error) {
		if (!(error instanceof DomainError) || !error.fieldErrors) throw error;
		const fields = Object.fromEntries(Object.entries(error.fieldErrors).map(([key, messages]) => [key.replace(/^item\.0\./, ''), messages]));
		throw new DomainError(error.code, error.message, fields);
	}
}

/** "+ Add item": a new, not yet scheduled item at the end. */
export async function addItem(scope: TenantScope, engagementId: string, content: ItemContent) {
	const engagement = reachableEngagement(scope, engagementId, 'manage');
	const [rows, templates, pickable, [last]] = await scope.db.batch([
		engagement.query,
		...itemReferenceQueries(scope, [content]),
		scope.db
			.select({ position: sql<number | null>`max(${engagementItems.position})` })
			.from(engagementItems)
			.where(eq(engagementItems.engagementId, engagementId))
	]);
	const found = engagement.require(rows);
	const resolved = resolveOne(content, [templates, pickable]);
	const id = crypto.randomUUID();
	const now = scope.platform.clock.now();
	await scope.db.insert(engagementItems).values({
		id,
		engagementId: found.id,
		coacheeId: found.coacheeId,
		position: (last?.position ?? -1) + 1,
		...resolved,
		createdBy: scope.personId,
		createdAt: now,
		updatedAt: now
	});
	return { id, title: resolved.title };
}

/** Edit an item's title and content. What was sent cannot change any more; a scheduled
 * session's change goes to the coachee's calendar (its .ics SEQUENCE moves on). */
export async function updateItem(scope: TenantScope, engagementId: string, itemId: string, content: ItemContent) {
	const { engagement, queries } = manageableItemQueries(scope, engagementId, itemId);
	const [rows, items, coachees, templates, pickable] = await scope.db.batch([...queries, ...itemReferenceQueries(scope, [content])]);
	const { item } = requireItem(engagement, [rows, items, coachees]);
	if (item.kind !== content.kind) throw badRequest('An item keeps its kind. Add a new item instead, and delete this one.');
	if (item.deliveredAt) throw conflict(`“${item.title}” was sent already, so it can no longer change.`);
	const resolved = resolveOne(content, [templates, pickable]);
	const details = keepScheduling(item.details, resolved.details);
	const movesCalendar = item.kind === 'session' && item.scheduledAt !== null && !item.completedAt;
	const now = scope.platform.clock.now();
	await scope.db
		.update(engagementItems)
		.set({ title: resolved.title, details, deliveryError: null, updatedAt: now, ...(movesCalendar ? { sequence: sql`${engagementItems.sequence} + 1` } : {}) })
		.where(itemWhere(scope, engagementId, itemId));
	// A file that could not be sent goes again with the file picked now, at its send date.
	const retriesSend = item.deliveryError !== null && item.scheduledAt !== null;
	if (movesCalendar || retriesSend) await scheduleTenantWork(scope.platform, scope.tenant.id, now);
	return { id: item.id, title: resolved.title };
}

/** A session's edit keeps where and when it was scheduled (the schedule form changes those). */
function keepScheduling(before: ItemDetails, after: ItemDetails): ItemDetails {
	if (before.kind !== 'session' || after.kind !== 'session') return after;
	const { location, windowStartsOn, windowEndsOn } = before;
	return { ...after, location, ...(windowStartsOn && windowEndsOn ? { windowStartsOn, windowEndsOn } : {}) } satisfies SessionDetails;
}

const pinnedMessage = 'A scheduled item can be edited but not moved. Move the items around it instead.';

/** Drag and drop, and "Move up"/"Move down": the whole new order, in which every scheduled
 * or completed item keeps its place. */
export async function reorderItems(scope: TenantScope, engagementId: string, itemIds: string[]) {
	const engagement = reachableEngagement(scope, engagementId, 'manage');
	const [rows, items] = await scope.db.batch([
		engagement.query,
		scope.db
			.select({ id: engagementItems.id, position: engagementItems.position, scheduledAt: engagementItems.scheduledAt, completedAt: engagementItems.completedAt })
			.from(engagementItems)
			.where(inArray(engagementItems.engagementId, manageableEngagement(scope, engagementId)))
			.orderBy(engagementItems.position, engagementItems.id)
	]);
	engagement.require(rows);
	const known = new Set(items.map((item) => item.id));
	if (itemIds.length !== items.length || new Set(itemIds).size !== itemIds.length || itemIds.some((id) => !known.has(id))) {
		throw conflict('The items changed meanwhile (someone added or deleted one). Reload the page and move it again.');
	}
	const moved = items.some((item, index) => itemStateOf(item) !== 'not_scheduled' && itemIds[index] !== item.id);
	if (moved) throw fieldError('itemIds', pinnedMessage);
	const now = scope.platform.clock.now();
	const [first, ...rest] = itemIds.map((id, position) =>
		scope.db.update(engagementItems).set({ position, updatedAt: now }).where(itemWhere(scope, engagementId, id))
	);
	await scope.db.batch([first!, ...rest]);
	return { count: itemIds.length };
}

/** "Mark as Completed", or undo it. */
export async function markItemCompleted(scope: TenantScope, engagementId: string, itemId: string, completed: boolean) {
	const now = scope.platform.clock.now();
	const [row] = await scope.db
		.update(engagementItems)
		.set({ completedAt: completed ? now : null, updatedAt: now })
		.where(itemWhere(scope, engagementId, itemId))
		.returning({ title: engagementItems.title });
	if (!row) throw itemGone();
	return row;
}

const wrongRecord = 'A session log goes with a Coaching Session item, and an answered assessment with an Assessment item.';

/** "Associate a Record": a session log of the same coachee (its notes come with it) or one
 * of their answered assessments; the item is then completed. */
export async function associateRecord(scope: TenantScope, engagementId: string, itemId: string, record: { kind: 'session' | 'assessment'; recordId: string }) {
	const { engagement, queries } = manageableItemQueries(scope, engagementId, itemId);
	const coacheeOf = coacheeOfManageable(scope, engagementId);
	const [rows, items, coachees, logs, answered] = await scope.db.batch([
		...queries,
		scope.db
			.select({ id: sessionLogs.id })
			.from(sessionLogs)
			.where(and(eq(sessionLogs.id, record.recordId), inArray(sessionLogs.coacheeId, coacheeOf))),
		scope.db
			.select({ id: assessmentAssignments.id })
			.from(assessmentAssignments)
			.where(and(eq(assessmentAssignments.id, record.recordId), eq(assessmentAssignments.status, 'completed'), inArray(assessmentAssignments.coacheeId, coacheeOf)))
	]);
	const { item } = requireItem(engagement, [rows, items, coachees]);
	if (item.kind !== record.kind) throw fieldError('record', wrongRecord);
	const found = record.kind === 'session' ? logs[0] : answered[0];
	if (!found) throw fieldError('record', `That record is not one of ${coachees[0]!.firstName}’s any more. Pick another.`);
	const now = scope.platform.clock.now();
	await scope.db
		.update(engagementItems)
		.set({
			...(record.kind === 'session' ? { sessionLogId: found.id } : { assignmentId: found.id }),
			completedAt: item.completedAt ?? now,
			updatedAt: now
		})
		.where(itemWhere(scope, engagementId, itemId));
	return { title: item.title };
}

/** "Duplicate": a not yet scheduled copy right after it (a session's window is not copied). */
export async function duplicateItem(scope: TenantScope, engagementId: string, itemId: string) {
	const { item } = await findManageableItem(scope, engagementId, itemId);
	const details: ItemDetails = item.details.kind === 'session' ? withoutWindow(item.details) : item.details;
	const id = crypto.randomUUID();
	const now = scope.platform.clock.now();
	await scope.db.batch([
		scope.db
			.update(engagementItems)
			.set({ position: sql`${engagementItems.position} + 1` })
			.where(and(eq(engagementItems.engagementId, item.engagementId), gt(engagementItems.position, item.position))),
		scope.db.insert(engagementItems).values({
			id,
			engagementId: item.engagementId,
			coacheeId: item.coacheeId,
			position: item.position + 1,
			kind: item.kind,
			title: item.title,
			details,
			createdBy: scope.personId,
			createdAt: now,
			updatedAt: now
		})
	]);
	return { id, title: item.title };
}

export function withoutWindow(details: SessionDetails): SessionDetails {
	const { windowStartsOn: _from, windowEndsOn: _to, ...rest } = details;
	return rest;
}

/** "Delete": the item leaves the engagement; what it already sent stays with the coachee. */
export async function deleteItem(scope: TenantScope, engagementId: string, itemId: string) {
	const { engagement } = await findManageableItem(scope, engagementId, itemId);
	const [row] = await scope.db.delete(engagementItems).where(itemWhere(scope, engagementId, itemId)).returning();
	if (!row) throw itemGone();
	// A session already in their calendars comes out of them.
	await cancelSessionInvitations(scope, engagement, [row]);
	return { title: row.title };
}

/** "Log session": the session that took place becomes a Session Log of its coachee,
 * associated with the item, which is completed; one batch. */
export async function logItemSession(scope: TenantScope, engagementId: string, itemId: string, fields: SessionFields) {
	const { item, coachee } = await findManageableItem(scope, engagementId, itemId);
	if (item.kind !== 'session') throw badRequest('Only a Coaching Session is logged as a session.');
	if (item.sessionLogId) throw conflict(`“${item.title}” is logged already: open its Session Log to change it.`);
	const me = await scope.me();
	const id = crypto.randomUUID();
	const now = scope.platform.clock.now();
	await scope.db.batch([
		...logSessionStatements(scope, coachee, me, fields, id),
		scope.db
			.update(engagementItems)
			.set({ sessionLogId: id, completedAt: item.completedAt ?? now, updatedAt: now })
			.where(itemWhere(scope, engagementId, itemId))
	]);
	return { id, title: fields.title };
}
