/**
 * The Actions screens' form and address handling: what the New form posts without scripts
 * (every recurrence field) reaches `actions.create` as the person meant it, and refusals land
 * under the field that caused them.
 */
import { describe, expect, it } from 'vitest';
import { newActionInput, readActionListQuery } from './actions-pages.server';
import { weekdayOf } from './dates';
import { newActionFields } from './schema';

/** The New form as a browser without scripts posts it: every field, filled or not. */
const posted = (fields: Partial<Parameters<typeof newActionInput>[0]> = {}) =>
	newActionInput({ title: 'Weekly 1:1 prep', dueOn: '2026-12-02', milestoneId: undefined, repeat: 'none', weekdays: [], ends: 'count', until: undefined, count: undefined, ...fields });

const fieldErrors = (input: unknown) => {
	const result = newActionFields.safeParse(input);
	return result.success ? null : result.error.flatten().fieldErrors;
};

describe('the New action form', () => {
	it('saves a one-off action without the recurrence fields the page showed', () => {
		const input = posted({ weekdays: ['MO'], ends: 'until', until: '2027-01-01', count: '4' });
		expect(input).toEqual({ title: 'Weekly 1:1 prep', dueOn: '2026-12-02', milestoneId: undefined, repeat: 'none' });
		expect(fieldErrors(input)).toBeNull();
	});

	it('repeats a weekly action on its due date’s weekday when no day is ticked, and on the ticked days otherwise', () => {
		expect(posted({ repeat: 'weekly', count: '6' })).toMatchObject({ repeat: 'weekly', weekdays: ['WE'], count: '6' });
		expect(posted({ repeat: 'weekly', weekdays: ['MO', 'FR'], count: '6' })).toMatchObject({ weekdays: ['MO', 'FR'] });
		expect(posted({ repeat: 'daily', weekdays: ['MO'], count: '6' })).not.toHaveProperty('weekdays');
	});

	it('sends only the end that was chosen, so a date left in “On a date” does not count', () => {
		const byCount = posted({ repeat: 'monthly', ends: 'count', count: '3', until: 'someday' });
		expect(byCount).not.toHaveProperty('until');
		expect(fieldErrors(byCount)).toBeNull();
		const byDate = posted({ repeat: 'monthly', ends: 'until', until: '2027-06-30', count: 'lots' });
		expect(byDate).not.toHaveProperty('count');
		expect(fieldErrors(byDate)).toBeNull();
	});

	it('puts a missing end under the field for the end that was chosen', () => {
		expect(fieldErrors(posted({ repeat: 'daily', ends: 'until' }))).toEqual({ until: ['Enter the end date.'] });
		expect(fieldErrors(posted({ repeat: 'daily', ends: 'count', count: '1' }))).toEqual({ count: ['A recurring action happens at least 2 times.'] });
	});

	it('refuses a forged frequency under Frequency', () => {
		expect(fieldErrors(posted({ repeat: 'hourly', count: '3' }))).toEqual({ repeat: ['Choose how often it repeats.'] });
	});
});

describe('the list’s address', () => {
	it('reads the view and page, and falls back to the first page of open actions', () => {
		expect(readActionListQuery(new URLSearchParams('view=overdue&page=3'))).toEqual({ view: 'overdue', page: 3 });
		expect(readActionListQuery(new URLSearchParams('view=late&page=-2'))).toEqual({ view: 'open', page: 1 });
		expect(readActionListQuery(new URLSearchParams('page=1.5'))).toEqual({ view: 'open', page: 1 });
	});
});

describe('weekdayOf', () => {
	it('names the weekday of a calendar day, whatever the server’s zone', () => {
		expect(weekdayOf('2026-12-02')).toBe('WE');
		expect(weekdayOf('2026-12-06')).toBe('SU');
		expect(weekdayOf('next Friday')).toBeNull();
	});
});
