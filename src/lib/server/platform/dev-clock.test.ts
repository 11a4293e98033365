import { isHttpError } from '@sveltejs/kit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GET, POST } from '../../../routes/dev/clock/+server';
import { createTestApp, type TestApp } from '../testing/harness';
import { secureResponse } from '../security';
import { cloudflarePlatform, type CloudflareEnv } from './cloudflare';
import { parseAdvance } from './dev-clock';
import { createLocalRuntime, type LocalRuntime } from './local';
import type { Platform } from './ports';

const hour = 3_600_000;
const day = 24 * hour;

/** POSTs a form to /dev/clock's handler as a test's fetch would, answering status and JSON. */
async function postClock(platform: Platform, fields: Record<string, string>) {
	const request = new Request('http://localhost:5173/dev/clock', { method: 'POST', body: new URLSearchParams(fields) });
	const response = await POST({ locals: { platform }, request } as unknown as Parameters<typeof POST>[0]);
	return { status: response.status, body: (await response.json()) as { now?: string; offsetMs?: number; error?: string } };
}

let app: TestApp;
const others: LocalRuntime[] = [];
beforeEach(async () => {
	app = await createTestApp();
});
afterEach(() => {
	for (const runtime of others.splice(0)) runtime.close();
	app.cleanup();
});

/** Another runtime on the same data: stands for the jobs worker, a separate worker under workerd. */
async function jobsWorker(): Promise<Platform> {
	const runtime = await createLocalRuntime({ dataDir: app.dataDir, clock: app.clock });
	others.push(runtime);
	return runtime.platform;
}

describe('the dev clock', () => {
	it("puts the app's time ahead by what /dev/clock is told, adds up advances, and reset takes it back", async () => {
		const machine = () => app.clock.now().getTime();
		expect(app.platform.clock.now().getTime()).toBe(machine());

		const moved = await postClock(app.platform, { advance: '2d' });
		expect(moved).toEqual({ status: 200, body: { now: new Date(machine() + 2 * day).toISOString(), offsetMs: 2 * day } });
		expect(app.platform.clock.now().getTime()).toBe(machine() + 2 * day);
		app.clock.advance(hour); // the moved clock keeps running with the machine's
		expect(app.platform.clock.now().getTime()).toBe(machine() + 2 * day);
		const shown = await GET({ locals: { platform: app.platform } } as unknown as Parameters<typeof GET>[0]);
		expect(await shown.json()).toEqual({ now: new Date(machine() + 2 * day).toISOString(), offsetMs: 2 * day });

		expect((await postClock(app.platform, { advance: '90m' })).body.offsetMs).toBe(2 * day + 90 * 60_000);
		expect(await postClock(app.platform, { reset: '' })).toEqual({ status: 200, body: { now: app.clock.now().toISOString(), offsetMs: 0 } });
		expect(app.platform.clock.now().getTime()).toBe(machine());
	});

	it('reaches another worker only when that worker loads it, as the jobs worker does at each invocation', async () => {
		const jobs = await jobsWorker();
		await postClock(app.platform, { advance: '3h' });
		expect(jobs.clock.now().getTime()).toBe(app.clock.now().getTime());
		await jobs.devClock!.load();
		expect(jobs.clock.now().getTime()).toBe(app.clock.now().getTime() + 3 * hour);

		// A clock moved by another worker is moved from where that worker left it.
		await jobs.devClock!.advance(hour);
		expect((await postClock(app.platform, { advance: '1h' })).body.offsetMs).toBe(5 * hour);
	});

	it('refuses what is not a forward move in days, hours or minutes, and moves nothing', async () => {
		for (const advance of ['', 'soon', '-2d', '0d', '2w', '1.5h']) {
			const refused = await postClock(app.platform, { advance });
			expect(refused.status, advance).toBe(400);
			expect(refused.body.error).toMatch(/2d, 3h or 90m/);
		}
		expect(app.platform.clock.now()).toEqual(app.clock.now());
		expect([parseAdvance('2d'), parseAdvance('3H'), parseAdvance(' 90m ')]).toEqual([2 * day, 3 * hour, 90 * 60_000]);
	});

	it('does not exist without dev tools: no clock to move, the machine time, /dev/clock answers 404', async () => {
		const runtime = await createLocalRuntime({ dataDir: app.dataDir, clock: app.clock, config: { devTools: false } });
		others.push(runtime);
		expect(runtime.platform.devClock).toBeUndefined();
		expect(runtime.platform.clock).toBe(app.clock);
		const status = await postClock(runtime.platform, { advance: '2d' }).catch((error: unknown) => (isHttpError(error) ? error.status : error));
		expect(status).toBe(404);
		const closed = await secureResponse(new URL('http://localhost/dev/clock'), runtime.platform.config, () => new Response('the page'));
		expect(closed.status).toBe(404);
		// The table is made by the dev clock on first use, never by a migration.
		const tables = await runtime.platform.db.control().execute("SELECT name FROM sqlite_master WHERE name = 'dev_clock'");
		expect(tables.rows).toHaveLength(0);
	});

	it('is on the Workers only where /dev/mail is (an app served from this machine with the preview mailbox)', () => {
		const env = (appUrl: string) =>
			({ APP_URL: appUrl, MAIL_FROM: 'a@b.example', DEV_MAILBOX_URL: 'http://127.0.0.1:9/mailbox' }) as unknown as CloudflareEnv;
		const deployed = cloudflarePlatform(env('https://app.tandem.example'));
		expect(deployed.devClock).toBeUndefined();
		expect(Math.abs(deployed.clock.now().getTime() - Date.now())).toBeLessThan(1000);
		const preview = cloudflarePlatform(env('http://localhost:8787'));
		expect(preview.devClock).toBeDefined();
		expect(preview.clock).toBe(preview.devClock);
	});
});
