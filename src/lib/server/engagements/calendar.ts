/**
 * Sessions as calendar events (RFC 5545, written by ical-generator, never by hand): the
 * invitation emailed when a session is scheduled or changed (METHOD:REQUEST), its
 * cancellation (METHOD:CANCEL), and a person's subscribed feed (no METHOD: a published
 * calendar). Every form of one session carries the same UID, so Google Calendar, Outlook and
 * Apple Calendar update the one event they already have; SEQUENCE says which version is newer.
 * Times are written in UTC (DTSTART:...Z), which every client shows in its own zone.
 */
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus, type ICalEventData } from 'ical-generator';
import type { EmailAttachment } from '../db/control/schema';

export interface CalendarPerson {
	name: string;
	email: string;
}

export interface CalendarSession {
	itemId: string;
	title: string;
	startsAt: Date;
	durationMinutes: number;
	location: string;
	/** The coach's message, then where to find the session in Tandem. */
	description: string;
	/** The session's page in Tandem. */
	url: string;
	sequence: number;
	organizer: CalendarPerson;
	attendee: CalendarPerson;
}

const prodId = { company: 'Tandem', product: 'Engagements', language: 'EN' };

/** Stable for the session's whole life, and unique across workspaces. */
export const sessionUid = (itemId: string, tenantSlug: string) => `${itemId}@${tenantSlug}.tandem`;

function sessionEvent(session: CalendarSession, uid: string, stamp: Date, cancelled: boolean): ICalEventData {
	return {
		id: uid,
		sequence: session.sequence,
		stamp,
		start: session.startsAt,
		end: new Date(session.startsAt.getTime() + session.durationMinutes * 60_000),
		summary: session.title,
		description: session.description,
		location: session.location || null,
		url: session.url,
		status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
		organizer: session.organizer,
		attendees: [{ ...session.attendee, role: ICalAttendeeRole.REQ, status: ICalAttendeeStatus.NEEDSACTION, rsvp: true }]
	};
}

/** The .ics an invitation (or its change) carries. */
export function invitationIcs(session: CalendarSession, tenantSlug: string, stamp: Date): EmailAttachment {
	return icsAttachment(ICalCalendarMethod.REQUEST, session, tenantSlug, stamp);
}

/** The .ics that takes the event out of the calendars it was sent to. */
export function cancellationIcs(session: CalendarSession, tenantSlug: string, stamp: Date): EmailAttachment {
	return icsAttachment(ICalCalendarMethod.CANCEL, session, tenantSlug, stamp);
}

function icsAttachment(method: ICalCalendarMethod, session: CalendarSession, tenantSlug: string, stamp: Date): EmailAttachment {
	const calendar = ical({ prodId, method, events: [sessionEvent(session, sessionUid(session.itemId, tenantSlug), stamp, method === ICalCalendarMethod.CANCEL)] });
	return {
		filename: method === ICalCalendarMethod.CANCEL ? 'cancel.ics' : 'invite.ics',
		contentType: `text/calendar; charset=utf-8; method=${method}`,
		content: calendar.toString()
	};
}

/** A person's subscribed feed: their sessions, each with the UID its invitations carried. */
export function feedIcs(name: string, sessions: CalendarSession[], tenantSlug: string, stamp: Date): string {
	return ical({ prodId, name, events: sessions.map((session) => sessionEvent(session, sessionUid(session.itemId, tenantSlug), stamp, false)) }).toString();
}
