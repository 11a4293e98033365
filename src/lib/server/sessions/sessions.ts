/**
 * Session Logs: the history of sessions with a coachee. Admins log and change any coachee's,
 * coaches their coachees' (coachees/record.ts checks the coachee is theirs), and a coachee
 * reads their own. The Date and Time are entered in the logger's own time zone and kept as
 * the instant the session began; every viewer reads it in their own zone, zone named.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { activityStatements } from '../activity/service';
import { fullName } from '../auth/service';
import { coacheeHeading } from '../goals/records';
import type { VisibleCoachee } from '../coachees/service';
import type { TenantDb } from '../db';
import { people, sessionLogs } from '../db/tenant/schema';
import { notFound } from '../errors';
import type { Me, Person, TenantScope } from '../tenancy/scope';
import { can } from '../../permissions';
import { formatDuration, formatSessionTime, sessionStatusLabels, type Attendance, type SessionFields, type SessionStatus } from '../../sessions/schema';
import { instantIn, wallClockIn } from '../../time-zones';
import type { z } from 'zod';
import type { sessionListInput } from '../../sessions/schema';

const gone = (coachee: Person) => notFound(`That session is not in ${fullName(coachee)}’s Session Logs. It may have been deleted; reload the page.`);

/** The coach who held it: the logger when they coach, else (an admin logging) the coachee's coach. */
const heldBy = (scope: TenantScope, coachee: Person) => (scope.roles.includes('coach') ? scope.personId : coachee.coachId);

/** The statements that log a session and add its Activity line, for the caller's batch
 * (the Session Logs "New" and the Coaching Notepad's "Finish session"). */
export function logSessionStatements(scope: TenantScope, coachee: Person, me: Me, fields: SessionFields, id: string) {
	const at = scope.platform.clock.now();
	const { db } = scope;
	return [
		db.insert(sessionLogs).values({
			id,
			coacheeId: coachee.id,
			coachId: heldBy(scope, coachee),
			title: fields.title,
			heldAt: instantIn(fields.date, fields.time, me.timeZone),
			durationMinutes: fields.durationMinutes,
			status: fields.status,
			createdBy: scope.personId,
			createdAt: at,
			updatedAt: at
		}),
		...activityStatements(
			db,
			{
				personId: coachee.id,
				actorId: scope.personId,
				kind: 'session',
				summary: `Session “${fields.title}” logged by ${fullName(me)}: ${sessionStatusLabels[fields.status]}, ${formatDuration(fields.durationMinutes)}`
			},
			at
		)
	] as const;
}

export async function createSession(scope: TenantScope, coachee: VisibleCoachee, fields: SessionFields) {
	const person = coachee.require(await coachee.query);
	const id = crypto.randomUUID();
	await scope.db.batch(logSessionStatements(scope, person, await scope.me(), fields, id));
	return { id };
}

export async function updateSession(scope: TenantScope, coachee: VisibleCoachee, sessionId: string, fields: SessionFields) {
	const person = coachee.require(await coachee.query);
	const me = await scope.me();
	const [row] = await scope.db
		.update(sessionLogs)
		.set({
			title: fields.title,
			heldAt: instantIn(fields.date, fields.time, me.timeZone),
			durationMinutes: fields.durationMinutes,
			status: fields.status,
			updatedAt: scope.platform.clock.now()
		})
		.where(and(eq(sessionLogs.id, sessionId), eq(sessionLogs.coacheeId, person.id)))
		.returning({ id: sessionLogs.id });
	if (!row) throw gone(person);
	return { id: row.id };
}

export async function deleteSession(scope: TenantScope, coachee: VisibleCoachee, sessionId: string) {
	const person = coachee.require(await coachee.query);
	const [row] = await scope.db
		.delete(sessionLogs)
		.where(and(eq(sessionLogs.id, sessionId), eq(sessionLogs.coacheeId, person.id)))
		.returning({ title: sessionLogs.title });
	if (!row) throw gone(person);
	return { title: row.title };
}

const coach = alias(people, 'session_coach');

/** The Session Logs tab (and the coachee's own list): newest first, 25 a page. */
export async function listSessions(scope: TenantScope, coachee: VisibleCoachee, input: z.output<typeof sessionListInput>) {
	const [rows, page, [counted]] = await scope.db.batch([
		coachee.query,
		scope.db
			.select({
				id: sessionLogs.id,
				title: sessionLogs.title,
				heldAt: sessionLogs.heldAt,
				durationMinutes: sessionLogs.durationMinutes,
				status: sessionLogs.status,
				coachFirstName: coach.firstName,
				coachLastName: coach.lastName
			})
			.from(sessionLogs)
			.leftJoin(coach, eq(coach.id, sessionLogs.coachId))
			.where(eq(sessionLogs.coacheeId, coachee.id))
			.orderBy(desc(sessionLogs.heldAt), asc(sessionLogs.id))
			.limit(input.pageSize)
			.offset((input.page - 1) * input.pageSize),
		scope.db.select({ count: sql<number>`count(*)` }).from(sessionLogs).where(eq(sessionLogs.coacheeId, coachee.id))
	]);
	const person = coachee.require(rows);
	// Confirmed by the batch above: no round trip of its own.
	const { timeZone } = await scope.me();
	return {
		coachee: coacheeHeading(person),
		timeZone,
		canManage: can(scope.roles, 'sessions.manage'),
		page: input.page,
		pageSize: input.pageSize,
		total: counted?.count ?? 0,
		rows: page.map((row) => ({
			id: row.id,
			title: row.title,
			heldAt: row.heldAt.toISOString(),
			when: formatSessionTime(row.heldAt.toISOString(), timeZone),
			durationMinutes: row.durationMinutes,
			duration: formatDuration(row.durationMinutes),
			status: row.status,
			coach: row.coachFirstName ? fullName({ firstName: row.coachFirstName, lastName: row.coachLastName ?? '' }) : null
		}))
	};
}

/** One session, for its Edit form: Date and Time in the editor's own zone. */
export async function getSession(scope: TenantScope, coachee: VisibleCoachee, sessionId: string) {
	const [rows, [row]] = await scope.db.batch([
		coachee.query,
		scope.db
			.select()
			.from(sessionLogs)
			.where(and(eq(sessionLogs.id, sessionId), eq(sessionLogs.coacheeId, coachee.id)))
	]);
	const person = coachee.require(rows);
	if (!row) throw gone(person);
	const { timeZone } = await scope.me();
	return {
		id: row.id,
		title: row.title,
		...wallClockIn(timeZone, row.heldAt),
		durationMinutes: row.durationMinutes,
		status: row.status,
		timeZone
	};
}

/** The Activity Summary's attendance figures, as one grouped query for the profile's batch. */
export const attendanceQuery = (db: TenantDb, coacheeId: string) =>
	db
		.select({ status: sessionLogs.status, count: sql<number>`count(*)`, minutes: sql<number>`coalesce(sum(${sessionLogs.durationMinutes}), 0)` })
		.from(sessionLogs)
		.where(eq(sessionLogs.coacheeId, coacheeId))
		.groupBy(sessionLogs.status);

/** A Late session was held, so its time counts as attended. */
export function shapeAttendance(rows: { status: SessionStatus; count: number; minutes: number }[]): Attendance {
	const of = (status: SessionStatus) => rows.find((row) => row.status === status);
	const heldMinutes = (of('attended')?.minutes ?? 0) + (of('late')?.minutes ?? 0);
	return {
		attended: of('attended')?.count ?? 0,
		late: of('late')?.count ?? 0,
		noShow: of('no_show')?.count ?? 0,
		cancelled: of('cancelled')?.count ?? 0,
		hours: Math.round(heldMinutes / 6) / 10
	};
}
