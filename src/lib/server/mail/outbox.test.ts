import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../testing/harness';
import { openControlDb } from '../db';
import { emailOutbox } from '../db/control/schema';
import { emailSendJob, queueEmail, requeueStalledEmails, sendOutboxEmail } from './outbox';
import { handleJob } from '../jobs/runner';
import type { SendResult } from '../platform/ports';

let app: TestApp;
beforeEach(async () => {
	app = await createTestApp();
});
afterEach(() => app.cleanup());

const content = { subject: 'Hello', paragraphs: ['Hi'], action: { label: 'Open', url: 'http://localhost:5173/x' } };
const outboxRows = () => openControlDb(app.platform).select().from(emailOutbox);

describe('email outbox', () => {
	it('writing the same email twice sends it once', async () => {
		await queueEmail(app.platform, { to: 'a@example.com', content, idempotencyKey: 'welcome:1' });
		await queueEmail(app.platform, { to: 'a@example.com', content, idempotencyKey: 'welcome:1' });
		await app.queue.drain();
		expect(app.mailer.list()).toHaveLength(1);
		expect((await outboxRows())[0]).toMatchObject({ status: 'sent', attempts: 1 });
	});

	it('delivering the send job twice sends one email', async () => {
		await queueEmail(app.platform, { to: 'a@example.com', content, idempotencyKey: 'welcome:2' });
		await app.queue.drain();
		const [row] = await outboxRows();
		const message = { type: emailSendJob, idempotencyKey: 'email:welcome:2', outboxId: row!.id };
		await handleJob(app.platform, message);
		await handleJob(app.platform, message);
		expect(app.mailer.list()).toHaveLength(1);
	});

	it('a crash between sending and recording is healed by the provider idempotency key', async () => {
		await queueEmail(app.platform, { to: 'a@example.com', content, idempotencyKey: 'welcome:3' });
		await app.queue.drain();
		const [row] = await outboxRows();
		// As if the worker died after the provider accepted the email but before the row said so.
		await openControlDb(app.platform).update(emailOutbox).set({ status: 'pending' }).where(eq(emailOutbox.id, row!.id));
		await sendOutboxEmail(app.platform, row!.id);
		expect(app.mailer.list()).toHaveLength(1);
	});

	it('re-enqueues an email whose job was lost', async () => {
		await openControlDb(app.platform).insert(emailOutbox).values({
			id: 'lost',
			idempotencyKey: 'lost:1',
			to: 'a@example.com',
			subject: 'Lost',
			text: 't',
			html: '<p>t</p>',
			createdAt: app.clock.now()
		});
		app.clock.advance(10 * 60_000);
		expect(await requeueStalledEmails(app.platform)).toBe(1);
		await app.queue.drain();
		expect(app.mailer.list().map((email) => email.subject)).toEqual(['Lost']);
	});

	it('retries when the provider is rate limiting, then marks the email sent', async () => {
		const results: SendResult[] = [
			{ ok: false, retryable: true, retryAfterSeconds: 0, error: 'rate limited' },
			{ ok: true, providerId: 'resend-1' }
		];
		app.platform.mailer = { send: async () => results.shift()! };
		await queueEmail(app.platform, { to: 'a@example.com', content, idempotencyKey: 'welcome:4' });
		await app.queue.drain();
		expect((await outboxRows())[0]).toMatchObject({ status: 'sent', attempts: 2, providerId: 'resend-1' });
	});

	it('gives up on a permanent rejection and records why', async () => {
		app.platform.mailer = { send: async () => ({ ok: false, retryable: false, error: 'The to address is invalid.' }) };
		await queueEmail(app.platform, { to: 'bad@', content, idempotencyKey: 'welcome:5' });
		await app.queue.drain();
		expect((await outboxRows())[0]).toMatchObject({ status: 'failed', lastError: 'The to address is invalid.' });
		expect(app.queue.deadLetters).toEqual([]);
	});
});
