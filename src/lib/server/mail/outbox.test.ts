import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../testing/harness';
import { openControlDb } from '../db';
import { emailOutbox } from '../db/control/schema';
import { queueEmail, sendOutboxEmail } from './outbox';
import { runCronTick } from '../jobs/runner';
import { enqueue } from '../jobs/messages';
import { CapturedMailer } from '../platform/local/captured-mailer';
import type { Mailer, SendResult } from '../platform/ports';

let app: TestApp;
/** Sends on every call, as a provider without idempotency keys would: what it counts is
 * exactly how often the outbox reached the provider. */
let provider: Mailer & { calls: string[] };
beforeEach(async () => {
	app = await createTestApp();
	const calls: string[] = [];
	provider = { calls, send: async (_email, key) => (calls.push(key), { ok: true, providerId: `provider-${calls.length}` }) };
	app.platform.mailer = provider;
});
afterEach(() => app.cleanup());

const content = { subject: 'Hello', paragraphs: ['Hi'], action: { label: 'Open', url: 'http://localhost:5173/x' } };
const outboxRows = () => openControlDb(app.platform).select().from(emailOutbox);

async function insertLostEmail() {
	await openControlDb(app.platform).insert(emailOutbox).values({
		id: 'lost',
		idempotencyKey: 'lost:1',
		to: 'a@example.com',
		subject: 'Lost',
		text: 't',
		html: '<p>t</p>',
		createdAt: app.clock.now()
	});
}

describe('email outbox', () => {
	it('writing the same email twice reaches the provider once', async () => {
		await queueEmail(app.platform, { to: 'a@example.com', content, idempotencyKey: 'welcome:1' });
		await queueEmail(app.platform, { to: 'a@example.com', content, idempotencyKey: 'welcome:1' });
		await app.queue.drain();
		expect(provider.calls).toEqual(['welcome:1']);
		expect((await outboxRows())[0]).toMatchObject({ status: 'sent', attempts: 1, providerId: 'provider-1' });
	});

	it('the send job delivered twice reaches the provider once', async () => {
		await queueEmail(app.platform, { to: 'a@example.com', content, idempotencyKey: 'welcome:2' });
		await app.queue.drain();
		const [row] = await outboxRows();
		await enqueue(app.platform, 'email.send', { idempotencyKey: 'email:welcome:2', outboxId: row!.id });
		await app.queue.drain();
		expect(provider.calls).toEqual(['welcome:2']);
	});

	it('a twin delivery that fails does not reopen the email the other one sent', async () => {
		await insertLostEmail();
		app.platform.mailer = {
			async send() {
				// The twin runs to the end while this delivery waits for the provider...
				app.platform.mailer = provider;
				await sendOutboxEmail(app.platform, 'lost');
				// ...which then tells this one that a request with the same key was in flight.
				return { ok: false, retryable: true, retryAfterSeconds: 5, error: 'concurrent idempotent request' };
			}
		};
		await expect(sendOutboxEmail(app.platform, 'lost')).rejects.toThrow();
		expect((await outboxRows())[0]).toMatchObject({ status: 'sent', lastError: null });
		await runCronTick(app.platform);
		await app.queue.drain();
		expect(provider.calls).toEqual(['lost:1']);
	});

	it('re-enqueues an email whose job was lost, once however often the cron repeats', async () => {
		await insertLostEmail();
		await runCronTick(app.platform);
		await app.queue.drain();
		expect(provider.calls).toEqual([]); // too young to be called lost

		app.clock.advance(10 * 60_000);
		await runCronTick(app.platform);
		await runCronTick(app.platform);
		await app.queue.drain();
		await runCronTick(app.platform);
		await app.queue.drain();
		expect(provider.calls).toEqual(['lost:1']);
	});

	it('a crash between sending and recording is healed by the provider idempotency key', async () => {
		app.platform.mailer = app.mailer;
		await queueEmail(app.platform, { to: 'a@example.com', content, idempotencyKey: 'welcome:3' });
		await app.queue.drain();
		const [row] = await outboxRows();
		// As if the worker died after the provider accepted the email but before the row said so.
		await openControlDb(app.platform).update(emailOutbox).set({ status: 'pending' }).where(eq(emailOutbox.id, row!.id));
		await sendOutboxEmail(app.platform, row!.id);
		expect(app.mailer.list()).toHaveLength(1);
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

describe('the local captured mailer', () => {
	const email = { to: 'a@example.com', subject: 'Hello', text: 't', html: '<p>t</p>' };

	it('honours Resend’s idempotency contract: a repeated key sends nothing and reports the first result', async () => {
		const mailer = new CapturedMailer();
		const first = await mailer.send(email, 'key-1');
		expect(await mailer.send({ ...email, subject: 'Changed' }, 'key-1')).toEqual(first);
		expect(mailer.list().map((sent) => sent.subject)).toEqual(['Hello']);
		await mailer.send(email, 'key-2');
		expect(mailer.list()).toHaveLength(2);
	});
});
