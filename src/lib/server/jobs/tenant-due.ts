/** The `tenant.due` job: the work the cron found due in one tenant. */
import { eq } from 'drizzle-orm';
import { openControlDb, openTenantDb } from '../db';
import { tenants } from '../db/control/schema';
import { notifications } from '../db/tenant/schema';
import { nextDigestAt, sendDigests } from '../notifications/service';
import type { Platform } from '../platform/ports';
import { scheduleTenantWork } from '../tenancy/service';

export const tenantDueJob = 'tenant.due';

export async function runTenantDueWork(platform: Platform, tenantId: string) {
	// The message names the tenant; it is trusted only after the control plane confirms it.
	const tenant = await openControlDb(platform).query.tenants.findFirst({ where: eq(tenants.id, tenantId) });
	if (!tenant || tenant.status !== 'active') return;
	const db = await openTenantDb(platform, tenant);
	await sendDigests(platform, { db, tenant });
	const stillPending = await db.query.notifications.findFirst({ where: eq(notifications.emailStatus, 'digest_pending') });
	if (stillPending) await scheduleTenantWork(platform, tenant.id, nextDigestAt(platform.clock.now()));
}
