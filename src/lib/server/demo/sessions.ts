/**
 * The demo's Session Logs and private notes: Priya's sessions with Jordan over the last four
 * months (attended, one late, one cancelled, one no-show), her notes about him (one long, one
 * filed from the Coaching Notepad with the latest session), made through the same services
 * as the screens so the Activity Summary's lines and attendance figures are real.
 */
import { eq } from 'drizzle-orm';
import { visibleCoachee } from '../coachees/service';
import { openTenantDb } from '../db';
import { people } from '../db/tenant/schema';
import { finishNotepad, saveNotepad } from '../notepad/notepad';
import { createNote } from '../notes/notes';
import type { Platform } from '../platform/ports';
import { createSession } from '../sessions/sessions';
import type { TenantScope } from '../tenancy/scope';
import type { TenantRow } from '../tenancy/service';
import type { SessionStatus } from '../../sessions/schema';
import { addDays, todayIn } from '../../time-zones';

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

const sessions: { daysAgo: number; title: string; time: string; minutes: number; status: SessionStatus }[] = [
	{ daysAgo: 112, title: 'Chemistry session', time: '09:00', minutes: 45, status: 'attended' },
	{ daysAgo: 98, title: 'Goals for the year', time: '09:00', minutes: 60, status: 'attended' },
	{ daysAgo: 84, title: 'Delegation: first steps', time: '09:00', minutes: 60, status: 'late' },
	{ daysAgo: 70, title: 'Stakeholder map', time: '09:00', minutes: 60, status: 'cancelled' },
	{ daysAgo: 63, title: 'Stakeholder map', time: '14:30', minutes: 60, status: 'attended' },
	{ daysAgo: 49, title: 'Feedback conversations', time: '09:00', minutes: 60, status: 'no_show' },
	{ daysAgo: 42, title: 'Feedback conversations', time: '09:00', minutes: 75, status: 'attended' },
	{ daysAgo: 28, title: 'Offsite planning', time: '09:00', minutes: 60, status: 'attended' }
];

const longNote = [
	'Jordan came in tired after the quarter close and spent the first ten minutes on the numbers before we got to what was really on his mind: he does not trust the team to run the monthly report without him.',
	'',
	'What I noticed:',
	'- He says "I" when he describes the team’s wins and "they" when something slips.',
	'- Every example of delegating that he gave ended with him taking the work back "to save time".',
	'- He lit up talking about the offsite: that is where his energy is, and where the report work is stealing time from.',
	'',
	'We agreed he would hand the report to Sam in two steps: Sam drafts next month with Jordan reviewing, then owns it the month after. Jordan will say out loud in the team meeting that it is Sam’s, so he cannot quietly take it back.',
	'',
	'Next time: ask how the handover went, and what he did with the hours it freed. Try the "what would have to be true" question about trusting the team.'
].join('\n');

const notes = [
	{ title: 'First impressions', body: 'Warm, quick, a little guarded about his manager. Wants "to be the leader people choose to follow". Strong on vision, less on follow-through with others.' },
	{ title: 'Delegation: what is underneath', body: longNote },
	{ title: 'Offsite: ideas to bring up', body: 'Peer dry run two weeks before. A "what we stop doing" segment. Let the team pick one topic each.' }
];

export async function seedSessions(platform: Platform, tenant: TenantRow) {
	const db = await openTenantDb(platform, tenant);
	const priya = (await db.query.people.findFirst({ where: eq(people.email, 'priya@northwind.demo') }))!;
	const jordan = (await db.query.people.findFirst({ where: eq(people.email, 'jordan@client.demo') }))!;
	const now = platform.clock.now().getTime();
	const scopeAt = (time: number): TenantScope => ({
		platform: { ...platform, clock: { now: () => new Date(time) } },
		db,
		tenant,
		personId: priya.id,
		roles: priya.roles,
		me: async () => priya
	});
	// Each session is logged the evening it was held, so its Activity line carries that day.
	const loggedAfter = (daysAgo: number) => scopeAt(now - daysAgo * dayMs + 8 * hourMs);
	const scope = scopeAt(now);
	const jordanAsSeen = () => visibleCoachee(scope, jordan.id);
	const today = todayIn(priya.timeZone, platform.clock.now());
	for (const session of sessions) {
		const then = loggedAfter(session.daysAgo);
		await createSession(then, visibleCoachee(then, jordan.id), { title: session.title, date: addDays(today, -session.daysAgo), time: session.time, durationMinutes: session.minutes, status: session.status });
	}
	for (const note of notes) await createNote(scope, jordanAsSeen(), note);
	// The latest session, finished from the Coaching Notepad with its notes.
	const checkIn = loggedAfter(14);
	await saveNotepad(checkIn, visibleCoachee(checkIn, jordan.id), { body: 'Venue shortlist done, two rooms on hold. Agenda draft at 60%: push him to share it before it is perfect.\nHe asked for help saying no to a new project: role-play next time.', revision: 1 });
	await finishNotepad(checkIn, visibleCoachee(checkIn, jordan.id), { title: 'Offsite check-in', date: addDays(today, -14), time: '09:00', durationMinutes: 50, status: 'attended' });
}
