/**
 * In-app notifications with an email copy sent at once, in the daily digest, or not at
 * all, as each person chooses per kind. Digests are due work for the tenant: the control
 * plane's `next_due_at` is set before the notification is written, so a crash in between
 * costs one idle visit from the cron, never a lost digest.
 */
import { and, asc, desc, eq, gt, inArray, isNull, lt, lte, sql } from 'drizzle-orm';
import { fullName } from '../auth/service';
import type { TenantDb } from '../db';
import type { EmailAttachment } from '../db/control/schema';
import { notificationPreferences, notifications, people, type Delivery } from '../db/tenant/schema';
import { queueEmail } from '../mail/outbox';
import type { DueWorkProvider } from '../jobs/due-work';
import type { TenantScope } from '../tenancy/scope';
import { scheduleTenantWork } from '../tenancy/service';
import { notFound } from '../errors';
import { notificationKinds, type NotificationKind } from './kinds';

export interface NewNotification {
	recipientId: string;
	kind: NotificationKind;
	title: string;
	body: string;
	/** Path inside the tenant, e.g. `/coachees/<id>`. */
	link: string;
	/** What it is about (e.g. `action:<id>:updated`). An unread notification about the same
	 * thing written less than `foldWindowMs` ago takes the new words instead of a second one
	 * appearing, and its email waits out that window (`held`), so a burst of slider moves is
	 * one notification and one email saying where it ended. */
	subjectKey?: string;
	/** Files for the email (a session's .ics). They go only with an email sent at once: a
	 * digest line cannot carry a calendar invitation, and a held email is rewritten later. */
	attachments?: EmailAttachment[];
}

export const foldWindowMs = 60_000;

type NotifyScope = Pick<TenantScope, 'platform' | 'db' | 'tenant'>;

/** The hour (UTC) the daily digest goes out. */
export const digestHourUtc = 8;

export function nextDigestAt(now: Date): Date {
	const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), digestHourUtc));
	if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
	return next;
}

/** The digest time at or before `now`: what was written before it belongs in a digest. */
function lastDigestAt(now: Date): Date {
	const last = nextDigestAt(now);
	last.setUTCDate(last.getUTCDate() - 1);
	return last;
}

async function deliveryFor(db: TenantDb, personId: string, kind: NotificationKind): Promise<Delivery> {
	const choice = await db.query.notificationPreferences.findFirst({
		where: and(eq(notificationPreferences.personId, personId), eq(notificationPreferences.kind, kind))
	});
	return choice?.delivery ?? notificationKinds[kind].defaultDelivery;
}

export async function notify(scope: NotifyScope, { attachments, ...input }: NewNotification): Promise<void> {
	const recipient = await scope.db.query.people.findFirst({ where: eq(people.id, input.recipientId) });
	if (!recipient || recipient.status !== 'active') return;
	const now = scope.platform.clock.now();
	if (input.subjectKey && (await foldInto(scope.db, input, now))) return;
	const delivery = await deliveryFor(scope.db, recipient.id, input.kind);
	const held = delivery === 'immediate' && input.subjectKey !== undefined && !attachments;
	const emailAfter = held ? new Date(now.getTime() + foldWindowMs) : null;
	if (delivery === 'digest') await scheduleTenantWork(scope.platform, scope.tenant.id, nextDigestAt(now));
	if (emailAfter) await scheduleTenantWork(scope.platform, scope.tenant.id, emailAfter);
	const id = crypto.randomUUID();
	const emailStatus = { immediate: held ? 'held' : 'queued', digest: 'digest_pending', off: 'none' } as const;
	await scope.db.insert(notifications).values({ id, ...input, emailStatus: emailStatus[delivery], emailAfter, createdAt: now });
	if (delivery === 'immediate' && !held) await emailNotification(scope, recipient, { id, title: input.title, body: input.body, link: input.link }, attachments);
}

/** Gives the new words to an unread notification about the same thing from the last
 * `foldWindowMs` whose email has not left yet; false when there is none. */
async function foldInto(db: TenantDb, input: NewNotification, now: Date): Promise<boolean> {
	const [folded] = await db
		.update(notifications)
		.set({ title: input.title, body: input.body, link: input.link, kind: input.kind })
		.where(
			and(
				eq(notifications.recipientId, input.recipientId),
				eq(notifications.subjectKey, input.subjectKey!),
				isNull(notifications.readAt),
				gt(notifications.createdAt, new Date(now.getTime() - foldWindowMs)),
				inArray(notifications.emailStatus, ['held', 'digest_pending', 'none'])
			)
		)
		.returning({ id: notifications.id });
	return folded !== undefined;
}

type EmailedNotification = Pick<typeof notifications.$inferSelect, 'id' | 'title' | 'body' | 'link'>;

function emailNotification(
	scope: NotifyScope,
	recipient: Pick<typeof people.$inferSelect, 'email' | 'firstName'>,
	notification: EmailedNotification,
	attachments?: EmailAttachment[]
) {
	return queueEmail(scope.platform, {
		to: recipient.email,
		tenantId: scope.tenant.id,
		idempotencyKey: `notification:${notification.id}`,
		attachments,
		content: {
			subject: notification.title,
			paragraphs: [`Hi ${recipient.firstName},`, notification.body],
			action: { label: 'Open in Tandem', url: `${scope.platform.config.appUrl}/t/${scope.tenant.slug}${notification.link}` },
			footnote: `You get this email because of your notification settings in ${scope.tenant.name}. Change them under Notifications.`
		}
	});
}

/** Sends the held emails whose window has passed, with the notification's latest words. The
 * outbox key makes a repeated visit send nothing twice; the status is set after the email
 * is queued, so a crash in between sends it on the next visit, never loses it. */
export async function sendHeldEmails(scope: NotifyScope): Promise<void> {
	const due = await scope.db
		.select({ notification: notifications, recipient: people })
		.from(notifications)
		.innerJoin(people, eq(people.id, notifications.recipientId))
		.where(and(eq(notifications.emailStatus, 'held'), lte(notifications.emailAfter, scope.platform.clock.now())))
		.orderBy(asc(notifications.emailAfter));
	for (const { notification, recipient } of due) {
		await emailNotification(scope, recipient, notification);
		await scope.db.update(notifications).set({ emailStatus: 'queued' }).where(and(eq(notifications.id, notification.id), eq(notifications.emailStatus, 'held')));
	}
}

async function nextHeldEmailDue(scope: NotifyScope): Promise<Date | null> {
	const [next] = await scope.db
		.select({ at: notifications.emailAfter })
		.from(notifications)
		.where(eq(notifications.emailStatus, 'held'))
		.orderBy(asc(notifications.emailAfter))
		.limit(1);
	return next?.at ?? null;
}

export const heldEmailsDueWork: DueWorkProvider = { name: 'held notification emails', run: sendHeldEmails, nextDueAt: nextHeldEmailDue };

const pageSize = 30;

/** The person's newest notifications (older than `before`), for this page or another's batch (Home). */
export function newestNotificationsQuery(scope: Pick<TenantScope, 'db' | 'personId'>, limit: number, before?: string) {
	return scope.db
		.select()
		.from(notifications)
		.where(and(eq(notifications.recipientId, scope.personId), before ? lt(notifications.createdAt, new Date(before)) : undefined))
		.orderBy(desc(notifications.createdAt))
		.limit(limit);
}

export async function listNotifications(scope: TenantScope, before?: string) {
	const rows = await newestNotificationsQuery(scope, pageSize + 1, before);
	const items = rows.slice(0, pageSize).map((row) => notificationItem(scope, row));
	return { items, nextBefore: rows.length > pageSize ? items.at(-1)!.createdAt : null };
}

export async function unreadCount(scope: TenantScope): Promise<number> {
	const [row] = await scope.db
		.select({ count: sql<number>`count(*)` })
		.from(notifications)
		.where(and(eq(notifications.recipientId, scope.personId), isNull(notifications.readAt)));
	return row?.count ?? 0;
}

export async function markRead(scope: TenantScope, id: string) {
	const [row] = await scope.db
		.update(notifications)
		.set({ readAt: scope.platform.clock.now() })
		.where(and(eq(notifications.id, id), eq(notifications.recipientId, scope.personId)))
		.returning({ id: notifications.id });
	if (!row) throw notFound('That notification is not yours or no longer exists.');
}

export async function markAllRead(scope: TenantScope) {
	await scope.db
		.update(notifications)
		.set({ readAt: scope.platform.clock.now() })
		.where(and(eq(notifications.recipientId, scope.personId), isNull(notifications.readAt)));
}

export async function preferencesOf(scope: TenantScope) {
	const chosen = await scope.db.query.notificationPreferences.findMany({
		where: eq(notificationPreferences.personId, scope.personId)
	});
	const relevant = Object.entries(notificationKinds).filter(([, info]) => info.audience.some((role) => scope.roles.includes(role)));
	return relevant.map(([kind, info]) => ({
		kind: kind as NotificationKind,
		label: info.label,
		delivery: chosen.find((row) => row.kind === kind)?.delivery ?? info.defaultDelivery
	}));
}

export async function setPreference(scope: TenantScope, kind: NotificationKind, delivery: Delivery) {
	await scope.db
		.insert(notificationPreferences)
		.values({ personId: scope.personId, kind, delivery })
		.onConflictDoUpdate({ target: [notificationPreferences.personId, notificationPreferences.kind], set: { delivery } });
}

/** Sends each person with pending items their digest, once the digest time of those items
 * has come; a visit for other due work before then sends nothing. */
export async function sendDigests(scope: NotifyScope): Promise<void> {
	const cutoff = lastDigestAt(scope.platform.clock.now());
	const due = and(eq(notifications.emailStatus, 'digest_pending'), lt(notifications.createdAt, cutoff));
	const pending = await scope.db
		.select({ notification: notifications, recipient: people })
		.from(notifications)
		.innerJoin(people, eq(people.id, notifications.recipientId))
		.where(due)
		.orderBy(notifications.recipientId, notifications.createdAt);
	const byRecipient = new Map<string, typeof pending>();
	for (const row of pending) byRecipient.set(row.recipient.id, [...(byRecipient.get(row.recipient.id) ?? []), row]);
	for (const rows of byRecipient.values()) {
		const recipient = rows[0]!.recipient;
		await queueEmail(scope.platform, {
			to: recipient.email,
			tenantId: scope.tenant.id,
			// One digest per person and digest time, however many visits it takes to send.
			idempotencyKey: `digest:${scope.tenant.id}:${recipient.id}:${cutoff.toISOString()}`,
			content: {
				subject: `Your daily Tandem digest: ${rows.length} update${rows.length === 1 ? '' : 's'} in ${scope.tenant.name}`,
				paragraphs: [`Hi ${fullName(recipient)},`, ...rows.map(({ notification }) => `• ${notification.title}`)],
				action: { label: 'See your notifications', url: `${scope.platform.config.appUrl}/t/${scope.tenant.slug}/notifications` }
			}
		});
		await scope.db
			.update(notifications)
			.set({ emailStatus: 'digested' })
			.where(and(eq(notifications.recipientId, recipient.id), due));
	}
}

/** Called after sendDigests: whatever is still pending was written since the last digest
 * time, so it goes out at the next one. */
async function nextDigestDue(scope: NotifyScope): Promise<Date | null> {
	const pending = await scope.db.query.notifications.findFirst({
		columns: { id: true },
		where: eq(notifications.emailStatus, 'digest_pending')
	});
	return pending ? nextDigestAt(scope.platform.clock.now()) : null;
}

export const digestDueWork: DueWorkProvider = { name: 'digests', run: sendDigests, nextDueAt: nextDigestDue };

/** A notification as every list shows it (the Notifications page, Home's recent ones). */
export function notificationItem(scope: Pick<TenantScope, 'tenant'>, row: typeof notifications.$inferSelect) {
	return {
		id: row.id,
		kind: row.kind,
		title: row.title,
		body: row.body,
		href: `/t/${scope.tenant.slug}${row.link}`,
		read: row.readAt !== null,
		createdAt: row.createdAt.toISOString()
	};
}
