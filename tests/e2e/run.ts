/**
 * `npm run test:browser`: starts the app exactly as `npm run dev` does, on a fresh data
 * folder and a free port, runs every tests/e2e/*.spec.ts in Debian's chromium with node's
 * test runner, then stops the server.
 *
 * `--runtime=workerd` (`npm run test:browser:workerd`, what CI runs): the same specs against
 * the production bundle in workerd (scripts/preview/start.ts), so email goes through the
 * jobs worker's queue() and the Resend adapter, and the cron through scheduled().
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { freePort } from '../../scripts/free-port';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface RunningApp {
	baseUrl: string;
	log(): string;
	stop(): Promise<void>;
}

const runtime = process.argv.includes('--runtime=workerd') ? 'workerd' : 'vite';
const dataDir = mkdtempSync(join(tmpdir(), 'tandem-e2e-'));
const profiles = mkdtempSync(join(tmpdir(), 'tandem-e2e-browsers-'));

// Both: the cron fires every 2 s instead of every minute, so a test waits seconds for scheduled work.
async function startViteDev(): Promise<RunningApp> {
	const port = await freePort();
	// No APP_URL: email links must follow the port the dev server really runs on.
	const env: NodeJS.ProcessEnv = { ...process.env, TANDEM_DATA_DIR: dataDir, TANDEM_TICK_MS: '2000' };
	delete env.APP_URL;
	const server = spawn('npm', ['run', 'dev', '--', '--port', String(port), '--strictPort'], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
	let serverLog = '';
	server.stdout.on('data', (chunk) => (serverLog += chunk));
	server.stderr.on('data', (chunk) => (serverLog += chunk));
	return {
		baseUrl: `http://localhost:${port}`,
		log: () => serverLog,
		async stop() {
			try {
				process.kill(-server.pid!, 'SIGTERM');
			} catch {
				/* already stopped */
			}
		}
	};
}

async function startWorkerd(): Promise<RunningApp> {
	const { startPreview } = await import('../../scripts/preview/start');
	let serverLog = '';
	const preview = await startPreview({ dataDir, port: 0, cronIntervalMs: 2_000, output: (line) => (serverLog += `${line}\n`) });
	return { baseUrl: preview.appUrl, log: () => serverLog, stop: () => preview.close() };
}

async function waitForServer(app: RunningApp, timeoutMs = 120_000) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		try {
			if ((await fetch(`${app.baseUrl}/signin`)).ok) return;
		} catch {
			/* not up yet */
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error(`The app did not answer within ${timeoutMs / 1000}s:\n${app.log()}`);
}

/** Vite compiles each route on its first request; on a busy machine the first test would
 * spend its timeouts waiting for that. Visit the main pages once, signed in, beforehand. */
async function warmUp(baseUrl: string) {
	const signIn = await fetch(`${baseUrl}/signin?/password`, {
		method: 'POST',
		redirect: 'manual',
		headers: { accept: 'text/html', origin: baseUrl, 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ email: 'admin@northwind.demo', password: 'tandem-demo-2026' })
	});
	const cookie = signIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
	const base = '/t/northwind-coaching';
	for (const path of ['/signup', '/dev/mail', base, `${base}/coachees`, `${base}/coachees/new`, `${base}/notifications`, `${base}/settings/members`, '/account']) {
		await fetch(`${baseUrl}${path}`, { headers: { cookie, accept: 'text/html' } }).then((response) => response.text());
	}
}

const app = runtime === 'workerd' ? await startWorkerd() : await startViteDev();
const cleanUp = async () => {
	await app.stop();
	rmSync(dataDir, { recursive: true, force: true });
	rmSync(profiles, { recursive: true, force: true, maxRetries: 3 });
};

try {
	await waitForServer(app);
	if (runtime === 'vite') await warmUp(app.baseUrl);
	const env = { ...process.env, TANDEM_E2E_PROFILES: profiles, BASE_URL: app.baseUrl, TANDEM_E2E_RUNTIME: runtime };
	// `npm run test:browser -- goals` runs only the specs whose file name contains "goals".
	const only = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
	const specs = readdirSync('tests/e2e')
		.filter((file) => file.endsWith('.spec.ts') && (!only.length || only.some((name) => file.includes(name))))
		.map((file) => join('tests/e2e', file));
	console.log(`Browser tests on ${runtime === 'workerd' ? 'the production bundle in workerd' : 'vite dev'} at ${app.baseUrl}`);
	// Not spawnSync: under workerd the local Turso and Resend answer from this process.
	const tests = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...specs], { env, stdio: 'inherit' });
	const [status] = (await once(tests, 'exit')) as [number | null];
	if (status !== 0) console.error(`---- ${runtime} log (last 80 lines) ----\n${app.log().split('\n').slice(-80).join('\n')}`);
	await cleanUp();
	process.exit(status ?? 1);
} catch (error) {
	console.error(error);
	await cleanUp();
	process.exit(1);
}
