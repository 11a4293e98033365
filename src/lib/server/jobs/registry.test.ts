import { describe, expect, it } from 'vitest';
import { consumeBatch } from '../../../../workers/jobs/consumer';
import { badRequest, tooManyRequests } from '../errors';
import { InProcessQueue } from '../platform/local/in-process-queue';
import type { Platform } from '../platform/ports';
import { RetryableJobError } from './errors';
import { jobMessages, type JobMessage } from './messages';
import { createJobHandler } from './registry';

/** What became of one message on a queue: the messages its handler saw, whether it ended
 * settled (acked, nothing dead-lettered), the delays of its retries, and the error lines. */
interface Delivery {
	handled: unknown[];
	settled: boolean;
	retryDelays: (number | undefined)[];
	errors: string[];
}

/** The app's message schemas with handlers that record what they get and fail as told on
 * the first call. */
function recordingHandler(failFirst?: () => Error) {
	const handled: unknown[] = [];
	const run = async (_platform: Platform, message: JobMessage) => {
		handled.push(message);
		if (failFirst && handled.length === 1) throw failFirst();
	};
	const handle = createJobHandler(jobMessages, { 'email.send': run, 'tenant.due': run, 'export.chunk': run, 'import.chunk': run });
	return { handled, handle: (body: unknown) => handle({} as Platform, body) };
}

async function throughCloudflareConsumer(body: unknown, failFirst?: () => Error): Promise<Delivery> {
	const { handled, handle } = recordingHandler(failFirst);
	const acks: number[] = [];
	const retryDelays: (number | undefined)[] = [];
	const errors: string[] = [];
	const message = { id: 'm1', body, attempts: 1, ack: () => void acks.push(1), retry: (o?: { delaySeconds?: number }) => void retryDelays.push(o?.delaySeconds) };
	await consumeBatch([message], handle, { error: (...args) => errors.push(args.join(' ')), warn: () => {} });
	return { handled, settled: acks.length === 1, retryDelays, errors };
}

async function throughInProcessQueue(body: unknown, failFirst?: () => Error): Promise<Delivery> {
	const { handled, handle } = recordingHandler(failFirst);
	const waits: number[] = [];
	const errors: string[] = [];
	const queue = new InProcessQueue({ wait: async (ms) => void waits.push(ms), log: { error: (line: string) => errors.push(line) } });
	queue.consume(handle);
	// The type system keeps bad messages out of send(); they still arrive from an older
	// deploy or a replayed dead letter.
	await queue.send(body as JobMessage);
	await queue.drain();
	return { handled, settled: queue.deadLetters.length === 0, retryDelays: waits.slice(1).map((ms) => ms / 1000), errors };
}

describe.each([
	['the Cloudflare consumer', throughCloudflareConsumer],
	['the in-process queue', throughInProcessQueue]
])('job registry through %s', (_name, deliver) => {
	const valid = { type: 'email.send', idempotencyKey: 'email:welcome:1', outboxId: 'o1', tenantId: 't1' };

	it('hands a valid message to its handler', async () => {
		const result = await deliver(valid);
		expect(result).toEqual({ handled: [valid], settled: true, retryDelays: [], errors: [] });
	});

	it('rejects a known type with a bad payload once, without calling its handler', async () => {
		const result = await deliver({ ...valid, outboxId: 42 });
		expect(result).toMatchObject({ handled: [], settled: true, retryDelays: [] });
		expect(result.errors).toHaveLength(1);
		expect(result.errors[0]).toMatch(/rejected email\.send \(email:welcome:1, tenant t1\) for good.*does not match its schema.*outboxId/s);
	});

	it('refuses an export chunk without a place in its export', async () => {
		const chunk = { type: 'export.chunk', idempotencyKey: 'export:e1:0', tenantId: 't1', exportId: 'e1', chunk: 0 };
		expect((await deliver(chunk)).handled).toEqual([chunk]);
		const result = await deliver({ ...chunk, chunk: -1 });
		expect(result).toMatchObject({ handled: [], settled: true });
		expect(result.errors[0]).toMatch(/export\.chunk .*does not match its schema.*chunk/s);
	});

	it('drops an unknown job type once', async () => {
		const result = await deliver({ type: 'report.export', idempotencyKey: 'export:1' });
		expect(result).toMatchObject({ handled: [], settled: true, retryDelays: [] });
		expect(result.errors).toHaveLength(1);
		expect(result.errors[0]).toMatch(/Unknown job type "report\.export"/);
	});

	it('does not retry a handler that throws a DomainError, and logs why once', async () => {
		const result = await deliver(valid, () => badRequest('Row 3 has no email address.'));
		expect(result).toMatchObject({ handled: [valid], settled: true, retryDelays: [] });
		expect(result.errors).toHaveLength(1);
		expect(result.errors[0]).toMatch(/for good.*Row 3 has no email address\./);
	});

	it('retries a RetryableJobError after the delay it names', async () => {
		const result = await deliver(valid, () => new RetryableJobError('Resend is rate limiting.', 30));
		expect(result.retryDelays).toEqual([30]);
		expect(result.errors).toEqual([]);
	});

	it('retries a rate limit, the one domain error that waiting fixes', async () => {
		const result = await deliver(valid, () => tooManyRequests('Too many requests; try again shortly.'));
		expect(result.retryDelays).toHaveLength(1);
		expect(result.errors.join('\n')).not.toMatch(/for good/);
	});
});
