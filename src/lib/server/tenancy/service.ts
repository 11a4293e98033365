/**
 * Tenants span two databases: the control plane (directory + membership index) and the
 * tenant's own database (its people, the source of truth). Creation is ordered so that a
 * crash at any step leaves a 'provisioning' tenant that `finishProvisioning` completes,
 * whether it is called again by the same request's retry, at sign-in, or by the cron sweep.
 */
import { and, eq, isNotNull, like, lt, lte, sql } from 'drizzle-orm';
import { databaseNameFor, openControlDb, openTenantDb, type TenantDb } from '../db';
import { memberships, tenants, type Role, type TenantKind } from '../db/control/schema';
import { people } from '../db/tenant/schema';
import type { Platform } from '../platform/ports';
import { notFound } from '../errors';
import type { TenantSummary } from './identity';
import type { Person } from './scope';
import { slugify } from './slug';

export interface TenantOwner {
	userId: string;
	email: string;
	firstName: string;
	lastName: string;
}

export type TenantRow = typeof tenants.$inferSelect;

export async function createTenant(
	platform: Platform,
	input: { name: string; kind: TenantKind; owner: TenantOwner; ownerRoles: Role[] }
): Promise<TenantRow> {
	const db = openControlDb(platform);
	const id = crypto.randomUUID();
	const slug = await freeSlug(platform, slugify(input.name));
	await db.insert(tenants).values({ id, slug, name: input.name, kind: input.kind });
	// The owner's membership is written first, as 'provisioning' cannot be entered anyway:
	// it is how finishProvisioning knows whom to seed after a crash.
	await db.insert(memberships).values({ userId: input.owner.userId, tenantId: id, roles: input.ownerRoles });
	return finishProvisioning(platform, id);
}

async function freeSlug(platform: Platform, base: string): Promise<string> {
	const taken = await openControlDb(platform)
		.select({ slug: tenants.slug })
		.from(tenants)
		.where(like(tenants.slug, `${base}%`));
	const used = new Set(taken.map((row) => row.slug));
	if (!used.has(base)) return base;
	for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Idempotent: creates the database if missing, migrates it, seeds the members recorded
 * in the control plane as people, then marks the tenant active. */
export async function finishProvisioning(platform: Platform, tenantId: string): Promise<TenantRow> {
	const control = openControlDb(platform);
	let tenant = await control.query.tenants.findFirst({ where: eq(tenants.id, tenantId) });
	if (!tenant) throw notFound('That workspace does not exist.');
	if (tenant.status === 'active') return tenant;
	if (!tenant.dbUrl) {
		const databaseName = databaseNameFor(tenant.id);
		const locator = await platform.provisioner.provision(databaseName);
		// Sealed before it is stored: the control plane never holds a usable tenant token.
		const dbAuthToken = locator.authToken ? await platform.tokenVault.seal(locator.authToken, databaseName) : null;
		[tenant] = await control
			.update(tenants)
			.set({ dbUrl: locator.url, dbAuthToken })
			.where(eq(tenants.id, tenantId))
			.returning();
	}
	const tdb = await openTenantDb(platform, tenant!);
	const owners = await control.query.memberships.findMany({ where: eq(memberships.tenantId, tenantId) });
	for (const membership of owners) {
		const personId = await seedOwnerPerson(platform, tdb, membership.userId, membership.roles);
		if (personId) await upsertMembership(platform, { userId: membership.userId, tenantId, roles: membership.roles, status: 'active', personId });
	}
	[tenant] = await control.update(tenants).set({ status: 'active' }).where(eq(tenants.id, tenantId)).returning();
	return tenant!;
}

/** Returns the owner's person id (theirs already, after a crash and a retry). */
async function seedOwnerPerson(platform: Platform, tdb: TenantDb, userId: string, roles: Role[]): Promise<string | null> {
	const user = await openControlDb(platform).query.users.findFirst({ where: (u, { eq }) => eq(u.id, userId) });
	if (!user) return null;
	const [firstName, ...rest] = user.name.split(' ');
	await tdb
		.insert(people)
		.values({
			id: crypto.randomUUID(),
			userId,
			email: user.email,
			firstName: firstName ?? user.name,
			lastName: rest.join(' '),
			roles,
			status: 'active',
			activatedAt: platform.clock.now()
		})
		.onConflictDoNothing();
	const person = await tdb.query.people.findFirst({ where: eq(people.userId, userId), columns: { id: true } });
	return person?.id ?? null;
}

/** Tenants left half-created (e.g. by a crash mid sign-up) for longer than a minute. */
export async function repairProvisioningTenants(platform: Platform): Promise<number> {
	const cutoff = new Date(platform.clock.now().getTime() - 60_000);
	const stuck = await openControlDb(platform)
		.select({ id: tenants.id })
		.from(tenants)
		.where(and(eq(tenants.status, 'provisioning'), lt(tenants.createdAt, cutoff)));
	for (const { id } of stuck) await finishProvisioning(platform, id);
	return stuck.length;
}

/** The tenants a user may enter, for the switcher and for landing after sign-in. */
export async function tenantsOfUser(platform: Platform, userId: string): Promise<TenantSummary[]> {
	return openControlDb(platform)
		.select({ id: tenants.id, slug: tenants.slug, name: tenants.name, kind: tenants.kind, roles: memberships.roles })
		.from(memberships)
		.innerJoin(tenants, eq(tenants.id, memberships.tenantId))
		.where(and(eq(memberships.userId, userId), eq(memberships.status, 'active'), eq(tenants.status, 'active')))
		.orderBy(tenants.name);
}

/** Writes the control-plane mirror of a person's access; safe to repeat. */
export async function upsertMembership(
	platform: Platform,
	input: { userId: string; tenantId: string; roles: Role[]; status: 'active' | 'deactivated'; personId: string }
) {
	await openControlDb(platform)
		.insert(memberships)
		.values(input)
		.onConflictDoUpdate({
			target: [memberships.userId, memberships.tenantId],
			set: { roles: input.roles, status: input.status, personId: input.personId }
		});
}

/** Brings the control plane's mirror in line with the tenant's people table (the source of
 * truth), e.g. after a crash between the two writes of a role change. */
export async function mirrorPerson(platform: Platform, tenantId: string, userId: string, person: Pick<Person, 'id' | 'roles' | 'status'> | null) {
	if (!person) {
		await openControlDb(platform)
			.update(memberships)
			.set({ status: 'deactivated' })
			.where(and(eq(memberships.tenantId, tenantId), eq(memberships.userId, userId)));
		return;
	}
	const status = person.status === 'active' ? 'active' : 'deactivated';
	await upsertMembership(platform, { userId, tenantId, roles: person.roles, status, personId: person.id });
}

/** Asks the cron to visit this tenant no later than `at` (keeps an earlier visit). */
export async function scheduleTenantWork(platform: Platform, tenantId: string, at: Date) {
	await openControlDb(platform)
		.update(tenants)
		.set({ nextDueAt: sql`min(coalesce(${tenants.nextDueAt}, ${at.getTime()}), ${at.getTime()})` })
		.where(eq(tenants.id, tenantId));
}

/** Claims every tenant whose due time has come. The conditional update makes a repeated
 * or overlapping tick claim nothing twice; a missed tick is caught up by the next. */
export async function claimDueTenants(platform: Platform): Promise<string[]> {
	const rows = await openControlDb(platform)
		.update(tenants)
		.set({ nextDueAt: null })
		.where(and(isNotNull(tenants.nextDueAt), lte(tenants.nextDueAt, platform.clock.now())))
		.returning({ id: tenants.id });
	return rows.map((row) => row.id);
}
