/** Fixed-window counters in the control database: shared by every isolate, unlike memory. */
import { sql } from 'drizzle-orm';
import type { ControlDb } from '../db';
import { rateLimits } from '../db/control/schema';
import { tooManyRequests } from '../errors';

export interface RateLimit {
	key: string;
	limit: number;
	windowMs: number;
	/** Shown to the person who hit the limit. */
	message: string;
}

/** Counts one attempt and refuses once the window's limit is passed. */
export async function consumeRateLimit(db: ControlDb, rule: RateLimit, now: Date): Promise<void> {
	const windowOpenedBefore = now.getTime() - rule.windowMs;
	const [row] = await db
		.insert(rateLimits)
		.values({ key: rule.key, windowStart: now, count: 1 })
		.onConflictDoUpdate({
			target: rateLimits.key,
			set: {
				count: sql`CASE WHEN ${rateLimits.windowStart} <= ${windowOpenedBefore} THEN 1 ELSE ${rateLimits.count} + 1 END`,
				windowStart: sql`CASE WHEN ${rateLimits.windowStart} <= ${windowOpenedBefore} THEN ${now.getTime()} ELSE ${rateLimits.windowStart} END`
			}
		})
		.returning();
	if (row && row.count > rule.limit) {
		const retryInMs = row.windowStart.getTime() + rule.windowMs - now.getTime();
		const minutes = Math.max(1, Math.ceil(retryInMs / 60_000));
		throw tooManyRequests(`${rule.message} Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`);
	}
}
