/**
 * The engagement page's one tenant batch: the engagement, its coachee and coach, spectators
 * and items in order, and for those who manage it the option lists of "Associate a Record"
 * and "+ Add item". Staff and spectators see every item as it is; the coachee sees what was
 * sent to them, and of everything else (locked) only its kind, title and when it opens.
 */
import { and, asc, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { fullName } from '../auth/service';
import { assessmentAssignments, assessmentTemplates, engagementItems, engagementSpectators, engagements, files, people, sessionLogs } from '../db/tenant/schema';
import type { TenantScope } from '../tenancy/scope';
import { canManageEngagement, reachableEngagement, visibleEngagements } from './access';
import { pickableFiles } from './item-content';
import { authorizedUsersQuery, shapeAuthorizedUsers } from './engagements';
import { itemStateOf, type EngagementItem } from './items';
import { can } from '../../permissions';
import type { ItemDetails } from '../../engagements/schema';
import type { CoacheeItem, OpenContent, StaffItem } from '../../engagements/item-views';
import { wallClockIn } from '../../time-zones';

const optionLimit = 200;

function pageQueries(scope: TenantScope, engagementId: string) {
	const { db } = scope;
	const engagement = reachableEngagement(scope, engagementId, 'view');
	const visible = db
		.select({ id: engagements.id })
		.from(engagements)
		.where(and(eq(engagements.id, engagementId), visibleEngagements(scope)));
	const coacheeOf = db.select({ id: engagements.coacheeId }).from(engagements).where(and(eq(engagements.id, engagementId), visibleEngagements(scope)));
	const coachOf = db.select({ id: engagements.coachId }).from(engagements).where(and(eq(engagements.id, engagementId), visibleEngagements(scope)));
	const log = alias(sessionLogs, 'item_log');
	const answered = alias(assessmentAssignments, 'item_assignment');
	const staff = can(scope.roles, 'engagements.manage');
	return {
		engagement,
		staff,
		queries: [
			engagement.query,
			db
				.select({ id: people.id, firstName: people.firstName, lastName: people.lastName, timeZone: people.timeZone })
				.from(people)
				.where(or(inArray(people.id, coacheeOf), inArray(people.id, coachOf))),
			db
				.select({ id: people.id, firstName: people.firstName, lastName: people.lastName })
				.from(engagementSpectators)
				.innerJoin(people, eq(people.id, engagementSpectators.personId))
				.where(inArray(engagementSpectators.engagementId, visible))
				.orderBy(asc(people.lastName), asc(people.firstName)),
			db
				.select({ item: engagementItems, logTitle: log.title, assignmentTitle: answered.title, assignmentStatus: answered.status })
				.from(engagementItems)
				.leftJoin(log, eq(log.id, engagementItems.sessionLogId))
				.leftJoin(answered, eq(answered.id, engagementItems.assignmentId))
				.where(inArray(engagementItems.engagementId, visible))
				.orderBy(asc(engagementItems.position), asc(engagementItems.id)),
			// The option lists: read only for those whose role manages engagements (kept only
			// when this one is theirs; for others the condition matches no row), capped.
			db
				.select({ id: sessionLogs.id, title: sessionLogs.title, heldAt: sessionLogs.heldAt })
				.from(sessionLogs)
				.where(staff ? inArray(sessionLogs.coacheeId, coacheeOf) : isNull(sessionLogs.id))
				.orderBy(desc(sessionLogs.heldAt))
				.limit(optionLimit),
			db
				.select({ id: assessmentAssignments.id, title: assessmentAssignments.title, submittedAt: assessmentAssignments.submittedAt })
				.from(assessmentAssignments)
				.where(staff ? and(inArray(assessmentAssignments.coacheeId, coacheeOf), eq(assessmentAssignments.status, 'completed')) : isNull(assessmentAssignments.id))
				.orderBy(desc(assessmentAssignments.submittedAt))
				.limit(optionLimit),
			db
				.select({ id: assessmentTemplates.id, title: assessmentTemplates.title, kind: assessmentTemplates.kind })
				.from(assessmentTemplates)
				.where(staff ? isNull(assessmentTemplates.archivedAt) : isNull(assessmentTemplates.id))
				.orderBy(asc(assessmentTemplates.title))
				.limit(optionLimit),
			db
				.select({ id: files.id, name: files.name })
				.from(files)
				.where(staff ? pickableFiles(scope) : isNull(files.id))
				.orderBy(asc(files.name))
				.limit(optionLimit),
			// Admins name spectators from the page ("Spectator"); for the others no row.
			authorizedUsersQuery(scope)
		] as const
	};
}

/** Whether the item reached the coachee: sent, or a session with a time or a window to pick in. */
function reachedCoachee(item: EngagementItem): boolean {
	const { details } = item;
	if (details.kind === 'session') return item.scheduledAt !== null || Boolean(details.coacheeSchedules && details.windowStartsOn);
	return item.deliveredAt !== null;
}

function openContent(item: EngagementItem): OpenContent {
	const { details } = item;
	switch (details.kind) {
		case 'session':
			return {
				kind: 'session',
				startsAt: item.scheduledAt?.toISOString() ?? null,
				durationMinutes: details.durationMinutes,
				format: details.format,
				location: details.location,
				message: details.message,
				window: details.coacheeSchedules && details.windowStartsOn && details.windowEndsOn ? { startsOn: details.windowStartsOn, endsOn: details.windowEndsOn } : null
			};
		case 'assessment':
			return { kind: 'assessment', assignmentId: item.assignmentId };
		case 'file':
			return { kind: 'file', fileId: item.fileId, fileName: details.fileName };
		case 'link':
			return { kind: 'link', url: details.url };
	}
}

function coacheeItem(item: EngagementItem, zone: string): CoacheeItem {
	const base = { id: item.id, kind: item.kind, title: item.title };
	if (!reachedCoachee(item)) {
		return { ...base, state: item.completedAt ? 'completed' : 'locked', opensOn: item.scheduledAt ? wallClockIn(zone, item.scheduledAt).date : null, content: null };
	}
	return { ...base, state: item.completedAt ? 'completed' : 'scheduled', opensOn: null, content: openContent(item) };
}

/** An assessment's questions stay on the server: the page needs only how many there are. */
function staffDetails(details: ItemDetails): ItemDetails {
	return details.kind === 'assessment' ? { ...details, questions: [] } : details;
}

type ItemRow = { item: EngagementItem; logTitle: string | null; assignmentTitle: string | null; assignmentStatus: string | null };

function staffItem({ item, logTitle, assignmentTitle }: ItemRow, zone: string): StaffItem {
	const record =
		item.sessionLogId && logTitle
			? { kind: 'session' as const, id: item.sessionLogId, title: logTitle }
			: item.assignmentId && assignmentTitle
				? { kind: 'assessment' as const, id: item.assignmentId, title: assignmentTitle }
				: null;
	return {
		id: item.id,
		kind: item.kind,
		title: item.title,
		state: itemStateOf(item),
		scheduledAt: item.scheduledAt?.toISOString() ?? null,
		deliveredAt: item.deliveredAt?.toISOString() ?? null,
		deliveryError: item.deliveryError,
		details: staffDetails(item.details),
		record,
		logDefaults: item.kind === 'session' && item.scheduledAt ? wallClockIn(zone, item.scheduledAt) : null
	};
}

export async function engagementPage(scope: TenantScope, engagementId: string) {
	const { engagement, staff, queries } = pageQueries(scope, engagementId);
	const [rows, persons, spectators, itemRows, logs, assignments, templates, pickable, authorized] = await scope.db.batch(queries);
	const found = engagement.require(rows);
	// Confirmed by the batch above: no round trip of its own.
	const me = await scope.me();
	const coachee = persons.find((person) => person.id === found.coacheeId);
	const coach = persons.find((person) => person.id === found.coachId);
	const manages = staff && canManageEngagement(scope, found);
	const viewer = manages ? 'staff' : found.coacheeId === scope.personId ? 'coachee' : 'spectator';
	const coacheeZone = coachee?.timeZone ?? 'UTC';
	return {
		engagement: {
			id: found.id,
			title: found.title,
			status: found.status,
			shared: found.shared,
			startsOn: found.startsOn,
			endsOn: found.endsOn
		},
		coachee: { id: found.coacheeId, name: coachee ? fullName(coachee) : '', firstName: coachee?.firstName ?? '', timeZone: coacheeZone },
		coach: { id: found.coachId, name: coach ? fullName(coach) : '' },
		spectators: spectators.map((person) => ({ id: person.id, name: fullName(person) })),
		authorizedUsers: manages ? shapeAuthorizedUsers(authorized) : [],
		viewer: viewer as 'staff' | 'coachee' | 'spectator',
		timeZone: me.timeZone,
		items: viewer === 'coachee' ? [] : itemRows.map((row) => staffItem(row, me.timeZone)),
		coacheeItems: viewer === 'coachee' ? itemRows.map((row) => coacheeItem(row.item, coacheeZone)) : [],
		options: manages
			? {
					sessionLogs: logs.map((log) => ({ id: log.id, title: log.title, heldAt: log.heldAt.toISOString() })),
					assignments: assignments.map((a) => ({ id: a.id, title: a.title, submittedAt: a.submittedAt?.toISOString() ?? null })),
					assessments: templates,
					files: pickable
				}
			: null
	};
}
