/**
 * `npm run bench:pages`: what a person waits for. Real page views through SvelteKit (a Vite
 * server in this process, the app's own hooks, loads and procedures) on the demo firm with
 * 200 more coaches and 5,000 more coachees, as each role. For every page it counts the
 * statements and round trips the page view sent to the databases, and the sequential round
 * trips (the critical path: with an injected delay per round trip, a round trip that starts
 * after another finished is one step deeper). It then times each view with 0 and with 20 ms
 * per round trip, beside the floor: one control query plus one tenant batch.
 *
 * A full load is the HTML GET; a navigation is the `__data.json` request SvelteKit's client
 * makes when moving to the page from another page of the same workspace.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@libsql/client';
import { createServer } from 'vite';
import { signIn } from '../src/lib/server/auth/service';
import { openControlDb } from '../src/lib/server/db';
import { seedDemo } from '../src/lib/server/demo/seed';
import { createLocalRuntime, type LocalRuntime } from '../src/lib/server/platform/local';
import type { DatabaseConnector } from '../src/lib/server/platform/ports';
import { cookiesByRole, fmt, percentile } from './lib';
import { seedEngagements, seedFirm, seedRecords, seedWorkload } from './seed-firm';

const runs = Number(process.env.BENCH_RUNS ?? 30);
const delayedRuns = Math.max(5, Math.round(runs / 3));
const injectedRtt = 20;

/** Counts round trips and finds the critical path; optionally waits `rtt` ms per round trip. */
function instrument(inner: DatabaseConnector) {
	const view = { statements: 0, roundTrips: 0, depth: 0, deepestDone: 0, rtt: 0 };
	const roundTrip = async <T>(statements: number, send: () => Promise<T>): Promise<T> => {
		view.statements += statements;
		view.roundTrips++;
		const level = view.deepestDone + 1;
		view.depth = Math.max(view.depth, level);
		if (view.rtt) await new Promise((resolve) => setTimeout(resolve, view.rtt));
		try {
			return await send();
		} finally {
			view.deepestDone = Math.max(view.deepestDone, level);
		}
	};
	const wrap = (client: Client): Client =>
		new Proxy(client, {
			get(target, key, receiver) {
				const value = Reflect.get(target, key, receiver);
				if (key === 'execute') return (...args: unknown[]) => roundTrip(1, () => value.apply(target, args));
				if (key === 'batch') return (statements: unknown[], ...rest: unknown[]) => roundTrip(statements.length, () => value.apply(target, [statements, ...rest]));
				return typeof value === 'function' ? value.bind(target) : value;
			}
		});
	const connector: DatabaseConnector = { control: () => wrap(inner.control()), open: (locator) => wrap(inner.open(locator)) };
	const reset = (rtt: number) => Object.assign(view, { statements: 0, roundTrips: 0, depth: 0, deepestDone: 0, rtt });
	return { connector, view, reset };
}

const dataDir = mkdtempSync(join(tmpdir(), 'tandem-bench-pages-'));
process.env.TANDEM_DATA_DIR = dataDir;
const base = await createLocalRuntime({ dataDir, config: { appUrl: 'http://localhost' } });
await seedDemo(base.platform);
await base.queue.drain();
const northwind = await openControlDb(base.platform).query.tenants.findFirst({ where: (t, { eq }) => eq(t.slug, 'northwind-coaching') });
await seedFirm(base.platform.db.open({ url: northwind!.dbUrl! }), { coaches: 200, coachees: 5000 });

const { connector, view, reset } = instrument(base.platform.db);
const runtime: LocalRuntime = { ...base, platform: { ...base.platform, db: connector } };
// The dev server's hooks take the process's runtime from here (dev-runtime.ts).
(globalThis as { __tandemDevRuntime?: Promise<LocalRuntime> }).__tandemDevRuntime = Promise.resolve(runtime);

const server = await createServer({ logLevel: 'error', server: { port: 0, strictPort: false } });
await server.listen();
const origin = server.resolvedUrls!.local[0]!.replace(/\/$/, '');

async function sessionOf(email: string) {
	const { session } = await signIn(base.platform, { email, password: 'tandem-demo-2026', clientAddress: '127.0.0.1' });
	return `tandem_session=${session.token}`;
}
const cookies = await cookiesByRole(sessionOf);
// An invitation the demo sent: the page a new coachee opens from the email, signed out.
const invitation = base.mailer
	.list()
	.flatMap((email) => email.text.match(/http:\/\/localhost\/invite\/\S+/g) ?? [])[0]!
	.replace('http://localhost', '');
const jordan = await base.platform.db
	.open({ url: northwind!.dbUrl! })
	.execute({ sql: 'select id from people where email = ?', args: ['jordan@client.demo'] });
const profile = `/t/northwind-coaching/coachees/${String(jordan.rows[0]!.id)}`;
// Jordan's work, as the issue sizes it: 50 goals and 1,000 actions.
const workload = await seedWorkload(base.platform.db.open({ url: northwind!.dbUrl! }), String(jordan.rows[0]!.id), { goals: 50, actions: 1000 });
// And his records, as issue 10 sizes them: 500 files, 500 notes (Priya's) and 50 assessments.
const priya = await base.platform.db
	.open({ url: northwind!.dbUrl! })
	.execute({ sql: 'select id from people where email = ?', args: ['priya@northwind.demo'] });
const records = await seedRecords(
	base.platform.db.open({ url: northwind!.dbUrl! }),
	{ tenantId: northwind!.id, coacheeId: String(jordan.rows[0]!.id), coachId: String(priya.rows[0]!.id) },
	{ files: 500, notes: 500, assessments: 50 }
);

// And issue 11's firm: 2,000 engagements of 10 items (20,000 items) over the seeded coachees;
// Priya coaches every tenth, so her list is large too.
const northwindDb = base.platform.db.open({ url: northwind!.dbUrl! });
const engaged = await seedEngagements(northwindDb, { engagements: 2000, itemsPer: 10, coachees: 5000, coaches: 200 });
await northwindDb.execute({ sql: `update engagements set coach_id = ? where id like 'bench-engagement-%' and cast(substr(id, 18) as integer) % 10 = 1`, args: [String(priya.rows[0]!.id)] });
// The demo's finished Bulk Create and export (the seed's queue was drained above).
const demoImport = await northwindDb.execute('select id from engagement_imports limit 1');
const demoExport = await northwindDb.execute('select id from engagement_exports limit 1');
const jordansEngagement = await northwindDb.execute({ sql: `select id from engagements where coachee_id = ? and shared = 1 and status = 'active' limit 1`, args: [String(jordan.rows[0]!.id)] });

/** Page, role, and SvelteKit's `x-sveltekit-invalidated` mask for a navigation from another
 * page of the workspace: the root and workspace layouts are kept, the rest re-runs. */
const pages: { name: string; role: keyof typeof cookies; path: string; mask?: string }[] = [
	{ name: 'invitation', role: 'invitee', path: invitation },
	{ name: 'invitation', role: 'admin', path: invitation },
	{ name: 'home', role: 'admin', path: '/t/northwind-coaching', mask: '001' },
	{ name: 'home', role: 'coach', path: '/t/northwind-coaching', mask: '001' },
	{ name: 'home', role: 'coachee', path: '/t/northwind-coaching', mask: '001' },
	{ name: 'home', role: 'spectator', path: '/t/northwind-coaching', mask: '001' },
	{ name: 'coachee list', role: 'admin', path: '/t/northwind-coaching/coachees', mask: '001' },
	{ name: 'coachee list', role: 'coach', path: '/t/northwind-coaching/coachees', mask: '001' },
	{ name: 'coachee profile', role: 'admin', path: profile, mask: '0011' },
	{ name: 'coachee profile', role: 'coach', path: profile, mask: '0011' },
	{ name: 'goals tab', role: 'coach', path: `${profile}/goals`, mask: '0011' },
	{ name: 'view milestones', role: 'coach', path: `${profile}/goals/${workload.sampleGoalId}`, mask: '0011' },
	{ name: 'actions tab', role: 'coach', path: `${profile}/actions`, mask: '0011' },
	{ name: 'actions tab all', role: 'admin', path: `${profile}/actions?view=all&page=20`, mask: '0011' },
	{ name: 'action', role: 'coach', path: `${profile}/actions/${workload.sampleActionId}`, mask: '0011' },
	{ name: 'files tab', role: 'coach', path: `${profile}/files`, mask: '0011' },
	{ name: 'files tab', role: 'admin', path: `${profile}/files`, mask: '0011' },
	{ name: 'file', role: 'coach', path: `${profile}/files/${records.sampleFileId}`, mask: '0011' },
	{ name: 'notes tab', role: 'coach', path: `${profile}/notes`, mask: '0011' },
	{ name: 'notes search', role: 'coach', path: `${profile}/notes?q=reflection%2049`, mask: '0011' },
	{ name: 'session logs', role: 'coach', path: `${profile}/sessions`, mask: '0011' },
	{ name: 'notepad', role: 'coach', path: `${profile}/notepad`, mask: '0011' },
	{ name: 'assessments tab', role: 'coach', path: `${profile}/assessments`, mask: '0011' },
	{ name: 'assessment', role: 'coach', path: `${profile}/assessments/${records.sampleAssignmentId}`, mask: '0011' },
	{ name: 'compare', role: 'coach', path: `${profile}/assessments/compare?template=bench-template-1`, mask: '0011' },
	{ name: 'library', role: 'coach', path: '/t/northwind-coaching/assessments', mask: '001' },
	{ name: 'your goals', role: 'coachee', path: '/t/northwind-coaching/goals', mask: '001' },
	{ name: 'your actions', role: 'coachee', path: '/t/northwind-coaching/actions', mask: '001' },
	{ name: 'your files', role: 'coachee', path: '/t/northwind-coaching/files', mask: '001' },
	{ name: 'your assessments', role: 'coachee', path: '/t/northwind-coaching/assessments', mask: '001' },
	{ name: 'answer', role: 'coachee', path: `/t/northwind-coaching/assessments/answer/${records.sampleAssignmentId}`, mask: '001' },
	{ name: 'engagements', role: 'admin', path: '/t/northwind-coaching/engagements', mask: '001' },
	{ name: 'engagements', role: 'coach', path: '/t/northwind-coaching/engagements', mask: '001' },
	{ name: 'engagements q', role: 'admin', path: '/t/northwind-coaching/engagements?status=active&q=program%2019', mask: '001' },
	{ name: 'engagement', role: 'admin', path: `/t/northwind-coaching/engagements/${engaged.sampleEngagementId}`, mask: '001' },
	{ name: 'engagement', role: 'coach', path: `/t/northwind-coaching/engagements/${engaged.sampleEngagementId}`, mask: '001' },
	{ name: 'engagement', role: 'coachee', path: `/t/northwind-coaching/engagements/${String(jordansEngagement.rows[0]!.id)}`, mask: '001' },
	{ name: 'engagement', role: 'spectator', path: `/t/northwind-coaching/engagements/${String(jordansEngagement.rows[0]!.id)}`, mask: '001' },
	{ name: 'engagements', role: 'coachee', path: '/t/northwind-coaching/engagements', mask: '001' },
	{ name: 'new engagement', role: 'admin', path: '/t/northwind-coaching/engagements/new', mask: '001' },
	{ name: 'bulk create', role: 'admin', path: '/t/northwind-coaching/engagements/bulk', mask: '001' },
	{ name: 'a bulk create', role: 'admin', path: `/t/northwind-coaching/engagements/bulk/${String(demoImport.rows[0]!.id)}`, mask: '001' },
	{ name: 'export', role: 'admin', path: '/t/northwind-coaching/engagements/export', mask: '001' },
	{ name: 'export', role: 'coach', path: '/t/northwind-coaching/engagements/export', mask: '001' },
	{ name: 'an export', role: 'admin', path: `/t/northwind-coaching/engagements/export/${String(demoExport.rows[0]!.id)}`, mask: '001' },
	{ name: 'programs', role: 'admin', path: '/t/northwind-coaching/programs', mask: '001' },
	{ name: 'calendar feed', role: 'coach', path: '/t/northwind-coaching/engagements/calendar', mask: '001' },
	{ name: 'notifications', role: 'admin', path: '/t/northwind-coaching/notifications', mask: '001' },
	{ name: 'notifications', role: 'coach', path: '/t/northwind-coaching/notifications', mask: '001' },
	// Under settings/+layout.svelte: one more node before the page.
	{ name: 'members', role: 'admin', path: '/t/northwind-coaching/settings/members', mask: '0001' },
	{ name: 'workspace', role: 'admin', path: '/t/northwind-coaching/settings/workspace', mask: '0001' }
];

/** SvelteKit's data request for a page: `/path/__data.json?<the page's query>&`. */
function dataPath(path: string) {
	const [pathname, query] = path.split('?') as [string, string | undefined];
	return `${pathname}/__data.json?${query ? `${query}&` : ''}`;
}

async function pageView(url: string, cookie: string) {
	const response = await fetch(url, { headers: { cookie, accept: 'text/html' }, redirect: 'manual' });
	const body = await response.text();
	if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status} ${body.slice(0, 300)}`);
}

async function measure(url: string, cookie: string, rtt: number, count: number) {
	const samples: number[] = [];
	let counts = { statements: 0, roundTrips: 0, depth: 0 };
	for (let i = 0; i < count; i++) {
		reset(rtt);
		const start = performance.now();
		await pageView(url, cookie);
		samples.push(performance.now() - start);
		counts = { statements: view.statements, roundTrips: view.roundTrips, depth: view.depth };
	}
	return { p50: percentile(samples, 50), p95: percentile(samples, 95), ...counts };
}

console.log(`page views: ${runs} runs at RTT 0, ${delayedRuns} at RTT ${injectedRtt} ms; floor = 1 control query + 1 tenant batch\n`);
console.log('page             | role      | view       | stmts | round trips | sequential | p50 RTT 0 | p95 RTT 0 | p50 RTT 20 | p95 RTT 20 | floor RTT 20');
// BENCH_PAGES=engagement measures only the pages whose name contains it.
const only = process.env.BENCH_PAGES ?? '';
for (const page of pages.filter((p) => p.name.includes(only))) {
	for (const kind of page.mask ? (['full load', 'navigation'] as const) : (['full load'] as const)) {
		const url = kind === 'full load' ? `${origin}${page.path}` : `${origin}${dataPath(page.path)}x-sveltekit-invalidated=${page.mask}`;
		const cookie = cookies[page.role];
		await measure(url, cookie, 0, 3); // warm-up: Vite transforms, caches
		const fast = await measure(url, cookie, 0, runs);
		const slow = await measure(url, cookie, injectedRtt, delayedRuns);
		const floor = 2 * injectedRtt + fast.p50;
		console.log(
			[
				page.name.padEnd(16),
				page.role.padEnd(9),
				kind.padEnd(10),
				String(slow.statements).padStart(5),
				String(slow.roundTrips).padStart(11),
				String(slow.depth).padStart(10),
				fmt(fast.p50).padStart(9),
				fmt(fast.p95).padStart(9),
				fmt(slow.p50).padStart(10),
				fmt(slow.p95).padStart(10),
				fmt(floor).padStart(12)
			].join(' | ')
		);
	}
}
console.log('\nsequential = round trips on the critical path (the budget is 2); floor = 2 x 20 ms + the RTT-0 time.');

await server.close();
runtime.close();
rmSync(dataDir, { recursive: true, force: true });
process.exit(0);
