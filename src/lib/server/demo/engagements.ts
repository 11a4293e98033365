/**
 * The demo's engagements, made through the same services as the screens (so alerts, Activity
 * lines, invitations with their .ics and the cron's sends are real):
 * - Jordan Avery's "Leadership Foundations" with Priya: Active, shared, followed by Quinn. The
 *   kickoff is done (associated with a logged session), the Leadership 360 is done (his answered
 *   self-check), the reading went out, the mid-point check-in waits for Jordan to pick a time,
 *   the closing review is scheduled (its invitation is in /dev/mail), and one more link opens
 *   next week (locked for Jordan).
 * - Sofia Marin's "New Manager 90 days" with Marcus: Active, not shared; its first session is
 *   scheduled, the rest not yet.
 * - A Draft of "Leadership Foundations" for Lena Okafor and Tomás Ruiz, with Priya as coach:
 *   only admins see it until it is marked Active.
 * - Jordan's "Delegation sprint" (Priya's own template): Completed.
 * - The coachee group "Leadership cohort 2027" (Jordan and Sofia), for "+ New" by group.
 */
import { and, eq } from 'drizzle-orm';
import { createGroup } from '../coachees/groups';
import { openTenantDb } from '../db';
import { assessmentAssignments, engagementItems, people, programTemplates, sessionLogs } from '../db/tenant/schema';
import { runDueWork } from '../jobs/due-work';
import { engagementDeliveryDueWork } from '../engagements/delivery';
import { createEngagements, setEngagementShared, setEngagementSpectators, setEngagementStatus } from '../engagements/engagements';
import { addItem, associateRecord } from '../engagements/items';
import { scheduleItem } from '../engagements/items-schedule';
import type { Platform } from '../platform/ports';
import type { Person, TenantScope } from '../tenancy/scope';
import type { TenantRow } from '../tenancy/service';
import { wallClockIn } from '../../time-zones';

const day = 24 * 60 * 60_000;

export async function seedEngagements(platform: Platform, tenant: TenantRow) {
	const db = await openTenantDb(platform, tenant);
	const byEmail = async (email: string) => (await db.query.people.findFirst({ where: eq(people.email, email) }))!;
	const [admin, priya, marcus, quinn, jordan, sofia, lena, tomas] = await Promise.all(
		['admin@northwind.demo', 'priya@northwind.demo', 'marcus@northwind.demo', 'quinn@northwind.demo', 'jordan@client.demo', 'sofia@client.demo', 'lena@client.demo', 'tomas@client.demo'].map(byEmail)
	);
	const as = (actor: Person): TenantScope => ({ platform, db, tenant, personId: actor.id, roles: actor.roles, me: async () => actor });
	const programId = async (name: string) => (await db.query.programTemplates.findFirst({ where: eq(programTemplates.name, name) }))!.id;
	const itemsOf = (engagementId: string) => db.select().from(engagementItems).where(eq(engagementItems.engagementId, engagementId)).orderBy(engagementItems.position);
	/** A day and time `days` from now in the coachee's zone, as the schedule form takes it. */
	const ahead = (person: Person, days: number, time: string) => ({ date: wallClockIn(person.timeZone, new Date(platform.clock.now().getTime() + days * day)).date, time });
	const today = (person: Person) => ahead(person, 0, '00:00').date;

	// Jordan: Leadership Foundations, Active and shared, Quinn following.
	const started = wallClockIn(jordan!.timeZone, new Date(platform.clock.now().getTime() - 21 * day)).date;
	const {
		ids: [leadership]
	} = await createEngagements(as(admin!), { coacheeIds: [jordan!.id], coachId: priya!.id, programId: await programId('Leadership Foundations'), startsOn: started, status: 'active', shared: false });
	await setEngagementShared(as(priya!), leadership!, true);
	await setEngagementSpectators(as(admin!), leadership!, [quinn!.id]);
	const [kickoff, selfCheck, reading, checkIn, closing] = await itemsOf(leadership!);
	const [heldKickoff] = await db.select().from(sessionLogs).where(eq(sessionLogs.coacheeId, jordan!.id)).orderBy(sessionLogs.heldAt).limit(1);
	if (heldKickoff) await associateRecord(as(priya!), leadership!, kickoff!.id, { kind: 'session', recordId: heldKickoff.id });
	const [answered] = await db
		.select()
		.from(assessmentAssignments)
		.where(and(eq(assessmentAssignments.coacheeId, jordan!.id), eq(assessmentAssignments.status, 'completed')))
		.limit(1);
	if (answered) await associateRecord(as(priya!), leadership!, selfCheck!.id, { kind: 'assessment', recordId: answered.id });
	await scheduleItem(as(priya!), leadership!, reading!.id, { mode: 'now' });
	await scheduleItem(as(priya!), leadership!, checkIn!.id, { mode: 'window', windowStartsOn: ahead(jordan!, 3, '00:00').date, windowEndsOn: ahead(jordan!, 10, '00:00').date, location: 'https://meet.northwind.demo/priya', message: 'Pick a time that suits you.' });
	await scheduleItem(as(priya!), leadership!, closing!.id, { mode: 'session', ...ahead(jordan!, 42, '10:00'), location: 'Northwind Coaching, 12 Market Street, Leeds', message: 'We look back at the self-check and agree what comes next.' });
	const { id: extra } = await addItem(as(priya!), leadership!, { kind: 'link', title: 'Video: having the hard conversation', url: 'https://www.ted.com/talks/celeste_headlee_10_ways_to_have_a_better_conversation' });
	await scheduleItem(as(priya!), leadership!, extra, { mode: 'send', ...ahead(jordan!, 7, '09:00') });

	// Sofia: New Manager 90 days with Marcus, Active, not shared.
	const {
		ids: [newManager]
	} = await createEngagements(as(admin!), { coacheeIds: [sofia!.id], coachId: marcus!.id, programId: await programId('New Manager 90 days'), startsOn: today(sofia!), status: 'active', shared: false });
	const [welcome] = await itemsOf(newManager!);
	await scheduleItem(as(marcus!), newManager!, welcome!.id, { mode: 'session', ...ahead(sofia!, 5, '14:00'), location: 'https://meet.northwind.demo/marcus', message: '' });

	// A coachee group an admin can give a program to at once (Engagements > + New).
	await createGroup(as(admin!), { name: 'Leadership cohort 2027', memberIds: [jordan!.id, sofia!.id] });

	// A Draft for two coachees, Priya to coach once it is Active.
	await createEngagements(as(admin!), { coacheeIds: [lena!.id, tomas!.id], coachId: priya!.id, programId: await programId('Leadership Foundations'), status: 'draft', shared: false });

	// Jordan's finished Delegation sprint.
	const {
		ids: [sprint]
	} = await createEngagements(as(priya!), { coacheeIds: [jordan!.id], programId: await programId('Delegation sprint'), startsOn: started, shared: true });
	await setEngagementStatus(as(priya!), sprint!, 'completed');

	// What the cron would send now: the reading, the invitations, the ask to pick a time.
	await runDueWork({ platform, db, tenant }, [engagementDeliveryDueWork]);
}
