/**
 * A job registry: message schemas keyed by type, and one handler per type. The mapped type
 * makes a missing or extra handler a compile error; `handle` validates whatever arrived on
 * the queue against its type's schema before the handler sees it.
 */
import { z } from 'zod';
import type { Platform } from '../platform/ports';
import { UnprocessableJobError } from './errors';
import type { BaseJobMessage } from './messages';

export type JobSchemas = Record<string, z.ZodType<BaseJobMessage>>;

export type JobHandlers<S extends JobSchemas> = {
	[T in keyof S]: (platform: Platform, message: z.output<S[T]>) => Promise<void>;
};

/** Returns the queue consumer's entry point: throws UnprocessableJobError for a message no
 * handler may see, and lets the handler's own errors through to the queue's policy. */
export function createJobHandler<S extends JobSchemas>(schemas: S, handlers: JobHandlers<S>) {
	function knownType(body: unknown): keyof S & string {
		const type = typeof body === 'object' && body !== null ? (body as { type?: unknown }).type : undefined;
		if (typeof type === 'string' && Object.hasOwn(schemas, type)) return type;
		throw new UnprocessableJobError(`Unknown job type ${JSON.stringify(type) ?? 'undefined'}; no handler can run it.`);
	}

	async function run<T extends keyof S & string>(platform: Platform, type: T, body: unknown) {
		const parsed = z.safeParse(schemas[type], body);
		if (!parsed.success) {
			throw new UnprocessableJobError(`The ${type} message does not match its schema: ${z.prettifyError(parsed.error)}`);
		}
		await handlers[type](platform, parsed.data);
	}

	return (platform: Platform, body: unknown) => run(platform, knownType(body), body);
}
