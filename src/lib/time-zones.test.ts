import { describe, expect, it } from 'vitest';
import { addDays, instantIn, isOverdue, isTimeZone, startOfDayIn, timeZoneNames, timeZoneSchema, todayIn, wallClockIn, weekOf } from './time-zones';

const at = (iso: string) => new Date(iso);

describe('time zone names', () => {
	it('accepts IANA names and UTC, refuses the rest', () => {
		expect(isTimeZone('Europe/London')).toBe(true);
		expect(isTimeZone('UTC')).toBe(true);
		expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
		expect(isTimeZone('+05:00')).toBe(false);
		expect(isTimeZone('')).toBe(false);
	});

	it('lists every zone once, sorted, UTC included', () => {
		const names = timeZoneNames();
		expect(names).toContain('UTC');
		expect(names).toContain('Pacific/Auckland');
		expect(names).toEqual([...new Set(names)].sort());
	});

	it('the form field keeps the engine spelling of a zone and refuses one off the list', () => {
		expect(timeZoneSchema.parse(' europe/london ')).toBe('Europe/London');
		const refused = timeZoneSchema.safeParse('Atlantis/Capital');
		expect(refused.success).toBe(false);
		expect(refused.error?.issues[0]?.message).toBe('Choose a time zone from the list.');
	});
});

describe('which day it is, and when a day begins', () => {
	it('today depends on the zone: Auckland is a day ahead of Los Angeles at the same instant', () => {
		const now = at('2026-11-23T12:00:00Z');
		expect(todayIn('UTC', now)).toBe('2026-11-23');
		expect(todayIn('Pacific/Auckland', now)).toBe('2026-11-24'); // 01:00 NZDT
		expect(todayIn('America/Los_Angeles', at('2026-11-23T07:00:00Z'))).toBe('2026-11-22'); // 23:00 PST
	});

	it('adds days across months, years and leap days', () => {
		expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
		expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
		expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
		expect(addDays('2026-10-19', 14)).toBe('2026-11-02');
	});

	it('Europe/London: days begin at local midnight on both sides of each change', () => {
		expect(startOfDayIn('2026-03-29', 'Europe/London')).toEqual(at('2026-03-29T00:00:00Z')); // still GMT at midnight
		expect(startOfDayIn('2026-03-30', 'Europe/London')).toEqual(at('2026-03-29T23:00:00Z')); // BST
		expect(startOfDayIn('2026-10-19', 'Europe/London')).toEqual(at('2026-10-18T23:00:00Z'));
		expect(startOfDayIn('2026-10-25', 'Europe/London')).toEqual(at('2026-10-24T23:00:00Z')); // the 25-hour day
		expect(startOfDayIn('2026-10-26', 'Europe/London')).toEqual(at('2026-10-26T00:00:00Z'));
	});

	it('America/New_York: days begin at local midnight on both sides of each change', () => {
		expect(startOfDayIn('2026-03-08', 'America/New_York')).toEqual(at('2026-03-08T05:00:00Z')); // the 23-hour day
		expect(startOfDayIn('2026-03-09', 'America/New_York')).toEqual(at('2026-03-09T04:00:00Z'));
		expect(startOfDayIn('2026-11-01', 'America/New_York')).toEqual(at('2026-11-01T04:00:00Z'));
		expect(startOfDayIn('2026-11-02', 'America/New_York')).toEqual(at('2026-11-02T05:00:00Z'));
	});

	it('Pacific/Auckland, ahead of UTC: its days begin on the previous UTC date', () => {
		expect(startOfDayIn('2026-04-05', 'Pacific/Auckland')).toEqual(at('2026-04-04T11:00:00Z')); // NZDT, +13
		expect(startOfDayIn('2026-04-06', 'Pacific/Auckland')).toEqual(at('2026-04-05T12:00:00Z')); // NZST, +12
		expect(startOfDayIn('2026-11-24', 'Pacific/Auckland')).toEqual(at('2026-11-23T11:00:00Z'));
	});

	it('where the clocks skip midnight, the day begins at the first instant it has', () => {
		// Santiago and Beirut move from 00:00 straight to 01:00 when summer time starts.
		expect(startOfDayIn('2026-09-06', 'America/Santiago')).toEqual(at('2026-09-06T04:00:00Z')); // 01:00 -03
		expect(startOfDayIn('2026-03-29', 'Asia/Beirut')).toEqual(at('2026-03-28T22:00:00Z')); // 01:00 +03
		expect(todayIn('Asia/Beirut', at('2026-03-28T21:59:59Z'))).toBe('2026-03-28');
	});

	it('where the clocks go back over midnight, the day begins when its date first shows', () => {
		// Santiago, 2026-04-05: 00:00 -03 is at once 23:00 -04 of the 4th, so the 5th begins at 00:00 -04.
		expect(startOfDayIn('2026-04-05', 'America/Santiago')).toEqual(at('2026-04-05T04:00:00Z'));
		expect(todayIn('America/Santiago', at('2026-04-05T03:59:59Z'))).toBe('2026-04-04');
	});
});

describe('weeks and overdue actions', () => {
	it('a week runs Monday to Sunday', () => {
		expect(weekOf('2026-10-25')).toEqual({ from: '2026-10-19', through: '2026-10-25' }); // a Sunday
		expect(weekOf('2026-10-26')).toEqual({ from: '2026-10-26', through: '2026-11-01' }); // a Monday
		expect(weekOf('2027-01-01')).toEqual({ from: '2026-12-28', through: '2027-01-03' });
	});

	it('an action is overdue once its day has ended where the coachee lives', () => {
		const now = at('2026-11-23T07:00:00Z');
		expect(isOverdue('2026-11-22', 'Europe/London', now)).toBe(true);
		expect(isOverdue('2026-11-22', 'America/Los_Angeles', now)).toBe(false); // still 23:00 on the 22nd
		expect(isOverdue('2026-11-23', 'Europe/London', now)).toBe(false);
		expect(isOverdue('2026-11-23', 'Pacific/Auckland', at('2026-11-23T11:00:00Z'))).toBe(true); // midnight on the 24th
		expect(isOverdue('2026-11-23', 'Pacific/Auckland', at('2026-11-23T10:59:59Z'))).toBe(false);
	});
});

describe('a wall clock time in a zone (session logs)', () => {
	it('reads a date and time as the instant the zone shows them, and back', () => {
		expect(instantIn('2026-11-23', '14:30', 'Europe/London').toISOString()).toBe('2026-11-23T14:30:00.000Z');
		expect(instantIn('2026-07-01', '09:00', 'America/New_York').toISOString()).toBe('2026-07-01T13:00:00.000Z');
		expect(wallClockIn('Asia/Tokyo', new Date('2026-11-23T20:15:00Z'))).toEqual({ date: '2026-11-24', time: '05:15' });
	});

	it('puts a time the clocks skip just after the change, and a repeated time at its first reading', () => {
		expect(instantIn('2026-03-29', '01:30', 'Europe/London').toISOString()).toBe('2026-03-29T01:30:00.000Z');
		expect(instantIn('2026-10-25', '01:30', 'Europe/London').toISOString()).toBe('2026-10-25T00:30:00.000Z');
	});
});
