/**
 * The Coachees section: the roster (admins see every coachee, coaches their own), adding
 * coachees, invitations, editing while not active, and assignment to coaches.
 */
import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { fullName } from '../auth/service';
import { activityQueries, activityStatements, recordActivity, shapeActivity } from '../activity/service';
import { coacheeGroupMembers, coacheeGroups, people } from '../db/tenant/schema';
import {
	editableStatuses,
	isAssignableCoach,
	isEditable,
	type AssignCoach,
	type CoacheeFields,
	type CoacheeListInput,
	type NewCoachee
} from '../../coachees/schema';
import { limitInvitations, revokeOpenInvitations, sendInvitation } from '../invitations/sending';
import { notify } from '../notifications/service';
import { attendanceQuery, shapeAttendance } from '../sessions/sessions';
import { coacheeReach } from '../../permissions';
import { hasRole, type Person, type TenantScope } from '../tenancy/scope';
import { badRequest, conflict, fieldError, forbidden, notFound, uniqueOr } from '../errors';


const coach = alias(people, 'coach');

/** The coachees this person may see: every one for an admin, their own for a coach, a
 * coachee themself. */
function visibleCoachees(scope: TenantScope): SQL {
	const reach = coacheeReach(scope.roles);
	if (reach === 'all') return eq(people.isCoachee, true);
	if (reach === 'assigned') return and(eq(people.isCoachee, true), eq(people.coachId, scope.personId))!;
	if (reach === 'self') return and(eq(people.isCoachee, true), eq(people.id, scope.personId))!;
	throw forbidden('Only admins and coaches can see coachees.');
}

export const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Every word typed must appear in the name or the email, in any order: "tomas ruiz", "ruiz
 * tomas", "ruiz@". A contains-match cannot use an index whatever its shape; the list's own
 * filter (coachees, or a coach's coachees) is indexed and keeps the scan to those rows. */
function searchCondition(search: string | undefined): SQL | undefined {
	const words = (search ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
	if (!words.length) return undefined;
	const text = sql`lower(${people.firstName} || ' ' || ${people.lastName} || ' ' || ${people.email})`;
	return and(...words.map((word) => sql`${text} like ${`%${escapeLike(word)}%`} escape '\\'`));
}

const formerCoach = alias(people, 'former_coach');

/** The coach filter: one coach's coachees, those with no coach, or those whose coach is deactivated. */
function coachCondition(scope: TenantScope, coachId: string | undefined): SQL | undefined {
	if (!coachId) return undefined;
	if (coachId === 'none') return isNull(people.coachId);
	if (coachId === 'deactivated') {
		return inArray(people.coachId, scope.db.select({ id: formerCoach.id }).from(formerCoach).where(eq(formerCoach.status, 'deactivated')));
	}
	return eq(people.coachId, coachId);
}

export async function listCoachees(scope: TenantScope, query: CoacheeListInput) {
	const where = and(
		visibleCoachees(scope),
		query.status ? eq(people.status, query.status) : undefined,
		coachCondition(scope, query.coachId),
		searchCondition(query.search)
	);
	const direction = query.dir === 'asc' ? asc : desc;
	const order: SQL[] = {
		name: [direction(people.lastName), direction(people.firstName)],
		email: [direction(people.email)],
		status: [direction(people.status), asc(people.lastName)],
		coach: [direction(coach.lastName), direction(coach.firstName), asc(people.lastName)],
		lastActivity: [direction(sql`coalesce(${people.lastActivityAt}, ${people.createdAt})`)]
	}[query.sort];
	// Page and count in one round trip. Two indexed queries beat one `count(*) over ()`,
	// which makes SQLite build and sort every matching row (13 ms vs 0.7 ms at 5,000).
	const [rows, [counted]] = await scope.db.batch([
		scope.db
			.select({
				id: people.id,
				firstName: people.firstName,
				lastName: people.lastName,
				email: people.email,
				status: people.status,
				coachId: people.coachId,
				coachFirstName: coach.firstName,
				coachLastName: coach.lastName,
				coachStatus: coach.status,
				lastActivityAt: people.lastActivityAt,
				createdAt: people.createdAt
			})
			.from(people)
			.leftJoin(coach, eq(coach.id, people.coachId))
			.where(where)
			.orderBy(...order, asc(people.id))
			.limit(query.pageSize)
			.offset((query.page - 1) * query.pageSize),
		scope.db.select({ total: sql<number>`count(*)` }).from(people).where(where)
	]);
	return {
		rows: rows.map((row) => ({
			id: row.id,
			name: fullName(row),
			email: row.email,
			status: row.status,
			coach: row.coachId
				? { id: row.coachId, name: fullName({ firstName: row.coachFirstName ?? '', lastName: row.coachLastName ?? '' }), status: row.coachStatus ?? 'active' }
				: null,
			lastActivityAt: (row.lastActivityAt ?? row.createdAt).toISOString()
		})),
		total: counted?.total ?? 0,
		page: query.page,
		pageSize: query.pageSize
	};
}

/** One coachee this person may see: a query to put in the request's batch, and the check
 * of its answer, which refuses without saying whether the coachee exists. */
export function visibleCoachee(scope: TenantScope, coacheeId: string) {
	return {
		id: coacheeId,
		query: scope.db.select().from(people).where(and(eq(people.id, coacheeId), visibleCoachees(scope))),
		require(rows: Person[]): Person {
			if (!rows[0]) throw notFound('That coachee is not in your list. They may have been reassigned to another coach.');
			return rows[0];
		}
	};
}
export type VisibleCoachee = ReturnType<typeof visibleCoachee>;

export async function findVisibleCoachee(scope: TenantScope, coacheeId: string): Promise<Person> {
	const coachee = visibleCoachee(scope, coacheeId);
	return coachee.require(await coachee.query);
}

/** The profile header and Activity Summary in one batch with the visibility check. */
export async function coacheeProfile(scope: TenantScope, coachee: VisibleCoachee) {
	const [rows, [assigned], groups, attendance, ...activity] = await scope.db.batch([
		coachee.query,
		scope.db
			.select({ id: coach.id, firstName: coach.firstName, lastName: coach.lastName, email: coach.email, status: coach.status })
			.from(people)
			.innerJoin(coach, eq(coach.id, people.coachId))
			.where(eq(people.id, coachee.id)),
		scope.db
			.select({ id: coacheeGroups.id, name: coacheeGroups.name })
			.from(coacheeGroupMembers)
			.innerJoin(coacheeGroups, eq(coacheeGroups.id, coacheeGroupMembers.groupId))
			.where(eq(coacheeGroupMembers.personId, coachee.id)),
		attendanceQuery(scope.db, coachee.id),
		...activityQueries(scope.db, coachee.id)
	]);
	const person = coachee.require(rows);
	return {
		id: person.id,
		firstName: person.firstName,
		lastName: person.lastName,
		name: fullName(person),
		email: person.email,
		status: person.status,
		editable: isEditable(person.status),
		invitedAt: person.invitedAt?.toISOString() ?? null,
		activatedAt: person.activatedAt?.toISOString() ?? null,
		createdAt: person.createdAt.toISOString(),
		coach: assigned ? { id: assigned.id, name: fullName(assigned), email: assigned.email, status: assigned.status } : null,
		groups,
		activity: shapeActivity(activity),
		attendance: shapeAttendance(attendance)
	};
}


const emailTaken = (scope: TenantScope, email: string) =>
	fieldError('email', `${email} is already used by someone in ${scope.tenant.name}.`, 'conflict');

async function ensureEmailFree(scope: TenantScope, email: string, exceptId?: string) {
	const existing = await scope.db.query.people.findFirst({ where: eq(people.email, email) });
	if (existing && existing.id !== exceptId) throw emailTaken(scope, email);
}

/** A coach of this workspace who can take coachees (any but a deactivated one). */
export async function assignableCoach(scope: TenantScope, coachId: string, field = 'coachId'): Promise<Person> {
	const person = await scope.db.query.people.findFirst({ where: eq(people.id, coachId) });
	if (!person || !person.roles.includes('coach')) throw fieldError(field, 'Choose a coach of this workspace.');
	if (!isAssignableCoach(person.status)) throw fieldError(field, `${fullName(person)} is deactivated and cannot take coachees. Choose another coach.`);
	return person;
}

export async function createCoachee(scope: TenantScope, input: NewCoachee) {
	if (!hasRole(scope, 'admin') && !hasRole(scope, 'coach')) throw forbidden('Only admins and coaches can add coachees.');
	await ensureEmailFree(scope, input.email);
	// A coach's new coachee is theirs; an admin picks the coach (or none yet).
	const assignee = hasRole(scope, 'admin') && input.coachId ? await assignableCoach(scope, input.coachId) : null;
	const coachId = hasRole(scope, 'admin') ? (assignee?.id ?? null) : scope.personId;
	if (input.sendInvitation) await limitInvitations(scope);
	const id = crypto.randomUUID();
	const now = scope.platform.clock.now();
	const [[person]] = await scope.db.batch([
		scope.db
			.insert(people)
			.values({
				id,
				email: input.email,
				firstName: input.firstName,
				lastName: input.lastName,
				roles: ['coachee'],
				status: 'not_invited',
				coachId,
				createdAt: now
			})
			.returning(),
		...activityStatements(scope.db, { personId: id, kind: 'added', summary: `Added by ${fullName(await scope.me())}`, actorId: scope.personId }, now)
	]);
	// The limit was counted above, before anything was written.
	if (input.sendInvitation) await sendCoacheeInvitation(scope, person!);
	if (assignee) await tellCoachOfNewCoachees(scope, assignee, [person!]);
	return { id };
}

export async function updateCoachee(scope: TenantScope, input: CoacheeFields & { id: string }) {
	const person = await findVisibleCoachee(scope, input.id);
	if (hasRole(scope, 'coachee') && !hasRole(scope, 'admin') && !hasRole(scope, 'coach')) forbiddenForCoachee();
	if (!isEditable(person.status)) throw noLongerEditable(person);
	await ensureEmailFree(scope, input.email, person.id);
	const emailChanged = input.email !== person.email;
	// The old link went to the old address: it is replaced by one to the new address. The
	// limit is checked before anything is written, so a refused change changes nothing.
	const reinvite = emailChanged && person.status === 'invited';
	if (reinvite) await limitInvitations(scope);
	await saveDetails(scope, person, input, emailChanged);
	await recordActivity(scope.db, { personId: person.id, kind: 'edited', summary: `Details edited by ${fullName(await scope.me())}`, actorId: scope.personId }, scope.platform.clock.now());
	if (reinvite) await sendCoacheeInvitation(scope, { ...person, ...input, id: person.id });
}

const noLongerEditable = (person: Person) =>
	conflict(`${fullName(person)} has activated their account, so their name and email can no longer be changed here.`);

/** Saves name and email unless the coachee activated meanwhile. A new email revokes every open
 * link in the same step: a link sent to the old address must never outlive it. */
async function saveDetails(scope: TenantScope, person: Person, input: CoacheeFields, emailChanged: boolean) {
	const [saved] = await uniqueOr(
		() =>
			scope.db.batch([
				scope.db
					.update(people)
					.set({ firstName: input.firstName, lastName: input.lastName, email: input.email })
					.where(and(eq(people.id, person.id), inArray(people.status, editableStatuses))),
				...(emailChanged ? [revokeOpenInvitations(scope, person.id)] : [])
			]),
		() => emailTaken(scope, input.email)
	);
	if (saved.rowsAffected === 0) throw noLongerEditable(person);
}

function forbiddenForCoachee(): never {
	throw forbidden('Only admins and coaches can do this.');
}

/** "Send Invitation" or "Resend Invitation": a new link, which invalidates the older one. */
export async function inviteCoachee(scope: TenantScope, coacheeId: string) {
	const person = await findVisibleCoachee(scope, coacheeId);
	if (!hasRole(scope, 'admin') && !hasRole(scope, 'coach')) forbiddenForCoachee();
	if (person.status === 'active') throw conflict(`${fullName(person)} is already active; there is no invitation to send.`);
	if (person.status === 'deactivated') throw conflict(`${fullName(person)} is deactivated.`);
	await limitInvitations(scope);
	return sendCoacheeInvitation(scope, person);
}

/** Sends the link (the caller has checked the rate limit) and records it on the timeline. */
async function sendCoacheeInvitation(scope: TenantScope, person: Person) {
	const resend = person.status === 'invited';
	await sendInvitation(scope, person);
	await recordActivity(
		scope.db,
		{ personId: person.id, kind: 'invited', summary: `${resend ? 'Invitation resent' : 'Invited'} by ${fullName(await scope.me())}`, actorId: scope.personId },
		scope.platform.clock.now()
	);
	return { resent: resend };
}

/** Admins only: (re)assign coachees to a coach. */
export async function assignCoach(scope: TenantScope, input: AssignCoach) {
	const assignee = await assignableCoach(scope, input.coachId);
	const targets = await scope.db.query.people.findMany({ where: inArray(people.id, input.coacheeIds) });
	const missing = input.coacheeIds.filter((id) => !targets.some((t) => t.id === id && t.isCoachee));
	if (missing.length) throw badRequest(`${missing.length} of the chosen coachees no longer exist. Refresh the list and try again.`);
	const moved = await moveCoachees(scope, targets.filter((t) => t.coachId !== assignee.id), assignee);
	return { moved };
}

/** Hands every coachee of a coach who leaves to `to` (another coach, or no coach). */
export async function handOverCoachees(scope: TenantScope, fromCoachId: string, to: Person | null): Promise<number> {
	const coachees = await scope.db.query.people.findMany({ where: and(eq(people.coachId, fromCoachId), eq(people.isCoachee, true)) });
	return moveCoachees(scope, coachees, to);
}

/** Gives `coachees` to `coach` (or to no coach) in one batch with a line on each one's
 * timeline, then tells the coach. */
async function moveCoachees(scope: TenantScope, coachees: Person[], coach: Person | null): Promise<number> {
	if (!coachees.length) return 0;
	const now = scope.platform.clock.now();
	const summary = coach ? `Assigned to ${fullName(coach)}` : 'Coach removed: no coach yet';
	await scope.db.batch([
		scope.db.update(people).set({ coachId: coach?.id ?? null }).where(inArray(people.id, coachees.map((c) => c.id))),
		...coachees.flatMap((c) => activityStatements(scope.db, { personId: c.id, kind: 'assigned', summary, actorId: scope.personId }, now))
	]);
	if (coach) {
		await tellCoachOfNewCoachees(scope, coach, coachees);
		await tellCoacheesOfNewCoach(scope, coach, coachees);
	}
	return coachees.length;
}

/** Coachees who already use their portal hear who their coach is now; the others meet their
 * coach in the invitation. */
async function tellCoacheesOfNewCoach(scope: TenantScope, coach: Person, coachees: Person[]) {
	for (const coachee of coachees.filter((c) => c.status === 'active')) {
		await notify(scope, {
			recipientId: coachee.id,
			kind: 'coach_assigned',
			title: `${fullName(coach)} is now your coach`,
			body: `${fullName(coach)} is your coach in ${scope.tenant.name} from now on. You can reach them at ${coach.email}.`,
			link: ''
		});
	}
}

/** The one notice a coach gets when coachees become theirs, whether added to them or
 * reassigned; an admin who gives coachees to themself is not told what they just did. */
async function tellCoachOfNewCoachees(scope: TenantScope, coach: Pick<Person, 'id'>, coachees: Pick<Person, 'id' | 'firstName' | 'lastName'>[]) {
	if (!coachees.length || coach.id === scope.personId) return;
	const one = coachees.length === 1 ? coachees[0]! : null;
	await notify(scope, {
		recipientId: coach.id,
		kind: 'coachee_assigned',
		title: one ? `${fullName(one)} is now your coachee` : `${coachees.length} coachees are now yours`,
		body: `${fullName(await scope.me())} assigned ${one ? fullName(one) : `${coachees.length} coachees`} to you in ${scope.tenant.name}.`,
		link: one ? `/coachees/${one.id}` : '/coachees'
	});
}

/** Admins: the tenant's coaches with how many coachees each has. */
export async function listCoaches(scope: TenantScope) {
	const coachee = alias(people, 'coachee');
	const rows = await scope.db
		.select({
			id: people.id,
			firstName: people.firstName,
			lastName: people.lastName,
			email: people.email,
			status: people.status,
			coachees: sql<number>`count(${coachee.id})`
		})
		.from(people)
		.leftJoin(coachee, and(eq(coachee.coachId, people.id), eq(coachee.isCoachee, true)))
		.where(sql`instr(${people.roles}, '"coach"') > 0`)
		.groupBy(people.id)
		.orderBy(asc(people.lastName), asc(people.firstName));
	return rows.map((row) => ({ id: row.id, name: fullName(row), email: row.email, status: row.status, coachees: row.coachees }));
}

/** Called when a coachee activates: their timeline, and their coach hears of it. */
export async function onCoacheeActivated(scope: Pick<TenantScope, 'platform' | 'db' | 'tenant'>, person: Person) {
	await recordActivity(scope.db, { personId: person.id, kind: 'activated', summary: 'Activated their account', actorId: person.id }, scope.platform.clock.now());
	if (!person.coachId) return;
	await notify(scope, {
		recipientId: person.coachId,
		kind: 'coachee_activated',
		title: `${fullName(person)} activated their account`,
		body: `${fullName(person)} accepted your invitation and can now use their coachee portal.`,
		link: `/coachees/${person.id}`
	});
}

/** The coachees this person may see, as a condition for another domain's query (Home). */
export const coacheesVisibleTo = (scope: TenantScope): SQL => visibleCoachees(scope);
