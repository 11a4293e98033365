/**
 * What a failed delivery means, decided in one place for both queues (the Cloudflare
 * consumer and the local InProcessQueue):
 * - rejected for good: the message is unprocessable, or the handler threw a DomainError
 *   (the input can never succeed). Ack it and log the reason once.
 * - retry: anything else. A RetryableJobError may name its delay; otherwise the queue backs
 *   off, and after its last retry the message is dead-lettered.
 */
import { domainErrorIn } from '../errors';
import { RetryableJobError, UnprocessableJobError } from './errors';

export type JobFailure =
	| { action: 'reject'; reason: string }
	| { action: 'retry'; reason: string; delaySeconds?: number };

export function classifyJobFailure(error: unknown): JobFailure {
	const reason = error instanceof Error ? error.message : String(error);
	// Rate limits are domain errors too, but waiting is exactly what fixes them.
	const domain = domainErrorIn(error);
	const permanent = error instanceof UnprocessableJobError || (domain !== null && domain.code !== 'rate_limited');
	if (permanent) return { action: 'reject', reason };
	if (error instanceof RetryableJobError) return { action: 'retry', reason, delaySeconds: error.delaySeconds };
	return { action: 'retry', reason };
}

/** `email.send (key, tenant t1)` for log lines, from whatever arrived on the queue. */
export function describeJob(body: unknown): string {
	const { type, idempotencyKey, tenantId } = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
	const tenant = typeof tenantId === 'string' ? `, tenant ${tenantId}` : '';
	return `${String(type ?? 'message without a type')} (${String(idempotencyKey ?? 'no idempotency key')}${tenant})`;
}

/** The one log line of a message rejected for good. */
export const rejectionNotice = (body: unknown, reason: string) =>
	`jobs: rejected ${describeJob(body)} for good, not retrying: ${reason}`;
