/**
 * JobQueue over the Cloudflare Queues producer binding
 * (https://developers.cloudflare.com/queues/configuration/javascript-apis/#producer).
 * Messages are JSON-serialisable job descriptors; the jobs worker consumes them.
 */
import type { JobMessage } from '../../jobs/messages';
import type { JobQueue } from '../ports';

/** Queues accepts delays of 0..43200 s (12 h) on send and retry. */
export const MAX_QUEUE_DELAY_SECONDS = 12 * 60 * 60;
/** Per-message size limit of Cloudflare Queues. */
export const MAX_MESSAGE_BYTES = 128 * 1024;

export function clampDelay(seconds: number | undefined): number | undefined {
	if (seconds === undefined || !Number.isFinite(seconds) || seconds <= 0) return undefined;
	return Math.min(MAX_QUEUE_DELAY_SECONDS, Math.ceil(seconds));
}

export function cloudflareQueue(queue: Pick<Queue<unknown>, 'send'>): JobQueue {
	return {
		async send(message: JobMessage, options?: { delaySeconds?: number }) {
			const size = new TextEncoder().encode(JSON.stringify(message)).byteLength;
			if (size > MAX_MESSAGE_BYTES) {
				// Fail loudly at the producer: large payloads belong in a job row or R2, with
				// only their id in the message.
				throw new Error(`Job message ${message.type} is ${size} bytes; the queue limit is ${MAX_MESSAGE_BYTES}.`);
			}
			const delaySeconds = clampDelay(options?.delaySeconds);
			// contentType 'json' keeps messages readable in the dashboard and DLQ, and refuses
			// anything that is not plain JSON (Dates, Maps...) instead of silently cloning it.
			await queue.send(message, delaySeconds ? { contentType: 'json', delaySeconds } : { contentType: 'json' });
		}
	};
}
