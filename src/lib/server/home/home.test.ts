import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, strongPassword, tokenOf, type TestApp, type TestClient } from '../testing/harness';

let app: TestApp;
let admin: TestClient;

const tenant = 'acme';
const day = 24 * 60 * 60_000;

async function acceptInvitation(email: string, firstName: string) {
	const link = app.linksSentTo(email).find((l) => l.includes('/invite/'))!;
	const browser = app.client();
	await browser.invitations.accept.mutate({ tenant, token: tokenOf(link), firstName, lastName: 'Acme', password: strongPassword });
	return browser;
}

async function staff(email: string, firstName: string, role: 'coach' | 'spectator') {
	const { id } = await admin.members.invite.mutate({ tenant, email, firstName, lastName: 'Acme', role });
	return { id, client: await acceptInvitation(email, firstName) };
}

const addCoachee = (by: TestClient, firstName: string, sendInvitation: boolean, coachId?: string) =>
	by.coachees.create.mutate({ tenant, firstName, lastName: 'Coachee', email: `${firstName.toLowerCase()}@client.example`, sendInvitation, coachId });

async function home(client: TestClient) {
	return client.home.overview.query({ tenant });
}
async function staffHome(client: TestClient) {
	const overview = await home(client);
	if (overview.portal !== 'staff') throw new Error(`expected a staff home, got ${overview.portal}`);
	return overview;
}

beforeEach(async () => {
	app = await createTestApp();
	admin = await app.signUpOrganisation('Acme', 'ada@acme.example');
});
afterEach(() => app.cleanup());

describe('an admin of a firm', () => {
	it('starts with nothing to count, so the page offers the first steps', async () => {
		const overview = await staffHome(admin);
		expect(overview.coachees).toMatchObject({ total: 0, active: 0, invited: 0, not_invited: 0 });
		expect(overview.coaches).toEqual({ active: 0, invited: 0, not_invited: 0 });
		expect(overview).toMatchObject({ invitations: { items: [], total: 0 }, due: [], attention: [], activity: [] });
	});

	it('sees counts, pending invitations oldest first, recent activity and what needs attention', async () => {
		const cole = await staff('cole@acme.example', 'Cole', 'coach');
		app.clock.advance(60_000);
		await admin.members.invite.mutate({ tenant, email: 'ivy@acme.example', firstName: 'Ivy', lastName: 'Acme', role: 'coach' });
		app.clock.advance(60_000);
		const jo = await addCoachee(admin, 'Jo', true, cole.id);
		app.clock.advance(60_000);
		const max = await addCoachee(admin, 'Max', false);
		app.clock.advance(60_000);
		await addCoachee(cole.client, 'Kim', false);
		app.clock.advance(60_000);
		await acceptInvitation('jo@client.example', 'Jo');

		const overview = await staffHome(admin);
		expect(overview.coaches).toEqual({ active: 1, invited: 1, not_invited: 0 });
		expect(overview.coachees).toEqual({ active: 1, invited: 0, not_invited: 2, total: 3, withoutCoach: 1 });
		expect(overview.invitations.total).toBe(1);
		expect(overview.invitations.items).toEqual([
			expect.objectContaining({ name: 'Ivy Acme', roleLabel: 'Coach', href: '/t/acme/settings/members', expired: false })
		]);
		expect(overview.activity.map((event) => `${event.coachee.name}: ${event.summary}`).slice(0, 2)).toEqual([
			'Jo Acme: Activated their account',
			'Kim Coachee: Added by Cole Acme'
		]);
		expect(overview.activity[0]!.coachee.href).toBe(`/t/acme/coachees/${jo.id}`);
		expect(overview.attention).toEqual([
			expect.objectContaining({ key: 'no_coach', count: 1, people: [{ id: max.id, name: 'Max Coachee', href: `/t/acme/coachees/${max.id}/assign` }] }),
			expect.objectContaining({ key: 'not_invited', count: 2, people: [expect.objectContaining({ name: 'Max Coachee' }), expect.objectContaining({ name: 'Kim Coachee' })] })
		]);
	});

	it('is told when an invitation is about to expire, then that it expired', async () => {
		const { id } = await addCoachee(admin, 'Jo', true);
		expect((await staffHome(admin)).due).toEqual([]);

		app.clock.advance(6 * day);
		const soon = await staffHome(admin);
		expect(soon.due).toEqual([
			expect.objectContaining({ title: 'Invitation to Jo Coachee', what: 'Expires', overdue: false, href: `/t/acme/coachees/${id}` })
		]);

		app.clock.advance(2 * day);
		const late = await staffHome(admin);
		expect(late.due).toEqual([expect.objectContaining({ what: 'Expired', overdue: true })]);
		expect(late.invitations.items[0]).toMatchObject({ name: 'Jo Coachee', expired: true });

		await admin.coachees.invite.mutate({ tenant, coacheeId: id });
		expect((await staffHome(admin)).due).toEqual([]);
	});

	it('reads everything in one tenant round trip', async () => {
		await addCoachee(admin, 'Jo', true);
		expect(await app.countRoundTrips(() => home(admin))).toEqual({ control: 1, tenant: 1 });
	});
});

describe('a coach', () => {
	it('sees only their own coachees: counts, invitations, activity and who is not invited', async () => {
		const cole = await staff('cole@acme.example', 'Cole', 'coach');
		const olga = await staff('olga@acme.example', 'Olga', 'coach');
		await addCoachee(cole.client, 'Jo', true);
		await addCoachee(cole.client, 'Kim', false);
		const other = await addCoachee(olga.client, 'Oscar', true);
		await addCoachee(olga.client, 'Olive', false);
		await admin.members.invite.mutate({ tenant, email: 'ivy@acme.example', firstName: 'Ivy', lastName: 'Acme', role: 'coach' });
		app.clock.advance(6 * day);

		const overview = await staffHome(cole.client);
		expect(overview.coaches).toBeNull();
		expect(overview.coachees).toMatchObject({ active: 0, invited: 1, not_invited: 1, total: 2 });
		expect(overview.invitations.items.map((i) => i.name)).toEqual(['Jo Coachee']);
		expect(overview.due.map((d) => d.title)).toEqual(['Invitation to Jo Coachee']);
		expect(overview.attention.map((group) => group.key)).toEqual(['not_invited']);
		expect(overview.activity.map((event) => event.coachee.name).sort()).toEqual(['Jo Coachee', 'Jo Coachee', 'Kim Coachee']);
		const seen = JSON.stringify(overview);
		for (const secret of [other.id, 'Oscar', 'Olive', 'Ivy']) expect(seen).not.toContain(secret);
	});

	it('with no coachees yet gets nothing but zeros (the page then says "Add your coachees")', async () => {
		const cole = await staff('cole@acme.example', 'Cole', 'coach');
		await addCoachee(admin, 'Max', false);
		const overview = await staffHome(cole.client);
		expect(overview.coachees.total).toBe(0);
		expect(overview).toMatchObject({ attention: [], activity: [], due: [], invitations: { total: 0 } });
	});

	it('working alone sees their coachees without the team counts', async () => {
		const solo = app.client();
		await solo.auth.signUpCoach.mutate({ firstName: 'Sam', lastName: 'Solo', email: 'sam@solo.example', password: strongPassword });
		const [workspace] = await solo.tenancy.mine.query();
		await solo.coachees.create.mutate({ tenant: workspace!.slug, firstName: 'Jo', lastName: 'Coachee', email: 'jo@client.example' });
		const overview = await solo.home.overview.query({ tenant: workspace!.slug });
		expect(overview).toMatchObject({ portal: 'staff', coaches: null, coachees: { not_invited: 1, total: 1 } });
		if (overview.portal === 'staff') expect(overview.attention.map((group) => group.key)).toEqual(['not_invited']);
	});
});

describe('a coachee', () => {
	it('sees their coach, their own profile with the day they joined, and their notifications, in one round trip', async () => {
		const cole = await staff('cole@acme.example', 'Cole', 'coach');
		const { id: joId } = await addCoachee(cole.client, 'Jo', true);
		await addCoachee(cole.client, 'Kim', true);
		app.clock.advance(day); // Tuesday 24 November 2026
		const jo = await acceptInvitation('jo@client.example', 'Jo');

		const overview = await home(jo);
		expect(overview).toEqual({
			portal: 'coachee',
			profile: { name: 'Jo Acme', email: 'jo@client.example', activatedAt: app.clock.now().toISOString(), coach: { name: 'Cole Acme', email: 'cole@acme.example' } },
			thisWeek: { through: '2026-11-29', timeZone: 'UTC', items: [] },
			notifications: { items: [], more: false }
		});
		expect(JSON.stringify(overview)).not.toContain('Kim');
		expect(await app.countRoundTrips(() => home(jo))).toEqual({ control: 1, tenant: 1 });

		const task = (title: string, dueOn: string) => cole.client.actions.create.mutate({ tenant, coacheeId: joId, title, dueOn });
		await task('Next month', '2026-12-20');
		await task('By Saturday', '2026-11-28');
		await task('Late', '2026-11-20');
		const { id: done } = await task('Done already', '2026-11-26');
		await jo.actions.setProgress.mutate({ tenant, coacheeId: joId, actionId: done, progress: 100 });
		const { thisWeek } = (await home(jo)) as Extract<Awaited<ReturnType<typeof home>>, { portal: 'coachee' }>;
		expect(thisWeek.items.map((item) => [item.title, item.dueOn, item.overdue])).toEqual([
			['Late', '2026-11-20', true],
			['By Saturday', '2026-11-28', false]
		]);
		expect(thisWeek.items[0]!.href).toMatch(/^\/t\/acme\/actions\//);
		expect(await app.countRoundTrips(() => home(jo))).toEqual({ control: 1, tenant: 1 });
	});
});

describe('an authorized user', () => {
	it('sees their notifications and no coachee data', async () => {
		const cole = await staff('cole@acme.example', 'Cole', 'coach');
		await addCoachee(cole.client, 'Jo', true);
		await addCoachee(admin, 'Max', false);
		const sal = await staff('sal@acme.example', 'Sal', 'spectator');

		const overview = await home(sal.client);
		expect(overview).toEqual({ portal: 'spectator', notifications: { items: [], more: false } });
		expect(await app.countRoundTrips(() => home(sal.client))).toEqual({ control: 1, tenant: 1 });
	});
});
