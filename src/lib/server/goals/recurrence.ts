/**
 * Recurring actions' rules: RFC 5545 RRULE values (https://www.rfc-editor.org/rfc/rfc5545#section-3.3.10)
 * built from the New action form's choices, laid out with `rrule` 2.8
 * (https://github.com/jkbrzt/rrule#readme: `RRule.parseString`, `new RRule(options)`,
 * `between(after, before, inc)`, `after(date, inc)`, `all(iterator)`).
 *
 * Due dates are calendar days, so a rule is laid out as floating dates: DTSTART is the first
 * day at UTC midnight with no TZID, which rrule computes as plain UTC. UTC has no
 * daylight-saving changes, so every occurrence lands on the right calendar day whatever the
 * coachee's zone; the zone decides only when an occurrence is created (recurring-actions.ts).
 * The same rule with `DTSTART;VALUE=DATE` goes into calendar files (`icsLines`).
 */
import * as rruleModule from 'rrule';
import { maxOccurrences, weekdayLabels, weekdays, type RecurrenceFields, type Weekday } from '../../goals/schema';
import { fieldError } from '../errors';

// rrule publishes its ESM build only under the non-standard "module" field. Vite, vitest and
// the Workers' esbuild read it and see named exports; Node's own loader (tsx scripts such as
// `npm run dev`'s setup, which reach this file through the job registry) reads the UMD
// "main" and sees one default export (https://github.com/jkbrzt/rrule/issues/548).
// Reflect.get rather than `.default`, which bundlers flag as never defined in the ESM build.
const { RRule } = (Reflect.get(rruleModule, 'default') as typeof rruleModule | undefined) ?? rruleModule;
type RRule = InstanceType<typeof RRule>;

const utcMidnight = (date: string) => new Date(`${date}T00:00:00Z`);
const dateOf = (instant: Date) => instant.toISOString().slice(0, 10);
const compact = (date: string) => date.replaceAll('-', '');

/** Monday is 0, as in RFC 5545's weekday order and rrule's `Weekday.weekday`. */
const weekdayOf = (date: string): Weekday => weekdays[(utcMidnight(date).getUTCDay() + 6) % 7]!;

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "31 Dec 2026", the same in every engine (ICU's en-GB has turned "Sep" into "Sept"). */
export function formatDay(date: string): string {
	const [year, month, day] = date.split('-').map(Number) as [number, number, number];
	return `${day} ${months[month - 1]} ${year}`;
}

function parse(rule: string, startsOn: string): RRule {
	return new RRule({ ...RRule.parseString(rule), dtstart: utcMidnight(startsOn), tzid: null });
}

const frequencies = { daily: 'DAILY', weekly: 'WEEKLY', monthly: 'MONTHLY' } as const;

/**
 * The RRULE value for the form's choice, starting on `startsOn` (the first occurrence, the
 * action's Due Date). Refuses, under the field to change, an end before the start, a rule
 * that would happen fewer than 2 or more than `maxOccurrences` times, and weekdays that
 * leave out the first due date.
 */
export function ruleFor(choice: RecurrenceFields, startsOn: string): string {
	if (choice.repeat === 'none') throw new Error('ruleFor: this action does not repeat; there is no rule to build.');
	const parts = [`FREQ=${frequencies[choice.repeat]}`];
	if (choice.repeat === 'weekly') parts.push(`BYDAY=${weeklyDays(choice.weekdays, startsOn).join(',')}`);
	parts.push(choice.ends === 'until' ? `UNTIL=${compact(untilOf(choice, startsOn))}` : `COUNT=${countOf(choice)}`);
	const rule = parts.join(';');
	checkOccurrenceCount(rule, startsOn, choice.ends);
	return rule;
}

/** The chosen days in week order; none chosen means the first due date's weekday. */
function weeklyDays(chosen: readonly Weekday[], startsOn: string): Weekday[] {
	const first = weekdayOf(startsOn);
	if (chosen.length === 0) return [first];
	if (!chosen.includes(first)) {
		const message = `The first time is the due date, ${weekdayLabels[first]} ${formatDay(startsOn)}: include ${weekdayLabels[first]} or change the due date.`;
		throw fieldError('weekdays', message);
	}
	return weekdays.filter((day) => chosen.includes(day));
}

function untilOf(choice: RecurrenceFields, startsOn: string): string {
	if (!choice.until) throw fieldError('until', 'Enter the end date.');
	if (choice.until < startsOn) {
		throw fieldError('until', `The end date is before the first due date, ${formatDay(startsOn)}. Choose a later end date.`);
	}
	return choice.until;
}

function countOf(choice: RecurrenceFields): number {
	if (choice.count === undefined) throw fieldError('count', 'Enter how many times.');
	return choice.count;
}

function checkOccurrenceCount(rule: string, startsOn: string, ends: RecurrenceFields['ends']) {
	const total = parse(rule, startsOn).all((_, index) => index <= maxOccurrences).length;
	const change = ends === 'until' ? 'Choose a later end date.' : 'Enter a larger number.';
	if (total < 2) throw fieldError(ends, `A recurring action happens at least 2 times; this one would happen once. ${change}`);
	if (total > maxOccurrences) {
		throw fieldError(ends, `A recurring action can happen at most ${maxOccurrences} times; this one would happen more often. Choose an earlier end date.`);
	}
}

/** The occurrences from `from` through `through`, both included. */
export function occurrences(rule: string, startsOn: string, from: string, through: string): string[] {
	return parse(rule, startsOn).between(utcMidnight(from), utcMidnight(through), true).map(dateOf);
}

/** The first occurrence strictly after `date`, or null once the rule has run out. */
export function firstOccurrenceAfter(rule: string, startsOn: string, date: string): string | null {
	const next = parse(rule, startsOn).after(utcMidnight(date), false);
	return next ? dateOf(next) : null;
}

/** "Monday, Wednesday and Friday" */
const listed = (words: string[]) => (words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words.at(-1)}` : (words[0] ?? ''));

/** The rule in plain English: "Weekly on Monday and Wednesday, 8 times", "Daily until 31 Dec 2026". */
export function describeRule(rule: string, startsOn: string): string {
	const { options } = parse(rule, startsOn);
	const ending = options.count ? `, ${options.count} times` : options.until ? ` until ${formatDay(dateOf(options.until))}` : '';
	return `${cadence(options.freq, options.byweekday, startsOn)}${ending}`;
}

function cadence(freq: RRule['options']['freq'], byWeekday: number[], startsOn: string): string {
	if (freq === RRule.DAILY) return 'Daily';
	if (freq === RRule.WEEKLY) return `Weekly on ${listed(byWeekday.map((day) => weekdayLabels[weekdays[day]!]))}`;
	if (freq === RRule.MONTHLY) return `Monthly on day ${utcMidnight(startsOn).getUTCDate()}`;
	throw new Error(`describeRule: no words for the rule "${RRule.FREQUENCIES[freq]}"`);
}

/** The rule as iCalendar lines, for sessions and calendar files to reuse. */
export function icsLines(rule: string, startsOn: string): string[] {
	return [`DTSTART;VALUE=DATE:${compact(startsOn)}`, `RRULE:${rule}`];
}
