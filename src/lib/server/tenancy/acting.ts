/**
 * A job acting for the person who started it (a Bulk Create, an export): the same
 * TenantScope a request of theirs would have, built from their row in the tenant database
 * as it is NOW. A job may run minutes after the click; if the person was deactivated or
 * lost a role meanwhile, the job must not act with the rights they had, so permissions and
 * `visibleEngagements` are checked exactly as in a request.
 */
import { eq } from 'drizzle-orm';
import { openControlDb, openTenantDb } from '../db';
import { tenants } from '../db/control/schema';
import { people } from '../db/tenant/schema';
import type { Platform } from '../platform/ports';
import type { Me, TenantScope } from './scope';

export type JobBase = Pick<TenantScope, 'platform' | 'db' | 'tenant'>;

/** The tenant a job message names, opened; null when it is gone or not active. The message
 * is trusted only after the control plane confirms the tenant. */
export async function openJobBase(platform: Platform, tenantId: string): Promise<JobBase | null> {
	const tenant = await openControlDb(platform).query.tenants.findFirst({ where: eq(tenants.id, tenantId) });
	if (!tenant || tenant.status !== 'active') return null;
	return { platform, db: await openTenantDb(platform, tenant), tenant: { id: tenant.id, slug: tenant.slug, name: tenant.name, kind: tenant.kind } };
}

/** The scope of `personId`, or null when they are gone or no longer active. */
export async function actingScope(base: JobBase, personId: string): Promise<TenantScope | null> {
	const person = await base.db.query.people.findFirst({ where: eq(people.id, personId) });
	if (!person || person.status !== 'active') return null;
	const me: Me = person;
	return { ...base, personId: person.id, roles: person.roles, me: async () => me };
}
