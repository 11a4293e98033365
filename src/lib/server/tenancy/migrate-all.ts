/** `npm run db:migrate`: the control plane, then every tenant; one broken tenant is
 * reported and does not stop the others. */
import { openControlDb, migrateControl, migrateTenant, recordTenantSchema, tenantLocator } from '../db';
import { tenants } from '../db/control/schema';
import type { Platform } from '../platform/ports';

export interface TenantMigrationReport {
	slug: string;
	ok: boolean;
	applied: string[];
	error?: string;
}

export async function migrateEverything(platform: Platform) {
	const control = await migrateControl(platform.db.control());
	const rows = await openControlDb(platform).select().from(tenants).orderBy(tenants.slug);
	const reports: TenantMigrationReport[] = [];
	for (const tenant of rows) {
		if (!tenant.dbUrl) {
			reports.push({ slug: tenant.slug, ok: false, applied: [], error: 'no database yet (still provisioning)' });
			continue;
		}
		try {
			const result = await migrateTenant(platform.db.open(await tenantLocator(platform, tenant)));
			await recordTenantSchema(platform, tenant.id);
			reports.push({ slug: tenant.slug, ok: true, applied: result.applied });
		} catch (error) {
			reports.push({ slug: tenant.slug, ok: false, applied: [], error: error instanceof Error ? error.message : String(error) });
		}
	}
	return { control, tenants: reports };
}
