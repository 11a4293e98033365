/**
 * `npm run test:browser`: starts the app exactly as `npm run dev` does, on a fresh data
 * folder and a free port, runs every tests/e2e/*.spec.ts in Debian's chromium with node's
 * test runner, then stops the server.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const freePort = () =>
	new Promise<number>((resolve) => {
		const server = createServer().listen(0, () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});

const port = await freePort();
const baseUrl = `http://localhost:${port}`;
const dataDir = mkdtempSync(join(tmpdir(), 'tandem-e2e-'));
const profiles = mkdtempSync(join(tmpdir(), 'tandem-e2e-browsers-'));
// No APP_URL: email links must follow the port the dev server really runs on.
const env: NodeJS.ProcessEnv = { ...process.env, TANDEM_DATA_DIR: dataDir, TANDEM_E2E_PROFILES: profiles, BASE_URL: baseUrl };
delete env.APP_URL;

const server = spawn('npm', ['run', 'dev', '--', '--port', String(port), '--strictPort'], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
let serverLog = '';
server.stdout.on('data', (chunk) => (serverLog += chunk));
server.stderr.on('data', (chunk) => (serverLog += chunk));
const stop = () => {
	try {
		process.kill(-server.pid!, 'SIGTERM');
	} catch {
		/* already stopped */
	}
	rmSync(dataDir, { recursive: true, force: true });
	rmSync(profiles, { recursive: true, force: true, maxRetries: 3 });
};

async function waitForServer(timeoutMs = 120_000) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		try {
			if ((await fetch(`${baseUrl}/signin`)).ok) return;
		} catch {
			/* not up yet */
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error(`The dev server did not answer within ${timeoutMs / 1000}s:\n${serverLog}`);
}

/** Vite compiles each route on its first request; on a busy machine the first test would
 * spend its timeouts waiting for that. Visit the main pages once, signed in, beforehand. */
async function warmUp() {
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

try {
	await waitForServer();
	await warmUp();
	const specs = readdirSync('tests/e2e').filter((file) => file.endsWith('.spec.ts')).map((file) => join('tests/e2e', file));
	const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...specs], { env, stdio: 'inherit' });
	stop();
	process.exit(result.status ?? 1);
} catch (error) {
	console.error(error);
	stop();
	process.exit(1);
}
