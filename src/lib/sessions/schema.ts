/**
 * Session Logs (manage-your-coachees.txt): Session Title, Date, Duration, Session Status
 * (Attended, Cancelled, No-Show, Late). The date and time are entered in the coach's own
 * time zone and kept as the instant the session began.
 */
import { z } from 'zod';
import { calendarDate } from '../goals/schema';
import { singleLine } from '../validation';
import type { Tone } from '../components/types';

const id = z.string().min(1).max(64);

export const sessionStatuses = ['attended', 'cancelled', 'no_show', 'late'] as const;
export type SessionStatus = (typeof sessionStatuses)[number];

export const sessionStatusLabels: Record<SessionStatus, string> = { attended: 'Attended', cancelled: 'Cancelled', no_show: 'No-Show', late: 'Late' };
/** Attended green, Cancelled grey, No-Show red, Late amber; each badge also says its word. */
export const sessionStatusTones: Record<SessionStatus, Tone> = { attended: 'green', cancelled: 'grey', no_show: 'red', late: 'amber' };

export const maxSessionMinutes = 24 * 60;

export const clockTime = z
	.string({ error: 'Enter the time.' })
	.trim()
	.min(1, { error: 'Enter the time.', abort: true })
	.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter the time as hours and minutes, like 14:30.');

export const sessionFields = z.object({
	title: singleLine(z.string().trim().min(1, 'Enter the session title.').max(200, 'The session title can be at most 200 characters.')),
	date: calendarDate('date'),
	time: clockTime,
	durationMinutes: z.coerce
		.number({ error: 'Enter the duration in minutes.' })
		.int('Enter the duration in whole minutes.')
		.min(1, 'Enter the duration in minutes, at least 1.')
		.max(maxSessionMinutes, `A session can last at most ${maxSessionMinutes} minutes.`),
	status: z.enum(sessionStatuses, { error: 'Choose the session status.' })
});
export type SessionFields = z.output<typeof sessionFields>;

export const sessionIdInput = z.object({ sessionId: id });

export const sessionsPageSize = 25;
export const sessionListInput = z.object({ page: z.number().int().min(1).max(10_000).default(1), pageSize: z.number().int().min(1).max(100).default(sessionsPageSize) });

/** "Tue, 18 Nov 2026, 14:00": the instant on `zone`'s wall clock (name the zone beside it). */
export function formatSessionTime(iso: string, zone: string): string {
	return new Date(iso).toLocaleString('en-GB', {
		timeZone: zone,
		weekday: 'short',
		day: 'numeric',
		month: 'short',
		year: 'numeric',
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23'
	});
}

/** "Europe/Paris" as people read it: "Europe/Paris", "America/New York". */
export const zoneLabel = (zone: string) => zone.replaceAll('_', ' ');

/** "1 h 30 min", "45 min". */
export function formatDuration(minutes: number): string {
	const hours = Math.floor(minutes / 60);
	const rest = minutes % 60;
	if (!hours) return `${rest} min`;
	return rest ? `${hours} h ${rest} min` : `${hours} h`;
}

/** The Activity Summary's attendance figures. */
export interface Attendance {
	attended: number;
	late: number;
	noShow: number;
	cancelled: number;
	/** Hours attended (Attended and Late sessions), to one decimal. */
	hours: number;
}
