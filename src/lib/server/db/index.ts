/**
 * Typed database handles. The web driver takes a ready client, so this module never pulls a
 * Node-only libSQL build into the Workers bundle; each runtime's connector makes clients.
 */
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/libsql/web';
import type { Client } from '@libsql/client';
import * as controlSchema from './control/schema';
import * as tenantSchema from './tenant/schema';
import { controlMigrations, tenantMigrations } from './migrations.generated';
import { latestTag, migrate, type MigrationResult } from './migrator';
import { notFound } from '../errors';
import type { DatabaseLocator, Platform } from '../platform/ports';

export function controlDbFrom(client: Client) {
	return drizzle(client, { schema: controlSchema });
}
export function tenantDbFrom(client: Client) {
	return drizzle(client, { schema: tenantSchema });
}
export type ControlDb = ReturnType<typeof controlDbFrom>;
export type TenantDb = ReturnType<typeof tenantDbFrom>;

export function openControlDb(platform: Platform): ControlDb {
	return controlDbFrom(platform.db.control());
}

/** The tenant schema this build expects: the last of drizzle/tenant's migrations. */
export const currentTenantSchema = latestTag(tenantMigrations) ?? '';

/** What opening a tenant database needs from its control-plane row. */
export interface TenantLocation {
	id: string;
	slug: string;
	dbUrl: string | null;
	dbAuthToken: string | null;
	schemaVersion: string | null;
}

/** Turso hostnames are `<database>-<org>.turso.io` and a DNS label holds 63 characters,
 * so the name stays short: 't' and 24 hex digits of the tenant's random id. */
export const databaseNameFor = (tenantId: string) => `t${tenantId.replace(/-/g, '').slice(0, 24)}`;

/** Where the tenant's database is, with its token opened from the vault (CPU only: no round trip). */
export async function tenantLocator(
	platform: Platform,
	tenant: Pick<TenantLocation, 'id' | 'dbUrl' | 'dbAuthToken' | 'slug'>
): Promise<DatabaseLocator> {
	if (!tenant.dbUrl) throw notFound(`The workspace "${tenant.slug}" is still being set up. Try again in a minute.`);
	const authToken = tenant.dbAuthToken ? await platform.tokenVault.open(tenant.dbAuthToken, databaseNameFor(tenant.id)) : null;
	return { url: tenant.dbUrl, authToken };
}

/** A client for the tenant's database. The schema version recorded beside the locator says
 * whether it must migrate first, so an up-to-date tenant costs no round trip here, even in a
 * cold isolate (before: 2 per parallel procedure). Tags sort in order, and the version only
 * moves forward, so an older build still running during a deploy never drags it back. */
export async function openTenantClient(platform: Platform, tenant: TenantLocation): Promise<Client> {
	const client = platform.db.open(await tenantLocator(platform, tenant));
	if ((tenant.schemaVersion ?? '') < currentTenantSchema) {
		await migrate(client, tenantMigrations);
		await recordTenantSchema(platform, tenant.id);
	}
	return client;
}

export async function openTenantDb(platform: Platform, tenant: TenantLocation): Promise<TenantDb> {
	return tenantDbFrom(await openTenantClient(platform, tenant));
}

export async function recordTenantSchema(platform: Platform, tenantId: string) {
	await openControlDb(platform)
		.update(controlSchema.tenants)
		.set({ schemaVersion: currentTenantSchema })
		.where(
			and(
				eq(controlSchema.tenants.id, tenantId),
				or(isNull(controlSchema.tenants.schemaVersion), lt(controlSchema.tenants.schemaVersion, currentTenantSchema))
			)
		);
}

export function migrateControl(client: Client): Promise<MigrationResult> {
	return migrate(client, controlMigrations);
}

export function migrateTenant(client: Client): Promise<MigrationResult> {
	return migrate(client, tenantMigrations);
}

export { controlSchema, tenantSchema };
