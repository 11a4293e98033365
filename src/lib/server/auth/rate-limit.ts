/** Attempt counters in the control database: shared by every isolate, unlike memory. */
import { eq, sql, type SQL } from 'drizzle-orm';
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

/** Counts one attempt in a fixed window and refuses once the window's limit is passed. */
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
		throw tooManyRequests(`${rule.message} ${tryAgainIn(row.windowStart.getTime() + rule.windowMs - now.getTime())}`);
	}
}

/** Gives back an attempt counted by `consumeRateLimit`, for attempts that turned out fine. */
export async function refundRateLimit(db: ControlDb, key: string): Promise<void> {
	await db
		.update(rateLimits)
		.set({ count: sql`max(${rateLimits.count} - 1, 0)` })
		.where(eq(rateLimits.key, key));
}

/**
 * Exponential backoff for guessing a secret: the first failures are free, then every
 * failure doubles the wait before the next attempt, up to a cap. The row's `count` holds
 * the failures and `windowStart` the time the next attempt is allowed.
 */
export interface Backoff {
	key: string;
	freeFailures: number;
	firstWaitMs: number;
	maxWaitMs: number;
	/** Shown to the person who has to wait, before "Try again in ...". */
	message: string;
	/** Shown after "Try again in ...": what they can do instead of waiting. */
	alternative?: string;
}

/** Failures this long past their wait are forgotten. */
const forgetFailuresAfterMs = 24 * 60 * 60_000;

/**
 * Claims one attempt, or refuses while the wait after the last failure runs. The attempt
 * counts as a failure from the start, in one statement, so attempts sent in parallel cannot
 * all slip in before the first failure is written; `clearFailures` forgets them on success.
 */
export async function claimAttempt(db: ControlDb, rule: Backoff, now: Date): Promise<void> {
	const failures = sql`CASE WHEN ${rateLimits.windowStart} <= ${now.getTime() - forgetFailuresAfterMs} THEN 1 ELSE ${rateLimits.count} + 1 END`;
	const claimed = await db
		.insert(rateLimits)
		.values({ key: rule.key, windowStart: sql`${now.getTime()} + ${waitAfter(rule, sql`1`)}`, count: 1 })
		.onConflictDoUpdate({
			target: rateLimits.key,
			set: { count: failures, windowStart: sql`${now.getTime()} + ${waitAfter(rule, failures)}` },
			setWhere: sql`${rateLimits.windowStart} <= ${now.getTime()}`
		})
		.returning();
	if (claimed.length) return;
	const row = await db.query.rateLimits.findFirst({ where: eq(rateLimits.key, rule.key) });
	const waitMs = (row?.windowStart.getTime() ?? now.getTime()) - now.getTime();
	throw tooManyRequests([rule.message, tryAgainIn(waitMs), rule.alternative].filter(Boolean).join(' '));
}

/** The wait after `failures` failures, as SQL so the claim stays one statement. */
const waitAfter = (rule: Backoff, failures: SQL) =>
	sql`CASE WHEN ${failures} < ${rule.freeFailures} THEN 0 ELSE min(${rule.maxWaitMs}, ${rule.firstWaitMs} * (1 << min(${failures} - ${rule.freeFailures}, 30))) END`;

/** The secret was right: forget the failures. */
export async function clearFailures(db: ControlDb, key: string): Promise<void> {
	await db.delete(rateLimits).where(eq(rateLimits.key, key));
}

function tryAgainIn(waitMs: number): string {
	if (waitMs < 60_000) {
		const seconds = Math.max(1, Math.ceil(waitMs / 1000));
		return `Try again in ${seconds} second${seconds === 1 ? '' : 's'}.`;
	}
	const minutes = Math.ceil(waitMs / 60_000);
	return `Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}
