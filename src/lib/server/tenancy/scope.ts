/**
 * The tenant scope: what a tenant procedure hands its service (the tenant, its database,
 * who is acting and as what). It is built once per request and workspace from the identity
 * the request already resolved, without a round trip of its own.
 *
 * The tenant database is the source of truth for who someone is there, so it must confirm
 * the person before any of the request's data leaves: the scope's client PREPENDS that
 * check to the request's first batch of reads (one round trip for the person and the page's
 * data, where it used to take three) and throws the results away if the person is not
 * active with the roles the control plane claimed. A first statement that writes waits for
 * the check instead (mutations are not page views), so nothing is ever written on behalf
 * of someone the tenant has turned off.
 */
import type { Client, InArgs, InStatement, ResultSet, Row, TransactionMode } from '@libsql/client';
import { openTenantClient, tenantDbFrom, type TenantDb } from '../db';
import type { Role, TenantKind } from '../db/control/schema';
import type { people } from '../db/tenant/schema';
import { forbidden } from '../errors';
import type { Platform } from '../platform/ports';
import type { Workspace } from './identity';
import { turnedOffMessage } from '../../tenancy/labels';

export type Person = typeof people.$inferSelect;

/** The acting person, as the tenant database confirmed them. */
export type Me = Pick<Person, 'id' | 'userId' | 'email' | 'firstName' | 'lastName' | 'roles' | 'status' | 'timeZone'>;

export interface TenantScope {
	platform: Platform;
	db: TenantDb;
	tenant: { id: string; slug: string; name: string; kind: TenantKind };
	/** Known before the tenant database answers (from the membership); confirmed with the first read. */
	personId: string;
	roles: Role[];
	/** The acting person's row; free once the request has read anything. */
	me(): Promise<Me>;
}

export const hasRole = (scope: Pick<TenantScope, 'roles'>, role: Role) => scope.roles.includes(role);

/** Said to anyone who may not enter, whether or not the workspace exists: never its name. */
export const noAccessMessage = (slug: string) =>
	`You don't have access to a workspace at "${slug}". Check the address, or ask the workspace's admin to invite you.`;

/** What the control plane is told when the tenant database disagrees with its mirror. */
export type MembershipRepair = (person: Me | null) => Promise<void>;

export async function openTenantScope(
	platform: Platform,
	workspace: Workspace,
	userId: string,
	repair: MembershipRepair
): Promise<TenantScope> {
	const { tenant } = workspace;
	if (tenant.status !== 'active') throw forbidden(noAccessMessage(tenant.slug));
	// They were let in before: say what happened, not that the workspace is unknown to them.
	if (workspace.status !== 'active') throw forbidden(turnedOffMessage(tenant.name));
	const guard = new PersonGuard(await openTenantClient(platform, tenant), userId, workspace, async (person) => {
		await repair(person);
		if (person?.status === 'deactivated') throw forbidden(turnedOffMessage(tenant.name));
		throw forbidden(`Your access to ${tenant.name} changed a moment ago. Reload the page; if you still cannot enter, ask one of its admins.`);
	});
	const personId = workspace.personId ?? (await learnPersonId(guard, repair));
	return {
		platform,
		db: tenantDbFrom(guard.client),
		tenant: { id: tenant.id, slug: tenant.slug, name: tenant.name, kind: tenant.kind },
		personId,
		roles: workspace.roles,
		me: () => guard.confirm()
	};
}

/** A membership written before person ids were mirrored: ask the tenant first (one extra
 * round trip) and mirror the id, so it happens once. */
async function learnPersonId(guard: PersonGuard, repair: MembershipRepair): Promise<string> {
	const me = await guard.confirm();
	await repair(me);
	return me.id;
}

const personStatement = (userId: string): InStatement => ({
	sql: 'select id, user_id, email, first_name, last_name, roles, status, time_zone from people where user_id = ?',
	args: [userId]
});

function toMe(row: Row): Me {
	return {
		id: String(row.id),
		userId: String(row.user_id),
		email: String(row.email),
		firstName: String(row.first_name),
		lastName: String(row.last_name),
		roles: JSON.parse(String(row.roles)) as Role[],
		status: String(row.status) as Me['status'],
		timeZone: String(row.time_zone)
	};
}

const sameRoles = (a: Role[], b: Role[]) => a.length === b.length && a.every((role) => b.includes(role));

/** Reads only: the check may travel in the same batch, since nothing is kept if it fails. */
const isRead = (statement: InStatement | [string, InArgs?]) =>
	/^\s*select\b/i.test(typeof statement === 'string' ? statement : Array.isArray(statement) ? statement[0] : statement.sql);

/** Other ways to send statements: they wait for the check. */
const confirmFirst = new Set<PropertyKey>(['transaction', 'executeMultiple', 'migrate']);

class PersonGuard {
	#confirmed: Me | null = null;
	readonly client: Client;

	constructor(
		private readonly raw: Client,
		private readonly userId: string,
		private readonly claimed: Pick<Workspace, 'personId' | 'roles'>,
		private readonly onMismatch: (person: Me | null) => Promise<never>
	) {
		this.client = guardedClient(raw, this);
	}

	async confirm(): Promise<Me> {
		return this.#confirmed ?? this.accept(await this.raw.execute(personStatement(this.userId)));
	}

	private async accept(result: ResultSet): Promise<Me> {
		const row = result.rows[0];
		const person = row ? toMe(row) : null;
		if (!person || person.status !== 'active') await this.onMismatch(person);
		if ((this.claimed.personId && person!.id !== this.claimed.personId) || !sameRoles(person!.roles, this.claimed.roles)) {
			await this.onMismatch(person);
		}
		return (this.#confirmed = person!);
	}

	async execute(statement: InStatement): Promise<ResultSet> {
		if (this.#confirmed || !isRead(statement)) {
			await this.confirm();
			return this.raw.execute(statement);
		}
		const [person, result] = await this.raw.batch([personStatement(this.userId), statement], 'read');
		await this.accept(person!);
		return result!;
	}

	async batch(statements: Array<InStatement | [string, InArgs?]>, mode?: TransactionMode): Promise<ResultSet[]> {
		if (this.#confirmed || !statements.every(isRead)) {
			await this.confirm();
			return this.raw.batch(statements, mode);
		}
		const [person, ...results] = await this.raw.batch([personStatement(this.userId), ...statements], mode);
		await this.accept(person!);
		return results;
	}
}

/** The libSQL client drizzle talks to: the same object, with its doors guarded. */
function guardedClient(raw: Client, guard: PersonGuard): Client {
	return new Proxy(raw, {
		get(target, key, receiver) {
			if (key === 'execute') {
				return (statement: InStatement | string, args?: InArgs) =>
					guard.execute(typeof statement === 'string' ? { sql: statement, args: args ?? [] } : statement);
			}
			if (key === 'batch') return (statements: Array<InStatement | [string, InArgs?]>, mode?: TransactionMode) => guard.batch(statements, mode);
			const value = Reflect.get(target, key, receiver);
			if (typeof value !== 'function') return value;
			if (!confirmFirst.has(key)) return value.bind(target);
			return async (...args: unknown[]) => {
				await guard.confirm();
				return (value as (...a: unknown[]) => unknown).apply(target, args);
			};
		}
	});
}
