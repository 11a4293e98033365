/**
 * A fetch function answering as Turso's Platform API is documented to, for tests of the code
 * that calls it (the real one cannot be reached from here):
 * - POST /v1/organizations/{org}/databases { name, group } -> 200 { database: { DbId, Hostname, Name } }
 *   https://docs.turso.tech/api-reference/databases/create
 * - GET /v1/organizations/{org}/databases/{name} -> 200 { database: { Name, DbId, Hostname, group, ... } }
 *   https://docs.turso.tech/api-reference/databases/retrieve
 * - POST /v1/organizations/{org}/databases/{name}/auth/tokens?authorization=full-access -> 200 { jwt }
 *   https://docs.turso.tech/api-reference/databases/create-token
 * - POST /v1/organizations/{org}/groups/{group}/auth/rotate -> 200, and every token of the
 *   group's databases stops working: https://docs.turso.tech/api-reference/groups/invalidate-tokens
 * - 401 / 402 / 403 / 404 / 409 (resource already exists) with an error message in the body
 *   https://docs.turso.tech/api-reference/response-codes
 *
 * `validTokens` is what the databases would still accept, so tests can check that what we
 * stored works, not only that a call was made.
 */
import type { FetchLike } from '../platform/cloudflare/fetch';

export const FAKE_TURSO_ORG = 'acme-coaching';
export const FAKE_TURSO_API_TOKEN = 'platform-token';

export interface RecordedRequest {
	method: string;
	url: string;
	headers: Record<string, string>;
	body: unknown;
}

interface FakeDatabase {
	Name: string;
	DbId: string;
	Hostname: string;
	group: string;
}

export function jsonResponse(status: number, body: unknown) {
	return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

export function fakeTurso(options: { override?: (req: RecordedRequest) => Response | undefined; groups?: string[] } = {}) {
	const requests: RecordedRequest[] = [];
	const databases = new Map<string, FakeDatabase>();
	const groups = options.groups ?? ['tenants'];
	const validTokens = new Map<string, string>(); // token -> database name
	let tokens = 0;
	const ORG = FAKE_TURSO_ORG;

	const record = (input: string, init: RequestInit): RecordedRequest => {
		const headers: Record<string, string> = {};
		new Headers(init.headers).forEach((value, key) => (headers[key] = value));
		return { method: init.method ?? 'GET', url: input, headers, body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined };
	};

	const rotateGroup = (group: string) => {
		if (!groups.includes(group)) return jsonResponse(404, { error: `group ${group} not found` });
		for (const [token, name] of validTokens) if (databases.get(name)?.group === group) validTokens.delete(token);
		return new Response(null, { status: 200 });
	};

	const fetch: FetchLike = async (input, init) => {
		const req = record(input, init);
		requests.push(req);
		const custom = options.override?.(req);
		if (custom) return custom;

		if (req.headers['authorization'] !== `Bearer ${FAKE_TURSO_API_TOKEN}`) return jsonResponse(401, { error: 'invalid token' });

		const url = new URL(input);
		const groupRotate = url.pathname.match(new RegExp(`^/v1/organizations/${ORG}/groups/([a-z0-9-]+)/auth/rotate$`));
		if (url.origin === 'https://api.turso.tech' && req.method === 'POST' && groupRotate) return rotateGroup(groupRotate[1]!);

		const base = `/v1/organizations/${ORG}/databases`;
		if (url.origin !== 'https://api.turso.tech' || !url.pathname.startsWith(base)) {
			return jsonResponse(404, { error: 'not found' });
		}
		const rest = url.pathname.slice(base.length);

		if (req.method === 'POST' && rest === '') {
			const { name, group } = req.body as { name: string; group: string };
			if (!groups.includes(group)) return jsonResponse(404, { error: `group ${group} not found` });
			if (databases.has(name)) return jsonResponse(409, { error: `database with name ${name} already exists` });
			const db = { Name: name, DbId: `id-${name}`, Hostname: `${name}-${ORG}.turso.io`, group };
			databases.set(name, db);
			return jsonResponse(200, { database: { DbId: db.DbId, Hostname: db.Hostname, Name: db.Name } });
		}
		const single = rest.match(/^\/([a-z0-9-]+)$/);
		if (req.method === 'GET' && single) {
			const db = databases.get(single[1]!);
			if (!db) return jsonResponse(404, { error: 'database not found' });
			return jsonResponse(200, {
				database: {
					...db,
					type: 'logical',
					version: '0.24.0',
					primaryRegion: 'fra',
					regions: ['fra'],
					is_schema: false,
					block_reads: false,
					block_writes: false,
					allow_attach: false,
					sleeping: false,
					archived: false
				}
			});
		}
		const token = rest.match(/^\/([a-z0-9-]+)\/auth\/tokens$/);
		if (req.method === 'POST' && token) {
			if (!databases.has(token[1]!)) return jsonResponse(404, { error: 'database not found' });
			const jwt = `jwt-${token[1]}-${++tokens}`;
			validTokens.set(jwt, token[1]!);
			return jsonResponse(200, { jwt });
		}
		return jsonResponse(404, { error: 'not found' });
	};

	/** A database that exists in Turso already (made outside the code under test). */
	const addDatabase = (name: string, group = groups[0]!) =>
		databases.set(name, { Name: name, DbId: `id-${name}`, Hostname: `${name}-${ORG}.turso.io`, group });

	return { fetch, requests, databases, validTokens, addDatabase };
}

export type FakeTurso = ReturnType<typeof fakeTurso>;
