/**
 * The job handlers, called by the Cloudflare jobs worker (`queue` and `scheduled`) and by
 * the local in-process queue and ticker alike.
 */
import { z } from 'zod';
import { emailSendJob, requeueStalledEmails, sendOutboxEmail } from '../mail/outbox';
import type { JobMessage, Platform } from '../platform/ports';
import { claimDueTenants, repairProvisioningTenants } from '../tenancy/service';
import { runTenantDueWork, tenantDueJob } from './tenant-due';

export { RetryableJobError } from './errors';

const handlers: Record<string, (platform: Platform, message: JobMessage) => Promise<void>> = {
	[emailSendJob]: (platform, message) => sendOutboxEmail(platform, z.string().parse(message.outboxId)),
	[tenantDueJob]: (platform, message) => runTenantDueWork(platform, z.string().parse(message.tenantId))
};

/** Throws to ask for a retry (RetryableJobError may say when). Unknown types are refused
 * loudly rather than retried forever. */
export async function handleJob(platform: Platform, message: JobMessage): Promise<void> {
	const handler = handlers[message.type];
	if (!handler) throw new Error(`No handler for job type "${message.type}".`);
	await handler(platform, message);
}

/** Every minute: hand each tenant with due work to a job, and heal what a crash or a lost
 * message left behind. */
export async function runCronTick(platform: Platform): Promise<void> {
	const minute = platform.clock.now().toISOString().slice(0, 16);
	for (const tenantId of await claimDueTenants(platform)) {
		await platform.queue.send({ type: tenantDueJob, tenantId, idempotencyKey: `due:${tenantId}:${minute}` });
	}
	await requeueStalledEmails(platform);
	await repairProvisioningTenants(platform);
}
