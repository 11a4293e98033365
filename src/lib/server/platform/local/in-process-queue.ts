import type { JobMessage } from '../../jobs/messages';
import { classifyJobFailure, rejectionNotice } from '../../jobs/outcome';
import type { JobQueue } from '../ports';

export interface DeadLetter {
	message: JobMessage;
	attempts: number;
	error: string;
}

export interface InProcessQueueOptions {
	/** Deliveries after the first; Cloudflare's default is 3. */
	maxRetries?: number;
	/** Delay before retry n (1-based) when the handler names none. */
	backoffMs?: (attempt: number) => number;
	/** Waits out a delivery's delay; tests pass one that records it and returns at once. */
	wait?: (ms: number) => Promise<void>;
	log?: Pick<Console, 'error'>;
}

/** Receives each delivery as the real consumer does: a JSON copy it must validate. */
type Handler = (message: unknown) => Promise<void>;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The Cloudflare Queue's semantics in one process: at-least-once delivery, retries with
 * backoff, then a dead-letter list. Messages are copied through JSON as the real queue
 * serialises them, so a handler cannot depend on object identity. Failures are settled by
 * the same rule as the Cloudflare consumer (jobs/outcome.ts).
 */
export class InProcessQueue implements JobQueue {
	readonly deadLetters: DeadLetter[] = [];
	private handler: Handler | null = null;
	private readonly pending = new Set<Promise<void>>();
	private readonly maxRetries: number;
	private readonly backoffMs: (attempt: number) => number;
	private readonly wait: (ms: number) => Promise<void>;
	private readonly log: Pick<Console, 'error'>;

	constructor(options: InProcessQueueOptions = {}) {
		this.maxRetries = options.maxRetries ?? 3;
		this.backoffMs = options.backoffMs ?? ((attempt) => Math.min(60_000, 1000 * 2 ** (attempt - 1)));
		this.wait = options.wait ?? sleep;
		this.log = options.log ?? console;
	}

	consume(handler: Handler) {
		this.handler = handler;
	}

	async send(message: JobMessage, options: { delaySeconds?: number } = {}): Promise<void> {
		this.schedule(JSON.parse(JSON.stringify(message)) as JobMessage, 1, (options.delaySeconds ?? 0) * 1000);
	}

	private schedule(message: JobMessage, attempt: number, delayMs: number) {
		const delivery = this.wait(delayMs)
			.then(() => this.deliver(message, attempt))
			.finally(() => this.pending.delete(delivery));
		this.pending.add(delivery);
	}

	private async deliver(message: JobMessage, attempt: number) {
		if (!this.handler) throw new Error('InProcessQueue has no consumer.');
		try {
			await this.handler(message);
		} catch (error) {
			const failure = classifyJobFailure(error);
			if (failure.action === 'reject') {
				this.log.error(rejectionNotice(message, failure.reason));
				return;
			}
			if (attempt > this.maxRetries) {
				this.deadLetters.push({ message, attempts: attempt, error: failure.reason });
				this.log.error(`job ${message.type} (${message.idempotencyKey}) dead-lettered after ${attempt} attempts: ${failure.reason}`);
				return;
			}
			const delayMs = failure.delaySeconds !== undefined ? failure.delaySeconds * 1000 : this.backoffMs(attempt);
			this.schedule(message, attempt + 1, delayMs);
		}
	}

	/** Resolves once nothing is queued or running, including retries. */
	async drain(): Promise<void> {
		while (this.pending.size) await Promise.all([...this.pending]);
	}
}
