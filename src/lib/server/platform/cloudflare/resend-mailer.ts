/**
 * Mailer over Resend's REST API with plain `fetch` (no SDK: smaller bundle, and tests inject
 * a fake fetch).
 *
 * Shapes, from Resend's documentation:
 * - POST https://api.resend.com/emails, `Authorization: Bearer re_...`, JSON body
 *   { from, to, subject, html, text, reply_to?, attachments? } -> 200 { id }; each attachment
 *   is { filename, content (base64), content_type }.
 *   https://resend.com/docs/api-reference/emails/send-email
 * - POST https://api.resend.com/emails/batch, body: array of up to 100 such emails
 *   -> 200 { data: [{ id }, ...] } in request order. Strict validation (the default) sends
 *   all or nothing, which keeps one Idempotency-Key per batch meaningful.
 *   https://resend.com/docs/api-reference/emails/send-batch-emails and
 *   https://resend.com/docs/dashboard/emails/batch-sending
 * - `Idempotency-Key` header (1-256 chars, kept 24 h) on both endpoints: a repeat with the
 *   same key and payload returns the first response without sending again.
 *   https://resend.com/docs/dashboard/emails/idempotency-keys
 * - Errors: JSON { statusCode, name, message }; 429 rate_limit_exceeded /
 *   daily_quota_exceeded / monthly_quota_exceeded, 409 invalid_idempotent_request (same key,
 *   different payload) and concurrent_idempotent_requests (same key still in flight).
 *   https://resend.com/docs/api-reference/errors
 * - Rate limit: 429 with `retry-after` (seconds to wait) and ratelimit-* headers.
 *   https://resend.com/docs/api-reference ("Rate limit") and https://resend.com/changelog/api-rate-limit
 */
import type { EmailAttachment } from '../../db/control/schema';
import type { Mailer, OutgoingEmail, SendResult } from '../ports';
import type { FetchLike } from './fetch';

export const RESEND_API = 'https://api.resend.com';
export const RESEND_BATCH_LIMIT = 100;
const MAX_IDEMPOTENCY_KEY = 256;
/** When a quota (not a rate) is exhausted and Resend gives no retry-after, wait this long. */
const QUOTA_RETRY_SECONDS = 60 * 60;
/** Another request with the same key is in flight: look again shortly. */
const CONCURRENT_RETRY_SECONDS = 5;

export interface ResendMailerOptions {
	apiKey: string;
	/** e.g. `Tandem <notifications@tandem.coach>`; must be on a domain verified in Resend. */
	from: string;
	fetch?: FetchLike;
	baseUrl?: string;
	/** Abort a request that takes longer than this; the job retries with the same key. */
	timeoutMs?: number;
	/**
	 * On a 429 rate_limit_exceeded whose retry-after is at most `maxInlineWaitSeconds`, wait
	 * and try again this many times inside the same call instead of spending one of the
	 * queue's retries (Resend's default limit is only 2 requests/s). Default 0.
	 */
	rateLimitRetries?: number;
	maxInlineWaitSeconds?: number;
	/** Injected in tests. */
	sleep?: (ms: number) => Promise<void>;
}

export type BatchSendResult =
	| { ok: true; providerIds: string[] }
	| { ok: false; retryable: boolean; retryAfterSeconds?: number; error: string };

interface ResendError {
	statusCode?: number;
	name?: string;
	message?: string;
}

export class ResendMailer implements Mailer {
	private readonly fetch: FetchLike;
	private readonly baseUrl: string;
	private readonly timeoutMs: number;

	constructor(private readonly options: ResendMailerOptions) {
		if (!options.apiKey) throw new Error('RESEND_API_KEY is not set: run `wrangler secret put RESEND_API_KEY`.');
		if (!options.from) throw new Error('MAIL_FROM is not set (wrangler.toml [vars]).');
		// Bound late so a test or a Worker can replace globalThis.fetch after construction.
		this.fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
		this.baseUrl = (options.baseUrl ?? RESEND_API).replace(/\/+$/, '');
		this.timeoutMs = options.timeoutMs ?? 15_000;
	}

	async send(email: OutgoingEmail, idempotencyKey: string): Promise<SendResult> {
		const outcome = await this.post('/emails', this.body(email), idempotencyKey);
		if (!outcome.ok) return outcome;
		const id = (outcome.json as { id?: unknown } | null)?.id;
		if (typeof id !== 'string' || !id) {
			// Accepted but unreadable: retrying with the same key cannot send twice.
			return { ok: false, retryable: true, error: 'Resend accepted the email but returned no id' };
		}
		return { ok: true, providerId: id };
	}

	/**
	 * Sends up to 100 emails in one request. All or nothing: on success `providerIds[i]`
	 * belongs to `emails[i]`; on failure none was sent. Use one idempotency key per batch
	 * content (e.g. derived from the sorted outbox row ids), never reused for another set.
	 */
	async sendBatch(emails: OutgoingEmail[], idempotencyKey: string): Promise<BatchSendResult> {
		if (emails.length === 0) return { ok: true, providerIds: [] };
		if (emails.length > RESEND_BATCH_LIMIT) {
			throw new RangeError(`Resend batches take at most ${RESEND_BATCH_LIMIT} emails, got ${emails.length}.`);
		}
		const outcome = await this.post('/emails/batch', emails.map((e) => this.body(e)), idempotencyKey);
		if (!outcome.ok) return outcome;
		const data = (outcome.json as { data?: unknown } | null)?.data;
		const ids = Array.isArray(data) ? data.map((d) => (d as { id?: unknown })?.id) : [];
		if (ids.length !== emails.length || ids.some((id) => typeof id !== 'string' || !id)) {
			return { ok: false, retryable: true, error: 'Resend accepted the batch but returned unexpected ids' };
		}
		return { ok: true, providerIds: ids as string[] };
	}

	private body(email: OutgoingEmail) {
		return {
			from: this.options.from,
			to: [email.to],
			subject: email.subject,
			html: email.html,
			text: email.text,
			...(email.replyTo ? { reply_to: email.replyTo } : {}),
			...(email.attachments?.length ? { attachments: email.attachments.map(resendAttachment) } : {})
		};
	}

	private async post(
		path: string,
		body: unknown,
		idempotencyKey: string
	): Promise<{ ok: true; json: unknown } | Extract<SendResult, { ok: false }>> {
		const retries = this.options.rateLimitRetries ?? 0;
		const maxWait = this.options.maxInlineWaitSeconds ?? 2;
		const sleep = this.options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
		for (let attempt = 0; ; attempt++) {
			const result = await this.postOnce(path, body, idempotencyKey);
			if (result.ok) return result;
			const wait = result.failure.retryAfterSeconds;
			if (!result.rateLimited || wait === undefined || wait > maxWait || attempt >= retries) {
				return result.failure;
			}
			await sleep(wait * 1000);
		}
	}

	private async postOnce(
		path: string,
		body: unknown,
		idempotencyKey: string
	): Promise<
		{ ok: true; json: unknown } | { ok: false; failure: Extract<SendResult, { ok: false }>; rateLimited: boolean }
	> {
		let response: Response;
		try {
			response = await this.fetch(`${this.baseUrl}${path}`, {
				method: 'POST',
				headers: {
					Authorization: `Bearer ${this.options.apiKey}`,
					'Content-Type': 'application/json',
					'Idempotency-Key': await normaliseIdempotencyKey(idempotencyKey),
					// Resend rejects requests without a User-Agent; Workers' fetch sends none.
					'User-Agent': 'tandem-mailer/1'
				},
				body: JSON.stringify(body),
				signal: AbortSignal.timeout(this.timeoutMs)
			});
		} catch (error) {
			// Network failure or timeout: the outcome is unknown, and the idempotency key
			// makes a retry safe.
			return {
				ok: false,
				rateLimited: false,
				failure: { ok: false, retryable: true, error: `Resend unreachable: ${errorText(error)}` }
			};
		}

		if (response.ok) {
			return { ok: true, json: await response.json().catch(() => null) };
		}
		const error = await readError(response);
		return {
			ok: false,
			failure: classifyFailure(response.status, response.headers, error),
			rateLimited: response.status === 429 && error.name === 'rate_limit_exceeded'
		};
	}
}

export function resendMailer(options: ResendMailerOptions): ResendMailer {
	return new ResendMailer(options);
}

/** Standalone batch send, for callers that hold options rather than a mailer. */
export function sendBatch(
	options: ResendMailerOptions,
	emails: OutgoingEmail[],
	idempotencyKey: string
): Promise<BatchSendResult> {
	return new ResendMailer(options).sendBatch(emails, idempotencyKey);
}

/** Resend takes an attachment's bytes as base64; ours are text (UTF-8). */
function resendAttachment(attachment: EmailAttachment) {
	return { filename: attachment.filename, content: base64Of(attachment.content), content_type: attachment.contentType };
}

function base64Of(text: string): string {
	let binary = '';
	for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
	return btoa(binary);
}

function classifyFailure(
	status: number,
	headers: Headers,
	error: ResendError
): Extract<SendResult, { ok: false }> {
	const name = error.name ?? 'unknown_error';
	const text = `Resend ${status} ${name}: ${error.message ?? 'no message'}`;
	const retryAfter = parseRetryAfter(headers.get('retry-after'));

	if (status === 429) {
		const quota = name === 'daily_quota_exceeded' || name === 'monthly_quota_exceeded';
		return {
			ok: false,
			retryable: true,
			retryAfterSeconds: retryAfter ?? (quota ? QUOTA_RETRY_SECONDS : undefined),
			error: text
		};
	}
	if (status === 409 && name === 'concurrent_idempotent_requests') {
		return { ok: false, retryable: true, retryAfterSeconds: retryAfter ?? CONCURRENT_RETRY_SECONDS, error: text };
	}
	if (status >= 500) {
		return { ok: false, retryable: true, retryAfterSeconds: retryAfter, error: text };
	}
	// 400 validation_error, 401/403 key problems, 403 unverified domain, 409
	// invalid_idempotent_request, 422 ...: repeating the same request cannot succeed.
	return { ok: false, retryable: false, error: text };
}

async function readError(response: Response): Promise<ResendError> {
	const raw = await response.text().catch(() => '');
	try {
		const parsed = JSON.parse(raw) as ResendError;
		if (parsed && typeof parsed === 'object') return parsed;
	} catch {
		// not JSON (e.g. a gateway page)
	}
	return { message: raw.slice(0, 200) || response.statusText };
}

/** `retry-after` is delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
	if (!value) return undefined;
	const trimmed = value.trim();
	if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.max(1, Math.ceil(Number(trimmed)));
	const date = Date.parse(trimmed);
	if (Number.isNaN(date)) return undefined;
	return Math.max(1, Math.ceil((date - now) / 1000));
}

/** Resend accepts 1-256 characters; longer keys are replaced by a stable hash of themselves. */
async function normaliseIdempotencyKey(key: string): Promise<string> {
	if (!key) throw new Error('An idempotency key is required.');
	if (key.length <= MAX_IDEMPOTENCY_KEY) return key;
	const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(key));
	const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
	return `sha256:${hex}`;
}

function errorText(error: unknown): string {
	return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
