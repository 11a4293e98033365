/**
 * Due dates are calendar days ("YYYY-MM-DD") in the coachee's time zone, so they are shown
 * as they are, never shifted through another zone: 31 Dec is 31 Dec for coach and coachee.
 */
import { weekdays, type Weekday } from './schema';

/** "31 Dec 2026" */
export function formatDueDate(dueOn: string): string {
	return new Date(`${dueOn}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** The RFC 5545 weekday code ("MO") of a "YYYY-MM-DD" day; null for anything that is not one. */
export function weekdayOf(day: string): Weekday | null {
	const date = new Date(`${day}T00:00:00Z`);
	if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(date.getTime())) return null;
	return weekdays[(date.getUTCDay() + 6) % 7]!;
}
