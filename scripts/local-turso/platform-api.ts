/**
 * The subset of Turso's Platform API that provisioning and token rotation use, answered over
 * the local database files. Same paths, bodies and statuses as Turso documents (the shapes
 * src/lib/server/platform/cloudflare/turso-provisioner.ts reads), so the production
 * provisioner runs unchanged against it:
 * - POST /v1/organizations/{org}/databases { name, group } -> 200 { database: { DbId, Hostname, Name } },
 *   409 { error } when the name is taken, 400 { error } without a valid name or group.
 *   https://docs.turso.tech/api-reference/databases/create
 * - GET /v1/organizations/{org}/databases/{name} -> 200 { database: { Name, DbId, Hostname, group } }, 404 { error }
 *   https://docs.turso.tech/api-reference/databases/retrieve
 * - POST /v1/organizations/{org}/databases/{name}/auth/tokens -> 200 { jwt }, 404 { error }
 *   (`expiration` and `authorization` are accepted and ignored: local tokens never expire and
 *   have full access). https://docs.turso.tech/api-reference/databases/create-token
 * - POST /v1/organizations/{org}/databases/{name}/auth/rotate -> 200 with no body, 404 { error }:
 *   every token of the database stops working. https://docs.turso.tech/api-reference/databases/invalidate-tokens
 * - Every call needs `Authorization: Bearer <platform API token>`, else 401 { error }.
 *   https://docs.turso.tech/api-reference/response-codes
 * Hostnames have Turso's shape (`<name>-<org>.local-turso`) but resolve nowhere: the local
 * provisioner maps a database to `<origin>/db/<name>/` instead.
 */
import { z } from 'zod';
import type { TokenRegistry } from './registry';

export const DATABASE_NAME = /^[a-z0-9-]{1,64}$/;

export interface PlatformReply {
	status: number;
	body?: unknown;
}

export interface PlatformApiContext {
	org: string;
	registry: TokenRegistry;
	exists(name: string): boolean;
	create(name: string): void;
	bearerMatches(authorization: string | undefined): boolean;
}

const createBody = z.object({ name: z.string(), group: z.string().min(1) });

export function handlePlatformApi(
	context: PlatformApiContext,
	request: { method: string; path: string; authorization: string | undefined; body: string }
): PlatformReply {
	if (!context.bearerMatches(request.authorization)) {
		return failure(401, 'Unauthorized: the Platform API needs "Authorization: Bearer <platform API token>".');
	}
	const match = /^\/v1\/organizations\/([^/]+)\/databases(?:\/([^/]+)(\/auth\/tokens|\/auth\/rotate)?)?$/.exec(request.path);
	if (!match) return failure(404, `No Platform API route ${request.method} ${request.path} in the local Turso.`);
	const [, org, name, action] = match.map((part) => (part === undefined ? undefined : decodeURIComponent(part)));
	if (org !== context.org) return failure(404, `organization "${org}" not found (this server serves "${context.org}")`);

	if (name === undefined) return request.method === 'POST' ? createDatabase(context, request.body) : notAllowed(request);
	if (!context.exists(name)) return failure(404, `database "${name}" not found`);
	if (action === undefined && request.method === 'GET') return { status: 200, body: { database: describeDatabase(context, name) } };
	if (action === '/auth/tokens' && request.method === 'POST') return { status: 200, body: { jwt: context.registry.mint(name) } };
	if (action === '/auth/rotate' && request.method === 'POST') {
		context.registry.revokeAll(name);
		return { status: 200 };
	}
	return notAllowed(request);
}

function createDatabase(context: PlatformApiContext, rawBody: string): PlatformReply {
	const parsed = createBody.safeParse(parseJson(rawBody));
	if (!parsed.success) return failure(400, 'the body must be JSON { "name": string, "group": string }');
	const { name, group } = parsed.data;
	if (!DATABASE_NAME.test(name)) {
		return failure(400, `invalid database name "${name}": use 1-64 lowercase letters, digits or dashes`);
	}
	if (context.exists(name)) return failure(409, `database with name ${name} already exists`);
	context.create(name);
	context.registry.register(name, group);
	const { DbId, Hostname, Name } = describeDatabase(context, name);
	return { status: 200, body: { database: { DbId, Hostname, Name } } };
}

function describeDatabase(context: PlatformApiContext, name: string) {
	// A file `npm run dev` made has no record yet: it gets one, in no group.
	const record = context.registry.get(name) ?? context.registry.register(name, null);
	return {
		Name: name,
		DbId: record.dbId,
		Hostname: `${name}-${context.org}.local-turso`,
		...(record.group === null ? {} : { group: record.group })
	};
}

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

function notAllowed(request: { method: string; path: string }): PlatformReply {
	return failure(405, `${request.method} is not supported on ${request.path} by the local Turso`);
}

function failure(status: number, error: string): PlatformReply {
	return { status, body: { error } };
}
