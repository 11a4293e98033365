/**
 * Goals & Milestones and Actions: the inputs, enums and labels that the server's router and
 * services and the pages share (manage-your-coachees.txt, "Actions" and "Goals &
 * Milestones"). Form fields carry these names, so a refusal's field messages land under the
 * field that caused them.
 */
import { z } from 'zod';
import { singleLine } from '../validation';

const id = z.string().min(1).max(64);

/** A calendar day, "YYYY-MM-DD", as the native date input sends it. */
export const calendarDate = (what = 'date') =>
	z
		.string({ error: `Enter the ${what}.` })
		.trim()
		.min(1, { error: `Enter the ${what}.`, abort: true })
		.regex(/^\d{4}-\d{2}-\d{2}$/, { error: `Enter the ${what} as a date, like 2026-12-31.`, abort: true })
		.refine(isRealDate, `That ${what} is not a day of the calendar. Pick it from the date picker.`);

/** 2026-02-30 has the shape of a date but is not one. Years 2000 to 2199 only: a typo like
 * 0202 or 20266 is refused rather than saved as a date no one meant. */
export function isRealDate(value: string): boolean {
	const [year, month, day] = value.split('-').map(Number) as [number, number, number];
	if (year < 2000 || year > 2199) return false;
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const title = (label: string) =>
	singleLine(z.string().trim().min(1, `Enter the ${label}.`).max(200, `The ${label} can be at most 200 characters.`));

export const goalFields = z.object({ title: title('goal title'), dueOn: calendarDate('due date') });
export type GoalFields = z.output<typeof goalFields>;

export const milestoneFields = z.object({ title: title('milestone title'), dueOn: calendarDate('due date') });
export type MilestoneFields = z.output<typeof milestoneFields>;

// ---- Recurrence ---------------------------------------------------------------------------

export const repeats = ['none', 'daily', 'weekly', 'monthly'] as const;
export type Repeat = (typeof repeats)[number];
export const repeatLabels: Record<Repeat, string> = { none: 'Does not repeat', daily: 'Daily', weekly: 'Weekly', monthly: 'Monthly' };

/** RFC 5545 weekday codes, Monday first. */
export const weekdays = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof weekdays)[number];
export const weekdayLabels: Record<Weekday, string> = { MO: 'Monday', TU: 'Tuesday', WE: 'Wednesday', TH: 'Thursday', FR: 'Friday', SA: 'Saturday', SU: 'Sunday' };

/** How a recurring action ends: on a date, or after a number of times. */
export const recurrenceEnds = ['count', 'until'] as const;
export type RecurrenceEnd = (typeof recurrenceEnds)[number];
export const recurrenceEndLabels: Record<RecurrenceEnd, string> = { count: 'After a number of times', until: 'On a date' };

/** The most occurrences one recurring action may have (a daily action for a year is 366). */
export const maxOccurrences = 366;

/** The optional "make this action recurring" part of the New action form, flat so each
 * field's message lands under it. The first occurrence is the action's Due Date. */
export const recurrenceFields = z.object({
	repeat: z.enum(repeats, { error: 'Choose how often it repeats.' }).default('none'),
	weekdays: z.array(z.enum(weekdays, { error: 'Choose days of the week.' })).max(7).default([]),
	ends: z.enum(recurrenceEnds, { error: 'Choose when it stops repeating.' }).default('count'),
	until: calendarDate('end date').optional(),
	count: z.coerce
		.number({ error: 'Enter how many times, as a number.' })
		.int('Enter a whole number of times.')
		.min(2, 'A recurring action happens at least 2 times.')
		.max(maxOccurrences, `A recurring action can happen at most ${maxOccurrences} times.`)
		.optional()
});
export type RecurrenceFields = z.output<typeof recurrenceFields>;

// ---- Actions ------------------------------------------------------------------------------

export const progressSchema = z.coerce
	.number({ error: 'Progress is a number from 0 to 100.' })
	.int('Progress is a whole number from 0 to 100.')
	.min(0, 'Progress is a number from 0 to 100.')
	.max(100, 'Progress is a number from 0 to 100.');

export const actionFields = z.object({
	title: title('action or task'),
	dueOn: calendarDate('due date'),
	/** The goal's milestone it belongs to; none for an action on its own. */
	milestoneId: id.optional()
});
export type ActionFields = z.output<typeof actionFields>;

export const newActionFields = actionFields.extend(recurrenceFields.shape);
export type NewActionFields = z.output<typeof newActionFields>;

export const commentFields = z.object({
	body: z.string().trim().min(1, 'Write a comment first.').max(2000, 'A comment can be at most 2,000 characters.')
});

/** The Actions tab's filter: what is still to do, late, done, or everything. */
export const actionViews = ['open', 'overdue', 'completed', 'all'] as const;
export type ActionView = (typeof actionViews)[number];
export const actionViewLabels: Record<ActionView, string> = { open: 'Open', overdue: 'Overdue', completed: 'Completed', all: 'All' };

export const actionListInput = z.object({
	view: z.enum(actionViews).default('open'),
	page: z.number().int().min(1).default(1),
	pageSize: z.number().int().min(5).max(100).default(25)
});
export type ActionListInput = z.output<typeof actionListInput>;

// ---- Ids and moves ------------------------------------------------------------------------

export const goalIdInput = z.object({ goalId: id });
export const milestoneIdInput = z.object({ milestoneId: id });
export const actionIdInput = z.object({ actionId: id });

/** Reordering one step at a time: keyboard- and no-JS-friendly ("Move up", "Move down"). */
export const moveDirections = ['up', 'down'] as const;
export const moveInput = z.object({ direction: z.enum(moveDirections) });

/** "Mark as complete" on an empty goal or milestone, or undo it. */
export const markInput = z.object({ complete: z.boolean() });

/** A progress (0-100) as words for a meter or an alert: "40%", "complete". */
export const progressText = (progress: number) => (progress >= 100 ? 'complete' : `${Math.round(progress)}%`);
