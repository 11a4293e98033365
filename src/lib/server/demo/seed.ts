/**
 * The demo that `npm run dev` seeds on first run: a coaching firm with an admin, two
 * coaches and coachees in every invitation status, an invited coach, an authorized user (spectator)
 * and an independent coach. Everything
 * goes through the same services as real sign-ups, so the demo cannot drift from the app.
 */
import { eq } from 'drizzle-orm';
import { openControlDb, openTenantDb } from '../db';
import { users, type Role } from '../db/control/schema';
import { people, type PersonStatus } from '../db/tenant/schema';
import { createUser, findUserByEmail, signUp } from '../auth/service';
import { sendInvitation } from '../invitations/sending';
import { recordActivity } from '../activity/service';
import type { Platform } from '../platform/ports';
import { upsertMembership, type TenantRow } from '../tenancy/service';

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
}

const firmPeople: DemoPerson[] = [
	{ firstName: 'Priya', lastName: 'Raman', email: 'priya@northwind.demo', roles: ['coach'], status: 'active' },
	{ firstName: 'Marcus', lastName: 'Bell', email: 'marcus@northwind.demo', roles: ['coach'], status: 'active' },
	{ firstName: 'Dana', lastName: 'Lee', email: 'dana@northwind.demo', roles: ['coach'], status: 'invited' },
	{ firstName: 'Quinn', lastName: 'Harper', email: 'quinn@northwind.demo', roles: ['spectator'], status: 'active' },
	{ firstName: 'Jordan', lastName: 'Avery', email: 'jordan@client.demo', roles: ['coachee'], status: 'active', coachEmail: 'priya@northwind.demo' },
	{ firstName: 'Lena', lastName: 'Okafor', email: 'lena@client.demo', roles: ['coachee'], status: 'invited', coachEmail: 'priya@northwind.demo' },
	{ firstName: 'Tomás', lastName: 'Ruiz', email: 'tomas@client.demo', roles: ['coachee'], status: 'not_invited', coachEmail: 'marcus@northwind.demo' },
	{ firstName: 'Hannah', lastName: 'Kim', email: 'hannah@client.demo', roles: ['coachee'], status: 'not_invited' }
];

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
	await signUp(platform, { firstName: 'Sam', lastName: 'Ellis', email: 'sam@solo.demo', password: demoPassword });
	await control.update(users).set({ emailVerifiedAt: platform.clock.now() });
	return true;
}

async function addPerson(platform: Platform, tenant: TenantRow, person: DemoPerson) {
	const db = await openTenantDb(platform, tenant);
	const now = platform.clock.now();
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
			invitedAt: person.status === 'active' ? now : null,
			activatedAt: person.status === 'active' ? now : null
		})
		.returning();
	if (person.roles.includes('coachee')) {
		for (const event of demoTimeline[person.status]) await recordActivity(db, { personId: row!.id, ...event }, now);
	}
	if (person.status === 'invited') {
		// A real invitation, so its email (with a working link) is in the local outbox.
		const admin = await db.query.people.findFirst({ where: eq(people.email, 'admin@northwind.demo') });
		await sendInvitation({ platform, db, tenant, personId: admin!.id, roles: admin!.roles, me: async () => admin! }, row!);
		if (person.roles.includes('coachee')) await recordActivity(db, { personId: row!.id, kind: 'invited', summary: 'Invited by Avery Stone' }, now);
	}
}
