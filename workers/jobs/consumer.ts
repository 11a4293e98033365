/**
 * Queue-consumer policy for the jobs worker, kept free of bindings so it is unit-tested in
 * Node: validate each message, run it, ack on success, retry with a delay on failure.
 *
 * Queues API (https://developers.cloudflare.com/queues/configuration/javascript-apis/#consumer):
 * `message.ack()` / `message.retry({ delaySeconds })` settle one message, whatever happens to
 * the rest of the batch; `message.attempts` counts deliveries, starting at 1. After
 * `max_retries` retries (workers/jobs/wrangler.toml) a message goes to the dead-letter queue.
 */
import type { JobMessage } from '../../src/lib/server/platform/ports';
import { RetryableJobError } from '../../src/lib/server/jobs/errors';
import { jobMessageSchema } from '../../src/lib/server/jobs/message';

/** Queues accepts retry delays up to 12 hours. */
export const MAX_RETRY_DELAY_SECONDS = 12 * 60 * 60;
const BASE_DELAY_SECONDS = 10;

export interface QueueMessageLike {
	readonly id: string;
	readonly body: unknown;
	readonly attempts: number;
	ack(): void;
	retry(options?: { delaySeconds?: number }): void;
}

export interface Logger {
	error(...args: unknown[]): void;
	warn(...args: unknown[]): void;
}

export function isJobMessage(body: unknown): body is JobMessage {
	return jobMessageSchema.safeParse(body).success;
}

/** 10 s, 20 s, 40 s, ... capped at 12 h, plus up to 10 % jitter so retries of a failed
 * batch do not arrive together. `attempts` is the delivery that just failed (1-based). */
export function backoffSeconds(attempts: number, random: () => number = Math.random): number {
	const exponent = Math.max(0, Math.min(attempts - 1, 20));
	const base = Math.min(MAX_RETRY_DELAY_SECONDS, BASE_DELAY_SECONDS * 2 ** exponent);
	return Math.min(MAX_RETRY_DELAY_SECONDS, Math.ceil(base * (1 + 0.1 * random())));
}

function retryDelay(error: unknown, attempts: number): number {
	if (error instanceof RetryableJobError && error.delaySeconds !== undefined) {
		const named = Math.ceil(error.delaySeconds);
		return Number.isFinite(named) ? Math.max(0, Math.min(MAX_RETRY_DELAY_SECONDS, named)) : backoffSeconds(attempts);
	}
	return backoffSeconds(attempts);
}

/**
 * Runs the batch one message at a time: sequential work keeps a batch from bursting past
 * Resend's and Turso's rate limits, and each message is settled on its own.
 */
export async function consumeBatch(
	messages: readonly QueueMessageLike[],
	handle: (message: JobMessage) => Promise<void>,
	log: Logger = console
): Promise<void> {
	for (const message of messages) {
		if (!isJobMessage(message.body)) {
			// Retrying cannot fix a malformed message: drop it, loudly.
			log.error(`jobs: dropping malformed message ${message.id}`, JSON.stringify(message.body)?.slice(0, 500));
			message.ack();
			continue;
		}
		const job = message.body;
		try {
			await handle(job);
			message.ack();
		} catch (error) {
			const delaySeconds = retryDelay(error, message.attempts);
			const text = error instanceof Error ? error.message : String(error);
			const level = error instanceof RetryableJobError ? 'warn' : 'error';
			log[level](
				`jobs: ${job.type} (${job.idempotencyKey}${job.tenantId ? `, tenant ${job.tenantId}` : ''}) ` +
					`failed on attempt ${message.attempts}, retrying in ${delaySeconds}s: ${text}`
			);
			message.retry({ delaySeconds });
		}
	}
}
