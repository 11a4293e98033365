import { describe, expect, it } from 'vitest';
import { RetryableJobError } from '../../jobs/errors';
import { InProcessQueue } from './in-process-queue';

const message = (n: number) => ({ type: 'tenant.due' as const, idempotencyKey: `k${n}`, tenantId: `t${n}` });

describe('in-process queue', () => {
	it('delivers each message, at least once, as a copy', async () => {
		const queue = new InProcessQueue({ backoffMs: () => 0 });
		const seen: unknown[] = [];
		queue.consume(async (m) => void seen.push(m));
		const original = message(1);
		await queue.send(original);
		await queue.drain();
		expect(seen).toEqual([original]);
		expect(seen[0]).not.toBe(original);
	});

	it('retries a failing message with growing backoff, then succeeds', async () => {
		const delays: number[] = [];
		const queue = new InProcessQueue({ backoffMs: (attempt) => (delays.push(attempt), 0) });
		let calls = 0;
		queue.consume(async () => {
			if (++calls < 3) throw new Error('flaky');
		});
		await queue.send(message(1));
		await queue.drain();
		expect(calls).toBe(3);
		expect(delays).toEqual([1, 2]);
		expect(queue.deadLetters).toEqual([]);
	});

	it('honours the delay a handler asks for', async () => {
		const waits: number[] = [];
		const queue = new InProcessQueue({ backoffMs: () => 60_000, wait: async (ms) => void waits.push(ms) });
		let calls = 0;
		queue.consume(async () => {
			if (++calls === 1) throw new RetryableJobError('later', 5);
		});
		await queue.send(message(1), { delaySeconds: 2 });
		await queue.drain();
		expect(calls).toBe(2);
		expect(waits).toEqual([2000, 5000]);
	});

	it('moves a message to the dead-letter list after the last retry', async () => {
		const queue = new InProcessQueue({ maxRetries: 3, backoffMs: () => 0, log: { error: () => {} } });
		let calls = 0;
		queue.consume(async () => {
			calls++;
			throw new Error('always broken');
		});
		await queue.send(message(7));
		await queue.drain();
		expect(calls).toBe(4);
		expect(queue.deadLetters).toEqual([{ message: message(7), attempts: 4, error: 'always broken' }]);
	});
});
