/** Small measuring tools for the benchmarks: percentiles and a query counter. */
import type { Client } from '@libsql/client';
import type { DatabaseConnector, Platform } from '../src/lib/server/platform/ports';
import { signUp } from '../src/lib/server/auth/service';

export function percentile(samples: number[], p: number): number {
	const sorted = [...samples].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export async function measure(runs: number, work: () => Promise<unknown>) {
	for (let i = 0; i < Math.min(5, runs); i++) await work(); // warm-up
	const samples: number[] = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		await work();
		samples.push(performance.now() - start);
	}
	return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

/** Wraps a connector so every statement sent to any database is counted. */
export function countingConnector(inner: DatabaseConnector) {
	const counter = { statements: 0 };
	const wrap = (client: Client): Client =>
		new Proxy(client, {
			get(target, key, receiver) {
				const value = Reflect.get(target, key, receiver);
				if (key === 'execute') return (...args: unknown[]) => (counter.statements++, value.apply(target, args));
				if (key === 'batch') {
					return (statements: unknown[], ...rest: unknown[]) => (
						(counter.statements += statements.length), value.apply(target, [statements, ...rest])
					);
				}
				return typeof value === 'function' ? value.bind(target) : value;
			}
		});
	const connector: DatabaseConnector = {
		control: () => wrap(inner.control()),
		open: (locator) => wrap(inner.open(locator))
	};
	return { connector, counter };
}

export const fmt = (ms: number) => `${ms.toFixed(2)} ms`;

/** Whom each page is viewed as; an invitee is signed out. */
const benchPeople = { admin: 'admin@northwind.demo', coach: 'priya@northwind.demo', coachee: 'jordan@client.demo', spectator: 'quinn@northwind.demo' } as const;
export type BenchRole = keyof typeof benchPeople | 'invitee';

/** A session cookie per role, from a sign-in the caller performs its own way. */
export async function cookiesByRole(sessionOf: (email: string) => Promise<string>): Promise<Record<BenchRole, string>> {
	const cookies: Record<BenchRole, string> = { admin: '', coach: '', coachee: '', spectator: '', invitee: '' };
	for (const [role, email] of Object.entries(benchPeople)) cookies[role as keyof typeof benchPeople] = await sessionOf(email);
	return cookies;
}

/** The firm a bench measures in, signed up through the real service (its admin is
 * bench@example.com). */
export const signUpBenchFirm = (platform: Platform, name = 'Bench Firm') =>
	signUp(platform, { firstName: 'Bench', lastName: 'Admin', email: 'bench@example.com', password: 'bench password 2026', organisation: { name, kind: 'firm' } });

/** Peak rss and heap while `work` runs (sampled every 10 ms), beside where they started. */
export async function withPeakMemory<T>(work: () => Promise<T>) {
	globalThis.gc?.();
	const start = process.memoryUsage();
	const before = { rss: start.rss, heap: start.heapUsed };
	const peak = { ...before };
	const sample = () => {
		const { rss, heapUsed } = process.memoryUsage();
		peak.rss = Math.max(peak.rss, rss);
		peak.heap = Math.max(peak.heap, heapUsed);
	};
	const timer = setInterval(sample, 10);
	const started = performance.now();
	try {
		const result = await work();
		sample();
		return { result, ms: performance.now() - started, peak, before };
	} finally {
		clearInterval(timer);
	}
}
