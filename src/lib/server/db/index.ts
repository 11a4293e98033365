/**
 * Typed database handles. The web driver takes a ready client, so this module never pulls a
 * Node-only libSQL build into the Workers bundle; each runtime's connector makes clients.
 */
import { drizzle } from 'drizzle-orm/libsql/web';
import type { Client } from '@libsql/client';
import * as controlSchema from './control/schema';
import * as tenantSchema from './tenant/schema';
import { controlMigrations, tenantMigrations } from './migrations.generated';
import { migrate, type MigrationResult } from './migrator';
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

/** Databases this isolate has already seen at the latest migration, so the lazy check
 * costs one query per tenant per isolate, not one per request. */
const upToDate = new Set<string>();

/** Opens a tenant database, first migrating it if it is behind this build's schema. */
export async function openTenantDb(platform: Platform, locator: DatabaseLocator): Promise<TenantDb> {
	const client = platform.db.open(locator);
	if (!upToDate.has(locator.url)) {
		await migrate(client, tenantMigrations);
		upToDate.add(locator.url);
	}
	return tenantDbFrom(client);
}

export function migrateControl(client: Client): Promise<MigrationResult> {
	return migrate(client, controlMigrations);
}

export function migrateTenant(client: Client): Promise<MigrationResult> {
	return migrate(client, tenantMigrations);
}

export { controlSchema, tenantSchema };
