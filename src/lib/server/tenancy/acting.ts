/**
 * A job acting for the person who started it (a Bulk Create, an export): the same
 * TenantScope a request of theirs would have, built from their row in the tenant database
 * as it is NOW. A job may run minutes after the click; if the person was deactivated or
 * lost a role meanwhile, the job must not act with the rights they had, so permissions and
 * `visibleEngagements` are checked exactly as in a request.
 */
import { eq } from 'drizzle-orm';
import { people } from '../db/tenant/schema';
import type { Me, TenantScope } from './scope';

export type JobBase = Pick<TenantScope, 'platform' | 'db' | 'tenant'>;

/** The scope of `personId`, or null when they are gone or no longer active. */
export async function actingScope(base: JobBase, personId: string): Promise<TenantScope | null> {
	const person = await base.db.query.people.findFirst({ where: eq(people.id, personId) });
	if (!person || person.status !== 'active') return null;
	const me: Me = person;
	return { ...base, personId: person.id, roles: person.roles, me: async () => me };
}
