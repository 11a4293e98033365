import { describe, expect, it } from 'vitest';
import { backoffSeconds, consumeBatch, MAX_RETRY_DELAY_SECONDS, type QueueMessageLike } from './consumer';
import { RetryableJobError } from '../../src/lib/server/jobs/errors';

function message(body: unknown, attempts = 1) {
	const settled: { ack: number; retry: { delaySeconds?: number }[] } = { ack: 0, retry: [] };
	const m: QueueMessageLike = {
		id: `m-${Math.random()}`,
		body,
		attempts,
		ack: () => void settled.ack++,
		retry: (options) => void settled.retry.push(options ?? {})
	};
	return { m, settled };
}

const silent = { error: () => {}, warn: () => {} };
const job = { type: 'email.send', idempotencyKey: 'outbox/1', tenantId: 't1', outboxId: 'o1' };

describe('backoffSeconds', () => {
	it('doubles from 10 s and caps at 12 h', () => {
		const noJitter = () => 0;
		expect([1, 2, 3, 4].map((a) => backoffSeconds(a, noJitter))).toEqual([10, 20, 40, 80]);
		expect(backoffSeconds(50, noJitter)).toBe(MAX_RETRY_DELAY_SECONDS);
		expect(backoffSeconds(1, () => 0.999)).toBe(11);
	});
});

describe('consumeBatch', () => {
	// Rejections (bad payloads, unknown types, DomainErrors) are covered with the registry in
	// src/lib/server/jobs/registry.test.ts.
	it('acks handled messages and retries unexpected failures with backoff', async () => {
		const ok = message(job);
		const failing = message({ ...job, idempotencyKey: 'outbox/2' }, 3);
		const errors: unknown[] = [];
		const seen: unknown[] = [];

		await consumeBatch(
			[ok.m, failing.m],
			async (body) => {
				seen.push(body);
				if (failing.m.body === body) throw new Error('Turso timeout');
			},
			{ error: (...a) => errors.push(a), warn: () => {} }
		);

		expect(seen).toEqual([job, { ...job, idempotencyKey: 'outbox/2' }]);
		expect(ok.settled).toEqual({ ack: 1, retry: [] });
		expect(failing.settled.ack).toBe(0);
		expect(failing.settled.retry).toHaveLength(1);
		const delay = failing.settled.retry[0].delaySeconds!;
		expect(delay).toBeGreaterThanOrEqual(40);
		expect(delay).toBeLessThanOrEqual(44);
		expect(errors).toHaveLength(1);
	});

	it('uses the delay a RetryableJobError names (e.g. Resend retry-after)', async () => {
		const m = message(job, 1);
		await consumeBatch([m.m], async () => {
			throw new RetryableJobError('rate limited', 2);
		}, silent);
		expect(m.settled.retry).toEqual([{ delaySeconds: 2 }]);
	});

	it('falls back to backoff for a RetryableJobError without a delay, and clamps long ones', async () => {
		const a = message(job, 2);
		const b = message(job, 1);
		await consumeBatch([a.m], async () => {
			throw new RetryableJobError('later');
		}, silent);
		await consumeBatch([b.m], async () => {
			throw new RetryableJobError('much later', 10 ** 9);
		}, silent);
		expect(a.settled.retry[0].delaySeconds).toBeGreaterThanOrEqual(20);
		expect(b.settled.retry).toEqual([{ delaySeconds: MAX_RETRY_DELAY_SECONDS }]);
	});
});
