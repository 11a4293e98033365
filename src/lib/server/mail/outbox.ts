/**
 * Email goes out in two steps: a row in the outbox (keyed, so writing it twice is one
 * email), then an `email.send` job. The job may run twice; the row's status and the
 * provider's idempotency key make the second run send nothing.
 */
import { and, eq, lt, sql } from 'drizzle-orm';
import { openControlDb } from '../db';
import { emailOutbox, tenants, type EmailAttachment } from '../db/control/schema';
import type { Platform } from '../platform/ports';
import { RetryableJobError } from '../jobs/errors';
import { enqueue } from '../jobs/messages';
import { renderEmail, type EmailContent } from './templates';

export interface QueueEmailInput {
	to: string;
	content: EmailContent;
	/** Same key, same email: a retried request does not send twice. */
	idempotencyKey: string;
	tenantId?: string;
	/** Kept on the outbox row, so a retry sends the same files under the same key. */
	attachments?: EmailAttachment[];
}

export async function queueEmail(platform: Platform, input: QueueEmailInput): Promise<void> {
	const db = openControlDb(platform);
	const email = renderEmail(input.to, input.content);
	const [row] = await db
		.insert(emailOutbox)
		.values({ id: crypto.randomUUID(), idempotencyKey: input.idempotencyKey, tenantId: input.tenantId, replyTo: replyToOf(input.tenantId), attachments: input.attachments ?? null, ...email })
		.onConflictDoNothing({ target: emailOutbox.idempotencyKey })
		.returning({ id: emailOutbox.id });
	if (row) await enqueueSend(platform, { id: row.id, idempotencyKey: input.idempotencyKey, tenantId: input.tenantId });
}

/** The workspace's reply-to address, read inside the insert (no round trip of its own). */
const replyToOf = (tenantId: string | undefined) =>
	tenantId ? sql<string | null>`(select ${tenants.replyTo} from ${tenants} where ${tenants.id} = ${tenantId})` : null;

function enqueueSend(platform: Platform, row: { id: string; idempotencyKey: string; tenantId?: string | null }) {
	return enqueue(platform, 'email.send', {
		idempotencyKey: `email:${row.idempotencyKey}`,
		outboxId: row.id,
		tenantId: row.tenantId ?? undefined
	});
}

const maxAttempts = 8;

export async function sendOutboxEmail(platform: Platform, outboxId: string): Promise<void> {
	const db = openControlDb(platform);
	const [row] = await db
		.update(emailOutbox)
		.set({ attempts: sql`${emailOutbox.attempts} + 1` })
		.where(and(eq(emailOutbox.id, outboxId), eq(emailOutbox.status, 'pending')))
		.returning();
	if (!row) return; // already sent or given up: a repeated delivery does nothing
	const result = await platform.mailer.send(
		{
			to: row.to,
			subject: row.subject,
			text: row.text,
			html: row.html,
			...(row.replyTo ? { replyTo: row.replyTo } : {}),
			...(row.attachments?.length ? { attachments: row.attachments } : {})
		},
		row.idempotencyKey
	);
	if (result.ok) {
		await db
			.update(emailOutbox)
			.set({ status: 'sent', providerId: result.providerId, sentAt: platform.clock.now(), lastError: null })
			.where(eq(emailOutbox.id, outboxId));
		return;
	}
	const giveUp = !result.retryable || row.attempts >= maxAttempts;
	// Only while still pending: a twin delivery may have sent it meanwhile (Resend then
	// answers this one "same key in flight"), and a sent email must stay sent.
	await db
		.update(emailOutbox)
		.set({ status: giveUp ? 'failed' : 'pending', lastError: result.error })
		.where(and(eq(emailOutbox.id, outboxId), eq(emailOutbox.status, 'pending')));
	if (!giveUp) throw new RetryableJobError(result.error, result.retryAfterSeconds);
}

/** Re-enqueues emails whose job was lost (e.g. a crash between the row and the enqueue). */
export async function requeueStalledEmails(platform: Platform, olderThanMs = 5 * 60_000): Promise<number> {
	const db = openControlDb(platform);
	const cutoff = new Date(platform.clock.now().getTime() - olderThanMs);
	const stalled = await db
		.select({ id: emailOutbox.id, idempotencyKey: emailOutbox.idempotencyKey, tenantId: emailOutbox.tenantId })
		.from(emailOutbox)
		.where(and(eq(emailOutbox.status, 'pending'), lt(emailOutbox.createdAt, cutoff)))
		.limit(500);
	for (const row of stalled) await enqueueSend(platform, row);
	return stalled.length;
}
