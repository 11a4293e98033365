/**
 * Settings > Workspace, the solo workspace without organisation screens, and what a person
 * whose access was turned off is told: through the real HTTP handler, as each person would
 * meet them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openControlDb, openTenantDb } from '../db';
import { tenants } from '../db/control/schema';
import { people } from '../db/tenant/schema';
import { createTestApp, failure, strongPassword, tokenOf, type TestApp, type TestClient } from '../testing/harness';

const tenant = 'acme';
let app: TestApp;
let admin: TestClient;

async function join(email: string, role: 'coach' | 'spectator' | 'admin') {
	const { id } = await admin.members.invite.mutate({ tenant, email, firstName: 'Cole', lastName: 'Member', role });
	const link = app.linksSentTo(email).find((l) => l.includes('/invite/'))!;
	const client = app.client();
	await client.invitations.accept.mutate({ tenant, token: tokenOf(link), firstName: 'Cole', lastName: 'Member', password: strongPassword });
	return { client, personId: id };
}

async function coacheeClient() {
	const { id } = await admin.coachees.create.mutate({ tenant, firstName: 'Tara', lastName: 'Coachee', email: 'tara@client.example', sendInvitation: true });
	const link = app.linksSentTo('tara@client.example').find((l) => l.includes('/invite/'))!;
	const client = app.client();
	await client.invitations.accept.mutate({ tenant, token: tokenOf(link), firstName: 'Tara', lastName: 'Coachee', password: strongPassword });
	return { client, personId: id };
}

async function soloCoach(email = 'sam@solo.example') {
	const client = app.client();
	const { redirectTo } = await client.auth.signUpCoach.mutate({ firstName: 'Sam', lastName: 'Solo', email, password: strongPassword });
	return { client, tenant: redirectTo.split('/').at(-1)! };
}

beforeEach(async () => {
	app = await createTestApp();
	admin = await app.signUpOrganisation('Acme', 'ada@acme.example');
});
afterEach(() => app.cleanup());

describe('Settings > Workspace', () => {
	it('shows the name, the address that never changes, the kind and no reply-to yet', async () => {
		expect(await admin.tenancy.settings.query({ tenant })).toEqual({ name: 'Acme', slug: 'acme', kind: 'firm', replyTo: null });
	});

	it('renames the workspace: every member sees the new name on their next page, and the address stays', async () => {
		const { client: coach } = await join('cole@acme.example', 'coach');
		await admin.tenancy.updateSettings.mutate({ tenant, name: '  Acme Partners  ', replyTo: '' });
		for (const member of [admin, coach]) {
			const shell = await member.tenancy.shell.query({ tenant });
			expect(shell.current.tenant).toMatchObject({ name: 'Acme Partners', slug: 'acme' });
			expect(shell.tenants.find((t) => t.slug === 'acme')?.name).toBe('Acme Partners');
		}
		expect((await coach.tenancy.mine.query()).map((t) => t.name)).toContain('Acme Partners');
		// The name emails carry comes from the same place.
		await admin.members.invite.mutate({ tenant, email: 'ivy@acme.example', firstName: 'Ivy', lastName: 'New', role: 'coach' });
		expect(app.mailer.list().find((e) => e.to === 'ivy@acme.example')?.subject).toMatch(/to Acme Partners on Tandem/);
	});

	it('refuses a name that is empty, too long or spans lines, and a reply-to that is not an address, changing nothing', async () => {
		for (const [name, message] of [
			['   ', /Enter the workspace name/],
			['x'.repeat(200), /at most 80 characters/],
			['Acme\nCorp', /line breaks/]
		] as const) {
			const refused = await failure(admin.tenancy.updateSettings.mutate({ tenant, name, replyTo: '' }));
			expect(refused.code).toBe('BAD_REQUEST');
			expect(refused.fieldErrors?.name?.[0]).toMatch(message);
		}
		const badReplyTo = await failure(admin.tenancy.updateSettings.mutate({ tenant, name: 'Acme', replyTo: 'not-an-address' }));
		expect(badReplyTo.fieldErrors?.replyTo?.[0]).toMatch(/valid email address/);
		expect(await admin.tenancy.settings.query({ tenant })).toMatchObject({ name: 'Acme', replyTo: null });
	});

	it('refuses coaches, authorized users and coachees, and changes nothing', async () => {
		const others = [(await join('cole@acme.example', 'coach')).client, (await join('sal@acme.example', 'spectator')).client, (await coacheeClient()).client];
		for (const other of others) {
			expect(await failure(other.tenancy.settings.query({ tenant }))).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/Only an admin of Acme/) });
			expect(await failure(other.tenancy.updateSettings.mutate({ tenant, name: 'Taken over', replyTo: 'evil@example.com' }))).toMatchObject({
				code: 'FORBIDDEN'
			});
		}
		expect(await admin.tenancy.settings.query({ tenant })).toMatchObject({ name: 'Acme', replyTo: null });
	});

	it('sends the workspace emails with its reply-to address, and stops when it is cleared', async () => {
		await admin.tenancy.updateSettings.mutate({ tenant, name: 'Acme', replyTo: ' Office@Acme.example ' });
		expect((await admin.tenancy.settings.query({ tenant })).replyTo).toBe('office@acme.example');
		await admin.members.invite.mutate({ tenant, email: 'ivy@acme.example', firstName: 'Ivy', lastName: 'New', role: 'coach' });
		expect(app.mailer.list().find((e) => e.to === 'ivy@acme.example')?.replyTo).toBe('office@acme.example');

		await admin.tenancy.updateSettings.mutate({ tenant, name: 'Acme', replyTo: '' });
		await admin.members.invite.mutate({ tenant, email: 'bo@acme.example', firstName: 'Bo', lastName: 'New', role: 'coach' });
		expect(app.mailer.list().find((e) => e.to === 'bo@acme.example')?.replyTo).toBeUndefined();
		// Emails of no workspace (sign-in, reset) never carry one.
		expect(app.mailer.list().find((e) => e.to === 'ada@acme.example')?.replyTo).toBeUndefined();
	});

	it('reads the settings in one tenant round trip (the person check) after the control query', async () => {
		expect(await app.countRoundTrips(() => admin.tenancy.settings.query({ tenant }))).toEqual({ control: 1, tenant: 1 });
	});
});

describe("an independent coach's workspace", () => {
	it('has settings for its owner, and no members or groups, even by calling the procedures', async () => {
		const solo = await soloCoach();
		expect(await solo.client.tenancy.settings.query({ tenant: solo.tenant })).toMatchObject({ name: 'Sam Solo Coaching', kind: 'solo' });
		for (const call of [
			() => solo.client.members.list.query({ tenant: solo.tenant }),
			() => solo.client.members.invite.mutate({ tenant: solo.tenant, email: 'x@example.com', firstName: 'X', lastName: 'Y', role: 'coach' }),
			() => solo.client.coachees.groups.query({ tenant: solo.tenant }),
			() => solo.client.coachees.createGroup.mutate({ tenant: solo.tenant, name: 'Leaders', memberIds: [] })
		]) {
			expect(await failure(call())).toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/independent coach's workspace/) });
		}
		expect(app.mailer.list().some((e) => e.to === 'x@example.com')).toBe(false);
		// The coachee list's coach filter still reads the (single) coach.
		expect(await solo.client.coachees.coaches.query({ tenant: solo.tenant })).toHaveLength(1);
		// A firm keeps them.
		expect(await admin.members.list.query({ tenant })).toHaveLength(1);
	});
});

describe('a person whose access an admin turned off', () => {
	it('is told, by workspace name, instead of finding it gone', async () => {
		const { client: coach, personId } = await join('cole@acme.example', 'coach');
		await admin.members.deactivate.mutate({ tenant, personId });

		expect(await coach.tenancy.mine.query()).toEqual([]);
		expect(await coach.tenancy.turnedOff.query()).toEqual([{ slug: 'acme', name: 'Acme' }]);
		const refused = await failure(coach.tenancy.shell.query({ tenant }));
		expect(refused.code).toBe('FORBIDDEN');
		expect(refused.message).toBe('Your access to Acme was turned off by an admin. Ask an admin of Acme to reactivate you.');

		await admin.members.reactivate.mutate({ tenant, personId });
		expect(await coach.tenancy.turnedOff.query()).toEqual([]);
		expect((await coach.tenancy.shell.query({ tenant })).current.tenant.name).toBe('Acme');
	});

	it('is told the same when the tenant turned them off before the control plane knew', async () => {
		const { client: spectator, personId } = await join('sal@acme.example', 'spectator');
		const row = await openControlDb(app.platform).query.tenants.findFirst({ where: eq(tenants.slug, tenant) });
		await (await openTenantDb(app.platform, row!)).update(people).set({ status: 'deactivated' }).where(eq(people.id, personId));
		for (let request = 0; request < 2; request++) {
			expect((await failure(spectator.tenancy.shell.query({ tenant }))).message).toMatch(/^Your access to Acme was turned off by an admin/);
		}
	});

	it('still learns nothing about a workspace they never belonged to', async () => {
		const solo = await soloCoach();
		const refused = await failure(solo.client.tenancy.shell.query({ tenant }));
		expect(refused.message).not.toMatch(/Acme|turned off/);
		expect(await solo.client.tenancy.turnedOff.query()).toEqual([]);
	});
});
