/**
 * `npm run bench` (last part): page views through the production runtime. The deploy
 * bundles run in workerd (scripts/preview/start.ts) and reach their databases over HTTP
 * through the local Turso, which counts every round trip it serves and can hold each one
 * for an injected delay. So this measures what bench/pages.ts cannot: the Workers build,
 * `@libsql/client/web` and one HTTP request per round trip, as on Cloudflare with Turso.
 *
 * For each page: round trips counted by the server (control + tenant), time per view with
 * 0 and 20 ms per round trip, and the floor (one control query plus one tenant batch: the
 * RTT-0 time + 2 x 20 ms). "sequential" is read off the clock: (p50 at 20 - p50 at 0) / 20.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client/node';
import { CapturedMailer } from '../src/lib/server/platform/local/captured-mailer';
import { startPreview } from '../scripts/preview/start';
import { cookiesByRole, fmt, percentile } from './lib';
import { seedFirm } from './seed-firm';

const runs = Number(process.env.BENCH_RUNS ?? 20);
const delayedRuns = Math.max(5, Math.round(runs / 2));
const injectedRtt = 20;

const dataDir = mkdtempSync(join(tmpdir(), 'tandem-bench-workerd-'));
const preview = await startPreview({ dataDir, port: 0, cronIntervalMs: 0, output: () => {} });
const { turso, appUrl } = preview;

// The same 200 coaches and 5,000 coachees as bench/pages.ts, written straight into the
// tenant database through the local Turso.
const control = createClient(await turso.ensureDatabase('control'));
const northwind = (await control.execute("select db_url from tenants where slug = 'northwind-coaching'")).rows[0]!;
const tenantDb = String(northwind.db_url).match(/\/db\/([^/]+)\//)![1]!;
const tenant = createClient(await turso.ensureDatabase(tenantDb));
await seedFirm(tenant, { coaches: 200, coachees: 5000 });
const jordanId = (await tenant.execute("select id from people where email = 'jordan@client.demo'")).rows[0]!.id;

async function sessionOf(email: string): Promise<string> {
	const response = await fetch(`${appUrl}/signin?/password`, {
		method: 'POST',
		redirect: 'manual',
		headers: { accept: 'text/html', origin: appUrl, 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ email, password: 'tandem-demo-2026' })
	});
	const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
	if (!cookie.includes('tandem_session=')) throw new Error(`Signing in as ${email} failed: HTTP ${response.status}`);
	return cookie;
}
const cookies = await cookiesByRole(sessionOf);
const invitation = new CapturedMailer(join(dataDir, 'mail.jsonl'))
	.list()
	.flatMap((email) => email.text.match(/http:\/\/localhost:\d+(\/invite\/\S+)/)?.[1] ?? [])[0]!;
const workspace = '/t/northwind-coaching';

const pages: { name: string; role: keyof typeof cookies; path: string; mask?: string }[] = [
	{ name: 'invitation', role: 'invitee', path: invitation },
	{ name: 'home', role: 'admin', path: workspace, mask: '001' },
	{ name: 'home', role: 'coach', path: workspace, mask: '001' },
	{ name: 'home', role: 'coachee', path: workspace, mask: '001' },
	{ name: 'home', role: 'spectator', path: workspace, mask: '001' },
	{ name: 'coachee list', role: 'admin', path: `${workspace}/coachees`, mask: '001' },
	{ name: 'coachee list', role: 'coach', path: `${workspace}/coachees`, mask: '001' },
	{ name: 'coachee profile', role: 'coach', path: `${workspace}/coachees/${jordanId}`, mask: '0011' },
	{ name: 'notifications', role: 'coach', path: `${workspace}/notifications`, mask: '001' },
	{ name: 'members', role: 'admin', path: `${workspace}/settings/members`, mask: '0001' }
];

async function measure(url: string, cookie: string, rtt: number, count: number) {
	turso.setRtt(rtt);
	const samples: number[] = [];
	let trips = { control: 0, tenant: 0 };
	for (let i = 0; i < count; i++) {
		turso.resetRoundTrips();
		const start = performance.now();
		const response = await fetch(url, { headers: { cookie, accept: 'text/html' }, redirect: 'manual' });
		await response.text();
		samples.push(performance.now() - start);
		if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status}`);
		const { total, byDatabase } = turso.roundTrips();
		trips = { control: byDatabase.control ?? 0, tenant: total - (byDatabase.control ?? 0) };
	}
	return { p50: percentile(samples, 50), ...trips };
}

console.log(`\nproduction runtime (workerd + local Turso over HTTP): ${runs} views at RTT 0, ${delayedRuns} at RTT ${injectedRtt} ms`);
console.log('page             | role      | view       | round trips (control+tenant) | p50 RTT 0 | p50 RTT 20 | floor RTT 20 | sequential');
for (const page of pages) {
	for (const kind of page.mask ? (['full load', 'navigation'] as const) : (['full load'] as const)) {
		const url = kind === 'full load' ? `${appUrl}${page.path}` : `${appUrl}${page.path}/__data.json?x-sveltekit-invalidated=${page.mask}`;
		const cookie = cookies[page.role];
		await measure(url, cookie, 0, 3); // warm-up: a fresh isolate, imported CryptoKeys
		const fast = await measure(url, cookie, 0, runs);
		const slow = await measure(url, cookie, injectedRtt, delayedRuns);
		const sequential = Math.max(0, (slow.p50 - fast.p50) / injectedRtt);
		console.log(
			[
				page.name.padEnd(16),
				page.role.padEnd(9),
				kind.padEnd(10),
				`${slow.control + slow.tenant} (${slow.control}+${slow.tenant})`.padStart(28),
				fmt(fast.p50).padStart(9),
				fmt(slow.p50).padStart(10),
				fmt(fast.p50 + 2 * injectedRtt).padStart(12),
				sequential.toFixed(1).padStart(10)
			].join(' | ')
		);
	}
}
console.log('\nround trips: HTTP requests the local Turso served for the view; floor = RTT-0 time + 2 x 20 ms; sequential = (p50 RTT 20 - p50 RTT 0) / 20 ms (budget: 2).');

await preview.close();
rmSync(dataDir, { recursive: true, force: true });
process.exit(0);
