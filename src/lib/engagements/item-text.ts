/**
 * How the engagement page words an item's time: a session's start in the viewer's zone (the
 * zone named), its length and where; a send's day and time; a window's days.
 */
import { formatDueDate } from '../goals/dates';
import { formatDuration, formatSessionTime, zoneLabel } from '../sessions/schema';
import { itemKindLabels, sessionFormatLabels, type ItemKind, type SessionFormat } from './schema';
import type { IconName } from '../components/types';
import type { StaffItem } from './item-views';

export const itemKindIcons: Record<ItemKind, IconName> = { session: 'calendar', assessment: 'clipboard', file: 'file', link: 'link' };
export { itemKindLabels };

/** "Tue, 2 Dec 2026, 14:30 (Europe/Paris)" */
export const zonedTime = (iso: string, zone: string) => `${formatSessionTime(iso, zone)} (${zoneLabel(zone)})`;

/** "1 h · Online" */
export const sessionShape = (session: { durationMinutes: number; format: SessionFormat }) => `${formatDuration(session.durationMinutes)} · ${sessionFormatLabels[session.format]}`;

/** "1 Dec 2026 to 5 Dec 2026" */
export const windowText = (window: { startsOn: string; endsOn: string }) => `${formatDueDate(window.startsOn)} to ${formatDueDate(window.endsOn)}`;

/** An assessment, file or link: "Sends …" before its time, "Sent …" after. */
export function sendText(item: { scheduledAt: string | null; deliveredAt: string | null }, zone: string): string | null {
	if (item.deliveredAt) return `Sent ${zonedTime(item.deliveredAt, zone)}`;
	return item.scheduledAt ? `Sends ${zonedTime(item.scheduledAt, zone)}` : null;
}

/** "Log session" starts from the item: its title, length and (when scheduled) its time. */
export function logSessionItem(item: StaffItem) {
	const durationMinutes = item.details.kind === 'session' ? item.details.durationMinutes : 60;
	return { id: item.id, title: item.title, durationMinutes, logDefaults: item.logDefaults };
}

/** An engagement's dates as the list and its page show them: "3 Nov 2026 to 30 Jun 2027", or "From 3 Nov 2026". */
export const engagementDates = (engagement: { startsOn: string; endsOn: string | null }) =>
	engagement.endsOn ? windowText({ startsOn: engagement.startsOn, endsOn: engagement.endsOn }) : `From ${formatDueDate(engagement.startsOn)}`;
