/**
 * Dates in the viewer's time zone. The server does not know that zone, so the first render
 * (server and hydration) uses a fixed locale and UTC, and <LocalTime> switches to the
 * viewer's locale and zone once it is in the browser.
 */

export interface DateOptions {
	/** In the browser: the viewer's locale and zone. Otherwise a fixed, stable rendering. */
	local: boolean;
}

const zoneOf = (local: boolean) => (local ? undefined : 'UTC');
const localeOf = (local: boolean) => (local ? undefined : 'en-US');

/** "3 Mar 2026" */
export function formatDate(iso: string, { local }: DateOptions): string {
	return new Date(iso).toLocaleDateString(localeOf(local), { day: 'numeric', month: 'short', year: 'numeric', timeZone: zoneOf(local) });
}

/** "3 Mar 2026, 14:05 GMT+1": the full moment, with its zone named. */
export function formatDateTime(iso: string, { local }: DateOptions): string {
	return new Date(iso).toLocaleString(localeOf(local), {
		day: 'numeric',
		month: 'short',
		year: 'numeric',
		hour: 'numeric',
		minute: '2-digit',
		timeZoneName: 'short',
		timeZone: zoneOf(local)
	});
}

const units: [Intl.RelativeTimeFormatUnit, number][] = [
	['year', 365 * 24 * 3600],
	['month', 30 * 24 * 3600],
	['week', 7 * 24 * 3600],
	['day', 24 * 3600],
	['hour', 3600],
	['minute', 60]
];

/** "just now", "5 minutes ago", "yesterday", "3 weeks ago". */
export function formatRelative(iso: string, now: number, { local }: DateOptions): string {
	const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
	if (Math.abs(seconds) < 60) return 'just now';
	const format = new Intl.RelativeTimeFormat(localeOf(local), { numeric: 'auto' });
	for (const [unit, size] of units) {
		if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
	}
	return format.format(Math.trunc(seconds / 60), 'minute');
}
