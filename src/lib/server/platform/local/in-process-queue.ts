import type { JobMessage, JobQueue } from '../ports';
import { RetryableJobError } from '../../jobs/errors';

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
}

type Handler = (message: JobMessage) => Promise<void>;

/**
 * The Cloudflare Queue's semantics in one process: at-least-once delivery, retries with
 * backoff, then a dead-letter list. Messages are copied through JSON as the real queue
 * serialises them, so a handler cannot depend on object identity.
 */
export class InProcessQueue implements JobQueue {
	readonly deadLetters: DeadLetter[] = [];
	private handler: Handler | null = null;
	private readonly pending = new Set<Promise<void>>();
	private readonly maxRetries: number;
	private readonly backoffMs: (attempt: number) => number;

	constructor(options: InProcessQueueOptions = {}) {
		this.maxRetries = options.maxRetries ?? 3;
		this.backoffMs = options.backoffMs ?? ((attempt) => Math.min(60_000, 1000 * 2 ** (attempt - 1)));
	}

	consume(handler: Handler) {
		this.handler = handler;
	}

	async send(message: JobMessage, options: { delaySeconds?: number } = {}): Promise<void> {
		this.schedule(JSON.parse(JSON.stringify(message)) as JobMessage, 1, (options.delaySeconds ?? 0) * 1000);
	}

	private schedule(message: JobMessage, attempt: number, delayMs: number) {
		const delivery = new Promise<void>((resolve) => setTimeout(resolve, delayMs))
			.then(() => this.deliver(message, attempt))
			.finally(() => this.pending.delete(delivery));
		this.pending.add(delivery);
	}

	private async deliver(message: JobMessage, attempt: number) {
		if (!this.handler) throw new Error('InProcessQueue has no consumer.');
		try {
			await this.handler(message);
		} catch (error) {
			const text = error instanceof Error ? error.message : String(error);
			if (attempt > this.maxRetries) {
				this.deadLetters.push({ message, attempts: attempt, error: text });
				console.error(`job ${message.type} (${message.idempotencyKey}) dead-lettered after ${attempt} attempts: ${text}`);
				return;
			}
			const named = error instanceof RetryableJobError && error.delaySeconds !== undefined;
			this.schedule(message, attempt + 1, named ? error.delaySeconds! * 1000 : this.backoffMs(attempt));
		}
	}

	/** Resolves once nothing is queued or running, including retries. */
	async drain(): Promise<void> {
		while (this.pending.size) await Promise.all([...this.pending]);
	}
}
