/**
 * The demo that `npm run dev` seeds on first run: a coaching firm with an admin, two
 * coaches and coachees in every invitation status, an invited coach, an authorized user (spectator)
 * and an independent coach, and goals, milestones and actions (work.ts). Everything
 * goes through the same services as real sign-ups, so the demo cannot drift from the app.
 * Marcus takes assignments by daily digest, and yesterday's is still unsent: the first cron
 * tick sends it, so /dev/mail shows a digest soon after `npm run dev` or `npm run preview`.
 */
import { eq } from 'drizzle-orm';
import { openControlDb, openTenantDb } from '../db';
import { users, type Role } from '../db/control/schema';
import { invitations, notificationPreferences, notifications, people, type PersonStatus } from '../db/tenant/schema';
import { createUser, findUserByEmail, signUp } from '../auth/service';
import { invitationLifetimeMs, sendInvitation } from '../invitations/sending';
import { recordActivity } from '../activity/service';
import type { Platform } from '../platform/ports';
import { seedWork } from './work';
import { seedSessions } from './sessions';
import { seedFiles } from './files';
import { seedAssessments } from './assessments';
import { seedPrograms } from './programs';
import { seedEngagements } from './engagements';
import { seedBulkCreateAndExport } from './bulk-and-export';
import { scheduleTenantWork, upsertMembership, type TenantRow } from '../tenancy/service';

export const demoPassword = 'tandem-demo-2026';

export const demoSignIns = [
	{ who: 'Firm admin (Northwind Coaching)', email: 'admin@northwind.demo' },
	{ who: 'Firm coach', email: 'priya@northwind.demo' },
	{ who: 'Firm coach', email: 'marcus@northwind.demo' },
	{ who: 'Coachee (active)', email: 'jordan@client.demo' },
	{ who: 'Authorized user (spectator)', email: 'quinn@northwind.demo' },
	{ who: 'Independent coach', email: 'sam@solo.demo' }
];

interface DemoPerson {
	firstName: string;
	lastName: string;
	email: string;
	roles: Role[];
	status: PersonStatus;
	coachEmail?: string;
	/** How long ago they were added and invited, so Home has a past (activity, invitations about to expire). */
	addedDaysAgo?: number;
	invitedDaysAgo?: number;
}

const firmPeople: DemoPerson[] = [
	{ firstName: 'Priya', lastName: 'Raman', email: 'priya@northwind.demo', roles: ['coach'], status: 'active' },
	{ firstName: 'Marcus', lastName: 'Bell', email: 'marcus@northwind.demo', roles: ['coach'], status: 'active' },
	{ firstName: 'Dana', lastName: 'Lee', email: 'dana@northwind.demo', roles: ['coach'], status: 'invited', invitedDaysAgo: 2 },
	{ firstName: 'Quinn', lastName: 'Harper', email: 'quinn@northwind.demo', roles: ['spectator'], status: 'active' },
	{ firstName: 'Jordan', lastName: 'Avery', email: 'jordan@client.demo', roles: ['coachee'], status: 'active', coachEmail: 'priya@northwind.demo', addedDaysAgo: 14 },
	{ firstName: 'Lena', lastName: 'Okafor', email: 'lena@client.demo', roles: ['coachee'], status: 'invited', coachEmail: 'priya@northwind.demo', addedDaysAgo: 4, invitedDaysAgo: 3 },
	{ firstName: 'Tomás', lastName: 'Ruiz', email: 'tomas@client.demo', roles: ['coachee'], status: 'not_invited', coachEmail: 'marcus@northwind.demo', addedDaysAgo: 5 },
	{ firstName: 'Hannah', lastName: 'Kim', email: 'hannah@client.demo', roles: ['coachee'], status: 'not_invited', addedDaysAgo: 1 },
	{ firstName: 'Noah', lastName: 'Patel', email: 'noah@client.demo', roles: ['coachee'], status: 'invited', coachEmail: 'marcus@northwind.demo', addedDaysAgo: 7, invitedDaysAgo: 6 },
	{ firstName: 'Sofia', lastName: 'Marin', email: 'sofia@client.demo', roles: ['coachee'], status: 'active', coachEmail: 'marcus@northwind.demo', addedDaysAgo: 9 }
];

const daysBefore = (now: Date, days = 0) => new Date(now.getTime() - days * 24 * 60 * 60_000);
/** A timeline's events a few hours apart, from when the person was added. */
const hoursAfter = (at: Date, hours: number) => new Date(at.getTime() + hours * 60 * 60_000);

/** The timeline a coachee in this status would have. */
const demoTimeline: Record<PersonStatus, { kind: string; summary: string }[]> = {
	not_invited: [{ kind: 'added', summary: 'Added by Avery Stone' }],
	invited: [{ kind: 'added', summary: 'Added by Avery Stone' }],
	active: [
		{ kind: 'added', summary: 'Added by Avery Stone' },
		{ kind: 'invited', summary: 'Invited by Avery Stone' },
		{ kind: 'activated', summary: 'Activated their account' }
	],
	deactivated: []
};

/** Seeds once; returns false when the demo is already there. */
export async function seedDemo(platform: Platform): Promise<boolean> {
	const control = openControlDb(platform);
	if (await findUserByEmail(control, 'admin@northwind.demo')) return false;

	const { tenant: firm } = await signUp(platform, {
		firstName: 'Avery',
		lastName: 'Stone',
		email: 'admin@northwind.demo',
		password: demoPassword,
		organisation: { name: 'Northwind Coaching', kind: 'firm' }
	});
	for (const person of firmPeople) await addPerson(platform, firm, person);
	await seedWork(platform, firm);
	await seedSessions(platform, firm);
	await seedFiles(platform, firm);
	await seedAssessments(platform, firm);
	await seedPrograms(platform, firm);
	await seedEngagements(platform, firm);
	await seedBulkCreateAndExport(platform, firm);
	await leaveDigestPending(platform, firm);
	await signUp(platform, { firstName: 'Sam', lastName: 'Ellis', email: 'sam@solo.demo', password: demoPassword });
	await control.update(users).set({ emailVerifiedAt: platform.clock.now() });
	return true;
}

/** A notification from before the last digest time, waiting for the digest (written
 * directly: `notify` stamps the present, and nothing in the app writes the past). */
async function leaveDigestPending(platform: Platform, tenant: TenantRow) {
	const db = await openTenantDb(platform, tenant);
	const [marcus, tomas] = await db.batch([
		db.query.people.findFirst({ where: eq(people.email, 'marcus@northwind.demo') }),
		db.query.people.findFirst({ where: eq(people.email, 'tomas@client.demo') })
	]);
	await db.batch([
		db.insert(notificationPreferences).values({ personId: marcus!.id, kind: 'coachee_assigned', delivery: 'digest' }),
		db.insert(notifications).values({
			id: crypto.randomUUID(),
			recipientId: marcus!.id,
			kind: 'coachee_assigned',
			title: 'Tomás Ruiz is now your coachee',
			body: `Avery Stone assigned Tomás Ruiz to you in ${tenant.name}.`,
			link: `/coachees/${tomas!.id}`,
			emailStatus: 'digest_pending',
			createdAt: hoursAfter(platform.clock.now(), -26)
		})
	]);
	await scheduleTenantWork(platform, tenant.id, platform.clock.now());
}

async function addPerson(platform: Platform, tenant: TenantRow, person: DemoPerson) {
	const db = await openTenantDb(platform, tenant);
	const now = platform.clock.now();
	const addedAt = daysBefore(now, person.addedDaysAgo);
	const timeline = demoTimeline[person.status].map((event, i) => ({ ...event, at: hoursAfter(addedAt, i * 20) }));
	const activatedAt = timeline.at(-1)?.at ?? now;
	const personId = crypto.randomUUID();
	let userId: string | null = null;
	if (person.status === 'active') {
		const user = await createUser(platform, { ...person, password: demoPassword }, { verified: true });
		await upsertMembership(platform, { userId: user.id, tenantId: tenant.id, roles: person.roles, status: 'active', personId });
		userId = user.id;
	}
	const coach = person.coachEmail ? await db.query.people.findFirst({ where: eq(people.email, person.coachEmail) }) : undefined;
	const [row] = await db
		.insert(people)
		.values({
			coachId: coach?.id ?? null,
			id: personId,
			userId,
			email: person.email,
			firstName: person.firstName,
			lastName: person.lastName,
			roles: person.roles,
			status: person.status === 'invited' ? 'not_invited' : person.status,
			invitedAt: person.status === 'active' ? timeline[1]!.at : null,
			activatedAt: person.status === 'active' ? activatedAt : null,
			createdAt: addedAt
		})
		.returning();
	if (person.roles.includes('coachee')) {
		for (const { at, ...event } of timeline) await recordActivity(db, { personId: row!.id, ...event }, at);
	}
	if (person.status === 'invited') {
		// A real invitation, so its email (with a working link) is in the local outbox.
		const admin = await db.query.people.findFirst({ where: eq(people.email, 'admin@northwind.demo') });
		await sendInvitation({ platform, db, tenant, personId: admin!.id, roles: admin!.roles, me: async () => admin! }, row!);
		const sentAt = daysBefore(now, person.invitedDaysAgo);
		await db.batch([
			db.update(invitations).set({ createdAt: sentAt, expiresAt: new Date(sentAt.getTime() + invitationLifetimeMs) }).where(eq(invitations.personId, row!.id)),
			db.update(people).set({ invitedAt: sentAt }).where(eq(people.id, row!.id))
		]);
		if (person.roles.includes('coachee')) await recordActivity(db, { personId: row!.id, kind: 'invited', summary: 'Invited by Avery Stone' }, sentAt);
	}
}
