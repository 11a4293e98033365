import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, failure, strongPassword, tokenOf, type TestApp, type TestClient } from '../testing/harness';

let app: TestApp;
let admin: TestClient;
const tenant = 'northwind';

beforeEach(async () => {
	app = await createTestApp();
	admin = await app.signUpOrganisation('Northwind', 'ada@northwind.example');
});
afterEach(() => app.cleanup());

const coachInvite = { tenant, email: 'cole@example.com', firstName: 'Cole', lastName: 'Coach', role: 'coach' as const };
const invitationLink = (email: string) => app.linksSentTo(email).find((link) => link.includes('/invite/'))!;
const acceptAs = (link: string, extra: Partial<{ password: string }> = { password: strongPassword }) => {
	const browser = app.client();
	return browser.invitations.accept
		.mutate({ tenant, token: tokenOf(link), firstName: 'Cole', lastName: 'Coach', ...extra })
		.then((result) => ({ browser, result }));
};

describe('Settings > Members', () => {
	it('invites a coach who accepts by link, sets a password and lands in the workspace', async () => {
		await admin.members.invite.mutate(coachInvite);
		const email = app.mailer.list().find((sent) => sent.to === 'cole@example.com')!;
		expect(email.subject).toBe('Ada Admin invited you to Northwind on Tandem');
		expect(email.text).toContain('as a Coach');
		const link = invitationLink('cole@example.com');
		expect(link).toMatch(/^http:\/\/localhost:5173\/invite\/northwind\//);

		const preview = await app.client().invitations.preview.query({ tenant, token: tokenOf(link) });
		expect(preview).toMatchObject({ tenantName: 'Northwind', email: 'cole@example.com', roleLabel: 'Coach', accountExists: false, acceptLabel: 'Accept invitation' });
		expect(email.text).toContain('Accept invitation: http');

		const { browser, result } = await acceptAs(link);
		expect(result.redirectTo).toBe('/t/northwind');
		expect((await browser.tenancy.current.query({ tenant })).roles).toEqual(['coach']);
		const cole = (await admin.members.list.query({ tenant })).find((member) => member.email === 'cole@example.com');
		expect(cole?.status).toBe('active');
	});

	it('tells the admins when an invited member joins, once, and offers them that alert', async () => {
		await admin.members.invite.mutate({ ...coachInvite, email: 'quinn@example.com', firstName: 'Quinn', role: 'spectator' });
		const { browser } = await acceptAs(invitationLink('quinn@example.com'));
		const [joined] = (await admin.notifications.list.query({ tenant })).items;
		expect(joined).toMatchObject({ title: 'Cole Coach joined Northwind', body: 'Cole Coach accepted the invitation to join as Authorized user.' });
		expect(app.mailer.list().filter((sent) => sent.to === 'ada@northwind.example' && sent.subject === 'Cole Coach joined Northwind')).toHaveLength(1);
		expect((await admin.notifications.preferences.query({ tenant })).map((p) => p.kind)).toContain('member_joined');
		// An authorized user has no alerts to choose, and is not told of their own arrival.
		expect(await browser.notifications.preferences.query({ tenant })).toEqual([]);
		expect((await browser.notifications.list.query({ tenant })).items).toEqual([]);
	});

	it('links an existing Tandem user only once they are signed in as that email', async () => {
		const existing = app.client();
		await existing.auth.signUpCoach.mutate({ firstName: 'Cole', lastName: 'Coach', email: 'cole@example.com', password: strongPassword });
		await admin.members.invite.mutate(coachInvite);
		const link = invitationLink('cole@example.com');
		const stranger = await failure(acceptAs(link, {}));
		expect(stranger).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/Sign in as cole@example.com/) });
		await existing.invitations.accept.mutate({ tenant, token: tokenOf(link), firstName: 'Cole', lastName: 'Coach' });
		expect((await existing.tenancy.mine.query()).map((t) => t.slug).sort()).toEqual(['cole-coach-coaching', 'northwind']);
	});

	it('refuses a second invitation to the same email', async () => {
		await admin.members.invite.mutate(coachInvite);
		const duplicate = await failure(admin.members.invite.mutate({ ...coachInvite, email: 'COLE@example.com' }));
		expect(duplicate).toMatchObject({ code: 'CONFLICT' });
		expect(duplicate.fieldErrors?.email?.[0]).toMatch(/already in Northwind/);
		expect((await admin.members.list.query({ tenant })).filter((m) => m.email === 'cole@example.com')).toHaveLength(1);
	});

	it('resending replaces the old link; revoking ends it', async () => {
		const { id } = await admin.members.invite.mutate(coachInvite);
		const first = invitationLink('cole@example.com');
		await admin.members.resendInvitation.mutate({ tenant, personId: id });
		const second = invitationLink('cole@example.com');
		expect(second).not.toBe(first);
		expect((await failure(acceptAs(first))).message).toMatch(/newer one was sent/);
		await admin.members.revokeInvitation.mutate({ tenant, personId: id });
		expect((await failure(acceptAs(second))).message).toMatch(/no longer valid/);
		expect((await admin.members.list.query({ tenant })).find((m) => m.id === id)?.status).toBe('not_invited');
	});

	it('refuses expired and already-used invitations', async () => {
		await admin.members.invite.mutate(coachInvite);
		const link = invitationLink('cole@example.com');
		await acceptAs(link);
		expect((await failure(acceptAs(link))).message).toMatch(/already been accepted/);

		await admin.members.invite.mutate({ ...coachInvite, email: 'late@example.com' });
		app.clock.advance(8 * 24 * 60 * 60_000);
		expect((await failure(acceptAs(invitationLink('late@example.com')))).message).toMatch(/expired/);
	});

	it('refuses resending to someone who already accepted', async () => {
		const { id } = await admin.members.invite.mutate(coachInvite);
		await acceptAs(invitationLink('cole@example.com'));
		expect((await failure(admin.members.resendInvitation.mutate({ tenant, personId: id }))).message).toMatch(/already accepted/);
	});

	it('deactivating a member shuts them out at once; reactivating lets them back', async () => {
		const { id } = await admin.members.invite.mutate(coachInvite);
		const { browser } = await acceptAs(invitationLink('cole@example.com'));
		await admin.members.deactivate.mutate({ tenant, personId: id });
		expect(await failure(browser.tenancy.current.query({ tenant }))).toMatchObject({ code: 'FORBIDDEN' });
		expect(await browser.tenancy.mine.query()).toEqual([]);
		await admin.members.reactivate.mutate({ tenant, personId: id });
		expect((await browser.tenancy.current.query({ tenant })).roles).toEqual(['coach']);
	});

	it('will not let the last admin deactivate themself', async () => {
		const [me] = await admin.members.list.query({ tenant });
		expect((await failure(admin.members.deactivate.mutate({ tenant, personId: me!.id }))).message).toMatch(/cannot deactivate yourself/);
	});
});

describe('deactivating a coach, and removing people who never activated', () => {
	const coachee = (email: string, coachId?: string) => admin.coachees.create.mutate({ tenant, firstName: 'Jo', lastName: email.split('@')[0]!, email, coachId });

	async function activeCoach(email: string, firstName: string) {
		const { id } = await admin.members.invite.mutate({ ...coachInvite, email, firstName });
		await acceptAs(invitationLink(email));
		return id;
	}

	it('moves a deactivated coach’s coachees to another coach in one step: timeline, notice, and an email to the person', async () => {
		const cole = await activeCoach('cole@example.com', 'Cole');
		const { id: dana } = await admin.members.invite.mutate({ ...coachInvite, email: 'dana@example.com', firstName: 'Dana' });
		const ids = [(await coachee('a@client.example', cole)).id, (await coachee('b@client.example', cole)).id];
		expect((await admin.members.list.query({ tenant })).find((m) => m.id === cole)?.coachees).toBe(2);

		await admin.members.deactivate.mutate({ tenant, personId: cole, coachees: dana });
		const { rows } = await admin.coachees.list.query({ tenant, coachId: dana });
		expect(rows.map((r) => r.id).sort()).toEqual([...ids].sort());
		const profile = await admin.coachees.get.query({ tenant, coacheeId: ids[0]! });
		expect(profile.activity.events[0]).toMatchObject({ kind: 'assigned', summary: 'Assigned to Dana Coach' });

		const off = app.mailer.list().find((m) => m.to === 'cole@example.com' && m.subject === 'Your access to Northwind on Tandem was turned off')!;
		expect(off.text).toContain('ask Ada Admin (ada@northwind.example)');
		await admin.members.reactivate.mutate({ tenant, personId: cole });
		const on = app.mailer.list().find((m) => m.to === 'cole@example.com' && m.subject === 'You can sign in to Northwind on Tandem again')!;
		expect(on.text).toContain('http://localhost:5173/signin?redirectTo=%2Ft%2Fnorthwind');
	});

	it('tells the coach who takes over, and leaves coachees with no coach when asked', async () => {
		const cole = await activeCoach('cole@example.com', 'Cole');
		const olga = await activeCoach('olga@example.com', 'Olga');
		const { id } = await coachee('a@client.example', cole);
		await admin.members.deactivate.mutate({ tenant, personId: cole, coachees: olga });
		const olgaClient = app.client();
		await olgaClient.auth.signIn.mutate({ email: 'olga@example.com', password: strongPassword });
		expect((await olgaClient.notifications.list.query({ tenant })).items[0]?.title).toBe('Jo a is now your coachee');

		await admin.members.deactivate.mutate({ tenant, personId: olga, coachees: 'unassign' });
		expect((await admin.coachees.get.query({ tenant, coacheeId: id })).coach).toBeNull();
	});

	it('reassigns only to a coach of this workspace who is not deactivated, and then changes nothing', async () => {
		const cole = await activeCoach('cole@example.com', 'Cole');
		const olga = await activeCoach('olga@example.com', 'Olga');
		await coachee('a@client.example', cole);
		await admin.members.deactivate.mutate({ tenant, personId: olga });
		const other = await app.signUpOrganisation('Elsewhere', 'eve@elsewhere.example');
		const [outsider] = await other.members.list.query({ tenant: 'elsewhere' });
		for (const target of [olga, outsider!.id, cole]) {
			const refused = await failure(admin.members.deactivate.mutate({ tenant, personId: cole, coachees: target }));
			expect(refused.fieldErrors?.coachees?.[0]).toMatch(/deactivated|coach of this workspace|other than Cole/);
		}
		expect((await admin.members.list.query({ tenant })).find((m) => m.id === cole)).toMatchObject({ status: 'active', coachees: 1 });
	});

	it('removes an invitee who never activated: their link dies and their coachees are left with no coach', async () => {
		const { id } = await admin.members.invite.mutate(coachInvite);
		const link = invitationLink('cole@example.com');
		const { id: coacheeId } = await coachee('a@client.example', id);
		expect(await admin.members.remove.mutate({ tenant, personId: id })).toEqual({ unassigned: 1 });
		expect((await admin.members.list.query({ tenant })).map((m) => m.email)).toEqual(['ada@northwind.example']);
		expect((await admin.coachees.get.query({ tenant, coacheeId })).coach).toBeNull();
		expect((await failure(acceptAs(link))).code).toMatch(/BAD_REQUEST|NOT_FOUND/);
		await admin.members.invite.mutate(coachInvite);
	});

	it('will not remove someone who has activated', async () => {
		const cole = await activeCoach('cole@example.com', 'Cole');
		expect(await failure(admin.members.remove.mutate({ tenant, personId: cole }))).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/Deactivate them instead/) });
		const [me] = await admin.members.list.query({ tenant });
		expect((await failure(admin.members.remove.mutate({ tenant, personId: me!.id }))).code).toBe('CONFLICT');
	});
});

describe('who may manage members', () => {
	it.each(['coach', 'spectator'] as const)('a %s cannot list, invite or deactivate', async (role) => {
		await admin.members.invite.mutate({ ...coachInvite, email: `${role}@example.com`, role });
		const { browser } = await acceptAs(invitationLink(`${role}@example.com`));
		expect(await failure(browser.members.list.query({ tenant }))).toMatchObject({
			code: 'FORBIDDEN',
			message: 'Only an admin of Northwind can do this.'
		});
		expect(await failure(browser.members.invite.mutate({ ...coachInvite, email: 'x@example.com' }))).toMatchObject({ code: 'FORBIDDEN' });
		const [adminPerson] = await admin.members.list.query({ tenant });
		expect(await failure(browser.members.deactivate.mutate({ tenant, personId: adminPerson!.id }))).toMatchObject({ code: 'FORBIDDEN' });
		expect((await admin.members.list.query({ tenant })).find((m) => m.id === adminPerson!.id)?.status).toBe('active');
		const { id: invitee } = await admin.members.invite.mutate({ ...coachInvite, email: 'mistake@example.com' });
		expect(await failure(browser.members.remove.mutate({ tenant, personId: invitee }))).toMatchObject({ code: 'FORBIDDEN' });
		expect((await admin.members.list.query({ tenant })).some((m) => m.id === invitee)).toBe(true);
	});
});
