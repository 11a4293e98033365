import type { TenantDb } from '../db';
import type { Role } from '../db/control/schema';
import type { people } from '../db/tenant/schema';
import type { Platform } from '../platform/ports';

export type Person = typeof people.$inferSelect;

/** What a tenant procedure hands its service: the tenant, its open database and who is
 * acting. The tenant middleware builds it after checking membership. */
export interface TenantScope {
	platform: Platform;
	db: TenantDb;
	tenant: { id: string; slug: string; name: string };
	person: Person;
	roles: Role[];
}

export const hasRole = (scope: Pick<TenantScope, 'roles'>, role: Role) => scope.roles.includes(role);
