/** The `tenant.due` job: the work the cron found due in one tenant. */
import { eq } from 'drizzle-orm';
import { openControlDb, openTenantDb } from '../db';
import { tenants } from '../db/control/schema';
import { recurringActionsDueWork } from '../goals/recurring-actions';
import { engagementDeliveryDueWork } from '../engagements/delivery';
import { exportsDueWork } from '../exports/job';
import { fileCleanupDueWork } from '../files/uploads';
import { digestDueWork, heldEmailsDueWork } from '../notifications/service';
import { stalledImportsDueWork } from '../imports/service';
import type { Platform } from '../platform/ports';
import { scheduleTenantWork } from '../tenancy/service';
import { runDueWork, type DueWorkProvider } from './due-work';

/** Every kind of scheduled work; a new one is one more entry here. */
export const dueWorkProviders: readonly DueWorkProvider[] = [digestDueWork, heldEmailsDueWork, recurringActionsDueWork, fileCleanupDueWork, engagementDeliveryDueWork, exportsDueWork, stalledImportsDueWork];

export async function runTenantDueWork(platform: Platform, tenantId: string, providers = dueWorkProviders) {
	// The message names the tenant; it is trusted only after the control plane confirms it.
	const tenant = await openControlDb(platform).query.tenants.findFirst({ where: eq(tenants.id, tenantId) });
	if (!tenant || tenant.status !== 'active') return;
	const db = await openTenantDb(platform, tenant);
	const next = await runDueWork({ platform, db, tenant }, providers);
	if (next) await scheduleTenantWork(platform, tenant.id, next);
}
