import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, failure, strongPassword, tokenOf, type TestApp, type TestClient } from '../testing/harness';
import { runCronTick } from '../jobs/runner';

let app: TestApp;
let admin: TestClient;
let coach: TestClient;
let otherCoach: TestClient;
let coachId: string;

const tenant = 'acme';

async function inviteStaff(email: string, role: 'coach' | 'spectator', firstName: string) {
	const { id } = await admin.members.invite.mutate({ tenant, email, firstName, lastName: 'Staff', role });
	const link = app.linksSentTo(email).find((l) => l.includes('/invite/'))!;
	const browser = app.client();
	await browser.invitations.accept.mutate({ tenant, token: tokenOf(link), firstName, lastName: 'Staff', password: strongPassword });
	return { id, browser };
}

const activationLink = (email: string) => app.linksSentTo(email).find((l) => l.includes('/invite/'))!;

async function activate(email: string) {
	const browser = app.client();
	await browser.invitations.accept.mutate({ tenant, token: tokenOf(activationLink(email)), firstName: 'Jo', lastName: 'Coachee', password: strongPassword });
	return browser;
}

beforeEach(async () => {
	app = await createTestApp();
	admin = await app.signUpOrganisation('Acme', 'ada@acme.example');
	({ id: coachId, browser: coach } = await inviteStaff('cole@acme.example', 'coach', 'Cole'));
	({ browser: otherCoach } = await inviteStaff('olga@acme.example', 'coach', 'Olga'));
});
afterEach(() => app.cleanup());

const newCoachee = (email: string, sendInvitation = false) => ({ tenant, firstName: 'Jo', lastName: 'Coachee', email, sendInvitation });

describe('adding and inviting coachees', () => {
	it('saves a coachee as Not invited when the invitation is not sent', async () => {
		await coach.coachees.create.mutate(newCoachee('jo@example.com'));
		const { rows, total } = await coach.coachees.list.query({ tenant });
		expect(total).toBe(1);
		expect(rows[0]).toMatchObject({ name: 'Jo Coachee', email: 'jo@example.com', status: 'not_invited', coach: { id: coachId } });
		expect(app.linksSentTo('jo@example.com')).toEqual([]);
	});

	it('sends the invitation; activating turns the coachee Active and tells the coach in-app and by email', async () => {
		const { id } = await coach.coachees.create.mutate(newCoachee('jo@example.com', true));
		expect((await coach.coachees.get.query({ tenant, coacheeId: id })).status).toBe('invited');
		const invitation = app.mailer.list().find((m) => m.to === 'jo@example.com')!;
		expect(invitation.subject).toBe('Cole Staff invited you to your coaching portal');

		const coachee = await activate('jo@example.com');
		expect((await coach.coachees.list.query({ tenant })).rows[0]!.status).toBe('active');
		expect(await coach.notifications.unreadCount.query({ tenant })).toBe(1);
		const [notice] = (await coach.notifications.list.query({ tenant })).items;
		expect(notice).toMatchObject({ title: 'Jo Coachee activated their account', href: `/t/acme/coachees/${id}`, read: false });
		expect(app.mailer.list().find((m) => m.to === 'cole@acme.example' && m.subject === 'Jo Coachee activated their account')).toBeTruthy();

		const profile = await coach.coachees.get.query({ tenant, coacheeId: id });
		expect(profile.activity.events.map((e) => e.kind)).toEqual(['activated', 'invited', 'added']);
		expect(profile.activity.counts).toEqual({ added: 1, invited: 1, activated: 1 });

		const own = await coachee.coachees.get.query({ tenant, coacheeId: id });
		expect(own.coach).toMatchObject({ name: 'Cole Staff', email: 'cole@acme.example' });
	});

	it('links an existing Tandem user who signs in first', async () => {
		const existing = app.client();
		await existing.auth.signUpCoach.mutate({ firstName: 'Jo', lastName: 'Coachee', email: 'jo@example.com', password: strongPassword });
		await coach.coachees.create.mutate(newCoachee('jo@example.com', true));
		await existing.invitations.accept.mutate({ tenant, token: tokenOf(activationLink('jo@example.com')), firstName: 'Jo', lastName: 'Coachee' });
		expect((await existing.tenancy.current.query({ tenant })).roles).toEqual(['coachee']);
	});

	it('resending invalidates the older link', async () => {
		const { id } = await coach.coachees.create.mutate(newCoachee('jo@example.com', true));
		const first = activationLink('jo@example.com');
		expect(await coach.coachees.invite.mutate({ tenant, coacheeId: id })).toEqual({ resent: true });
		const refused = await failure(app.client().invitations.accept.mutate({ tenant, token: tokenOf(first), firstName: 'Jo', lastName: 'C', password: strongPassword }));
		expect(refused.message).toMatch(/newer one was sent/);
		await activate('jo@example.com');
	});

	it('refuses duplicate and invalid emails with a field message and saves nothing', async () => {
		await coach.coachees.create.mutate(newCoachee('jo@example.com'));
		const duplicate = await failure(otherCoach.coachees.create.mutate(newCoachee('JO@example.com')));
		expect(duplicate.fieldErrors?.email?.[0]).toMatch(/already used by someone in Acme/);
		const staffEmail = await failure(coach.coachees.create.mutate(newCoachee('olga@acme.example')));
		expect(staffEmail.code).toBe('CONFLICT');
		const invalid = await failure(coach.coachees.create.mutate(newCoachee('jo@')));
		expect(invalid.fieldErrors?.email?.[0]).toMatch(/valid email/);
		expect((await admin.coachees.list.query({ tenant })).total).toBe(1);
	});

	it('edits name and email only while not active; a new address gets a new link', async () => {
		const { id } = await coach.coachees.create.mutate(newCoachee('jo@example.com', true));
		await coach.coachees.update.mutate({ tenant, coacheeId: id, firstName: 'Joanna', lastName: 'Coachee', email: 'joanna@example.com' });
		expect(activationLink('joanna@example.com')).toBeTruthy();
		const staleLink = await failure(
			app.client().invitations.accept.mutate({ tenant, token: tokenOf(activationLink('jo@example.com')), firstName: 'J', lastName: 'C', password: strongPassword })
		);
		expect(staleLink.message).toMatch(/no longer valid|newer one/);
		await activate('joanna@example.com');
		const locked = await failure(coach.coachees.update.mutate({ tenant, coacheeId: id, firstName: 'X', lastName: 'Y', email: 'x@example.com' }));
		expect(locked).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/can no longer be changed/) });
		expect((await coach.coachees.get.query({ tenant, coacheeId: id })).email).toBe('joanna@example.com');
	});

	it('refuses to invite an active coachee', async () => {
		const { id } = await coach.coachees.create.mutate(newCoachee('jo@example.com', true));
		await activate('jo@example.com');
		expect((await failure(coach.coachees.invite.mutate({ tenant, coacheeId: id }))).message).toMatch(/already active/);
	});

	it('refuses an expired activation link', async () => {
		await coach.coachees.create.mutate(newCoachee('jo@example.com', true));
		app.clock.advance(8 * 24 * 60 * 60_000);
		const expired = await failure(activate('jo@example.com'));
		expect(expired.message).toMatch(/expired/);
	});
});

describe('who sees which coachees', () => {
	let colesCoachee: string;
	let olgasCoachee: string;
	beforeEach(async () => {
		colesCoachee = (await coach.coachees.create.mutate(newCoachee('c1@example.com', true))).id;
		olgasCoachee = (await otherCoach.coachees.create.mutate(newCoachee('o1@example.com'))).id;
	});

	it('a coach sees only the coachees assigned to them', async () => {
		expect((await coach.coachees.list.query({ tenant })).rows.map((r) => r.id)).toEqual([colesCoachee]);
		expect(await failure(coach.coachees.get.query({ tenant, coacheeId: olgasCoachee }))).toMatchObject({ code: 'NOT_FOUND' });
		expect(await failure(coach.coachees.invite.mutate({ tenant, coacheeId: olgasCoachee }))).toMatchObject({ code: 'NOT_FOUND' });
		expect(
			await failure(coach.coachees.update.mutate({ tenant, coacheeId: olgasCoachee, firstName: 'X', lastName: 'Y', email: 'o1@example.com' }))
		).toMatchObject({ code: 'NOT_FOUND' });
		expect(app.linksSentTo('o1@example.com')).toEqual([]);
	});

	it('an admin sees every coachee with their coach', async () => {
		const { rows } = await admin.coachees.list.query({ tenant, sort: 'coach' });
		expect(rows.map((r) => r.coach?.name)).toEqual(['Cole Staff', 'Olga Staff']);
	});

	it('a coachee sees only themself', async () => {
		const coachee = await activate('c1@example.com');
		expect(await failure(coachee.coachees.list.query({ tenant }))).toMatchObject({ code: 'FORBIDDEN' });
		expect((await coachee.coachees.get.query({ tenant, coacheeId: colesCoachee })).email).toBe('c1@example.com');
		expect(await failure(coachee.coachees.get.query({ tenant, coacheeId: olgasCoachee }))).toMatchObject({ code: 'NOT_FOUND' });
		expect(await failure(coachee.coachees.create.mutate(newCoachee('sneaky@example.com')))).toMatchObject({ code: 'FORBIDDEN' });
	});

	it('a spectator sees no coachees', async () => {
		const { browser: spectator } = await inviteStaff('sam@acme.example', 'spectator', 'Sam');
		expect(await failure(spectator.coachees.list.query({ tenant }))).toMatchObject({ code: 'FORBIDDEN' });
		expect(await failure(spectator.coachees.get.query({ tenant, coacheeId: colesCoachee }))).toMatchObject({ code: 'FORBIDDEN' });
	});

	it('only admins assign coaches, list coaches and manage groups', async () => {
		expect(await failure(coach.coachees.assignCoach.mutate({ tenant, coacheeIds: [olgasCoachee], coachId }))).toMatchObject({ code: 'FORBIDDEN' });
		expect(await failure(coach.coachees.coaches.query({ tenant }))).toMatchObject({ code: 'FORBIDDEN' });
		expect(await failure(coach.coachees.createGroup.mutate({ tenant, name: 'Leaders', memberIds: [] }))).toMatchObject({ code: 'FORBIDDEN' });
	});

	it('an admin reassigns a coachee; the new coach sees them and is told, the old one no longer sees them', async () => {
		expect(await admin.coachees.assignCoach.mutate({ tenant, coacheeIds: [olgasCoachee], coachId })).toEqual({ moved: 1 });
		expect((await coach.coachees.list.query({ tenant })).rows.map((r) => r.id).sort()).toEqual([colesCoachee, olgasCoachee].sort());
		expect((await otherCoach.coachees.list.query({ tenant })).total).toBe(0);
		expect((await coach.notifications.list.query({ tenant })).items[0]!.title).toBe('Jo Coachee is now your coachee');
		const coaches = await admin.coachees.coaches.query({ tenant });
		expect(coaches.map((c) => [c.name, c.coachees])).toEqual([['Cole Staff', 2], ['Olga Staff', 0]]);
	});

	it('tells a coachee who uses their portal who their new coach is', async () => {
		const coachee = await activate('c1@example.com');
		const olga = (await admin.coachees.coaches.query({ tenant })).find((c) => c.name === 'Olga Staff')!;
		await admin.coachees.assignCoach.mutate({ tenant, coacheeIds: [colesCoachee], coachId: olga.id });
		const [notice] = (await coachee.notifications.list.query({ tenant })).items;
		expect(notice).toMatchObject({ title: 'Olga Staff is now your coach', body: expect.stringContaining('olga@acme.example') });
		expect(app.mailer.list().filter((m) => m.to === 'c1@example.com' && m.subject === 'Olga Staff is now your coach')).toHaveLength(1);
	});

	it('refuses to assign to someone who is not a coach', async () => {
		const [adminPerson] = await admin.members.list.query({ tenant });
		const refused = await failure(admin.coachees.assignCoach.mutate({ tenant, coacheeIds: [olgasCoachee], coachId: adminPerson!.id }));
		expect(refused.fieldErrors?.coachId?.[0]).toMatch(/Choose a coach of this workspace/);
	});

	it('refuses to give a coach someone who is not a coachee, and changes nothing', async () => {
		const olga = (await admin.members.list.query({ tenant })).find((m) => m.email === 'olga@acme.example')!;
		const refused = await failure(admin.coachees.assignCoach.mutate({ tenant, coacheeIds: [olga.id, olgasCoachee], coachId }));
		expect(refused.code).toBe('BAD_REQUEST');
		expect((await admin.coachees.list.query({ tenant, coachId })).rows.map((r) => r.id)).toEqual([colesCoachee]);
		expect((await otherCoach.coachees.list.query({ tenant })).rows.map((r) => r.id)).toEqual([olgasCoachee]);
	});
});

describe('the coachee list', () => {
	beforeEach(async () => {
		const names = ['Zoe Adams', 'Yusuf Brown', 'Xena Clark', 'Will Davis', 'Vera Evans'];
		for (const [i, name] of names.entries()) {
			const [firstName, lastName] = name.split(' ');
			await admin.coachees.create.mutate({ tenant, firstName: firstName!, lastName: lastName!, email: `${firstName!.toLowerCase()}@example.com`, sendInvitation: i % 2 === 0, coachId });
		}
	});

	it('searches by name or email, filters by status, sorts and pages', async () => {
		expect((await admin.coachees.list.query({ tenant, search: 'clark' })).rows.map((r) => r.name)).toEqual(['Xena Clark']);
		expect((await admin.coachees.list.query({ tenant, search: 'yusuf@' })).rows.map((r) => r.name)).toEqual(['Yusuf Brown']);
		expect((await admin.coachees.list.query({ tenant, search: '100%' })).total).toBe(0);
		expect((await admin.coachees.list.query({ tenant, status: 'invited' })).total).toBe(3);
		const page2 = await admin.coachees.list.query({ tenant, sort: 'name', dir: 'desc', page: 2, pageSize: 5 });
		expect(page2).toMatchObject({ rows: [], total: 5 });
		const firstPage = await admin.coachees.list.query({ tenant, sort: 'name', dir: 'desc', pageSize: 5 });
		expect(firstPage.rows.map((r) => r.name)).toEqual(['Vera Evans', 'Will Davis', 'Xena Clark', 'Yusuf Brown', 'Zoe Adams']);
	});
});

describe('coachee groups', () => {
	it('creates, renames, fills and deletes a group; names are unique', async () => {
		const a = (await admin.coachees.create.mutate(newCoachee('a@example.com'))).id;
		const { id } = await admin.coachees.createGroup.mutate({ tenant, name: 'Leaders', memberIds: [a] });
		expect(await admin.coachees.groups.query({ tenant })).toEqual([{ id, name: 'Leaders', members: 1 }]);
		expect((await failure(admin.coachees.createGroup.mutate({ tenant, name: 'leaders', memberIds: [] }))).fieldErrors?.name?.[0]).toMatch(/already a group/);
		await admin.coachees.updateGroup.mutate({ tenant, groupId: id, name: 'Senior leaders', memberIds: [] });
		expect(await admin.coachees.group.query({ tenant, groupId: id })).toEqual({ id, name: 'Senior leaders', members: [] });
		const [coachPerson] = (await admin.members.list.query({ tenant })).filter((m) => m.roles.includes('coach'));
		expect((await failure(admin.coachees.updateGroup.mutate({ tenant, groupId: id, name: 'X', memberIds: [coachPerson!.id] }))).message).toMatch(/not coachees/);
		await admin.coachees.deleteGroup.mutate({ tenant, groupId: id });
		expect(await admin.coachees.groups.query({ tenant })).toEqual([]);
	});
});

describe('notifications', () => {
	beforeEach(async () => {
		await coach.coachees.create.mutate(newCoachee('jo@example.com', true));
	});

	it('marks one and then all as read; nobody can mark another person’s', async () => {
		await activate('jo@example.com');
		await admin.coachees.create.mutate({ ...newCoachee('kim@example.com', true), coachId });
		await activate('kim@example.com');
		const { items } = await coach.notifications.list.query({ tenant });
		expect(items.map((item) => item.title)).toEqual(['Jo Coachee activated their account', 'Jo Coachee is now your coachee', 'Jo Coachee activated their account']);
		expect(await failure(otherCoach.notifications.markRead.mutate({ tenant, notificationId: items[0]!.id }))).toMatchObject({ code: 'NOT_FOUND' });
		await coach.notifications.markRead.mutate({ tenant, notificationId: items[0]!.id });
		expect(await coach.notifications.unreadCount.query({ tenant })).toBe(2);
		await coach.notifications.markAllRead.mutate({ tenant });
		expect(await coach.notifications.unreadCount.query({ tenant })).toBe(0);
	});

	it('with the daily digest chosen, sends one digest email from the cron instead of an email at once', async () => {
		await coach.notifications.setPreference.mutate({ tenant, kind: 'coachee_activated', delivery: 'digest' });
		await activate('jo@example.com');
		const toCole = () => app.mailer.list().filter((m) => m.to === 'cole@acme.example');
		const before = toCole().length;
		await runCronTick(app.platform);
		await app.queue.drain();
		expect(toCole()).toHaveLength(before);

		app.clock.advance(24 * 60 * 60_000);
		await runCronTick(app.platform);
		await app.queue.drain();
		await runCronTick(app.platform);
		await app.queue.drain();
		const digests = toCole().filter((m) => m.subject.startsWith('Your daily Tandem digest'));
		expect(digests).toHaveLength(1);
		expect(digests[0]!.text).toContain('Jo Coachee activated their account');
	});

	it('offers each person only the alerts that can reach them', async () => {
		const coachee = await activate('jo@example.com');
		expect((await coach.notifications.preferences.query({ tenant })).map((p) => p.kind)).toEqual([
			'coachee_activated',
			'coachee_assigned',
			'coachee_goal_created',
			'coachee_action_created',
			'coachee_action_updated',
			'action_comment',
			'coachee_file_shared',
			'assessment_submitted',
			'session_scheduled',
			'session_reminder',
			'engagement_assigned',
			'export_ready'
		]);
		expect((await coachee.notifications.preferences.query({ tenant })).map((p) => p.kind)).toEqual([
			'coach_assigned',
			'coach_changed_goals',
			'action_comment',
			'file_shared_with_you',
			'assessment_assigned',
			'engagement_item_sent',
			'session_scheduled',
			'session_reminder',
			'engagement_shared'
		]);
	});

	it('with email turned off, only the in-app notification arrives', async () => {
		await coach.notifications.setPreference.mutate({ tenant, kind: 'coachee_activated', delivery: 'off' });
		await activate('jo@example.com');
		expect(app.mailer.list().filter((m) => m.to === 'cole@acme.example' && m.subject.includes('activated'))).toEqual([]);
		expect(await coach.notifications.unreadCount.query({ tenant })).toBe(1);
		expect((await coach.notifications.preferences.query({ tenant })).find((p) => p.kind === 'coachee_activated')?.delivery).toBe('off');
	});
});


describe('coach assignment rules', () => {
	it('tells the coach when an admin adds a coachee already assigned to them, as Assign coach does; not an admin assigning themself', async () => {
		const { id } = await admin.coachees.create.mutate({ ...newCoachee('kim@example.com'), firstName: 'Kim', coachId });
		const [notice] = (await coach.notifications.list.query({ tenant })).items;
		expect(notice).toMatchObject({ title: 'Kim Coachee is now your coachee', href: `/t/acme/coachees/${id}` });
		expect(notice!.body).toBe('Ada Admin assigned Kim Coachee to you in Acme.');
		expect(app.mailer.list().some((m) => m.to === 'cole@acme.example' && m.subject === 'Kim Coachee is now your coachee')).toBe(true);

		await coach.coachees.create.mutate(newCoachee('own@example.com'));
		expect((await coach.notifications.list.query({ tenant })).items).toHaveLength(1);

		const solo = app.client();
		await solo.auth.signUpCoach.mutate({ firstName: 'Sam', lastName: 'Solo', email: 'sam@solo.example', password: strongPassword });
		const [workspace] = await solo.tenancy.mine.query();
		const me = await solo.tenancy.current.query({ tenant: workspace!.slug });
		await solo.coachees.create.mutate({ ...newCoachee('mine@example.com'), tenant: workspace!.slug, coachId: me.person.id });
		expect(await solo.notifications.unreadCount.query({ tenant: workspace!.slug })).toBe(0);
	});

	it('lets an admin assign coachees to an invited coach, who sees them once they accept; never to a deactivated one', async () => {
		const { id: danaId } = await admin.members.invite.mutate({ tenant, email: 'dana@acme.example', firstName: 'Dana', lastName: 'Lee', role: 'coach' });
		const { id: kimId } = await admin.coachees.create.mutate({ ...newCoachee('kim@example.com'), coachId: danaId });
		expect((await admin.coachees.get.query({ tenant, coacheeId: kimId })).coach).toMatchObject({ name: 'Dana Lee', status: 'invited' });
		const dana = app.client();
		await dana.invitations.accept.mutate({ tenant, token: tokenOf(activationLink('dana@acme.example')), firstName: 'Dana', lastName: 'Lee', password: strongPassword });
		expect((await dana.coachees.list.query({ tenant })).rows.map((r) => r.id)).toEqual([kimId]);

		await admin.members.deactivate.mutate({ tenant, personId: coachId });
		const toDeactivated = await failure(admin.coachees.assignCoach.mutate({ tenant, coacheeIds: [kimId], coachId }));
		expect(toDeactivated.fieldErrors?.coachId?.[0]).toBe('Cole Staff is deactivated and cannot take coachees. Choose another coach.');
		const newForDeactivated = await failure(admin.coachees.create.mutate({ ...newCoachee('lee@example.com'), coachId }));
		expect(newForDeactivated.fieldErrors?.coachId?.[0]).toMatch(/deactivated/);
		expect((await admin.coachees.list.query({ tenant, coachId })).total).toBe(0);
	});

	it('marks a deactivated coach on their coachees and lets the admin filter for them', async () => {
		const { id: kept } = await admin.coachees.create.mutate({ ...newCoachee('kim@example.com'), coachId });
		const { id: unassigned } = await admin.coachees.create.mutate(newCoachee('una@example.com'));
		await admin.members.deactivate.mutate({ tenant, personId: coachId });
		const { rows } = await admin.coachees.list.query({ tenant, coachId: 'deactivated' });
		expect(rows.map((r) => [r.id, r.coach])).toEqual([[kept, { id: coachId, name: 'Cole Staff', status: 'deactivated' }]]);
		expect((await admin.coachees.get.query({ tenant, coacheeId: kept })).coach?.status).toBe('deactivated');
		expect((await admin.coachees.list.query({ tenant, coachId: 'none' })).rows.map((r) => r.id)).toEqual([unassigned]);
	});
});

describe('searching the coachee list', () => {
	beforeEach(async () => {
		for (const [firstName, lastName, email] of [['Tomás', 'Ruiz', 'tomas@example.com'], ['Tomas', 'Berg', 'tomas.berg@example.com'], ['Ana', 'Ruiz', 'ana@example.com']]) {
			await admin.coachees.create.mutate({ tenant, firstName: firstName!, lastName: lastName!, email: email!, sendInvitation: false });
		}
	});
	const found = async (search: string) => (await admin.coachees.list.query({ tenant, search })).rows.map((r) => r.name);

	it('matches the full name in either order, and the email (“tomas” finds Tomás by his address)', async () => {
		expect(await found('tomas ruiz')).toEqual(['Tomás Ruiz']);
		expect(await found('Ruiz  Tomas')).toEqual(['Tomás Ruiz']);
		expect(await found('tomás ruiz')).toEqual(['Tomás Ruiz']);
		expect(await found('tomas')).toEqual(['Tomas Berg', 'Tomás Ruiz']);
		expect(await found('tomas.berg@')).toEqual(['Tomas Berg']);
		expect(await found('ruiz ana@')).toEqual(['Ana Ruiz']);
		expect(await found('tomas ruiz berg')).toEqual([]);
	});

	it('answers a search in one tenant round trip', async () => {
		const counts = await app.countRoundTrips(() => admin.coachees.list.query({ tenant, search: 'tomas ruiz', coachId: 'deactivated' }));
		expect(counts.tenant).toBe(1);
	});
});
