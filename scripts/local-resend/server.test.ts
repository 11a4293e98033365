import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resendMailer } from '../../src/lib/server/platform/cloudflare/resend-mailer';
import { CapturedMailer } from '../../src/lib/server/platform/local/captured-mailer';
import { startLocalResend, type LocalResend } from './server';

const apiKey = 're_local_test';
const email = { to: 'ada@example.com', subject: 'Welcome', text: 'Hello Ada', html: '<p>Hello Ada</p>', replyTo: 'coach@example.com' };

describe('the local Resend double, driven by the real Resend adapter', () => {
	let folder: string;
	let mailbox: CapturedMailer;
	let resend: LocalResend;
	const mailer = (key = apiKey) => resendMailer({ apiKey: key, from: 'Tandem <hello@tandem.localhost>', baseUrl: resend.origin });

	beforeAll(async () => {
		folder = mkdtempSync(join(tmpdir(), 'tandem-resend-'));
		mailbox = new CapturedMailer(join(folder, 'mail.jsonl'));
		resend = await startLocalResend({ mailbox, apiKey });
	});
	afterAll(async () => {
		await resend.close();
		rmSync(folder, { recursive: true, force: true });
	});

	it('delivers an email into the mailbox, with its reply-to, and lists it at /mailbox', async () => {
		const result = await mailer().send(email, 'welcome-ada');
		expect(result.ok).toBe(true);
		const listed = (await (await fetch(`${resend.origin}/mailbox`)).json()) as { to: string; subject: string; replyTo?: string }[];
		expect(listed[0]).toMatchObject({ to: 'ada@example.com', subject: 'Welcome', replyTo: 'coach@example.com' });
		// The file survives a restart, as /dev/mail does in `npm run dev`.
		expect(new CapturedMailer(join(folder, 'mail.jsonl')).list()[0].subject).toBe('Welcome');
	});

	it('keeps an attachment as the app wrote it (the adapter sends it base64)', async () => {
		const content = 'BEGIN:VCALENDAR\r\nSUMMARY:Café\r\nEND:VCALENDAR\r\n';
		await mailer().send({ ...email, subject: 'With invite', attachments: [{ filename: 'invite.ics', contentType: 'text/calendar; method=REQUEST', content }] }, 'with-invite');
		expect(mailbox.list()[0]).toMatchObject({ subject: 'With invite', attachments: [{ filename: 'invite.ics', contentType: 'text/calendar; method=REQUEST', content }] });
	});

	it('answers a repeated idempotency key with the first id and sends nothing new', async () => {
		const first = await mailer().send({ ...email, subject: 'Once' }, 'once-only');
		const again = await mailer().send({ ...email, subject: 'Once' }, 'once-only');
		expect(again).toEqual(first);
		expect(mailbox.list().filter((sent) => sent.subject === 'Once')).toHaveLength(1);
	});

	it('refuses the same key with another payload, as Resend does (409, not retried)', async () => {
		await mailer().send({ ...email, subject: 'First payload' }, 'reused-key');
		const reused = await mailer().send({ ...email, subject: 'Second payload' }, 'reused-key');
		expect(reused).toMatchObject({ ok: false, retryable: false });
		expect(mailbox.list().some((sent) => sent.subject === 'Second payload')).toBe(false);
	});

	it('sends a batch in order, all or nothing', async () => {
		const sent = await mailer().sendBatch([{ ...email, subject: 'Batch 1' }, { ...email, subject: 'Batch 2' }], 'batch-a');
		expect(sent).toMatchObject({ ok: true });
		expect(mailbox.list().slice(0, 2).map((m) => m.subject)).toEqual(['Batch 2', 'Batch 1']);

		const before = mailbox.list().length;
		const response = await fetch(`${resend.origin}/emails/batch`, {
			method: 'POST',
			headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
			body: JSON.stringify([{ from: 'a@b.c', to: ['x@y.z'], subject: 'Fine', text: 'ok' }, { from: 'a@b.c', to: ['x@y.z'], text: 'no subject' }])
		});
		expect(response.status).toBe(422);
		expect(await response.json()).toMatchObject({ name: 'validation_error', message: expect.stringContaining('[1]: missing or invalid subject') });
		expect(mailbox.list()).toHaveLength(before);
	});

	it('refuses a wrong or missing API key without sending', async () => {
		const before = mailbox.list().length;
		expect(await mailer('re_wrong').send(email, 'wrong-key')).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining('invalid_api_key') });
		const missing = await fetch(`${resend.origin}/emails`, { method: 'POST', body: '{}' });
		expect(missing.status).toBe(401);
		expect(mailbox.list()).toHaveLength(before);
	});
});
