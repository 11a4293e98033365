/**
 * Dev tools only (`npm run dev`, tests, `npm run preview`, the browser suite; never
 * production): the app's clock is the system's plus an offset that /dev/clock moves
 * forward, so a test sees the cron send tomorrow's work without waiting for tomorrow.
 *
 * The offset lives in memory, where the platform reads it on every `now()`, and in the
 * control database, because under workerd the jobs worker is another worker: it loads the
 * offset at the start of each scheduled() and queue() invocation. The app worker loads it
 * only in /dev/clock, so page views cost no extra round trip. The table is created on first
 * use by this code, not by a migration: a production database never has it.
 */
import type { Client, InStatement } from '@libsql/client';
import type { Clock } from './ports';

export interface DevClock extends Clock {
	/** How far ahead of the underlying clock the app runs, in milliseconds. */
	offsetMs(): number;
	/** Takes the offset kept in the control database (another worker may have moved it). */
	load(): Promise<void>;
	/** Moves the app's time forward by `ms` for every worker; answers the new time. */
	advance(ms: number): Promise<Date>;
	/** Back to the underlying clock's time; answers it. */
	reset(): Promise<Date>;
}

/** Where a clock keeps its offset in memory: one per runtime, or per Workers isolate. */
export interface ClockOffset {
	ms: number;
}

const createTable = 'CREATE TABLE IF NOT EXISTS dev_clock (id INTEGER PRIMARY KEY CHECK (id = 1), offset_ms INTEGER NOT NULL)';

function upsert(expression: 'excluded.offset_ms' | 'dev_clock.offset_ms + excluded.offset_ms', ms: number): InStatement {
	return {
		sql: `INSERT INTO dev_clock (id, offset_ms) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET offset_ms = ${expression} RETURNING offset_ms`,
		args: [ms]
	};
}

/** `base` plus the offset; `control` opens the control database when the offset is read or moved. */
export function devClock(base: Clock, control: () => Client, offset: ClockOffset = { ms: 0 }): DevClock {
	/** One round trip: the table (first use) and the statement whose single row is the offset. */
	async function keep(statement: InStatement): Promise<Date> {
		const [, result] = await control().batch([createTable, statement], 'write');
		offset.ms = Number(result!.rows[0]?.offset_ms ?? 0);
		return now();
	}
	const now = () => new Date(base.now().getTime() + offset.ms);
	return {
		now,
		offsetMs: () => offset.ms,
		load: async () => void (await keep('SELECT offset_ms FROM dev_clock WHERE id = 1')),
		advance: (ms) => keep(upsert('dev_clock.offset_ms + excluded.offset_ms', ms)),
		reset: () => keep(upsert('excluded.offset_ms', 0))
	};
}

const units = { d: 86_400_000, h: 3_600_000, m: 60_000 } as const;

/** "2d", "3h" or "90m" in milliseconds; null for anything else (zero and backwards included:
 * the clock only moves forward, and `reset` takes it back). */
export function parseAdvance(text: string): number | null {
	const match = /^\s*(\d{1,6})\s*([dhm])\s*$/i.exec(text);
	if (!match) return null;
	const ms = Number(match[1]) * units[match[2]!.toLowerCase() as keyof typeof units];
	return ms > 0 ? ms : null;
}

/** What /dev/clock was asked, from its page's forms or a test's POST: `reset`, or `advance`
 * by "2d", "3h" or "90m". Answers the new time, or why nothing moved. */
export async function moveDevClock(clock: DevClock, data: FormData): Promise<{ now: Date } | { error: string }> {
	if (data.has('reset')) return { now: await clock.reset() };
	const ms = parseAdvance(String(data.get('advance') ?? ''));
	if (ms === null) return { error: 'Give a whole number of days, hours or minutes, like 2d, 3h or 90m.' };
	return { now: await clock.advance(ms) };
}
