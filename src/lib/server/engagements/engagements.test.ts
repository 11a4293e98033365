/**
 * Engagements as a whole through the real HTTP handler: "+ New" for a coach and for an admin
 * (coachees or a group, a program template copied), the status moves, "Share to Coachee",
 * spectators and Delete, with the alerts they send; DESIGN.md's "engagements" row tried from
 * every role that must be refused; and each bad input refused with its message and nothing made.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openControlDb, openTenantDb } from '../db';
import { tenants } from '../db/control/schema';
import { engagementItems, programTemplates } from '../db/tenant/schema';
import { failure, type TestApp, type TestClient } from '../testing/harness';
import { coachingFixture, tenant } from '../testing/coaching-fixture';
import type { ProgramItem } from '../../engagements/schema';

let app: TestApp;
let admin: TestClient;
let coach: TestClient;
let otherCoach: TestClient;
let spectator: TestClient;
let jo: TestClient;
let kim: TestClient;
let joId: string;
let kimId: string;
let coachId: string;
let otherCoachId: string;
let spectatorId: string;

beforeEach(async () => {
	({ app, admin, coach, otherCoach, spectator, jo, kim, joId, kimId, otherCoachId } = await coachingFixture({ kimAccepts: true }));
	const members = await admin.members.list.query({ tenant });
	coachId = members.find((m) => m.email === 'cole@acme.example')!.id;
	spectatorId = members.find((m) => m.email === 'sal@acme.example')!.id;
});
afterEach(() => app.cleanup());

const tenantDb = async () => {
	const row = await openControlDb(app.platform).query.tenants.findFirst({ where: eq(tenants.slug, tenant) });
	return openTenantDb(app.platform, row!);
};

const programItems: ProgramItem[] = [
	{ id: 'a', kind: 'session', title: 'Kick-off', durationMinutes: 60, format: 'online', message: '', coacheeSchedules: false },
	{ id: 'b', kind: 'link', title: 'Reading', url: 'https://example.com/read' },
	{ id: 'c', kind: 'session', title: 'Review', durationMinutes: 30, format: 'in_person', message: 'Bring notes', coacheeSchedules: true }
];

/** A program template of the firm's library (the programs screens are another feature's). */
async function program(name = 'Leadership 90', archived = false) {
	const id = crypto.randomUUID();
	await (await tenantDb()).insert(programTemplates).values({ id, name, description: 'Ninety days', items: programItems, ownerId: null, archivedAt: archived ? app.clock.now() : null });
	return id;
}

const list = (who: TestClient, extra: Record<string, unknown> = {}) => who.engagements.list.query({ tenant, ...extra });
const titles = async (who: TestClient, extra: Record<string, unknown> = {}) => (await list(who, extra)).rows.map((r) => `${r.title} (${r.coachee.name})`);

describe('"+ New" by a coach', () => {
	it('makes one Active engagement per coachee with the template’s items, dated today in each coachee’s zone', async () => {
		await jo.tenancy.setTimeZone.mutate({ tenant, timeZone: 'Pacific/Auckland' });
		app.clock.advance(3 * 3600_000); // 12:00 UTC on Monday: already Tuesday in Auckland
		const programId = await program();
		const made = await coach.engagements.create.mutate({ tenant, coacheeIds: [joId, kimId], programId });
		expect(made).toMatchObject({ count: 2, title: 'Leadership 90', status: 'active' });

		const { rows, total } = await list(coach);
		expect(total).toBe(2);
		const byCoachee = Object.fromEntries(rows.map((r) => [r.coachee.name, r]));
		expect(byCoachee['Jo Acme']).toMatchObject({ status: 'active', shared: false, startsOn: '2026-11-24', items: { done: 0, total: 3 }, coach: { name: 'Cole Acme' } });
		expect(byCoachee['Kim Acme']).toMatchObject({ startsOn: '2026-11-23', items: { done: 0, total: 3 } });
		const joRow = rows.find((r) => r.coachee.id === joId)!;

		const items = await (await tenantDb()).select().from(engagementItems).where(eq(engagementItems.engagementId, joRow.id));
		expect(items.sort((a, b) => a.position - b.position).map((i) => [i.position, i.kind, i.title, i.scheduledAt, i.completedAt])).toEqual([
			[0, 'session', 'Kick-off', null, null],
			[1, 'link', 'Reading', null, null],
			[2, 'session', 'Review', null, null]
		]);
		expect(items.find((i) => i.title === 'Review')!.details).toMatchObject({ kind: 'session', coacheeSchedules: true, message: 'Bring notes' });
		// Their own engagement: the coach is not told about it.
		expect((await coach.notifications.list.query({ tenant })).items.filter((n) => n.kind === 'engagement_assigned')).toEqual([]);
	});

	it('tells the coachee when it is shared with them, with a link to it, and writes it on their Activity', async () => {
		const { ids } = await coach.engagements.create.mutate({ tenant, coacheeIds: [joId], title: 'Career move', shared: true });
		const [note] = (await jo.notifications.list.query({ tenant })).items;
		expect(note).toMatchObject({ kind: 'engagement_shared', title: 'Cole Acme shared the engagement “Career move” with you', href: `/t/acme/engagements/${ids[0]}` });
		expect(app.mailer.list().some((m) => m.to === 'jo@client.example' && m.subject.includes('Career move'))).toBe(true);
		const summaries = (await coach.coachees.get.query({ tenant, coacheeId: joId })).activity.events.map((e) => e.summary);
		expect(summaries).toEqual(expect.arrayContaining(['Cole Acme shared the engagement “Career move”', 'Cole Acme started the engagement “Career move”']));
		expect(await titles(jo)).toEqual(['Career move (Jo Acme)']);
	});

	it('refuses a coachee who is not theirs, an archived template, an end before the start and a missing name, making nothing', async () => {
		const archived = await program('Old program', true);
		type Input = Omit<Parameters<typeof coach.engagements.create.mutate>[0], 'tenant'>;
		const cases: [Input, string, RegExp][] = [
			[{ coacheeIds: [joId, crypto.randomUUID()] }, 'coacheeIds', /not one of your coachees/],
			[{ coacheeIds: [joId], programId: archived }, 'programId', /^That program template was archived or deleted/],
			[{ coacheeIds: [joId], title: 'X', startsOn: '2026-12-10', endsOn: '2026-12-01' }, 'endsOn', /^The end date cannot be before the start date/],
			[{ coacheeIds: [joId] }, 'title', /^Name the engagement/],
			[{ coacheeIds: [], title: 'X' }, 'coacheeIds', /^Pick at least one coachee/]
		];
		for (const [input, field, message] of cases) {
			const refusal = await failure(coach.engagements.create.mutate({ tenant, ...input }));
			expect(refusal.fieldErrors?.[field]?.[0], field).toMatch(message);
		}
		// Another coach's coachee, even when named alone.
		const { id: theirs } = await otherCoach.coachees.create.mutate({ tenant, firstName: 'Tom', lastName: 'Other', email: 'tom@client.example' });
		expect((await failure(coach.engagements.create.mutate({ tenant, coacheeIds: [theirs], title: 'Mine now' }))).fieldErrors?.coacheeIds?.[0]).toMatch(/not one of your coachees/);
		expect((await failure(coach.engagements.create.mutate({ tenant, groupId: 'any', title: 'X' }))).code).toBe('FORBIDDEN');
		expect((await list(admin)).total).toBe(0);
		expect((await tenantDbCount())).toBe(0);
	});

	it('makes nothing when a template’s assessment was archived since', async () => {
		const db = await tenantDb();
		const id = crypto.randomUUID();
		await db.insert(programTemplates).values({ id, name: 'With a gone assessment', items: [{ id: 'x', kind: 'assessment', title: 'Gone', assessmentTemplateId: 'missing' }] });
		const refusal = await failure(coach.engagements.create.mutate({ tenant, coacheeIds: [joId], programId: id }));
		expect(refusal.fieldErrors?.programId?.[0]).toMatch(/uses an assessment or a file you cannot send any more/);
		expect((await list(admin)).total).toBe(0);
	});
});

async function tenantDbCount() {
	return (await (await tenantDb()).select().from(engagementItems)).length;
}

describe('"+ New" by an admin', () => {
	it('makes Drafts for a group that the coach does not see until marked Active, then tells the coach', async () => {
		const { id: groupId } = await admin.coachees.createGroup.mutate({ tenant, name: 'Cohort A', memberIds: [joId, kimId] });
		const programId = await program();
		const made = await admin.engagements.create.mutate({ tenant, groupId, coachId, programId, shared: true });
		expect(made).toMatchObject({ count: 2, status: 'draft' });
		expect(await titles(admin, { status: 'draft' })).toHaveLength(2);
		expect((await list(coach)).total).toBe(0);
		expect((await list(jo)).total).toBe(0); // shared, but a draft
		const draftId = made.ids[0]!;
		expect((await failure(coach.engagements.setStatus.mutate({ tenant, engagementId: draftId, status: 'active' }))).code).toBe('NOT_FOUND');
		expect((await failure(coach.engagements.delete.mutate({ tenant, engagementId: draftId }))).code).toBe('NOT_FOUND');

		await admin.engagements.setStatus.mutate({ tenant, engagementId: draftId, status: 'active' });
		const [row] = (await list(coach)).rows;
		expect(row).toMatchObject({ id: draftId, status: 'active' });
		const assigned = (await coach.notifications.list.query({ tenant })).items.find((n) => n.kind === 'engagement_assigned');
		expect(assigned).toMatchObject({ title: 'Ada Admin assigned you the engagement “Leadership 90”', href: `/t/acme/engagements/${draftId}` });
		const coacheeOf = row!.coachee.id === joId ? jo : kim;
		expect((await coacheeOf.notifications.list.query({ tenant })).items[0]).toMatchObject({ kind: 'engagement_shared' });
		expect(await titles(coacheeOf)).toHaveLength(1);
	});

	it('makes them Active at once when asked, telling the coach once for all of them', async () => {
		await admin.engagements.create.mutate({ tenant, coacheeIds: [joId, kimId], coachId: otherCoachId, title: 'Onboarding', status: 'active' });
		const notes = (await otherCoach.notifications.list.query({ tenant })).items.filter((n) => n.kind === 'engagement_assigned');
		expect(notes).toEqual([expect.objectContaining({ title: 'Ada Admin assigned you 2 engagements', href: '/t/acme/engagements' })]);
		expect((await list(otherCoach)).total).toBe(2);
		// Jo is Cole's coachee, but the engagement is Olga's: Cole does not see it.
		expect((await list(coach)).total).toBe(0);
	});

	it('refuses a coach who is not an active coach of the workspace', async () => {
		for (const coach of [spectatorId, crypto.randomUUID()]) {
			const refusal = await failure(admin.engagements.create.mutate({ tenant, coacheeIds: [joId], coachId: coach, title: 'X' }));
			expect(refusal.fieldErrors?.coachId).toEqual(['Choose an active coach of this workspace.']);
		}
		expect((await failure(admin.engagements.create.mutate({ tenant, coacheeIds: [joId], title: 'X' }))).fieldErrors?.coachId).toEqual(['Choose the coach.']);
	});
});

describe('status, sharing, spectators and delete', () => {
	async function activeForJo(title = 'Career move') {
		const { ids } = await coach.engagements.create.mutate({ tenant, coacheeIds: [joId], title });
		return ids[0]!;
	}

	it('marks Completed, reopens, and refuses what the status does not allow', async () => {
		const id = await activeForJo();
		const mark = (who: TestClient, status: 'active' | 'completed') => who.engagements.setStatus.mutate({ tenant, engagementId: id, status });
		expect((await failure(mark(coach, 'active'))).message).toBe('“Career move” is already Active.');
		await mark(coach, 'completed');
		expect((await list(coach, { status: 'completed' })).rows.map((r) => r.id)).toEqual([id]);
		await mark(coach, 'active');
		expect((await list(coach)).rows[0]!.status).toBe('active');
		const { ids } = await admin.engagements.create.mutate({ tenant, coacheeIds: [joId], coachId, title: 'Draft' });
		expect((await failure(admin.engagements.setStatus.mutate({ tenant, engagementId: ids[0]!, status: 'completed' }))).message).toMatch(/Mark a Draft as Active/);
	});

	it('shares and stops sharing: the coachee sees it only while shared', async () => {
		const id = await activeForJo();
		expect((await list(jo)).total).toBe(0);
		await coach.engagements.setShared.mutate({ tenant, engagementId: id, shared: true });
		expect(await titles(jo)).toEqual(['Career move (Jo Acme)']);
		expect((await jo.notifications.list.query({ tenant })).items[0]).toMatchObject({ kind: 'engagement_shared' });
		expect((await list(kim)).total).toBe(0);
		await coach.engagements.setShared.mutate({ tenant, engagementId: id, shared: false });
		expect((await list(jo)).total).toBe(0);
	});

	it('lets an admin name spectators, who then see it read only, and refuses anyone else', async () => {
		const id = await activeForJo();
		await activeForJo('Other engagement');
		expect((await list(spectator)).total).toBe(0);
		expect((await failure(coach.engagements.setSpectators.mutate({ tenant, engagementId: id, spectatorIds: [spectatorId] }))).code).toBe('FORBIDDEN');
		const unknown = await failure(admin.engagements.setSpectators.mutate({ tenant, engagementId: id, spectatorIds: [spectatorId, coachId] }));
		expect(unknown.fieldErrors?.spectatorIds?.[0]).toMatch(/^Only active authorized users can follow an engagement/);
		expect((await list(spectator)).total).toBe(0);

		await admin.engagements.setSpectators.mutate({ tenant, engagementId: id, spectatorIds: [spectatorId] });
		expect(await titles(spectator)).toEqual(['Career move (Jo Acme)']);
		expect((await list(admin)).rows.find((r) => r.id === id)!.spectatorIds).toEqual([spectatorId]);
		for (const change of [
			() => spectator.engagements.setShared.mutate({ tenant, engagementId: id, shared: true }),
			() => spectator.engagements.setStatus.mutate({ tenant, engagementId: id, status: 'completed' }),
			() => spectator.engagements.delete.mutate({ tenant, engagementId: id })
		]) {
			expect((await failure(change())).code).toBe('FORBIDDEN');
		}
		await admin.engagements.setSpectators.mutate({ tenant, engagementId: id, spectatorIds: [] });
		expect((await list(spectator)).total).toBe(0);
	});

	it('lets the coach delete their own, never another coach’s, and takes the items with it', async () => {
		const programId = await program();
		const { ids } = await coach.engagements.create.mutate({ tenant, coacheeIds: [joId], programId });
		const id = ids[0]!;
		for (const other of [otherCoach, jo, kim]) {
			const refusal = await failure(other.engagements.delete.mutate({ tenant, engagementId: id }));
			expect(['FORBIDDEN', 'NOT_FOUND']).toContain(refusal.code);
			expect((await failure(other.engagements.setShared.mutate({ tenant, engagementId: id, shared: true }))).code).toMatch(/FORBIDDEN|NOT_FOUND/);
		}
		expect((await list(otherCoach)).total).toBe(0);
		expect(await tenantDbCount()).toBe(3);
		await coach.engagements.delete.mutate({ tenant, engagementId: id });
		expect((await list(admin)).total).toBe(0);
		expect(await tenantDbCount()).toBe(0);
	});
});

describe('the list', () => {
	it('filters by status, coach and coachee, searches title and coachee name, pages by 25, in one tenant round trip', async () => {
		await coach.engagements.create.mutate({ tenant, coacheeIds: [joId], title: 'Career move' });
		await admin.engagements.create.mutate({ tenant, coacheeIds: [kimId], coachId: otherCoachId, title: 'Team lead', status: 'active' });
		await admin.engagements.create.mutate({ tenant, coacheeIds: [kimId], coachId, title: 'Draft plan' });
		expect(await titles(admin, { coachId: otherCoachId })).toEqual(['Team lead (Kim Acme)']);
		expect((await titles(admin, { coacheeId: kimId })).sort()).toEqual(['Draft plan (Kim Acme)', 'Team lead (Kim Acme)']);
		expect(await titles(admin, { search: 'kim lead' })).toEqual(['Team lead (Kim Acme)']);
		expect(await titles(admin, { search: 'jo' })).toEqual(['Career move (Jo Acme)']);
		expect(await titles(admin, { status: 'draft' })).toEqual(['Draft plan (Kim Acme)']);
		expect(await titles(coach)).toEqual(['Career move (Jo Acme)']);

		for (let i = 0; i < 26; i++) await coach.engagements.create.mutate({ tenant, coacheeIds: [joId], title: `Extra ${i}` });
		const second = await list(coach, { page: 2 });
		expect(second).toMatchObject({ total: 27, page: 2 });
		expect(second.rows).toHaveLength(2);
		expect(await app.countRoundTrips(() => list(admin))).toEqual({ control: 1, tenant: 1 });
	});
});

describe('what "+ New" offers', () => {
	it('gives a coach their own coachees and the firm’s templates with their items by kind; an admin also groups and coaches; in one round trip', async () => {
		await program();
		await program('Archived one', true);
		const { id: theirs } = await otherCoach.coachees.create.mutate({ tenant, firstName: 'Tom', lastName: 'Other', email: 'tom@client.example' });
		await admin.coachees.createGroup.mutate({ tenant, name: 'Cohort A', memberIds: [joId] });
		const mine = await coach.engagements.choices.query({ tenant, coacheeIds: [joId, theirs] });
		expect(mine.coachees.map((c) => c.name)).toEqual(['Jo Acme', 'Kim Acme']);
		expect(mine.picked.map((c) => c.id)).toEqual([joId]); // another coach's coachee is never named
		expect(mine.programs).toEqual([expect.objectContaining({ name: 'Leadership 90', items: 3, kinds: { session: 2, link: 1 } })]);
		expect([mine.groups, mine.coaches]).toEqual([[], []]);
		expect((await coach.engagements.choices.query({ tenant, search: 'kim' })).coachees.map((c) => c.name)).toEqual(['Kim Acme']);

		const all = await admin.engagements.choices.query({ tenant });
		expect(all.coachees.map((c) => c.name)).toEqual(['Jo Acme', 'Kim Acme', 'Tom Other']);
		expect(all.groups).toEqual([expect.objectContaining({ name: 'Cohort A', members: 1 })]);
		expect(all.coaches.map((c) => c.name).sort()).toEqual(['Cole Acme', 'Olga Acme']);
		expect((await failure(spectator.engagements.choices.query({ tenant }))).code).toBe('FORBIDDEN');
		expect((await failure(jo.engagements.choices.query({ tenant }))).code).toBe('FORBIDDEN');
		expect(await app.countRoundTrips(() => admin.engagements.choices.query({ tenant, coacheeIds: [joId] }))).toEqual({ control: 1, tenant: 1 });
	});
});
