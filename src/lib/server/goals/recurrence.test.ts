import { describe, expect, it } from 'vitest';
import { recurrenceFields, type RecurrenceFields } from '../../goals/schema';
import { DomainError } from '../errors';
import { describeRule, firstOccurrenceAfter, icsLines, occurrences, ruleFor } from './recurrence';

const choice = (fields: Partial<RecurrenceFields>): RecurrenceFields => recurrenceFields.parse(fields);
const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', { weekday: 'long', timeZone: 'UTC' });

/** The field a refusal names and its message. */
function refusal(build: () => unknown) {
	try {
		build();
	} catch (error) {
		if (error instanceof DomainError) return { code: error.code, fields: error.fieldErrors };
		throw error;
	}
	throw new Error('Expected a refusal.');
}

// 2026-10-19 is a Monday, a week before Europe/London's clocks go back (10-25) and two before New York's (11-01).
const monday = '2026-10-19';

describe('rules from the form', () => {
	it('builds daily, weekly and monthly rules ending on a date or after a number of times', () => {
		expect(ruleFor(choice({ repeat: 'daily', ends: 'count', count: 5 }), monday)).toBe('FREQ=DAILY;COUNT=5');
		expect(ruleFor(choice({ repeat: 'daily', ends: 'until', until: '2026-12-31' }), monday)).toBe('FREQ=DAILY;UNTIL=20261231');
		expect(ruleFor(choice({ repeat: 'weekly', weekdays: ['WE', 'MO'], count: 8 }), monday)).toBe('FREQ=WEEKLY;BYDAY=MO,WE;COUNT=8');
		expect(ruleFor(choice({ repeat: 'monthly', count: 6 }), '2026-10-15')).toBe('FREQ=MONTHLY;COUNT=6');
	});

	it('weekly with no days chosen repeats on the first due date’s weekday; days are ignored for other frequencies', () => {
		expect(ruleFor(choice({ repeat: 'weekly', count: 4 }), '2026-10-21')).toBe('FREQ=WEEKLY;BYDAY=WE;COUNT=4');
		expect(ruleFor(choice({ repeat: 'daily', weekdays: ['TU'], count: 3 }), monday)).toBe('FREQ=DAILY;COUNT=3');
	});

	it('refuses, under the field to change, what cannot make a recurring action', () => {
		expect(refusal(() => ruleFor(choice({ repeat: 'daily', ends: 'until', until: '2026-10-18' }), monday))).toEqual({
			code: 'invalid',
			fields: { until: ['The end date is before the first due date, 19 Oct 2026. Choose a later end date.'] }
		});
		expect(refusal(() => ruleFor(choice({ repeat: 'daily', ends: 'until' }), monday)).fields).toEqual({ until: ['Enter the end date.'] });
		expect(refusal(() => ruleFor(choice({ repeat: 'daily', ends: 'count' }), monday)).fields).toEqual({ count: ['Enter how many times.'] });
		expect(refusal(() => ruleFor(choice({ repeat: 'weekly', weekdays: ['TU', 'TH'], count: 4 }), monday)).fields).toEqual({
			weekdays: ['The first time is the due date, Monday 19 Oct 2026: include Monday or change the due date.']
		});
	});

	it('refuses an end date that makes it happen once, or more than 366 times', () => {
		// Weekly on Mondays until the Tuesday after the first: one time only.
		expect(refusal(() => ruleFor(choice({ repeat: 'weekly', ends: 'until', until: '2026-10-20' }), monday)).fields).toEqual({
			until: ['A recurring action happens at least 2 times; this one would happen once. Choose a later end date.']
		});
		expect(refusal(() => ruleFor(choice({ repeat: 'daily', ends: 'until', until: '2027-10-20' }), monday)).fields).toEqual({
			until: ['A recurring action can happen at most 366 times; this one would happen more often. Choose an earlier end date.']
		});
		expect(ruleFor(choice({ repeat: 'daily', ends: 'until', until: '2027-10-19' }), monday)).toBe('FREQ=DAILY;UNTIL=20271019'); // 366 days
	});

	it('there is no rule for an action that does not repeat', () => {
		expect(() => ruleFor(choice({ repeat: 'none' }), monday)).toThrow(/does not repeat/);
	});
});

describe('laying out occurrences', () => {
	it('weekly on chosen days stays on those weekdays across the DST changes in London and New York', () => {
		const dates = occurrences('FREQ=WEEKLY;BYDAY=MO,WE;COUNT=8', monday, monday, '2027-12-31');
		expect(dates).toEqual(['2026-10-19', '2026-10-21', '2026-10-26', '2026-10-28', '2026-11-02', '2026-11-04', '2026-11-09', '2026-11-11']);
		expect(new Set(dates.map(weekdayOf))).toEqual(new Set(['Monday', 'Wednesday']));
	});

	it('gives the occurrences inside a window, both ends included', () => {
		expect(occurrences('FREQ=WEEKLY;BYDAY=MO,WE;COUNT=8', monday, '2026-10-21', '2026-10-26')).toEqual(['2026-10-21', '2026-10-26']);
		expect(occurrences('FREQ=DAILY;UNTIL=20261231', '2026-12-29', '2026-12-01', '2027-01-31')).toEqual(['2026-12-29', '2026-12-30', '2026-12-31']);
	});

	it('monthly keeps the day of the month, skipping months without it (RFC 5545)', () => {
		expect(occurrences('FREQ=MONTHLY;COUNT=3', '2026-01-31', '2026-01-01', '2026-12-31')).toEqual(['2026-01-31', '2026-03-31', '2026-05-31']);
	});

	it('names the next occurrence after a day, and none once the rule has run out', () => {
		expect(firstOccurrenceAfter('FREQ=WEEKLY;BYDAY=MO,WE;COUNT=8', monday, '2026-10-21')).toBe('2026-10-26');
		expect(firstOccurrenceAfter('FREQ=WEEKLY;BYDAY=MO,WE;COUNT=8', monday, '2026-11-11')).toBeNull();
		expect(firstOccurrenceAfter('FREQ=DAILY;UNTIL=20261231', '2026-12-29', '2026-12-31')).toBeNull();
	});
});

describe('the rule in words and in calendar files', () => {
	it('describes each kind of rule in plain English', () => {
		expect(describeRule('FREQ=WEEKLY;BYDAY=MO,WE;COUNT=8', monday)).toBe('Weekly on Monday and Wednesday, 8 times');
		expect(describeRule('FREQ=WEEKLY;BYDAY=MO,WE,FR;UNTIL=20261231', monday)).toBe('Weekly on Monday, Wednesday and Friday until 31 Dec 2026');
		expect(describeRule('FREQ=DAILY;UNTIL=20261231', monday)).toBe('Daily until 31 Dec 2026');
		expect(describeRule('FREQ=MONTHLY;COUNT=6', '2026-10-15')).toBe('Monthly on day 15, 6 times');
		expect(describeRule('FREQ=MONTHLY;UNTIL=20270915', '2026-09-15')).toBe('Monthly on day 15 until 15 Sep 2027');
	});

	it('gives the iCalendar lines with an all-day start', () => {
		expect(icsLines('FREQ=WEEKLY;BYDAY=MO,WE;COUNT=8', monday)).toEqual(['DTSTART;VALUE=DATE:20261019', 'RRULE:FREQ=WEEKLY;BYDAY=MO,WE;COUNT=8']);
	});
});
