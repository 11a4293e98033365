/**
 * The fake below answers as Resend's API is documented to:
 * - POST /emails -> 200 { id }            https://resend.com/docs/api-reference/emails/send-email
 * - POST /emails/batch -> 200 { data }    https://resend.com/docs/api-reference/emails/send-batch-emails
 * - Idempotency-Key: same key + same body -> same response, nothing sent again; same key +
 *   different body -> 409 invalid_idempotent_request
 *                                          https://resend.com/docs/dashboard/emails/idempotency-keys
 * - reply_to: string or array of addresses, optional
 * - attachments: optional array of { filename, content (base64), content_type? }
 * - errors { statusCode, name, message }   https://resend.com/docs/api-reference/errors
 * - 429 with retry-after                  https://resend.com/changelog/api-rate-limit
 */
import { describe, expect, it } from 'vitest';
import { ResendMailer, parseRetryAfter, sendBatch, RESEND_BATCH_LIMIT } from './resend-mailer';
import type { OutgoingEmail } from '../ports';

interface Recorded {
	method: string;
	url: string;
	headers: Record<string, string>;
	body: unknown;
}

type Override = (req: Recorded) => Response | undefined;

function json(status: number, body: unknown, headers: Record<string, string> = {}) {
	return new Response(JSON.stringify(body), {
		status,
		headers: { 'content-type': 'application/json', ...headers }
	});
}

function errorBody(statusCode: number, name: string, message: string, headers?: Record<string, string>) {
	return json(statusCode, { statusCode, name, message }, headers);
}

const base64 = /^[A-Za-z0-9+/]*={0,2}$/;
const validAttachment = (attachment: Record<string, unknown>) =>
	typeof attachment.filename === 'string' &&
	typeof attachment.content === 'string' &&
	base64.test(attachment.content) &&
	(attachment.content_type === undefined || typeof attachment.content_type === 'string');

/** A fake Resend: records every request and replies as the documented API does. */
function fakeResend(override?: Override) {
	const requests: Recorded[] = [];
	const seenKeys = new Map<string, { body: string; response: unknown }>();
	const delivered: unknown[] = [];
	let nextId = 1;

	const fetch = async (input: string, init: RequestInit): Promise<Response> => {
		const headers: Record<string, string> = {};
		new Headers(init.headers).forEach((value, key) => (headers[key] = value));
		const rawBody = typeof init.body === 'string' ? init.body : '';
		const req: Recorded = {
			method: init.method ?? 'GET',
			url: input,
			headers,
			body: rawBody ? JSON.parse(rawBody) : undefined
		};
		requests.push(req);

		const custom = override?.(req);
		if (custom) return custom;

		if (!headers['authorization']) return errorBody(401, 'missing_api_key', 'Missing API key in the authorization header.');
		if (headers['authorization'] !== 'Bearer re_test') return errorBody(403, 'invalid_api_key', 'API key is invalid.');

		const key = headers['idempotency-key'];
		if (key !== undefined && (key.length < 1 || key.length > 256)) {
			return errorBody(400, 'invalid_idempotency_key', 'The key must be between 1-256 chars.');
		}
		if (key) {
			const seen = seenKeys.get(key);
			if (seen && seen.body !== rawBody) {
				return errorBody(409, 'invalid_idempotent_request', 'Same idempotency key used with a different request payload.');
			}
			if (seen) return json(200, seen.response);
		}

		const validate = (email: Record<string, unknown>) =>
			typeof email.from === 'string' &&
			email.to &&
			typeof email.subject === 'string' &&
			(email.reply_to === undefined || typeof email.reply_to === 'string' || Array.isArray(email.reply_to)) &&
			(email.attachments === undefined || (Array.isArray(email.attachments) && email.attachments.every(validAttachment)));

		let response: unknown;
		if (req.method === 'POST' && input === 'https://api.resend.com/emails') {
			if (!validate(req.body as Record<string, unknown>)) {
				return errorBody(422, 'validation_error', 'The `to` field is missing.');
			}
			delivered.push(req.body);
			response = { id: `email-${nextId++}` };
		} else if (req.method === 'POST' && input === 'https://api.resend.com/emails/batch') {
			const emails = req.body as Record<string, unknown>[];
			if (!Array.isArray(emails) || emails.length > 100 || !emails.every(validate)) {
				return errorBody(422, 'validation_error', 'Invalid batch.');
			}
			delivered.push(...emails);
			response = { data: emails.map(() => ({ id: `email-${nextId++}` })) };
		} else {
			return errorBody(404, 'not_found', 'The requested endpoint does not exist.');
		}
		if (key) seenKeys.set(key, { body: rawBody, response });
		return json(200, response);
	};
	return { fetch, requests, delivered };
}

const email: OutgoingEmail = {
	to: 'coachee@example.com',
	subject: 'You have been invited',
	text: 'Open https://app.example/invite/abc',
	html: '<p>Open <a href="https://app.example/invite/abc">your invitation</a></p>'
};

function mailer(fake: ReturnType<typeof fakeResend>) {
	return new ResendMailer({ apiKey: 're_test', from: 'Tandem <hello@tandem.example>', fetch: fake.fetch });
}

describe('ResendMailer.send', () => {
	it('POSTs the documented request to /emails and returns the provider id', async () => {
		const fake = fakeResend();
		const result = await mailer(fake).send(email, 'outbox/42');

		expect(result).toEqual({ ok: true, providerId: 'email-1' });
		expect(fake.requests).toHaveLength(1);
		const [req] = fake.requests;
		expect(req.method).toBe('POST');
		expect(req.url).toBe('https://api.resend.com/emails');
		expect(req.headers).toMatchObject({
			authorization: 'Bearer re_test',
			'content-type': 'application/json',
			'idempotency-key': 'outbox/42'
		});
		expect(req.headers['user-agent']).toBeTruthy();
		expect(req.body).toEqual({
			from: 'Tandem <hello@tandem.example>',
			to: ['coachee@example.com'],
			subject: 'You have been invited',
			html: email.html,
			text: email.text
		});
	});

	it("sends the workspace's reply-to address as Resend's reply_to", async () => {
		const fake = fakeResend();
		expect(await mailer(fake).send({ ...email, replyTo: 'office@acme.example' }, 'outbox/43')).toMatchObject({ ok: true });
		expect(fake.delivered).toEqual([expect.objectContaining({ reply_to: 'office@acme.example', to: ['coachee@example.com'] })]);
	});

	it('sends attachments as Resend takes them: filename, base64 content, content_type', async () => {
		const fake = fakeResend();
		const ics = 'BEGIN:VCALENDAR\r\nSUMMARY:Café ☕\r\nEND:VCALENDAR\r\n';
		const sent = await mailer(fake).send({ ...email, attachments: [{ filename: 'invite.ics', contentType: 'text/calendar; method=REQUEST', content: ics }] }, 'outbox/44');
		expect(sent).toMatchObject({ ok: true });
		const [attachment] = (fake.delivered[0] as { attachments: { filename: string; content: string; content_type: string }[] }).attachments;
		expect(attachment).toMatchObject({ filename: 'invite.ics', content_type: 'text/calendar; method=REQUEST' });
		expect(Buffer.from(attachment!.content, 'base64').toString('utf8')).toBe(ics);
	});

	it('sends once when the same key is used twice (Resend replays the first response)', async () => {
		const fake = fakeResend();
		const m = mailer(fake);
		const first = await m.send(email, 'outbox/7');
		const second = await m.send(email, 'outbox/7');
		expect(second).toEqual(first);
		expect(fake.delivered).toHaveLength(1);
	});

	it('reports 409 invalid_idempotent_request (same key, different payload) as not retryable', async () => {
		const fake = fakeResend();
		const m = mailer(fake);
		await m.send(email, 'outbox/8');
		const result = await m.send({ ...email, subject: 'Changed' }, 'outbox/8');
		expect(result).toMatchObject({ ok: false, retryable: false });
		expect(!result.ok && result.error).toContain('invalid_idempotent_request');
	});

	it('reports 409 concurrent_idempotent_requests as retryable soon', async () => {
		const fake = fakeResend(() =>
			errorBody(409, 'concurrent_idempotent_requests', 'Same idempotency key used while original request is still in progress.')
		);
		const result = await mailer(fake).send(email, 'outbox/9');
		expect(result).toMatchObject({ ok: false, retryable: true, retryAfterSeconds: 5 });
	});

	it('maps 429 rate_limit_exceeded to retryable with retry-after seconds', async () => {
		const fake = fakeResend(() =>
			errorBody(429, 'rate_limit_exceeded', 'Too many requests. You can only make 2 requests per second.', {
				'retry-after': '2',
				'ratelimit-limit': '2',
				'ratelimit-remaining': '0',
				'ratelimit-reset': '2'
			})
		);
		const result = await mailer(fake).send(email, 'outbox/10');
		expect(result).toEqual({
			ok: false,
			retryable: true,
			retryAfterSeconds: 2,
			error: 'Resend 429 rate_limit_exceeded: Too many requests. You can only make 2 requests per second.'
		});
	});

	it('can absorb short rate-limit waits in place before giving the job back to the queue', async () => {
		let calls = 0;
		const fake = fakeResend(() =>
			++calls <= 2 ? errorBody(429, 'rate_limit_exceeded', 'Too many requests.', { 'retry-after': '1' }) : undefined
		);
		const slept: number[] = [];
		const m = new ResendMailer({
			apiKey: 're_test',
			from: 'a@b.example',
			fetch: fake.fetch,
			rateLimitRetries: 2,
			sleep: async (ms) => void slept.push(ms)
		});
		expect(await m.send(email, 'outbox/20')).toMatchObject({ ok: true });
		expect(slept).toEqual([1000, 1000]);
		expect(fake.requests.map((r) => r.headers['idempotency-key'])).toEqual(['outbox/20', 'outbox/20', 'outbox/20']);

		calls = -10; // always limited now: gives up after the allowed waits
		slept.length = 0;
		const result = await m.send(email, 'outbox/21');
		expect(result).toEqual({ ok: false, retryable: true, retryAfterSeconds: 1, error: 'Resend 429 rate_limit_exceeded: Too many requests.' });
		expect(slept).toEqual([1000, 1000]);
	});

	it('does not wait in place for a long retry-after', async () => {
		const fake = fakeResend(() => errorBody(429, 'rate_limit_exceeded', 'Too many requests.', { 'retry-after': '30' }));
		const slept: number[] = [];
		const m = new ResendMailer({ apiKey: 're_test', from: 'a@b.example', fetch: fake.fetch, rateLimitRetries: 2, sleep: async (ms) => void slept.push(ms) });
		expect(await m.send(email, 'outbox/22')).toMatchObject({ ok: false, retryable: true, retryAfterSeconds: 30 });
		expect(slept).toEqual([]);
		expect(fake.requests).toHaveLength(1);
	});

	it('waits an hour on an exhausted daily quota when Resend sends no retry-after', async () => {
		const fake = fakeResend(() => errorBody(429, 'daily_quota_exceeded', 'You have reached your daily email sending quota.'));
		const result = await mailer(fake).send(email, 'outbox/11');
		expect(result).toMatchObject({ ok: false, retryable: true, retryAfterSeconds: 3600 });
	});

	it('maps 5xx to retryable', async () => {
		const fake = fakeResend(() => errorBody(500, 'internal_server_error', 'An unexpected error occurred.'));
		const result = await mailer(fake).send(email, 'outbox/12');
		expect(result).toMatchObject({ ok: false, retryable: true });
		expect(!result.ok && result.error).toBe('Resend 500 internal_server_error: An unexpected error occurred.');
	});

	it('maps a non-JSON 502 from a gateway to retryable', async () => {
		const fake = fakeResend(() => new Response('<html>Bad gateway</html>', { status: 502 }));
		const result = await mailer(fake).send(email, 'outbox/13');
		expect(result).toMatchObject({ ok: false, retryable: true });
	});

	it('maps other 4xx to not retryable, keeping Resend\'s message', async () => {
		const fake = fakeResend(() =>
			errorBody(
				403,
				'validation_error',
				'The tandem.example domain is not verified. Please, add and verify your domain on https://resend.com/domains'
			)
		);
		const result = await mailer(fake).send(email, 'outbox/14');
		expect(result).toEqual({
			ok: false,
			retryable: false,
			error:
				'Resend 403 validation_error: The tandem.example domain is not verified. Please, add and verify your domain on https://resend.com/domains'
		});
	});

	it('reports a bad API key as not retryable', async () => {
		const fake = fakeResend();
		const m = new ResendMailer({ apiKey: 're_wrong', from: 'a@b.example', fetch: fake.fetch });
		const result = await m.send(email, 'outbox/15');
		expect(result).toMatchObject({ ok: false, retryable: false });
		expect(!result.ok && result.error).toContain('invalid_api_key');
	});

	it('treats a network failure as retryable (the key makes the retry safe)', async () => {
		const m = new ResendMailer({
			apiKey: 're_test',
			from: 'a@b.example',
			fetch: async () => {
				throw new TypeError('fetch failed');
			}
		});
		const result = await m.send(email, 'outbox/16');
		expect(result).toMatchObject({ ok: false, retryable: true });
	});

	it('replaces an over-long idempotency key with a stable hash Resend accepts', async () => {
		const fake = fakeResend();
		const m = mailer(fake);
		const longKey = 'digest/'.padEnd(400, 'x');
		expect(await m.send(email, longKey)).toMatchObject({ ok: true });
		expect(await m.send(email, longKey)).toMatchObject({ ok: true });
		const sent = fake.requests.map((r) => r.headers['idempotency-key']);
		expect(sent[0]).toMatch(/^sha256:[0-9a-f]{64}$/);
		expect(sent[1]).toBe(sent[0]);
		expect(fake.delivered).toHaveLength(1);
	});
});

describe('ResendMailer.sendBatch', () => {
	const emails: OutgoingEmail[] = [
		email,
		{ to: 'coach@example.com', subject: 'Daily digest', text: 'Digest', html: '<p>Digest</p>' }
	];

	it('POSTs an array to /emails/batch with one Idempotency-Key and returns ids in order', async () => {
		const fake = fakeResend();
		const result = await mailer(fake).sendBatch(emails, 'digest/2026-11-23');

		expect(result).toEqual({ ok: true, providerIds: ['email-1', 'email-2'] });
		const [req] = fake.requests;
		expect(req.method).toBe('POST');
		expect(req.url).toBe('https://api.resend.com/emails/batch');
		expect(req.headers).toMatchObject({
			authorization: 'Bearer re_test',
			'content-type': 'application/json',
			'idempotency-key': 'digest/2026-11-23'
		});
		expect(req.body).toEqual([
			{ from: 'Tandem <hello@tandem.example>', to: ['coachee@example.com'], subject: email.subject, html: email.html, text: email.text },
			{ from: 'Tandem <hello@tandem.example>', to: ['coach@example.com'], subject: 'Daily digest', html: '<p>Digest</p>', text: 'Digest' }
		]);
	});

	it('honours retry-after on a rate-limited batch', async () => {
		const fake = fakeResend(() => errorBody(429, 'rate_limit_exceeded', 'Too many requests.', { 'retry-after': '1' }));
		expect(await mailer(fake).sendBatch(emails, 'b/1')).toMatchObject({ ok: false, retryable: true, retryAfterSeconds: 1 });
	});

	it('refuses more than 100 emails before calling Resend', async () => {
		const fake = fakeResend();
		const many = Array.from({ length: RESEND_BATCH_LIMIT + 1 }, () => email);
		await expect(mailer(fake).sendBatch(many, 'b/2')).rejects.toThrow(/at most 100/);
		expect(fake.requests).toHaveLength(0);
	});

	it('is also exported as a standalone function', async () => {
		const fake = fakeResend();
		const result = await sendBatch({ apiKey: 're_test', from: 'a@b.example', fetch: fake.fetch }, emails, 'b/3');
		expect(result).toMatchObject({ ok: true });
	});
});

describe('parseRetryAfter', () => {
	it('reads delta-seconds and HTTP dates', () => {
		expect(parseRetryAfter('3')).toBe(3);
		expect(parseRetryAfter('0')).toBe(1);
		const now = Date.parse('2026-11-23T10:00:00Z');
		expect(parseRetryAfter('Mon, 23 Nov 2026 10:00:30 GMT', now)).toBe(30);
		expect(parseRetryAfter('soon')).toBeUndefined();
		expect(parseRetryAfter(null)).toBeUndefined();
	});
});
