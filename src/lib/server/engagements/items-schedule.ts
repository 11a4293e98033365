/**
 * Scheduling an engagement's items. Dates and times are typed in the COACHEE's zone and kept
 * as instants; nothing is scheduled in the past, before the engagement starts or after it
 * ends. The delivery cron does the sending from the item's columns (see `engagement_items`):
 * each change of a session bumps its `sequence` (the .ics SEQUENCE, so an invitation or an
 * update goes out) and re-arms its reminder; then the tenant's due time is brought forward
 * to the first moment delivery must look.
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { engagementItems, engagements, people } from '../db/tenant/schema';
import { badRequest, conflict, fieldError, notFound } from '../errors';
import { scheduleTenantWork } from '../tenancy/service';
import type { TenantScope } from '../tenancy/scope';
import { findManageableItem, itemWhere, withoutWindow, type EngagementItem } from './items';
import { cancelSessionInvitations } from './delivery';
import type { Engagement } from './access';
import { sessionFormatLabels, webUrl, type ItemSchedule, type SessionDetails } from '../../engagements/schema';
import { formatDueDate as formatDay } from '../../goals/dates';
import { instantIn, todayIn, wallClockIn } from '../../time-zones';

const dayMs = 24 * 60 * 60 * 1000;

interface Plan {
	scheduledAt: Date | null;
	details: EngagementItem['details'];
	/** When delivery must look: now for a session's invitation, the send time for a send. */
	dueAt: Date;
}

interface Context {
	engagement: Pick<Engagement, 'startsOn' | 'endsOn'>;
	zone: string;
	now: Date;
}

/** A day of the engagement: not before it starts, not after it ends. */
function requireWithinEngagement(field: string, day: string, { engagement }: Context) {
	if (day < engagement.startsOn) throw fieldError(field, `The engagement starts on ${formatDay(engagement.startsOn)}. Pick that day or a later one.`);
	if (engagement.endsOn && day > engagement.endsOn) throw fieldError(field, `The engagement ends on ${formatDay(engagement.endsOn)}. Pick that day or an earlier one.`);
}

/** A date and time ahead, in the coachee's zone; the message goes under the field that is wrong. */
function instantAhead(date: string, time: string, context: Context, pastMessage: string): Date {
	requireWithinEngagement('date', date, context);
	const at = instantIn(date, time, context.zone);
	if (at.getTime() <= context.now.getTime()) throw fieldError(date === todayIn(context.zone, context.now) ? 'time' : 'date', pastMessage);
	return at;
}

function requireLocation(details: SessionDetails, location: string): string {
	if (details.format === 'online') {
		const checked = webUrl.safeParse(location);
		if (!checked.success) throw fieldError('location', location ? checked.error.issues[0]!.message : 'Enter the meeting link, starting with https://');
		return checked.data;
	}
	if (!location) throw fieldError('location', `Enter the address of the ${sessionFormatLabels.in_person.toLowerCase()} session.`);
	return location;
}

/** What scheduling `item` with `input` sets, or the first field error (nothing is written). */
export function planSchedule(item: Pick<EngagementItem, 'kind' | 'details'>, input: ItemSchedule, context: Context): Plan {
	const { details } = item;
	const isSession = details.kind === 'session';
	if (isSession !== (input.mode === 'session' || input.mode === 'window')) {
		throw badRequest(isSession ? 'A session is scheduled with a date and time, or a window for the coachee.' : 'Give a send date, or send it immediately.');
	}
	switch (input.mode) {
		case 'session': {
			const session = details as SessionDetails;
			const start = instantAhead(input.date, input.time, context, 'That time has passed. Pick a time ahead for the session.');
			const location = requireLocation(session, input.location);
			return { scheduledAt: start, details: { ...withoutWindow(session), coacheeSchedules: false, location, message: input.message }, dueAt: context.now };
		}
		case 'window': {
			const session = details as SessionDetails;
			requireWithinEngagement('windowStartsOn', input.windowStartsOn, context);
			requireWithinEngagement('windowEndsOn', input.windowEndsOn, context);
			if (input.windowEndsOn < input.windowStartsOn) throw fieldError('windowEndsOn', 'The last day comes on or after the first day.');
			if (input.windowEndsOn < todayIn(context.zone, context.now)) throw fieldError('windowEndsOn', 'That day has passed. Give the coachee days ahead to pick from.');
			const location = requireLocation(session, input.location);
			return {
				scheduledAt: null,
				details: { ...session, coacheeSchedules: true, windowStartsOn: input.windowStartsOn, windowEndsOn: input.windowEndsOn, location, message: input.message },
				dueAt: context.now
			};
		}
		case 'send': {
			const at = instantAhead(input.date, input.time, context, 'That time has passed. Pick a time ahead, or “Send immediately”.');
			return { scheduledAt: at, details, dueAt: at };
		}
		case 'now':
			return { scheduledAt: context.now, details, dueAt: context.now };
	}
}

/** A session's columns for a (re)scheduled start: the next SEQUENCE and a reminder a day before. */
function sessionTiming(start: Date | null, now: Date) {
	const remindAt = start && start.getTime() - dayMs > now.getTime() ? new Date(start.getTime() - dayMs) : null;
	return { sequence: sql`${engagementItems.sequence} + 1`, remindAt, remindedAt: null };
}

function refuseFinished(item: EngagementItem) {
	if (item.completedAt) throw conflict(`“${item.title}” is completed. Mark it as not completed first to schedule it again.`);
	if (item.deliveredAt) throw conflict(`“${item.title}” was sent already, so it can no longer be rescheduled.`);
}

/** Schedule or reschedule an item (staff). */
export async function scheduleItem(scope: TenantScope, engagementId: string, itemId: string, input: ItemSchedule) {
	const { engagement, item, coachee } = await findManageableItem(scope, engagementId, itemId);
	refuseFinished(item);
	const now = scope.platform.clock.now();
	const plan = planSchedule(item, input, { engagement, zone: coachee.timeZone, now });
	const changesCalendar = item.kind === 'session' && (plan.scheduledAt !== null || item.scheduledAt !== null);
	await scope.db
		.update(engagementItems)
		.set({ scheduledAt: plan.scheduledAt, details: plan.details, updatedAt: now, ...(changesCalendar ? sessionTiming(plan.scheduledAt, now) : {}) })
		.where(itemWhere(scope, engagementId, itemId));
	await scheduleTenantWork(scope.platform, scope.tenant.id, plan.dueAt);
	return { title: item.title };
}

/** Back to "Not yet scheduled", while nothing was sent. An invited session comes out of the
 * calendars it was sent to (METHOD:CANCEL). */
export async function unscheduleItem(scope: TenantScope, engagementId: string, itemId: string) {
	const { engagement, item } = await findManageableItem(scope, engagementId, itemId);
	refuseFinished(item);
	const now = scope.platform.clock.now();
	const details = item.details.kind === 'session' ? withoutWindow(item.details) : item.details;
	await scope.db
		.update(engagementItems)
		.set({ scheduledAt: null, details, remindAt: null, remindedAt: null, updatedAt: now })
		.where(itemWhere(scope, engagementId, itemId));
	await cancelSessionInvitations(scope, engagement, [item]);
	return { title: item.title };
}

// ---- The coachee's own pick ("Allow coachee to schedule the session") ----------------------

/** The coachee's own active engagement, shared or not: an unshared engagement still asks them
 * to pick the time of a session left to them (its email links here). Read only otherwise. */
const ownActiveEngagement = (scope: TenantScope, engagementId: string) =>
	and(eq(engagements.id, engagementId), eq(engagements.coacheeId, scope.personId), eq(engagements.status, 'active'))!;

const notYours = () => notFound('That session is not one for you to schedule. It may have been scheduled by your coach, or removed.');

async function findOwnSession(scope: TenantScope, engagementId: string, itemId: string) {
	const [rows] = await scope.db.batch([
		scope.db
			.select({ item: engagementItems, engagementTitle: engagements.title, timeZone: people.timeZone })
			.from(engagementItems)
			.innerJoin(engagements, eq(engagements.id, engagementItems.engagementId))
			.innerJoin(people, eq(people.id, engagements.coacheeId))
			.where(and(eq(engagementItems.id, itemId), ownActiveEngagement(scope, engagementId)))
	]);
	const row = rows[0];
	const details = row?.item.details;
	if (!row || details?.kind !== 'session' || !details.coacheeSchedules || !details.windowStartsOn || !details.windowEndsOn || row.item.completedAt) throw notYours();
	return { ...row, details: details as Required<SessionDetails> };
}

/** The coachee's scheduling page: the session, its window and their current pick, in their zone. */
export async function ownSession(scope: TenantScope, engagementId: string, itemId: string) {
	const { item, engagementTitle, timeZone, details } = await findOwnSession(scope, engagementId, itemId);
	return {
		engagementTitle,
		title: item.title,
		durationMinutes: details.durationMinutes,
		format: details.format,
		location: details.location,
		message: details.message,
		windowStartsOn: details.windowStartsOn,
		windowEndsOn: details.windowEndsOn,
		timeZone,
		picked: item.scheduledAt ? wallClockIn(timeZone, item.scheduledAt) : null
	};
}

/** The coachee picks a day and time within the window, in their own zone; then as staff scheduling. */
export async function scheduleOwnSession(scope: TenantScope, engagementId: string, itemId: string, input: { date: string; time: string }) {
	const { item, timeZone, details } = await findOwnSession(scope, engagementId, itemId);
	const now = scope.platform.clock.now();
	if (input.date < details.windowStartsOn || input.date > details.windowEndsOn) {
		throw fieldError('date', `Pick a day from ${formatDay(details.windowStartsOn)} to ${formatDay(details.windowEndsOn)}.`);
	}
	const start = instantIn(input.date, input.time, timeZone);
	if (start.getTime() <= now.getTime()) {
		throw fieldError(input.date === todayIn(timeZone, now) ? 'time' : 'date', 'That time has passed. Pick a time ahead.');
	}
	await scope.db
		.update(engagementItems)
		.set({ scheduledAt: start, updatedAt: now, ...sessionTiming(start, now) })
		.where(
			and(
				eq(engagementItems.id, item.id),
				isNull(engagementItems.completedAt),
				inArray(engagementItems.engagementId, scope.db.select({ id: engagements.id }).from(engagements).where(ownActiveEngagement(scope, engagementId)))
			)
		);
	await scheduleTenantWork(scope.platform, scope.tenant.id, now);
	return { title: item.title };
}
