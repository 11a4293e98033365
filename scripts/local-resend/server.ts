/**
 * A local stand-in for Resend's REST API, so the jobs worker running in workerd (`npm run
 * preview`, the browser suite on the production runtime) sends email through the real
 * Resend adapter (src/lib/server/platform/cloudflare/resend-mailer.ts) and the mail lands in
 * the same mailbox file /dev/mail reads. A test double, never shipped.
 *
 * It follows the contract that adapter is written against (its header cites the docs):
 * - POST /emails, `Authorization: Bearer <key>`, JSON { from, to, subject, html?, text?,
 *   reply_to?, attachments? ({ filename, content: base64, content_type }) } -> 200 { id }. A missing key is 401 `missing_api_key`, a wrong one 403
 *   `invalid_api_key`; a bad body 422 `validation_error`.
 * - POST /emails/batch: an array of up to 100 such emails, validated all before any is
 *   sent -> 200 { data: [{ id }] } in request order.
 * - `Idempotency-Key`: a repeat with the same key and payload answers the first response
 *   and sends nothing; the same key with another payload is 409 `invalid_idempotent_request`.
 * Errors have Resend's shape { statusCode, name, message }.
 *
 * GET /mailbox answers what was captured, newest first (the app's /dev/mail reads it through
 * DEV_MAILBOX_URL in the preview).
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CapturedMailer } from '../../src/lib/server/platform/local/captured-mailer';
import type { EmailAttachment } from '../../src/lib/server/db/control/schema';
import type { OutgoingEmail } from '../../src/lib/server/platform/ports';
import { readBody, RequestError, sendJson } from '../local-http';

export interface LocalResendOptions {
	/** Where accepted emails go (a file-backed mailbox survives restarts). */
	mailbox: CapturedMailer;
	/** The API key callers must present. */
	apiKey: string;
	host?: string;
	/** 0 (the default) picks a free port. */
	port?: number;
}

export interface LocalResend {
	/** e.g. http://127.0.0.1:41235: the adapter's `baseUrl` (RESEND_API_URL). */
	origin: string;
	close(): Promise<void>;
}

const BATCH_LIMIT = 100;

class ResendFailure extends Error {
	constructor(
		readonly statusCode: number,
		readonly errorName: string,
		message: string
	) {
		super(message);
	}
}

interface ResendEmailBody {
	from?: unknown;
	to?: unknown;
	subject?: unknown;
	html?: unknown;
	text?: unknown;
	reply_to?: unknown;
	attachments?: unknown;
}

export async function startLocalResend(options: LocalResendOptions): Promise<LocalResend> {
	/** Idempotency key -> the payload it was first used with and the answer given. */
	const answered = new Map<string, { payload: string; answer: unknown }>();

	async function accept(path: string, body: unknown, idempotencyKey: string | undefined): Promise<unknown> {
		const payload = JSON.stringify(body);
		const earlier = idempotencyKey ? answered.get(`${path} ${idempotencyKey}`) : undefined;
		if (earlier && earlier.payload !== payload) {
			throw new ResendFailure(409, 'invalid_idempotent_request', 'This idempotency key has already been used with a different payload.');
		}
		if (earlier) return earlier.answer;
		const answer = path === '/emails/batch' ? await sendBatch(body, idempotencyKey) : await sendOne(body, idempotencyKey ?? crypto.randomUUID());
		if (idempotencyKey) answered.set(`${path} ${idempotencyKey}`, { payload, answer });
		return answer;
	}

	async function sendOne(body: unknown, key: string): Promise<{ id: string }> {
		const email = toOutgoing(body, 'body');
		const result = await options.mailbox.send(email, key);
		if (!result.ok) throw new ResendFailure(500, 'application_error', result.error);
		return { id: result.providerId };
	}

	async function sendBatch(body: unknown, key: string | undefined): Promise<{ data: { id: string }[] }> {
		if (!Array.isArray(body) || body.length === 0) throw new ResendFailure(422, 'validation_error', 'The body must be a non-empty array of emails.');
		if (body.length > BATCH_LIMIT) throw new ResendFailure(422, 'validation_error', `A batch holds at most ${BATCH_LIMIT} emails.`);
		const emails = body.map((email, index) => toOutgoing(email, `[${index}]`));
		const batchKey = key ?? crypto.randomUUID();
		const data = [];
		for (const [index, email] of emails.entries()) {
			const result = await options.mailbox.send(email, `${batchKey}:${index}`);
			if (!result.ok) throw new ResendFailure(500, 'application_error', result.error);
			data.push({ id: result.providerId });
		}
		return { data };
	}

	async function route(request: IncomingMessage): Promise<{ status: number; body: unknown }> {
		const path = new URL(request.url ?? '/', 'http://local').pathname;
		if (request.method === 'GET' && path === '/mailbox') return { status: 200, body: options.mailbox.list() };
		if (request.method !== 'POST' || (path !== '/emails' && path !== '/emails/batch')) {
			throw new ResendFailure(404, 'not_found', `${request.method} ${path} is not an endpoint of this Resend double.`);
		}
		requireApiKey(request.headers.authorization, options.apiKey);
		const key = request.headers['idempotency-key'];
		const idempotencyKey = typeof key === 'string' && key ? key : undefined;
		return { status: 200, body: await accept(path, await readJson(request), idempotencyKey) };
	}

	const server = createServer((request, response) => {
		route(request).then(
			({ status, body }) => sendJson(response, status, body),
			(error: unknown) => {
				const failure =
					error instanceof ResendFailure ? error
					: error instanceof RequestError ? new ResendFailure(error.status, 'validation_error', error.message)
					: new ResendFailure(500, 'application_error', String(error));
				sendJson(response, failure.statusCode, { statusCode: failure.statusCode, name: failure.errorName, message: failure.message });
			}
		);
	});
	const host = options.host ?? '127.0.0.1';
	await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve));
	const { port } = server.address() as AddressInfo;
	return {
		origin: `http://${host}:${port}`,
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}

function requireApiKey(header: string | undefined, apiKey: string) {
	const presented = header?.match(/^Bearer (.+)$/)?.[1];
	if (!presented) throw new ResendFailure(401, 'missing_api_key', 'Missing API key in the authorization header.');
	if (presented !== apiKey) throw new ResendFailure(403, 'invalid_api_key', 'API key is invalid.');
}

function toOutgoing(body: unknown, where: string): OutgoingEmail {
	const email = (typeof body === 'object' && body !== null ? body : {}) as ResendEmailBody;
	const to = Array.isArray(email.to) ? email.to : [email.to];
	const missing = [
		typeof email.from === 'string' && email.from ? null : 'from',
		to.length > 0 && to.every((address) => typeof address === 'string' && address.includes('@')) ? null : 'to',
		typeof email.subject === 'string' && email.subject ? null : 'subject',
		typeof email.html === 'string' || typeof email.text === 'string' ? null : 'html or text'
	].filter(Boolean);
	if (missing.length) throw new ResendFailure(422, 'validation_error', `${where}: missing or invalid ${missing.join(', ')}.`);
	return {
		to: (to as string[]).join(', '),
		subject: email.subject as string,
		html: typeof email.html === 'string' ? email.html : '',
		text: typeof email.text === 'string' ? email.text : '',
		...(typeof email.reply_to === 'string' ? { replyTo: email.reply_to } : {}),
		...(Array.isArray(email.attachments) && email.attachments.length ? { attachments: email.attachments.map((a) => toAttachment(a, where)) } : {})
	};
}

/** The mailbox keeps attachments as the app wrote them: text, decoded from Resend's base64. */
function toAttachment(body: unknown, where: string): EmailAttachment {
	const attachment = (typeof body === 'object' && body !== null ? body : {}) as { filename?: unknown; content?: unknown; content_type?: unknown };
	if (typeof attachment.filename !== 'string' || typeof attachment.content !== 'string') {
		throw new ResendFailure(422, 'validation_error', `${where}: each attachment needs a filename and base64 content.`);
	}
	const contentType = typeof attachment.content_type === 'string' ? attachment.content_type : 'application/octet-stream';
	return { filename: attachment.filename, contentType, content: Buffer.from(attachment.content, 'base64').toString('utf8') };
}

async function readJson(request: IncomingMessage): Promise<unknown> {
	const body = await readBody(request);
	try {
		return JSON.parse(body);
	} catch {
		throw new ResendFailure(422, 'validation_error', 'The body is not valid JSON.');
	}
}
