/**
 * Calendar days and IANA time zones, for server and browser alike (so only `Intl`, no
 * library). Due dates are calendar days ("YYYY-MM-DD") with no zone of their own; a zone
 * says which day it is for someone now and when a day begins for them.
 *
 * Offsets come from `Intl.DateTimeFormat#formatToParts` with `hourCycle: 'h23'` (ECMA-402,
 * https://tc39.es/ecma402/#sec-datetime-format-functions): the wall clock a zone shows at an
 * instant, read in parts, minus that instant. `hourCycle` rather than `hour12: false`, which
 * some engines render as "24" at midnight.
 */
import { z } from 'zod';

const dayMs = 24 * 60 * 60_000;

/** Building a formatter costs far more than using one, and the same few zones recur. */
const wallClocks = new Map<string, Intl.DateTimeFormat>();

function wallClockFormat(zone: string): Intl.DateTimeFormat {
	let format = wallClocks.get(zone);
	if (!format) {
		format = new Intl.DateTimeFormat('en-US', {
			timeZone: zone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit'
		});
		wallClocks.set(zone, format);
	}
	return format;
}

/** The wall clock `zone` shows at `instant`, as milliseconds of the same reading in UTC. */
function wallClockAt(zone: string, instant: number): number {
	const parts: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
	for (const part of wallClockFormat(zone).formatToParts(instant)) parts[part.type] = Number(part.value);
	return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
}

const offsetAt = (zone: string, instant: number) => wallClockAt(zone, instant) - Math.floor(instant / 1000) * 1000;

const utcMidnight = (date: string) => Date.parse(`${date}T00:00:00Z`);
const dateOf = (utcMs: number) => new Date(utcMs).toISOString().slice(0, 10);

/** Only names (Region/City, UTC, ...): newer engines also take offsets like "+05:00", which
 * follow no daylight-saving rules and so are no one's zone. */
const zoneName = /^[A-Za-z][A-Za-z0-9_+\-/]*$/;

export function isTimeZone(zone: string): boolean {
	if (!zoneName.test(zone)) return false;
	try {
		wallClockFormat(zone);
		return true;
	} catch {
		return false;
	}
}

/** The engine's spelling of a zone it accepts ("europe/london" is "Europe/London"). */
const canonicalZone = (zone: string) => wallClockFormat(zone).resolvedOptions().timeZone;

let names: string[] | null = null;

/** Every zone to choose from, sorted; the engine's list lacks UTC itself. */
export function timeZoneNames(): string[] {
	names ??= [...new Set([...Intl.supportedValuesOf('timeZone'), 'UTC'])].sort();
	return names;
}

export const timeZoneSchema = z
	.string({ error: 'Choose a time zone from the list.' })
	.trim()
	.refine(isTimeZone, 'Choose a time zone from the list.')
	.transform(canonicalZone);

/** Which calendar day it is in `zone` at `now`. */
export function todayIn(zone: string, now: Date): string {
	return dateOf(wallClockAt(zone, now.getTime()));
}

export function addDays(date: string, days: number): string {
	return dateOf(utcMidnight(date) + days * dayMs);
}

/**
 * The instant `date` begins in `zone`: its local midnight, the earlier one when clocks went
 * back over midnight, or, where the clocks skip midnight (America/Santiago, Asia/Beirut in
 * spring), the first instant of the day that exists.
 */
export function startOfDayIn(date: string, zone: string): Date {
	const { candidates, exact } = instantsReading(zone, utcMidnight(date));
	if (exact.length > 0) return new Date(Math.min(...exact));
	return new Date(firstInstantOfDay(date, zone, Math.min(...candidates), Math.max(...candidates)));
}

/** The instants at which `zone`'s wall clock may read `wall` (a wall-clock time written as UTC
 * milliseconds): one per offset the zone uses within a day of it, and those that really read it
 * (none in a spring gap, two in an autumn overlap). */
function instantsReading(zone: string, wall: number) {
	const candidates = [-dayMs, 0, dayMs].map((shift) => wall - offsetAt(zone, wall + shift));
	return { candidates, exact: candidates.filter((instant) => wallClockAt(zone, instant) === wall) };
}

/** Binary search, to the second, for where the local date turns to `date` in [before, after]. */
function firstInstantOfDay(date: string, zone: string, before: number, after: number): number {
	const reached = (instant: number) => dateOf(wallClockAt(zone, instant)) >= date;
	while (after - before > 1000) {
		const middle = before + Math.floor((after - before) / 2000) * 1000;
		if (reached(middle)) after = middle;
		else before = middle;
	}
	return after;
}

/** The Monday-to-Sunday week that contains `date`. */
export function weekOf(date: string): { from: string; through: string } {
	const daysSinceMonday = (new Date(utcMidnight(date)).getUTCDay() + 6) % 7;
	const from = addDays(date, -daysSinceMonday);
	return { from, through: addDays(from, 6) };
}

/** Whether the day `dueOn` has ended in `zone`. */
export function isOverdue(dueOn: string, zone: string, now: Date): boolean {
	return todayIn(zone, now) > dueOn;
}

/** "YYYY-MM-DD" and "HH:MM" as `zone`'s wall clock shows them at `instant`. */
export function wallClockIn(zone: string, instant: Date): { date: string; time: string } {
	const iso = new Date(wallClockAt(zone, instant.getTime())).toISOString();
	return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/**
 * The instant `zone`'s wall clock reads `date` `time` ("HH:MM"). A time the clocks skip (in
 * spring) is read with the offset from before the change, so it lands just after it; a time
 * they repeat (in autumn) is the first of the two.
 */
export function instantIn(date: string, time: string, zone: string): Date {
	const { candidates, exact } = instantsReading(zone, Date.parse(`${date}T${time}:00Z`));
	return new Date(exact.length ? Math.min(...exact) : Math.max(...candidates));
}
