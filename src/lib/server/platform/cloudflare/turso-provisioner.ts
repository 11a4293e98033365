/**
 * Creates one Turso database per tenant through the Platform API, with plain `fetch`.
 *
 * Shapes, from Turso's documentation (base https://api.turso.tech, `Authorization: Bearer <platform API token>`):
 * - Create: POST /v1/organizations/{org}/databases, JSON { name, group }
 *   -> 200 { database: { DbId, Hostname, Name } }. Names: lowercase letters, digits and
 *   dashes, at most 64 characters; the group must exist.
 *   https://docs.turso.tech/api-reference/databases/create
 * - Retrieve: GET /v1/organizations/{org}/databases/{name}
 *   -> 200 { database: { Name, DbId, Hostname, group, ... } }
 *   https://docs.turso.tech/api-reference/databases/retrieve
 * - Token: POST /v1/organizations/{org}/databases/{name}/auth/tokens?expiration=...&authorization=full-access
 *   -> 200 { jwt }. expiration defaults to never.
 *   https://docs.turso.tech/api-reference/databases/create-token
 * - Invalidate group tokens: POST /v1/organizations/{org}/groups/{group}/auth/rotate -> 200.
 *   Rotates the keys that sign and verify every token of the group's databases.
 *   https://docs.turso.tech/api-reference/groups/invalidate-tokens
 *   (There is no per-database equivalent for a database in a group: `turso db tokens
 *   invalidate` rotates the group's keys, https://docs.turso.tech/cli/db/tokens/invalidate,
 *   turso-cli internal/cmd/db_invalidatetokens.go; so `--revoke` in
 *   scripts/rotate-tenant-tokens.ts works on the whole tenant group.)
 * - Errors: 401/402/403, 409 "Conflict — Resource already exists"; the body carries an
 *   error message ({ "error": "..." }).
 *   https://docs.turso.tech/api-reference/response-codes
 * - Database URL: `libsql://<Hostname>` (the client reads libsql: as https:). `databaseUrl`
 *   overrides it only for the local Turso double (scripts/local-turso), whose databases live at
 *   `<TURSO_API_URL>/db/<name>/`.
 *
 * Idempotent by construction: a 409 on create means an earlier attempt (or a concurrent
 * one) already made the database, so we read it back instead of failing. Minting a token
 * is always safe to repeat; each call returns a new valid token, and earlier ones stay valid
 * until they expire (which is what lets scripts/rotate-tenant-tokens.ts replace tokens
 * without downtime).
 */
import type { DatabaseLocator, TenantDatabaseProvisioner } from '../ports';
import type { FetchLike } from './fetch';

export const TURSO_API = 'https://api.turso.tech';
const NAME_PATTERN = /^[a-z0-9-]{1,64}$/;

/** Lifetime of the tenant tokens we mint. A token cannot be revoked alone (only the whole
 * group's, with a short outage for every tenant), so its lifetime bounds how long a leaked one
 * is useful. 90 days: `npm run tenants:rotate-tokens`, run monthly, replaces every token with
 * two months to spare, so one or two missed runs cut no one off, and its `--check` (expiring
 * within 14 days) leaves two weeks to notice. */
export const TENANT_TOKEN_EXPIRATION = '90d';

export interface TursoProvisionerOptions {
	org: string;
	group: string;
	apiToken: string;
	fetch?: FetchLike;
	baseUrl?: string;
	/** Token lifetime in Turso's syntax (`2w1d30m`); omitted means never expires. */
	tokenExpiration?: string;
	timeoutMs?: number;
	/** Where a created database is reached; default `libsql://${hostname}` (Turso Cloud). */
	databaseUrl?: (database: { name: string; hostname: string }) => string;
}

export type TursoStep = 'create database' | 'retrieve database' | 'create token' | 'invalidate group tokens';

export class TursoApiError extends Error {
	constructor(
		readonly step: TursoStep,
		/** What the call was about, as the message names it: `database "t1"` or `group "tenants"`. */
		readonly target: string,
		readonly status: number | null,
		readonly tursoMessage: string
	) {
		super(
			`Turso Platform API failed at "${step}" for ${target}` +
				(status === null ? '' : ` (HTTP ${status})`) +
				`: ${tursoMessage}`
		);
		this.name = 'TursoApiError';
	}

	/** Rate limits, server errors and network failures may pass on a later attempt. */
	get retryable(): boolean {
		return this.status === null || this.status === 429 || this.status >= 500;
	}
}

interface TursoDatabase {
	Name?: string;
	DbId?: string;
	Hostname?: string;
	group?: string;
}

export class TursoProvisioner implements TenantDatabaseProvisioner {
	private readonly fetch: FetchLike;
	private readonly baseUrl: string;

	constructor(private readonly options: TursoProvisionerOptions) {
		for (const key of ['org', 'group', 'apiToken'] as const) {
			if (!options[key]) {
				const secret = { org: 'TURSO_ORG', group: 'TURSO_GROUP', apiToken: 'TURSO_API_TOKEN' }[key];
				throw new Error(`${secret} is not set: run \`wrangler secret put ${secret}\`.`);
			}
		}
		this.fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
		this.baseUrl = (options.baseUrl ?? TURSO_API).replace(/\/+$/, '');
	}

	async provision(databaseName: string): Promise<DatabaseLocator> {
		if (!NAME_PATTERN.test(databaseName)) {
			throw new Error(
				`Invalid Turso database name "${databaseName}": use 1-64 lowercase letters, digits or dashes.`
			);
		}
		const database = await this.createOrGet(databaseName);
		const jwt = await this.mintToken(databaseName);
		const url = this.options.databaseUrl?.({ name: databaseName, hostname: database.Hostname }) ?? `libsql://${database.Hostname}`;
		return { url, authToken: jwt };
	}

	private get orgPath(): string {
		return `/v1/organizations/${encodeURIComponent(this.options.org)}/databases`;
	}

	private async createOrGet(name: string): Promise<TursoDatabase & { Hostname: string }> {
		const created = await this.request('create database', databaseTarget(name), this.orgPath, {
			method: 'POST',
			body: JSON.stringify({ name, group: this.options.group })
		});
		if (created.status !== 409) {
			return requireHostname('create database', name, await this.json(created, 'create database', databaseTarget(name)));
		}

		const existing = await this.request('retrieve database', databaseTarget(name), `${this.orgPath}/${encodeURIComponent(name)}`, {
			method: 'GET'
		});
		const database = requireHostname(
			'retrieve database',
			name,
			await this.json(existing, 'retrieve database', databaseTarget(name))
		);
		if (database.group && database.group !== this.options.group) {
			// Same name in another group is someone else's database (another app or
			// environment sharing the org): never hand out a token for it.
			throw new TursoApiError(
				'retrieve database',
				databaseTarget(name),
				existing.status,
				`a database with this name already exists in group "${database.group}", not "${this.options.group}"`
			);
		}
		return database;
	}

	/**
	 * The database a stored address names, to mint its token: after a point-in-time restore a
	 * tenant points at a new database (docs/DEPLOY.md), so its name cannot be derived from the
	 * tenant id. Turso: `libsql://<name>-<org>.turso.io`; the local double: `<origin>/db/<name>/`;
	 * a local file: `<dir>/<name>.db`.
	 */
	databaseNameAt(url: string): string {
		const { hostname, pathname, protocol } = new URL(url);
		if (protocol === 'file:') return pathname.split('/').at(-1)!.replace(/\.db$/, '');
		const local = /^\/db\/([^/]+)\/$/.exec(pathname);
		if (local) return local[1]!;
		const label = hostname.split('.')[0]!;
		const suffix = `-${this.options.org}`;
		if (!label.endsWith(suffix)) throw new Error(`${url} is not a database of the Turso organization "${this.options.org}".`);
		return label.slice(0, -suffix.length);
	}

	/** A new full-access token for an existing database; the ones minted before stay valid. */
	async mintToken(name: string): Promise<string> {
		const query = new URLSearchParams({ authorization: 'full-access' });
		if (this.options.tokenExpiration) query.set('expiration', this.options.tokenExpiration);
		const target = databaseTarget(name);
		const response = await this.request(
			'create token',
			target,
			`${this.orgPath}/${encodeURIComponent(name)}/auth/tokens?${query}`,
			{ method: 'POST' }
		);
		const body = (await this.json(response, 'create token', target)) as { jwt?: unknown };
		if (typeof body.jwt !== 'string' || !body.jwt) {
			throw new TursoApiError('create token', target, response.status, 'response has no "jwt"');
		}
		return body.jwt;
	}

	/** Invalidates every token of every database in the tenant group, at once. */
	async invalidateGroupTokens(): Promise<void> {
		const { org, group } = this.options;
		const path = `/v1/organizations/${encodeURIComponent(org)}/groups/${encodeURIComponent(group)}/auth/rotate`;
		await this.request('invalidate group tokens', `group "${group}"`, path, { method: 'POST' });
	}

	/** Sends one request; returns the response if it is 2xx or a 409 on create, throws otherwise. */
	private async request(step: TursoStep, target: string, path: string, init: RequestInit): Promise<Response> {
		let response: Response;
		try {
			response = await this.fetch(`${this.baseUrl}${path}`, {
				...init,
				headers: {
					Authorization: `Bearer ${this.options.apiToken}`,
					...(init.body ? { 'Content-Type': 'application/json' } : {})
				},
				signal: AbortSignal.timeout(this.options.timeoutMs ?? 20_000)
			});
		} catch (error) {
			throw new TursoApiError(step, target, null, error instanceof Error ? error.message : String(error));
		}
		if (response.ok) return response;
		if (response.status === 409 && step === 'create database') return response;
		throw new TursoApiError(step, target, response.status, await errorMessage(response));
	}

	private async json(response: Response, step: TursoStep, target: string): Promise<unknown> {
		try {
			return await response.json();
		} catch {
			throw new TursoApiError(step, target, response.status, 'response is not JSON');
		}
	}
}

export function tursoProvisioner(options: TursoProvisionerOptions): TursoProvisioner {
	return new TursoProvisioner(options);
}

/** The local Turso double (scripts/local-turso, TURSO_API_URL) answers the Platform API and
 * serves each database at `<origin>/db/<name>/`; unset, Turso Cloud. */
export function localTursoOptions(apiUrl: string | undefined): Pick<TursoProvisionerOptions, 'baseUrl' | 'databaseUrl'> {
	if (!apiUrl) return {};
	const origin = apiUrl.replace(/\/+$/, '');
	return { baseUrl: origin, databaseUrl: ({ name }) => `${origin}/db/${name}/` };
}

const databaseTarget = (name: string) => `database "${name}"`;

function requireHostname(
	step: TursoStep,
	name: string,
	body: unknown
): TursoDatabase & { Hostname: string } {
	const database = (body as { database?: TursoDatabase } | null)?.database;
	if (!database || typeof database.Hostname !== 'string' || !database.Hostname) {
		throw new TursoApiError(step, databaseTarget(name), 200, 'response has no database.Hostname');
	}
	return database as TursoDatabase & { Hostname: string };
}

async function errorMessage(response: Response): Promise<string> {
	const raw = await response.text().catch(() => '');
	try {
		const parsed = JSON.parse(raw) as { error?: unknown; message?: unknown };
		const message = parsed?.error ?? parsed?.message;
		if (typeof message === 'string' && message) return message;
	} catch {
		// not JSON
	}
	return raw.slice(0, 300) || response.statusText || 'no message';
}
