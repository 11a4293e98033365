/**
 * Queue-consumer policy for the jobs worker, kept free of bindings so it is unit-tested in
 * Node: run each message, ack on success; on failure ack what can never succeed (logged once)
 * and retry the rest with a delay (jobs/outcome.ts decides which is which).
 *
 * Queues API (https://developers.cloudflare.com/queues/configuration/javascript-apis/#consumer):
 * `message.ack()` / `message.retry({ delaySeconds })` settle one message, whatever happens to
 * the rest of the batch; `message.attempts` counts deliveries, starting at 1. After
 * `max_retries` retries (workers/jobs/wrangler.toml) a message goes to the dead-letter queue.
 */
import { RetryableJobError } from '../../src/lib/server/jobs/errors';
import { classifyJobFailure, describeJob, rejectionNotice } from '../../src/lib/server/jobs/outcome';

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

/** 10 s, 20 s, 40 s, ... capped at 12 h, plus up to 10 % jitter so retries of a failed
 * batch do not arrive together. `attempts` is the delivery that just failed (1-based). */
export function backoffSeconds(attempts: number, random: () => number = Math.random): number {
	const exponent = Math.max(0, Math.min(attempts - 1, 20));
	const base = Math.min(MAX_RETRY_DELAY_SECONDS, BASE_DELAY_SECONDS * 2 ** exponent);
	return Math.min(MAX_RETRY_DELAY_SECONDS, Math.ceil(base * (1 + 0.1 * random())));
}

function retryDelay(named: number | undefined, attempts: number): number {
	if (named === undefined || !Number.isFinite(named)) return backoffSeconds(attempts);
	return Math.max(0, Math.min(MAX_RETRY_DELAY_SECONDS, Math.ceil(named)));
}

/**
 * Runs the batch one message at a time: sequential work keeps a batch from bursting past
 * Resend's and Turso's rate limits, and each message is settled on its own. `handle`
 * receives the raw body and validates it (runner.ts `handleJob`).
 */
export async function consumeBatch(
	messages: readonly QueueMessageLike[],
	handle: (body: unknown) => Promise<void>,
	log: Logger = console
): Promise<void> {
	for (const message of messages) {
		try {
			await handle(message.body);
			message.ack();
		} catch (error) {
			const failure = classifyJobFailure(error);
			if (failure.action === 'reject') {
				log.error(rejectionNotice(message.body, `${failure.reason} (message ${message.id})`));
				message.ack();
				continue;
			}
			const delaySeconds = retryDelay(failure.delaySeconds, message.attempts);
			log[error instanceof RetryableJobError ? 'warn' : 'error'](
				`jobs: ${describeJob(message.body)} failed on attempt ${message.attempts}, retrying in ${delaySeconds}s: ${failure.reason}`
			);
			message.retry({ delaySeconds });
		}
	}
}
