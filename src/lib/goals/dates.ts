/**
 * Due dates are calendar days ("YYYY-MM-DD") in the coachee's time zone, so they are shown
 * as they are, never shifted through another zone: 31 Dec is 31 Dec for coach and coachee.
 */

/** "31 Dec 2026" */
export function formatDueDate(dueOn: string): string {
	return new Date(`${dueOn}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}
