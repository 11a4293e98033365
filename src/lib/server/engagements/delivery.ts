/**
 * Delivery of engagement items, as due work the cron runs (the contract is the header of
 * `engagement_items` in db/tenant/schema.ts). Only items of ACTIVE engagements go out: an
 * engagement still a draft, completed or deleted meanwhile sends nothing.
 *
 * Each kind of work is claimed with one conditional UPDATE ... RETURNING before anything is
 * sent, so a repeated or overlapping tick sends nothing twice and a missed tick catches up on
 * the next. The price of claiming first: a crash between the claim and the send loses that
 * one send rather than repeating it (a coachee told twice is worse than a coach resending).
 * - an assessment, file or link whose send time has come: `deliveredAt`, then the record it
 *   makes for the coachee (`assignmentId`, `fileId`);
 * - a session whose `sequence` is ahead of `invitedSequence`: the invitation (or its change)
 *   with an .ics, to the coachee and the coach;
 * - a session whose `remindAt` has come: the reminder, once;
 * - a session the coachee schedules themself, not yet timed: "Schedule your session", once
 *   (`deliveredAt` on a session means the coachee was told).
 */
import { and, eq, exists, inArray, isNotNull, isNull, lt, lte, min, or, sql, type SQL } from 'drizzle-orm';
import { alias, type SQLiteUpdateSetSource } from 'drizzle-orm/sqlite-core';
import { activityStatements } from '../activity/service';
import { fullName } from '../auth/service';
import type { TenantDb } from '../db';
import { assessmentAssignments, engagementItems, engagements, files, people } from '../db/tenant/schema';
import { storageKeyOf } from '../files/uploads';
import type { DueWorkProvider, DueWorkScope } from '../jobs/due-work';
import { notify } from '../notifications/service';
import type { NotificationKind } from '../notifications/kinds';
import { cancellationIcs, invitationIcs, type CalendarSession } from './calendar';
import { assessmentKindLabels } from '../../assessments/schema';
import { assignmentPaths } from '../../assessments/paths';
import { engagementPaths } from '../../engagements/paths';
import type { AssessmentDetails, FileDetails, LinkDetails, SessionDetails } from '../../engagements/schema';
import { filePaths } from '../../files/paths';
import { formatDuration, formatSessionTime, zoneLabel } from '../../sessions/schema';
import type { EmailAttachment } from '../db/control/schema';

export type EngagementItem = typeof engagementItems.$inferSelect;
type Engagement = typeof engagements.$inferSelect;
export type Party = Pick<typeof people.$inferSelect, 'id' | 'firstName' | 'lastName' | 'email' | 'timeZone'>;

/** An item being sent, with its engagement and the two people it concerns. */
export interface Delivery {
	item: EngagementItem;
	engagement: Engagement;
	coach: Party;
	coachee: Party;
}

/** Items claimed per statement: one page of sends stays well inside a tick. */
const claimPage = 50;

// ---- What is due ---------------------------------------------------------------------------

const ofActiveEngagement = (db: TenantDb) =>
	exists(db.select({ one: sql`1` }).from(engagements).where(and(eq(engagements.id, engagementItems.engagementId), eq(engagements.status, 'active'))));

const sentKinds = ['assessment', 'file', 'link'] as const;
/** An assessment, file or link not sent yet (and not refused: staff pick another first). */
const unsent = and(inArray(engagementItems.kind, sentKinds), isNull(engagementItems.deliveredAt), isNull(engagementItems.deliveryError), isNotNull(engagementItems.scheduledAt))!;
const sendDue = (now: Date) => and(unsent, lte(engagementItems.scheduledAt, now))!;
const session = eq(engagementItems.kind, 'session');
const invitationDue = and(session, isNotNull(engagementItems.scheduledAt), or(isNull(engagementItems.invitedSequence), lt(engagementItems.invitedSequence, engagementItems.sequence)))!;
const unreminded = and(session, isNull(engagementItems.remindedAt), isNotNull(engagementItems.remindAt))!;
const reminderDue = (now: Date) => and(unreminded, lte(engagementItems.remindAt, now))!;
const scheduleNoticeDue = and(
	session,
	isNull(engagementItems.scheduledAt),
	isNull(engagementItems.deliveredAt),
	sql`json_extract(${engagementItems.details}, '$.coacheeSchedules') = 1`,
	// Only once the coach has set the days to pick from.
	sql`json_extract(${engagementItems.details}, '$.windowStartsOn') is not null`
)!;

/** What a claim sets on the item, e.g. `deliveredAt: now`. */
type ClaimMark = SQLiteUpdateSetSource<typeof engagementItems>;

/** Claims up to a page of the items `due` picks, setting `set`: one statement, so two runs at
 * once never claim the same item, and the condition is checked again as the row changes. */
function claim(db: TenantDb, due: SQL, set: ClaimMark) {
	const page = db.select({ id: engagementItems.id }).from(engagementItems).where(and(due, ofActiveEngagement(db))).limit(claimPage);
	return db
		.update(engagementItems)
		.set(set)
		.where(and(inArray(engagementItems.id, page), due, ofActiveEngagement(db)))
		.returning();
}

const coachOf = alias(people, 'coach');
const party = (table: typeof people | typeof coachOf) => ({ id: table.id, firstName: table.firstName, lastName: table.lastName, email: table.email, timeZone: table.timeZone });

/** Items with their engagement and the two people they concern, where `where` says: one statement. */
export function deliveryQuery(db: TenantDb, where: SQL) {
	return db
		.select({ item: engagementItems, engagement: engagements, coach: party(coachOf), coachee: party(people) })
		.from(engagementItems)
		.innerJoin(engagements, eq(engagements.id, engagementItems.engagementId))
		.innerJoin(coachOf, eq(coachOf.id, engagements.coachId))
		.innerJoin(people, eq(people.id, engagements.coacheeId))
		.where(where);
}

async function deliveriesOf(db: TenantDb, items: EngagementItem[]): Promise<Delivery[]> {
	return items.length ? deliveryQuery(db, inArray(engagementItems.id, items.map((item) => item.id))) : [];
}

/** Claims and handles page after page until nothing of this kind is due. */
async function drain(scope: DueWorkScope, due: SQL, set: ClaimMark, handle: (scope: DueWorkScope, delivery: Delivery) => Promise<void>) {
	for (;;) {
		const claimed = await claim(scope.db, due, set);
		for (const delivery of await deliveriesOf(scope.db, claimed)) await handle(scope, delivery);
		if (claimed.length < claimPage) return;
	}
}

// ---- Sending assessments, files and links --------------------------------------------------

const inEngagement = (delivery: Delivery) => `It is part of your engagement “${delivery.engagement.title}”.`;

/** Where the coachee finds the engagement: its page once shared, else their Engagements list. */
const engagementLinkFor = (engagement: Pick<Engagement, 'id' | 'shared'>) => (engagement.shared ? engagementPaths.engagement(engagement.id) : engagementPaths.list);

function sentActivity(scope: DueWorkScope, delivery: Delivery, kind: string, what: string, at: Date) {
	const summary = `${what} sent by ${fullName(delivery.coach)} from the engagement “${delivery.engagement.title}”`;
	return activityStatements(scope.db, { personId: delivery.coachee.id, actorId: delivery.coach.id, kind, summary }, at);
}

function tellCoachee(scope: DueWorkScope, delivery: Delivery, title: string, body: string, link: string) {
	return notify(scope, { recipientId: delivery.coachee.id, kind: 'engagement_item_sent', title, body, link });
}

async function sendAssessment(scope: DueWorkScope, delivery: Delivery, details: AssessmentDetails) {
	const { db } = scope;
	const { item, coachee, coach } = delivery;
	const at = scope.platform.clock.now();
	const id = crypto.randomUUID();
	const what = `${assessmentKindLabels[details.assessmentKind].toLowerCase()} “${item.title}”`;
	await db.batch([
		db.insert(assessmentAssignments).values({
			id,
			coacheeId: coachee.id,
			templateId: details.assessmentTemplateId,
			kind: details.assessmentKind,
			title: item.title,
			questions: details.questions,
			assignedBy: coach.id,
			createdAt: at,
			updatedAt: at
		}),
		db.update(engagementItems).set({ assignmentId: id }).where(eq(engagementItems.id, item.id)),
		...sentActivity(scope, delivery, 'assessment', capitalised(what), at)
	]);
	await tellCoachee(scope, delivery, `${fullName(coach)} sent you the ${what} to answer`, `${inEngagement(delivery)} You can save a draft and submit when you are ready.`, assignmentPaths(null).assignment(id));
}

/** The item's error when its file is gone: shown to staff, and the item is not tried again until they pick another. */
export const fileGoneMessage = (fileName: string) => `The file “${fileName}” was deleted before it could be sent; pick another.`;

/** The coachee gets a copy of the bytes of their own (shared, uploaded by the coach), so the
 * source may later be deleted or changed without touching what they were sent. */
async function sendFile(scope: DueWorkScope, delivery: Delivery, details: FileDetails) {
	const { db } = scope;
	const { item, coachee, coach } = delivery;
	const [source] = await db.select().from(files).where(eq(files.id, details.sourceFileId));
	const stored = source ? await scope.platform.files.get(source.storageKey) : null;
	if (!source || !stored) {
		await db.update(engagementItems).set({ deliveredAt: null, deliveryError: fileGoneMessage(details.fileName) }).where(eq(engagementItems.id, item.id));
		return;
	}
	const id = crypto.randomUUID();
	const storageKey = storageKeyOf(scope.tenant.id, id);
	await scope.platform.files.put(storageKey, new Uint8Array(await new Response(stored.body).arrayBuffer()), source.contentType);
	const at = scope.platform.clock.now();
	await db.batch([
		db.insert(files).values({ id, coacheeId: coachee.id, uploaderId: coach.id, visibility: 'shared', name: source.name, contentType: source.contentType, size: source.size, storageKey, createdAt: at }),
		db.update(engagementItems).set({ fileId: id }).where(eq(engagementItems.id, item.id)),
		...sentActivity(scope, delivery, 'file', `The file “${source.name}”`, at)
	]);
	await tellCoachee(scope, delivery, `${fullName(coach)} sent you the file “${source.name}”`, `${inEngagement(delivery)} Open it in Tandem to preview or download it.`, filePaths(null).file(id));
}

async function sendLink(scope: DueWorkScope, delivery: Delivery, details: LinkDetails) {
	const { item, coach } = delivery;
	await scope.db.batch(sentActivity(scope, delivery, 'engagement', `The link “${item.title}”`, scope.platform.clock.now()));
	await tellCoachee(scope, delivery, `${fullName(coach)} sent you the link “${item.title}”`, `${inEngagement(delivery)} Open it here: ${details.url}`, engagementLinkFor(delivery.engagement));
}

function sendItem(scope: DueWorkScope, delivery: Delivery): Promise<void> {
	const details = delivery.item.details;
	switch (details.kind) {
		case 'assessment':
			return sendAssessment(scope, delivery, details);
		case 'file':
			return sendFile(scope, delivery, details);
		case 'link':
			return sendLink(scope, delivery, details);
		case 'session':
			return Promise.resolve();
	}
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

// ---- Sessions: invitations, reminders, cancellations, "Schedule your session" ---------------

const sessionDetails = (item: EngagementItem) => item.details as SessionDetails;

/** "Tue, 1 Dec 2026, 10:00 (Europe/London)": the session's start on the reader's clock. */
const whenFor = (startsAt: Date, reader: Party) => `${formatSessionTime(startsAt.toISOString(), reader.timeZone)} (${zoneLabel(reader.timeZone)})`;

export function calendarSession(scope: DueWorkScope, delivery: Delivery, sequence: number, link: string): CalendarSession {
	const { item, coach, coachee } = delivery;
	const details = sessionDetails(item);
	const url = `${scope.platform.config.appUrl}/t/${scope.tenant.slug}${link}`;
	return {
		itemId: item.id,
		title: item.title,
		startsAt: item.scheduledAt!,
		durationMinutes: details.durationMinutes,
		location: details.location,
		description: [details.message, `In Tandem: ${url}`].filter(Boolean).join('\n\n'),
		url,
		sequence,
		organizer: { name: fullName(coach), email: coach.email },
		attendee: { name: fullName(coachee), email: coachee.email }
	};
}

/** The coachee reads it on their engagement (or list); the coach on the engagement's page. */
export const sessionLinkFor = (delivery: Delivery, reader: Pick<Party, 'id'>) => (reader.id === delivery.coach.id ? engagementPaths.engagement(delivery.engagement.id) : engagementLinkFor(delivery.engagement));

/** What a session notice says, to the coachee or the coach: with whom, the coach's message, and
 * last where (an address or a meeting link ends the text, so no full stop sticks to it). */
function sessionFacts(delivery: Delivery, reader: Party, emailed: boolean) {
	const details = sessionDetails(delivery.item);
	const byCoach = reader.id === delivery.coach.id;
	const other = byCoach ? delivery.coachee : delivery.coach;
	return [
		`${formatDuration(details.durationMinutes)} with ${fullName(other)}, part of the engagement “${delivery.engagement.title}”.`,
		details.message ? `${byCoach ? 'Your message' : `${fullName(delivery.coach)} wrote`}: “${details.message}”` : '',
		emailed ? 'The email about it carries a calendar invitation.' : '',
		details.location ? `${details.format === 'online' ? 'Join at' : 'Where:'} ${details.location}` : ''
	]
		.filter(Boolean)
		.join(' ');
}

interface SessionNotice {
	kind: NotificationKind;
	title: (when: string) => string;
	/** The .ics for this reader's copy, if any. */
	ics?: (session: CalendarSession) => EmailAttachment;
	sequence: number;
}

/** Tells the coachee and the coach, each in their own time zone, with their own link. */
async function tellBoth(scope: DueWorkScope, delivery: Delivery, notice: SessionNotice) {
	const startsAt = delivery.item.scheduledAt!;
	for (const reader of [delivery.coachee, delivery.coach]) {
		const link = sessionLinkFor(delivery, reader);
		const attachments = notice.ics ? [notice.ics(calendarSession(scope, delivery, notice.sequence, link))] : undefined;
		const body = sessionFacts(delivery, reader, attachments !== undefined);
		await notify(scope, { recipientId: reader.id, kind: notice.kind, title: notice.title(whenFor(startsAt, reader)), body, link, attachments });
	}
}

const isAhead = (scope: DueWorkScope, item: EngagementItem) => item.scheduledAt !== null && item.scheduledAt > scope.platform.clock.now();

/** A session already over when its claim comes (a long-missed tick) is passed over quietly. */
async function invite(scope: DueWorkScope, delivery: Delivery) {
	if (!isAhead(scope, delivery.item)) return;
	const { item } = delivery;
	const changed = item.sequence > 1;
	const stamp = scope.platform.clock.now();
	await tellBoth(scope, delivery, {
		kind: 'session_scheduled',
		title: (when) => (changed ? `Session changed: “${item.title}” is now on ${when}` : `Session scheduled: “${item.title}” on ${when}`),
		ics: (session) => invitationIcs(session, scope.tenant.slug, stamp),
		sequence: item.sequence
	});
}

async function remind(scope: DueWorkScope, delivery: Delivery) {
	if (!isAhead(scope, delivery.item)) return;
	await tellBoth(scope, delivery, { kind: 'session_reminder', title: (when) => `Reminder: “${delivery.item.title}” on ${when}`, sequence: delivery.item.sequence });
}

function askToSchedule(scope: DueWorkScope, delivery: Delivery) {
	const { item, engagement, coach } = delivery;
	const details = sessionDetails(item);
	const window = details.windowStartsOn && details.windowEndsOn ? ` between ${details.windowStartsOn} and ${details.windowEndsOn}` : '';
	return tellCoachee(
		scope,
		delivery,
		`Schedule your session “${item.title}”`,
		`${fullName(coach)} asks you to pick a time${window} for a ${formatDuration(details.durationMinutes)} session. ${inEngagement(delivery)}`,
		engagementPaths.scheduleSession(engagement.id, item.id)
	);
}

/**
 * Takes scheduled sessions out of the calendars they were sent to (METHOD:CANCEL, SEQUENCE
 * bumped past the last one sent), for the coachee and the coach. Call it when a scheduled
 * session is deleted, or its engagement is completed or deleted, with the engagement and its
 * items as they were. Sessions never invited or already over are left alone. Items that still
 * exist are marked not invited at the bumped sequence, so an engagement made active again
 * invites them afresh.
 */
export async function cancelSessionInvitations(scope: DueWorkScope, engagement: Engagement, items: readonly EngagementItem[]) {
	const invited = items.filter((item) => item.kind === 'session' && item.invitedSequence !== null && isAhead(scope, item));
	if (!invited.length) return;
	const parties = await scope.db.select(party(people)).from(people).where(inArray(people.id, [engagement.coachId, engagement.coacheeId]));
	const coach = parties.find((p) => p.id === engagement.coachId);
	const coachee = parties.find((p) => p.id === engagement.coacheeId);
	if (!coach || !coachee) return;
	const stamp = scope.platform.clock.now();
	for (const item of invited) {
		const sequence = Math.max(item.sequence, item.invitedSequence!) + 1;
		await scope.db.update(engagementItems).set({ sequence, invitedSequence: null }).where(eq(engagementItems.id, item.id));
		await tellBoth(scope, { item, engagement, coach, coachee }, {
			kind: 'session_scheduled',
			title: (when) => `Session cancelled: “${item.title}” on ${when}`,
			ics: (session) => cancellationIcs(session, scope.tenant.slug, stamp),
			sequence
		});
	}
}

// ---- The due-work provider -------------------------------------------------------------------

async function deliverDueItems(scope: DueWorkScope) {
	const now = scope.platform.clock.now();
	await drain(scope, sendDue(now), { deliveredAt: now }, sendItem);
	await drain(scope, invitationDue, { invitedSequence: sql`${engagementItems.sequence}` }, invite);
	await drain(scope, reminderDue(now), { remindedAt: now }, remind);
	await drain(scope, scheduleNoticeDue, { deliveredAt: now }, askToSchedule);
}

/** The earliest pending send or reminder; now for an invitation or notice still waiting. */
async function nextDeliveryDue(scope: DueWorkScope): Promise<Date | null> {
	const { db } = scope;
	const active = ofActiveEngagement(db);
	const [[sends], [reminders], waiting] = await db.batch([
		db.select({ at: min(engagementItems.scheduledAt) }).from(engagementItems).where(and(unsent, active)),
		db.select({ at: min(engagementItems.remindAt) }).from(engagementItems).where(and(unreminded, active)),
		db.select({ id: engagementItems.id }).from(engagementItems).where(and(or(invitationDue, scheduleNoticeDue), active)).limit(1)
	]);
	const instants = [sends?.at, reminders?.at, waiting.length ? scope.platform.clock.now() : null].flatMap((at) => (at ? [at.getTime()] : []));
	return instants.length ? new Date(Math.min(...instants)) : null;
}

export const engagementDeliveryDueWork: DueWorkProvider = { name: 'engagement delivery', run: deliverDueItems, nextDueAt: nextDeliveryDue };
