/**
 * Every job type's message, defined once: its name and the zod schema of what travels on
 * the queue. The queue's message union is inferred from these schemas, producers enqueue
 * through `enqueue` (validated before it leaves), and the registry (runner.ts) pairs each
 * type with its handler, which sees only messages that passed the same schema.
 *
 * Messages stay small and JSON-only: ids, never rows. Every one carries an idempotency key
 * and, when the work belongs to a tenant, its `tenantId`.
 *
 * The schemas live apart from the handlers because the code that enqueues (the outbox,
 * notifications) is the code the handlers call: keeping this module free of domain imports
 * avoids an import cycle.
 */
import { z } from 'zod';
import type { Platform } from '../platform/ports';

const tenantId = z.string().min(1);

function jobMessage<const T extends string, F extends z.ZodRawShape & { tenantId?: z.ZodType<string | undefined> }>(
	type: T,
	fields: F
) {
	return z.object({ type: z.literal(type), idempotencyKey: z.string().min(1), ...fields });
}

export const jobMessages = {
	/** Send one outbox row (mail/outbox.ts). */
	'email.send': jobMessage('email.send', { outboxId: z.string().min(1), tenantId: tenantId.optional() }),
	/** Do the due work of one tenant the cron claimed (jobs/tenant-due.ts). */
	'tenant.due': jobMessage('tenant.due', { tenantId }),
	/** Write chunk `chunk` of an export (exports/job.ts). */
	'export.chunk': jobMessage('export.chunk', { tenantId, exportId: z.string().min(1), chunk: z.number().int().min(0) }),
	/** Read and apply chunk `chunk` of a Bulk Create's file (imports/chunk.ts). */
	'import.chunk': jobMessage('import.chunk', { tenantId, importId: z.string().min(1), chunk: z.number().int().min(0) })
};

export type JobType = keyof typeof jobMessages;
export type JobMessageOf<T extends JobType> = z.output<(typeof jobMessages)[T]>;
/** What the queue carries: one of the messages above. */
export type JobMessage = { [T in JobType]: JobMessageOf<T> }[JobType];

/** The common part every job schema must produce; used by registries built for tests. */
export interface BaseJobMessage {
	type: string;
	idempotencyKey: string;
	tenantId?: string;
}

/** Validates a message of `type` and puts it on the queue. A message that does not match
 * its schema is a bug in the producer: it throws here instead of failing in the consumer. */
export async function enqueue<T extends JobType>(
	platform: Platform,
	type: T,
	payload: Omit<JobMessageOf<T>, 'type'>,
	options?: { delaySeconds?: number }
): Promise<void> {
	const message: JobMessage = jobMessages[type].parse({ ...payload, type });
	await platform.queue.send(message, options);
}
