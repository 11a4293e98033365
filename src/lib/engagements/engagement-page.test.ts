/**
 * The engagement page's forms as a browser without scripts posts them (every field, the
 * hidden ones too): the schedule and item forms reach the procedures as the person meant,
 * and a refusal lands under the field that caused it.
 */
import { describe, expect, it } from 'vitest';
import { contentInput, scheduleInput } from './engagement-page.server';
import { itemContent, itemSchedule } from './schema';

const scheduled = (fields: Partial<Parameters<typeof scheduleInput>[0]>) =>
	scheduleInput({ mode: 'session', date: '', time: '', location: '', message: '', windowStartsOn: '', windowEndsOn: '', ...fields });

const content = (fields: Partial<Parameters<typeof contentInput>[0]>) =>
	contentInput({ kind: 'link', title: 'Read this', durationMinutes: '', format: '', message: '', coacheeSchedules: false, assessmentTemplateId: '', fileId: '', url: '', ...fields });

const fieldErrors = (schema: typeof itemSchedule | typeof itemContent, input: unknown) => {
	const result = schema.safeParse(input);
	return result.success ? null : result.error.flatten().fieldErrors;
};

describe('the Schedule form', () => {
	it('sends only the fields of the way chosen, so the hidden ones do not count', () => {
		const window = scheduled({ mode: 'window', date: 'not a date', time: '25:00', windowStartsOn: '2026-12-01', windowEndsOn: '2026-12-05', location: 'https://meet.example/a' });
		expect(window).toEqual({ mode: 'window', windowStartsOn: '2026-12-01', windowEndsOn: '2026-12-05', location: 'https://meet.example/a', message: '' });
		expect(fieldErrors(itemSchedule, window)).toBeNull();
		expect(scheduled({ mode: 'now', date: 'junk' })).toEqual({ mode: 'now' });
	});

	it('puts a missing date or time under its field', () => {
		expect(fieldErrors(itemSchedule, scheduled({ mode: 'send', time: '10:00' }))).toEqual({ date: ['Enter the date.'] });
		expect(fieldErrors(itemSchedule, scheduled({ mode: 'session', date: '2026-12-01', time: '9am' }))).toEqual({ time: ['Enter the time as hours and minutes, like 14:30.'] });
	});
});

describe('the item form', () => {
	it('reads a session’s duration as a number and its checkbox as a choice', () => {
		const session = content({ kind: 'session', durationMinutes: '45', format: 'online', coacheeSchedules: true });
		expect(session).toEqual({ kind: 'session', title: 'Read this', durationMinutes: 45, format: 'online', message: '', coacheeSchedules: true });
		expect(fieldErrors(itemContent, session)).toBeNull();
		expect(fieldErrors(itemContent, content({ kind: 'session', durationMinutes: '', format: 'online' }))).toHaveProperty('durationMinutes');
	});

	it('refuses a link that is not a web address under Link', () => {
		expect(fieldErrors(itemContent, content({ url: 'javascript:alert(1)' }))).toEqual({ url: ['Enter a full web address that starts with https://'] });
	});
});
