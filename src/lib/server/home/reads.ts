/**
 * Reads that travel together: each section of a page names its queries and how to shape
 * their rows, and `readAll` sends every section's queries in ONE batch (one tenant round
 * trip, which also carries the person check, see tenancy/scope.ts). A section can be a list
 * of reads from several sources (`readEach`), so a new source joins the batch without a new
 * round trip.
 */
import type { BatchItem } from 'drizzle-orm/batch';
import type { TenantDb } from '../db';

type Query = BatchItem<'sqlite'>;

export interface Read<T> {
	queries: Query[];
	shape(results: unknown[]): T;
}

/** One query and what its rows become. */
export function read<Q extends Query, T>(query: Q, shape: (rows: Q['_']['result']) => T): Read<T> {
	// The batch answers in the order it was asked: results[0] is this query's result.
	return { queries: [query], shape: (results) => shape(results[0] as Q['_']['result']) };
}

/** Several reads of the same kind of item, answered as one list. */
export function readEach<T>(reads: Read<T[]>[]): Read<T[]> {
	return {
		queries: reads.flatMap((r) => r.queries),
		shape(results) {
			let at = 0;
			return reads.flatMap((r) => r.shape(results.slice(at, (at += r.queries.length))));
		}
	};
}

type Shaped<R> = { [K in keyof R]: R[K] extends Read<infer T> ? T : never };

/** Every read of `reads` in one batch, shaped under the same keys. */
export async function readAll<R extends Record<string, Read<unknown>>>(db: TenantDb, reads: R): Promise<Shaped<R>> {
	const sections = Object.entries(reads);
	const queries = sections.flatMap(([, r]) => r.queries);
	// Sections that read nothing still answer (a fixed value), with or without a batch.
	const results: unknown[] = queries.length ? await db.batch(queries as [Query, ...Query[]]) : [];
	let at = 0;
	return Object.fromEntries(sections.map(([key, r]) => [key, r.shape(results.slice(at, (at += r.queries.length)))])) as Shaped<R>;
}
