/**
 * A local Turso: a test double that serves the local libSQL files over Hrana-over-HTTP
 * (version 2, JSON), the protocol `@libsql/client/web` speaks, plus the subset of Turso's
 * Platform API that provisioning uses. It lets the production bundle run in workerd against
 * databases on this machine (no sqld or Turso server can be had here). Never shipped.
 *
 * Layout, as `npm run dev` keeps it: database "control" is `<dataDir>/control.db`, any other
 * name `<dataDir>/tenants/<name>.db` (names as Turso allows: 1-64 lowercase letters, digits,
 * dashes).
 *
 * Routes:
 * - GET /db/<name>/v2: version probe, 200 (the client sends no token here, so none is asked).
 *   /v3 and /v3-protobuf answer 404, so a v3-capable client falls back to v2.
 * - POST /db/<name>/v2/pipeline: stream requests (./hrana.ts, ./streams.ts). Needs
 *   `Authorization: Bearer <token minted for that database>`, else 401 with a JSON body
 *   `{ error, message, code }`: sqld answers `{ error }`, which the client reports only as
 *   "Server returned HTTP status 401"; with `message` and `code` (and content type exactly
 *   application/json) it throws LibsqlError "UNAUTHORIZED: ..." that says what is wrong.
 * - /v1/organizations/...: the Platform API subset (./platform-api.ts).
 * - GET /_local/round-trips, POST /_local/round-trips/reset, POST /_local/rtt?ms=20: for
 *   another process (the workerd bench) to read and reset the counters and change the delay.
 *
 * Every HTTP request on /db/ counts as one round trip of its database, refused ones too, and
 * waits `rttMs` first: that is the network hop to Turso the app's round-trip budget is about.
 */
import { timingSafeEqual, createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { pipelineRequestBody } from './hrana';
import { DATABASE_NAME, handlePlatformApi, type PlatformApiContext } from './platform-api';
import { TOKENS_FILE, TokenRegistry } from './registry';
import { StreamHub } from './streams';
import { readBody, RequestError, sendJson } from '../local-http';

export { localTursoProvisioner } from './provisioner';

export interface LocalTursoOptions {
	/** Same layout as `npm run dev`: <dataDir>/control.db, <dataDir>/tenants/<name>.db */
	dataDir: string;
	/** Default '127.0.0.1'. */
	host?: string;
	/** Default 0: a free port. */
	port?: number;
	/** Delay added before answering each database request (one round trip). */
	rttMs?: number;
	/** Platform API organisation slug, default 'local'. */
	org?: string;
	/** The bearer the Platform API subset requires. */
	platformToken: string;
}

export interface RoundTrips {
	total: number;
	byDatabase: Record<string, number>;
}

export interface LocalTurso {
	/** e.g. http://127.0.0.1:41234; also the Platform API base URL (TURSO_API_URL). */
	origin: string;
	/** The organisation slug the Platform API serves. */
	org: string;
	/** `${origin}/db/${name}/`: the trailing slash matters, the client resolves "v2/pipeline" against it. */
	databaseUrl(name: string): string;
	/** Creates the database if missing and mints a token for it (used for "control"). */
	ensureDatabase(name: string): Promise<{ url: string; authToken: string }>;
	roundTrips(): RoundTrips;
	resetRoundTrips(): void;
	setRtt(ms: number): void;
	close(): Promise<void>;
}

const URL_HINT = 'Database URLs look like http://<host>/db/<name>/, with the trailing slash.';


export async function startLocalTurso(options: LocalTursoOptions): Promise<LocalTurso> {
	if (!options.platformToken) throw new Error('startLocalTurso needs a platformToken (the Platform API bearer).');
	const dataDir = resolve(options.dataDir);
	const org = options.org ?? 'local';
	let rttMs = validRtt(options.rttMs ?? 0);
	let trips: RoundTrips = { total: 0, byDatabase: {} };

	const fileOf = (name: string) => (name === 'control' ? join(dataDir, 'control.db') : join(dataDir, 'tenants', `${name}.db`));
	const registry = new TokenRegistry(join(dataDir, TOKENS_FILE));
	const hub = new StreamHub(fileOf);
	const exists = (name: string) => DATABASE_NAME.test(name) && existsSync(fileOf(name));
	const create = (name: string) => {
		mkdirSync(dirname(fileOf(name)), { recursive: true });
		hub.database(name);
	};
	const platform: PlatformApiContext = {
		org,
		registry,
		exists,
		create,
		bearerMatches: (authorization) => sameSecret(bearer(authorization), options.platformToken)
	};

	async function serveDatabase(request: IncomingMessage, response: ServerResponse, name: string, rest: string) {
		trips.total += 1;
		trips.byDatabase[name] = (trips.byDatabase[name] ?? 0) + 1;
		if (rttMs > 0) await delay(rttMs);
		if (!DATABASE_NAME.test(name)) {
			return hranaFailure(response, 404, 'NOT_FOUND', `"${name}" is not a database name. ${URL_HINT}`);
		}
		if (request.method === 'GET' && rest === 'v2') return sendJson(response, 200, { version: 2 });
		if (request.method !== 'POST' || rest !== 'v2/pipeline') {
			return hranaFailure(response, 404, 'NOT_FOUND', `No route ${request.method} ${request.url}: the local Turso serves Hrana v2 only. ${URL_HINT}`);
		}
		const token = bearer(request.headers.authorization);
		if (!token) return hranaFailure(response, 401, 'UNAUTHORIZED', 'Unauthorized: no "Authorization: Bearer <database token>" header.');
		if (!registry.opens(name, token)) {
			return hranaFailure(response, 401, 'UNAUTHORIZED', `Unauthorized: this token does not open database "${name}".`);
		}
		if (!exists(name)) return hranaFailure(response, 404, 'NOT_FOUND', `Database "${name}" does not exist.`);
		const parsed = pipelineRequestBody.safeParse(JSON.parse(await readBody(request)));
		if (!parsed.success) {
			return hranaFailure(response, 400, 'PROTOCOL_ERROR', `Not a Hrana v2 pipeline request: ${parsed.error.issues[0]?.message}`);
		}
		const outcome = await hub.pipeline(name, parsed.data.baton, parsed.data.requests);
		if (!outcome.ok) return hranaFailure(response, outcome.status, outcome.code, outcome.message);
		sendJson(response, 200, outcome.body);
	}

	async function serveLocalControl(request: IncomingMessage, response: ServerResponse, url: URL) {
		if (request.method === 'GET' && url.pathname === '/_local/round-trips') return sendJson(response, 200, trips);
		if (request.method === 'POST' && url.pathname === '/_local/round-trips/reset') {
			trips = { total: 0, byDatabase: {} };
			return sendJson(response, 200, trips);
		}
		if (request.method === 'POST' && url.pathname === '/_local/rtt') {
			rttMs = validRtt(Number(url.searchParams.get('ms')));
			return sendJson(response, 200, { rttMs });
		}
		sendJson(response, 404, { error: `No local control route ${request.method} ${url.pathname}.` });
	}

	async function route(request: IncomingMessage, response: ServerResponse) {
		const url = new URL(request.url ?? '/', 'http://local-turso');
		const database = /^\/db\/([^/]*)\/?(.*)$/.exec(url.pathname);
		if (database) return serveDatabase(request, response, decodeURIComponent(database[1]), database[2]);
		if (url.pathname.startsWith('/_local/')) return serveLocalControl(request, response, url);
		if (url.pathname.startsWith('/v1/')) {
			const reply = handlePlatformApi(platform, {
				method: request.method ?? 'GET',
				path: url.pathname,
				authorization: request.headers.authorization,
				body: request.method === 'POST' ? await readBody(request) : ''
			});
			return reply.body === undefined ? response.writeHead(reply.status).end() : sendJson(response, reply.status, reply.body);
		}
		sendJson(response, 404, { error: `The local Turso has no route ${url.pathname}.` });
	}

	const server = createServer((request, response) => {
		route(request, response).catch((error: unknown) => {
			if (error instanceof RequestError || error instanceof SyntaxError) {
				const status = error instanceof RequestError ? error.status : 400;
				return hranaFailure(response, status, 'BAD_REQUEST', error.message);
			}
			console.error('local Turso: request failed:', error);
			hranaFailure(response, 500, 'INTERNAL_ERROR', 'The local Turso failed on this request; see its console.');
		});
	});
	await new Promise<void>((resolveListen, rejectListen) => {
		server.once('error', rejectListen);
		server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolveListen());
	});
	const address = server.address() as AddressInfo;
	const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
	const origin = `http://${host}:${address.port}`;
	const databaseUrl = (name: string) => `${origin}/db/${name}/`;

	return {
		origin,
		org,
		databaseUrl,
		async ensureDatabase(name) {
			if (!DATABASE_NAME.test(name)) throw new Error(`Invalid database name "${name}": use 1-64 lowercase letters, digits or dashes.`);
			if (!exists(name)) create(name);
			return { url: databaseUrl(name), authToken: registry.mint(name) };
		},
		roundTrips: () => structuredClone(trips),
		resetRoundTrips: () => {
			trips = { total: 0, byDatabase: {} };
		},
		setRtt: (ms) => {
			rttMs = validRtt(ms);
		},
		close: async () => {
			await new Promise<void>((resolveClose) => {
				server.close(() => resolveClose());
				server.closeAllConnections();
			});
			hub.close();
		}
	};
}

function validRtt(ms: number): number {
	if (!Number.isFinite(ms) || ms < 0) throw new RequestError(400, `The round-trip delay must be a number of milliseconds >= 0, not ${ms}.`);
	return ms;
}

function bearer(authorization: string | undefined): string | null {
	return /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1] ?? null;
}

/** Compares hashes, so the comparison takes the same time whatever the lengths. */
function sameSecret(given: string | null, expected: string): boolean {
	if (!given) return false;
	const digest = (text: string) => createHash('sha256').update(text).digest();
	return timingSafeEqual(digest(given), digest(expected));
}

/** `message` and `code` are what the Hrana client reads from an error body; `error` is sqld's field. */
function hranaFailure(response: ServerResponse, status: number, code: string, message: string): void {
	sendJson(response, status, { error: message, message, code });
}
