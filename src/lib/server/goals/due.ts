/** When an action's due day ends for its coachee: the start of the next day in their zone. */
export function dueAtFor(dueOn: string, zone: string): Date {
	const [y, m, d] = dueOn.split('-').map(Number) as [number, number, number];
	const guess = Date.UTC(y, m - 1, d + 1);
	const first = guess - offsetMs(zone, guess);
	return new Date(guess - offsetMs(zone, first));
}

function offsetMs(zone: string, instant: number): number {
	const parts = Object.fromEntries(
		new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })
			.formatToParts(new Date(instant))
			.map((p) => [p.type, Number(p.value)])
	);
	return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) - instant;
}

export function todayIn(zone: string, now: Date): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
