/**
 * The job handlers, called by the Cloudflare jobs worker (`queue` and `scheduled`) and by
 * the local in-process queue and ticker alike. To add a job type: its message schema in
 * messages.ts, its handler here.
 */
import { runExportChunk } from '../exports/job';
import { runImportChunk } from '../imports/chunk';
import { requeueStalledEmails, sendOutboxEmail } from '../mail/outbox';
import type { Platform } from '../platform/ports';
import { claimDueTenants, repairProvisioningTenants } from '../tenancy/service';
import { enqueue, jobMessages } from './messages';
import { createJobHandler } from './registry';
import { runTenantDueWork } from './tenant-due';

export { RetryableJobError } from './errors';

/** Validates a delivered message and runs its handler. Throws UnprocessableJobError for a
 * message that can never run; anything else it throws is the handler's. */
export const handleJob = createJobHandler(jobMessages, {
	'email.send': (platform, message) => sendOutboxEmail(platform, message.outboxId),
	'tenant.due': (platform, message) => runTenantDueWork(platform, message.tenantId),
	'export.chunk': (platform, message) => runExportChunk(platform, message),
	'import.chunk': (platform, message) => runImportChunk(platform, message)
});

/** Every minute: hand each tenant with due work to a job, and heal what a crash or a lost
 * message left behind. */
export async function runCronTick(platform: Platform): Promise<void> {
	const minute = platform.clock.now().toISOString().slice(0, 16);
	for (const tenantId of await claimDueTenants(platform)) {
		await enqueue(platform, 'tenant.due', { tenantId, idempotencyKey: `due:${tenantId}:${minute}` });
	}
	await requeueStalledEmails(platform);
	await repairProvisioningTenants(platform);
}
