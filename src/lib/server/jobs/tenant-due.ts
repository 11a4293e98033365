/** The `tenant.due` job: the work the cron found due in one tenant. */
import { recurringActionsDueWork } from '../goals/recurring-actions';
import { engagementDeliveryDueWork } from '../engagements/delivery';
import { exportsDueWork } from '../exports/job';
import { fileCleanupDueWork } from '../files/uploads';
import { digestDueWork, heldEmailsDueWork } from '../notifications/service';
import { stalledImportsDueWork } from '../imports/service';
import type { Platform } from '../platform/ports';
import { openJobBase } from '../tenancy/acting';
import { scheduleTenantWork } from '../tenancy/service';
import { runDueWork, type DueWorkProvider } from './due-work';

/** Every kind of scheduled work; a new one is one more entry here. */
export const dueWorkProviders: readonly DueWorkProvider[] = [digestDueWork, heldEmailsDueWork, recurringActionsDueWork, fileCleanupDueWork, engagementDeliveryDueWork, exportsDueWork, stalledImportsDueWork];

export async function runTenantDueWork(platform: Platform, tenantId: string, providers = dueWorkProviders) {
	const base = await openJobBase(platform, tenantId);
	if (!base) return;
	const next = await runDueWork(base, providers);
	if (next) await scheduleTenantWork(platform, base.tenant.id, next);
}
