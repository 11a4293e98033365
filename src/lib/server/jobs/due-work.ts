/**
 * Scheduled work, as a registry of due-work providers (digests today; engagement items,
 * recurring actions and reminders next). The cron visits a tenant only when its
 * `next_due_at` has come; the visit runs every provider and books the next visit at the
 * earliest time any of them names. To add scheduled work, register a provider in
 * tenant-due.ts.
 */
import type { TenantScope } from '../tenancy/scope';

export type DueWorkScope = Pick<TenantScope, 'platform' | 'db' | 'tenant'>;

export interface DueWorkProvider {
	/** Names the provider in logs. */
	name: string;
	/** Does whatever of this provider's work is due now in the tenant; safe to repeat. */
	run(scope: DueWorkScope): Promise<void>;
	/** When this provider next has work in the tenant, or null when it has none. */
	nextDueAt(scope: DueWorkScope): Promise<Date | null>;
}

/** A provider that failed is visited again after this long: soon, but without hammering a
 * broken one every minute. */
export const failedProviderRetryMs = 10 * 60_000;

/** Runs every provider in the tenant; one failing is logged and does not stop the others.
 * Returns when the tenant should next be visited, or null for never. */
export async function runDueWork(
	scope: DueWorkScope,
	providers: readonly DueWorkProvider[],
	log: Pick<Console, 'error'> = console
): Promise<Date | null> {
	let next: Date | null = null;
	for (const provider of providers) {
		const due = await visit(provider, scope, log);
		if (due && (!next || due < next)) next = due;
	}
	return next;
}

async function visit(provider: DueWorkProvider, scope: DueWorkScope, log: Pick<Console, 'error'>): Promise<Date | null> {
	try {
		await provider.run(scope);
		return await provider.nextDueAt(scope);
	} catch (error) {
		const retryAt = new Date(scope.platform.clock.now().getTime() + failedProviderRetryMs);
		log.error(`jobs: due work "${provider.name}" failed in tenant ${scope.tenant.id}; trying again at ${retryAt.toISOString()}`, error);
		return retryAt;
	}
}
