/**
 * Home: what matters now in this workspace for the person opening it, read in ONE tenant
 * batch (reads.ts). Admins see the whole workspace (its coaches, every coachee, every
 * pending invitation), coaches only their own coachees, a coachee their profile, coach and
 * notifications, an authorized user only their notifications.
 *
 * "Due soon" is a list of due sources: each gives dated items (title, when, link) for the
 * same batch. Today the only dated thing is an invitation about to expire; goals and actions
 * add their due items by adding a source to `dueSources`.
 */
import { and, asc, desc, eq, isNull, lt, lte, ne, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { fullName } from '../auth/service';
import { coacheesVisibleTo } from '../coachees/service';
import { actions, activityEvents, invitations, people } from '../db/tenant/schema';
import { newestNotificationsQuery, notificationItem } from '../notifications/service';
import type { TenantScope } from '../tenancy/scope';
import { profileHref } from '../../coachees/tabs';
import { workPaths } from '../../goals/paths';
import { todayIn, weekOf } from '../../time-zones';
import { can, coacheeReach, rolesLabel, type Role } from '../../permissions';
import { read, readAll, readEach, type Read } from './reads';

/** How many items each list shows; the rest is one link away. */
const listLimit = 8;
/** How many names a "needs attention" group lists. */
const namesLimit = 5;
/** An open invitation is due when it expires within this time (or has expired). */
export const invitationDueWithinMs = 2 * 24 * 60 * 60_000;

export interface PersonLink {
	id: string;
	name: string;
	href: string;
}

export interface DueItem {
	key: string;
	title: string;
	/** What happens at `dueAt`, in words that read before a relative time ("Expires" tomorrow). */
	what: string;
	dueAt: string;
	overdue: boolean;
	href: string;
}

export interface AttentionGroup {
	key: 'no_coach' | 'not_invited';
	title: string;
	count: number;
	people: PersonLink[];
	/** What to do for each person listed, at their link. */
	action: string;
	/** Where all of them are. */
	all: { href: string; label: string };
}

type Scope = TenantScope;
const coach = alias(people, 'coach');
const tenantPath = (scope: Scope, path = '') => `/t/${scope.tenant.slug}${path}`;
const isCoachRole = sql`instr(${people.roles}, '"coach"') > 0`;

/** Coachees link to their profile (Send or Resend Invitation is there); staff to Settings > Members. */
const personHref = (scope: Scope, person: { id: string; roles: Role[] }) =>
	person.roles.includes('coachee') ? profileHref(scope.tenant.slug, person.id) : tenantPath(scope, '/settings/members');

export async function homeOverview(scope: Scope) {
	const reach = coacheeReach(scope.roles);
	if (reach === 'all' || reach === 'assigned') return staffHome(scope);
	if (reach === 'self') return coacheeHome(scope);
	return spectatorHome(scope);
}

// ---- Admins and coaches -------------------------------------------------------------------

/** The team's side (coaches, unassigned coachees) is for admins of a firm, not a solo coach. */
const seesTeam = (scope: Scope) => can(scope.roles, 'coaches.list') && scope.tenant.kind !== 'solo';

/** Whose invitations this person follows: admins every one (staff too), coaches their coachees'. */
const inviteesOf = (scope: Scope): SQL | undefined => (can(scope.roles, 'members.manage') ? undefined : coacheesVisibleTo(scope));

async function staffHome(scope: Scope) {
	const team = seesTeam(scope);
	const now = scope.platform.clock.now();
	const data = await readAll(scope.db, {
		coachees: coacheeCounts(scope),
		coaches: team ? coachCounts(scope) : nothing(null),
		invitations: pendingInvitations(scope, now),
		invitationsTotal: pendingInvitationCount(scope),
		due: readEach(dueSources.map((source) => source(scope, now))),
		activity: recentActivity(scope),
		notInvited: coacheesWhere(scope, eq(people.status, 'not_invited'), (id) => profileHref(scope.tenant.slug, id)),
		withoutCoach: team
			? coacheesWhere(scope, and(isNull(people.coachId), ne(people.status, 'deactivated'))!, (id) => `${profileHref(scope.tenant.slug, id)}/assign`)
			: nothing([])
	});
	const attention: AttentionGroup[] = [];
	if (team && data.coachees.withoutCoach) {
		attention.push({
			key: 'no_coach',
			title: data.coachees.withoutCoach === 1 ? '1 coachee has no coach' : `${data.coachees.withoutCoach} coachees have no coach`,
			count: data.coachees.withoutCoach,
			people: data.withoutCoach,
			action: 'Assign coach',
			all: { href: tenantPath(scope, '/coachees?coach=none'), label: 'View all' }
		});
	}
	if (data.coachees.not_invited) {
		attention.push({
			key: 'not_invited',
			title: data.coachees.not_invited === 1 ? '1 coachee is not invited yet' : `${data.coachees.not_invited} coachees are not invited yet`,
			count: data.coachees.not_invited,
			people: data.notInvited,
			action: 'Send Invitation',
			all: { href: tenantPath(scope, '/coachees?status=not_invited'), label: 'View all' }
		});
	}
	return {
		portal: 'staff' as const,
		coachees: data.coachees,
		coaches: data.coaches,
		invitations: { items: data.invitations, total: data.invitationsTotal },
		due: data.due.sort((a, b) => a.dueAt.localeCompare(b.dueAt)).slice(0, listLimit),
		attention,
		activity: data.activity
	};
}

/** A section this person does not get: no query, a fixed answer. */
const nothing = <T>(value: T): Read<T> => ({ queries: [], shape: () => value });

const countBy = <K extends string>(rows: { key: K; count: number }[], key: K) => rows.find((row) => row.key === key)?.count ?? 0;

function coacheeCounts(scope: Scope) {
	return read(
		scope.db
			.select({ key: people.status, count: sql<number>`count(*)`, withoutCoach: sql<number>`coalesce(sum(${people.coachId} is null), 0)` })
			.from(people)
			.where(coacheesVisibleTo(scope))
			.groupBy(people.status),
		(rows) => {
			const current = rows.filter((row) => row.key !== 'deactivated');
			return {
				active: countBy(rows, 'active'),
				invited: countBy(rows, 'invited'),
				not_invited: countBy(rows, 'not_invited'),
				/** Everyone not deactivated. */
				total: current.reduce((sum, row) => sum + row.count, 0),
				withoutCoach: current.reduce((sum, row) => sum + row.withoutCoach, 0)
			};
		}
	);
}

function coachCounts(scope: Scope) {
	return read(
		scope.db.select({ key: people.status, count: sql<number>`count(*)` }).from(people).where(isCoachRole).groupBy(people.status),
		(rows) => ({ active: countBy(rows, 'active'), invited: countBy(rows, 'invited'), not_invited: countBy(rows, 'not_invited') })
	);
}

const openInvitation = and(eq(invitations.personId, people.id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt));
const invitedWithin = (scope: Scope) => and(eq(people.status, 'invited'), inviteesOf(scope));

/** People invited and not yet accepted, oldest first: the ones waiting longest. */
function pendingInvitations(scope: Scope, now: Date) {
	return read(
		scope.db
			.select({
				id: people.id,
				firstName: people.firstName,
				lastName: people.lastName,
				roles: people.roles,
				invitedAt: people.invitedAt,
				expiresAt: invitations.expiresAt
			})
			.from(people)
			.leftJoin(invitations, openInvitation)
			.where(invitedWithin(scope))
			.orderBy(asc(people.invitedAt), asc(people.id))
			.limit(listLimit),
		(rows) =>
			rows.map((row) => ({
				id: row.id,
				name: fullName(row),
				href: personHref(scope, row),
				roleLabel: rolesLabel(row.roles, ' and '),
				sentAt: row.invitedAt?.toISOString() ?? null,
				expiresAt: row.expiresAt?.toISOString() ?? null,
				/** No link that still works: the invitee needs a new one. */
				expired: !row.expiresAt || row.expiresAt <= now
			}))
	);
}

function pendingInvitationCount(scope: Scope) {
	return read(scope.db.select({ count: sql<number>`count(*)` }).from(people).where(invitedWithin(scope)), ([row]) => row?.count ?? 0);
}

/** A source of dated items for "Due soon", read in the home's batch. */
type DueSource = (scope: Scope, now: Date) => Read<DueItem[]>;

/** Invitations that expire soon or have expired while the person still waits to join. */
const expiringInvitations: DueSource = (scope, now) =>
	read(
		scope.db
			.select({ id: invitations.id, personId: people.id, firstName: people.firstName, lastName: people.lastName, roles: people.roles, expiresAt: invitations.expiresAt })
			.from(invitations)
			.innerJoin(people, eq(people.id, invitations.personId))
			.where(and(openInvitation, invitedWithin(scope), lte(invitations.expiresAt, new Date(now.getTime() + invitationDueWithinMs))))
			.orderBy(asc(invitations.expiresAt))
			.limit(listLimit),
		(rows) =>
			rows.map((row) => {
				const overdue = row.expiresAt <= now;
				return {
					key: `invitation:${row.id}`,
					title: `Invitation to ${fullName(row)}`,
					what: overdue ? 'Expired' : 'Expires',
					dueAt: row.expiresAt.toISOString(),
					overdue,
					href: personHref(scope, { id: row.personId, roles: row.roles })
				};
			})
	);

const dueSources: DueSource[] = [expiringInvitations];

/** The latest events on the timelines of the coachees this person sees. */
function recentActivity(scope: Scope) {
	return read(
		scope.db
			.select({
				id: activityEvents.id,
				summary: activityEvents.summary,
				createdAt: activityEvents.createdAt,
				coacheeId: people.id,
				firstName: people.firstName,
				lastName: people.lastName
			})
			.from(activityEvents)
			.innerJoin(people, eq(people.id, activityEvents.personId))
			.where(coacheesVisibleTo(scope))
			.orderBy(desc(activityEvents.createdAt), desc(activityEvents.id))
			.limit(listLimit),
		(rows) =>
			rows.map((row) => ({
				id: row.id,
				summary: row.summary,
				createdAt: row.createdAt.toISOString(),
				coachee: { id: row.coacheeId, name: fullName(row), href: profileHref(scope.tenant.slug, row.coacheeId) }
			}))
	);
}

/** The first few visible coachees matching `where`, longest waiting first. */
function coacheesWhere(scope: Scope, where: SQL, hrefOf: (id: string) => string) {
	return read(
		scope.db
			.select({ id: people.id, firstName: people.firstName, lastName: people.lastName })
			.from(people)
			.where(and(coacheesVisibleTo(scope), where))
			.orderBy(asc(people.createdAt), asc(people.id))
			.limit(namesLimit),
		(rows): PersonLink[] => rows.map((row) => ({ id: row.id, name: fullName(row), href: hrefOf(row.id) }))
	);
}

// ---- Coachees and authorized users --------------------------------------------------------

/** Shown on a personal home; one more is read to know whether there are more. */
const recentNotificationCount = 5;

function recentNotifications(scope: Scope) {
	return read(newestNotificationsQuery(scope, recentNotificationCount + 1), (rows) => ({ items: rows.slice(0, recentNotificationCount).map((row) => notificationItem(scope, row)), more: rows.length > recentNotificationCount })
	);
}

/** Open actions due by the end of next week or already late: more than this week needs in
 * any zone (the coachee's zone is read in the same batch, so the week is cut after). */
const weekAheadMs = 8 * 24 * 60 * 60_000;
const thisWeekLimit = 20;

function openActionsSoon(scope: Scope, now: Date) {
	return read(
		scope.db
			.select({ id: actions.id, title: actions.title, dueOn: actions.dueOn, dueAt: actions.dueAt, progress: actions.progress })
			.from(actions)
			.where(and(eq(actions.coacheeId, scope.personId), lt(actions.progress, 100), lte(actions.dueAt, new Date(now.getTime() + weekAheadMs))))
			.orderBy(asc(actions.dueAt), asc(actions.id))
			.limit(thisWeekLimit),
		(rows) => rows
	);
}

async function coacheeHome(scope: Scope) {
	const now = scope.platform.clock.now();
	const data = await readAll(scope.db, {
		profile: read(
			scope.db
				.select({
					firstName: people.firstName,
					lastName: people.lastName,
					email: people.email,
					activatedAt: people.activatedAt,
					timeZone: people.timeZone,
					coachFirstName: coach.firstName,
					coachLastName: coach.lastName,
					coachEmail: coach.email
				})
				.from(people)
				.leftJoin(coach, eq(coach.id, people.coachId))
				.where(eq(people.id, scope.personId)),
			([row]) => row
		),
		actions: openActionsSoon(scope, now),
		notifications: recentNotifications(scope)
	});
	const row = data.profile;
	const zone = row?.timeZone ?? 'UTC';
	const week = weekOf(todayIn(zone, now));
	const paths = workPaths(null);
	return {
		portal: 'coachee' as const,
		profile: row
			? {
					name: fullName(row),
					email: row.email,
					/** Only someone who accepted an invitation has been a member since a date. */
					activatedAt: row.activatedAt?.toISOString() ?? null,
					coach: row.coachEmail ? { name: fullName({ firstName: row.coachFirstName ?? '', lastName: row.coachLastName ?? '' }), email: row.coachEmail } : null
				}
			: null,
		/** "Due this week": late ones first, then those due by Sunday in the coachee's zone. */
		thisWeek: {
			through: week.through,
			timeZone: zone,
			items: data.actions
				.filter((action) => action.dueOn <= week.through)
				.map((action) => ({
					id: action.id,
					title: action.title,
					dueOn: action.dueOn,
					progress: action.progress,
					overdue: action.dueAt <= now,
					href: tenantPath(scope, paths.action(action.id))
				}))
		},
		notifications: data.notifications
	};
}

async function spectatorHome(scope: Scope) {
	const { notifications } = await readAll(scope.db, { notifications: recentNotifications(scope) });
	return { portal: 'spectator' as const, notifications };
}
