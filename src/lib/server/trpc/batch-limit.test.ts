import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUrl, createTestApp, type TestApp } from '../testing/harness';
import { handleTrpcRequest } from './http';

let app: TestApp;
beforeAll(async () => (app = await createTestApp()));
afterAll(() => app.cleanup());

/** One request asking for `count` calls, built by hand as an attacker would. */
function batchOf(count: number): Request {
	const paths = Array.from({ length: count }, () => 'auth.me').join(',');
	return new Request(`${appUrl}/api/trpc/${paths}?batch=1&input=${encodeURIComponent('{}')}`);
}

const send = (request: Request) => handleTrpcRequest(request, { platform: app.platform, clientAddress: '127.0.0.1' });

describe('tRPC batches', () => {
	it('answers a batch of 10 calls', async () => {
		const response = await send(batchOf(10));
		expect(response.status).toBe(200);
		expect(await response.json()).toHaveLength(10);
	});

	it('refuses a batch of 11 calls with a 400 that says why', async () => {
		const response = await send(batchOf(11));
		expect(response.status).toBe(400);
		const body = (await response.json()) as { error: { message: string; data: { code: string } } };
		expect(body.error.data.code).toBe('BAD_REQUEST');
		expect(body.error.message).toMatch(/batch/i);
	});
});
