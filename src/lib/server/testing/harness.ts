/**
 * Real parts for tests: temp libSQL files migrated by the real migrator, the real router
 * behind the real HTTP handler, the real job handlers on the in-process queue. Only email
 * delivery is captured instead of sent.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@libsql/client';
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import { createLocalRuntime, type LocalRuntime } from '../platform/local';
import type { Clock } from '../platform/ports';
import { handleTrpcRequest, readCookie } from '../trpc/http';
import type { AppRouter } from '../trpc/router';
import { sessionCookieName } from '../auth/sessions';

export const appUrl = 'http://localhost:5173';

export class TestClock implements Clock {
	private current = new Date('2026-11-23T09:00:00Z').getTime();
	now = () => new Date(this.current);
	advance(ms: number) {
		this.current += ms;
	}
}

export interface TestApp extends LocalRuntime {
	clock: TestClock;
	dataDir: string;
	/** A browser-like client with its own cookie jar. */
	client(options?: { origin?: string; clientAddress?: string }): TestClient;
	/** Signs up an organisation whose admin is Ada Admin; returns her signed-in client. */
	signUpOrganisation(name: string, email: string): Promise<TestClient>;
	/** Links found in the emails sent to `to`, newest email first. */
	linksSentTo(to: string): string[];
	/** Runs `work` and counts the round trips it sent to the control and tenant databases. */
	countRoundTrips(work: () => Promise<unknown>): Promise<{ control: number; tenant: number }>;
	cleanup(): void;
}

export type TestClient = ReturnType<typeof createTRPCClient<AppRouter>>;

export async function createTestApp(): Promise<TestApp> {
	const dataDir = mkdtempSync(join(tmpdir(), 'tandem-test-'));
	const clock = new TestClock();
	const runtime = await createLocalRuntime({
		dataDir,
		clock,
		config: { appUrl },
		queue: { backoffMs: () => 0 }
	});
	const app: TestApp = {
		...runtime,
		clock,
		dataDir,
		client(options = {}) {
			let jar: string | null = null;
			const client = createTRPCClient<AppRouter>({
				links: [
					httpLink({
						url: `${appUrl}/api/trpc`,
						fetch: async (url, init) => {
							const headers = new Headers(init?.headers as HeadersInit);
							if (jar) headers.set('cookie', `${sessionCookieName}=${jar}`);
							if (init?.method === 'POST') headers.set('origin', options.origin ?? appUrl);
							const response = await handleTrpcRequest(new Request(url, { ...init, headers } as RequestInit), {
								platform: runtime.platform,
								clientAddress: options.clientAddress ?? '127.0.0.1'
							});
							for (const cookie of response.headers.getSetCookie()) {
								const value = readCookie(cookie.split(';')[0]!, sessionCookieName);
								jar = value || null;
							}
							await runtime.queue.drain();
							return response;
						}
					})
				]
			});
			return client;
		},
		async signUpOrganisation(name, email) {
			const admin = app.client();
			await admin.auth.signUpOrganisation.mutate({
				firstName: 'Ada',
				lastName: 'Admin',
				email,
				password: strongPassword,
				organisationName: name,
				kind: 'firm'
			});
			return admin;
		},
		linksSentTo(to) {
			return runtime.mailer
				.list()
				.filter((email) => email.to === to)
				.flatMap((email) => email.text.match(/https?:\/\/\S+/g) ?? []);
		},
		async countRoundTrips(work) {
			const counts = { control: 0, tenant: 0 };
			const inner = runtime.platform.db;
			const counting = (client: Client, side: keyof typeof counts): Client =>
				new Proxy(client, {
					get(target, key, receiver) {
						const value = Reflect.get(target, key, receiver);
						if (key === 'execute' || key === 'batch') return (...args: unknown[]) => (counts[side]++, value.apply(target, args));
						return typeof value === 'function' ? value.bind(target) : value;
					}
				});
			runtime.platform.db = { control: () => counting(inner.control(), 'control'), open: (locator) => counting(inner.open(locator), 'tenant') };
			try {
				await work();
			} finally {
				runtime.platform.db = inner;
			}
			return counts;
		},
		cleanup() {
			runtime.close();
			rmSync(dataDir, { recursive: true, force: true });
		}
	};
	return app;
}

/** The last path segment of an emailed link: the token. */
export const tokenOf = (link: string) => link.split('/').at(-1)!;

/** The tRPC error code and field errors a call failed with, for assertions. */
export async function failure(call: Promise<unknown>) {
	try {
		await call;
	} catch (error) {
		if (error instanceof TRPCClientError) {
			const data = error.data as { code?: string; fieldErrors?: Record<string, string[]> | null } | undefined;
			return { code: data?.code, message: error.message, fieldErrors: data?.fieldErrors ?? null };
		}
		throw error;
	}
	throw new Error('Expected the call to fail, but it succeeded.');
}

export const strongPassword = 'correct horse battery staple';
