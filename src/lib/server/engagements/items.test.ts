/**
 * The engagement page and its items, through the real router: what each role sees, the
 * scheduling rules (in the coachee's zone, inside the engagement, never in the past), the
 * coachee's own pick, the item options, and every forbidden path.
 * Engagements are inserted directly (the create service is built elsewhere).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { coachingFixture, tenant, type CoachingFixture } from '../testing/coaching-fixture';
import { failure } from '../testing/harness';
import { openControlDb, openTenantDb, type TenantDb } from '../db';
import { tenants } from '../db/control/schema';
import { engagementItems, engagements, engagementSpectators, people, sessionLogs } from '../db/tenant/schema';
import type { ItemDetails } from '../../engagements/schema';

let f: CoachingFixture;
let db: TenantDb;
let ids: { coachId: string; spectatorId: string; engagementId: string; draftId: string; session: string; assessment: string; link: string; templateId: string };

const session: ItemDetails = { kind: 'session', durationMinutes: 60, format: 'online', location: '', message: '', coacheeSchedules: false };

async function insertEngagement(values: Partial<typeof engagements.$inferInsert> & { id: string }) {
	await db.insert(engagements).values({
		coacheeId: f.joId,
		coachId: ids.coachId,
		title: 'Leadership 2027',
		status: 'active',
		shared: true,
		startsOn: '2026-11-01',
		endsOn: '2027-03-31',
		...values
	});
}

async function insertItem(engagementId: string, position: number, kind: 'session' | 'assessment' | 'link', title: string, details: ItemDetails) {
	const id = crypto.randomUUID();
	await db.insert(engagementItems).values({ id, engagementId, coacheeId: f.joId, position, kind, title, details });
	return id;
}

const itemRow = async (id: string) => (await db.select().from(engagementItems).where(eq(engagementItems.id, id)))[0];
const order = async () => (await db.select().from(engagementItems).where(eq(engagementItems.engagementId, ids.engagementId)).orderBy(asc(engagementItems.position))).map((i) => i.title);
const at = <T extends object>(input: T) => ({ tenant, engagementId: ids.engagementId, ...input });

beforeEach(async () => {
	f = await coachingFixture();
	const control = openControlDb(f.app.platform);
	db = await openTenantDb(f.app.platform, (await control.query.tenants.findFirst({ where: eq(tenants.slug, tenant) }))!);
	const personId = async (email: string) => (await db.query.people.findFirst({ where: eq(people.email, email) }))!.id;
	await db.update(people).set({ timeZone: 'Europe/Paris' }).where(eq(people.id, f.joId));
	const questions = [{ id: 'q', kind: 'scale' as const, prompt: 'How ready are you?', required: true }];
	const { id: templateId } = await f.coach.assessments.createTemplate.mutate({ tenant, title: 'Readiness', kind: 'assessment', questions });
	ids = { coachId: await personId('cole@acme.example'), spectatorId: await personId('sal@acme.example'), engagementId: 'eng-1', draftId: 'eng-draft', templateId } as typeof ids;
	await insertEngagement({ id: ids.engagementId });
	await insertEngagement({ id: ids.draftId, status: 'draft', title: 'Draft plan' });
	await db.insert(engagementSpectators).values({ engagementId: ids.engagementId, personId: ids.spectatorId });
	ids.session = await insertItem(ids.engagementId, 0, 'session', 'Kick-off', session);
	ids.assessment = await insertItem(ids.engagementId, 1, 'assessment', 'Readiness check', { kind: 'assessment', assessmentTemplateId: templateId, assessmentKind: 'assessment', questions });
	ids.link = await insertItem(ids.engagementId, 2, 'link', 'Reading', { kind: 'link', url: 'https://example.com/secret-reading' });
});
afterEach(() => f.app.cleanup());

describe('the engagement page', () => {
	it('shows the coach everything in one tenant round trip, with the option lists', async () => {
		await f.coach.sessions.create.mutate({ tenant, coacheeId: f.joId, title: 'Intro call', date: '2026-11-20', time: '10:00', durationMinutes: 45, status: 'attended' });
		let page!: Awaited<ReturnType<typeof f.coach.engagementItems.page.query>>;
		const trips = await f.app.countRoundTrips(async () => (page = await f.coach.engagementItems.page.query(at({}))));
		expect(trips.tenant).toBe(1);
		expect(page.viewer).toBe('staff');
		expect(page.coachee).toMatchObject({ name: 'Jo Acme', timeZone: 'Europe/Paris' });
		expect(page.coach.name).toBe('Cole Acme');
		expect(page.spectators.map((s) => s.name)).toEqual(['Sal Acme']);
		expect(page.items.map((i) => `${i.title}: ${i.state}`)).toEqual(['Kick-off: not_scheduled', 'Readiness check: not_scheduled', 'Reading: not_scheduled']);
		expect(page.options?.sessionLogs.map((l) => l.title)).toEqual(['Intro call']);
		expect(page.options?.assessments.map((a) => a.title)).toEqual(['Readiness']);
	});

	it('shows a spectator the items read only, without the option lists', async () => {
		const page = await f.spectator.engagementItems.page.query(at({}));
		expect(page.viewer).toBe('spectator');
		expect(page.items).toHaveLength(3);
		expect(page.options).toBeNull();
	});

	it('never gives the coachee a locked item’s content, and opens what was sent', async () => {
		await f.coach.engagementItems.schedule.mutate(at({ itemId: ids.link, mode: 'send', date: '2026-12-01', time: '09:00' }));
		let page = await f.jo.engagementItems.page.query(at({}));
		expect(page.viewer).toBe('coachee');
		expect(page.items).toEqual([]);
		expect(page.options).toBeNull();
		expect(page.coacheeItems).toEqual([
			{ id: ids.session, kind: 'session', title: 'Kick-off', state: 'locked', opensOn: null, content: null },
			{ id: ids.assessment, kind: 'assessment', title: 'Readiness check', state: 'locked', opensOn: null, content: null },
			{ id: ids.link, kind: 'link', title: 'Reading', state: 'locked', opensOn: '2026-12-01', content: null }
		]);
		const seen = JSON.stringify(page);
		for (const secret of ['secret-reading', 'How ready are you?']) expect(seen).not.toContain(secret);

		await db.update(engagementItems).set({ deliveredAt: new Date() }).where(eq(engagementItems.id, ids.link));
		page = await f.jo.engagementItems.page.query(at({}));
		expect(page.coacheeItems[2]).toMatchObject({ state: 'scheduled', content: { kind: 'link', url: 'https://example.com/secret-reading' } });
	});

	it('is not there for another coach, for the coach of a draft, or for the coachee before it is shared', async () => {
		expect((await failure(f.otherCoach.engagementItems.page.query(at({})))).code).toBe('NOT_FOUND');
		expect((await failure(f.coach.engagementItems.page.query({ tenant, engagementId: ids.draftId }))).code).toBe('NOT_FOUND');
		await db.update(engagements).set({ shared: false }).where(eq(engagements.id, ids.engagementId));
		expect((await failure(f.jo.engagementItems.page.query(at({})))).code).toBe('NOT_FOUND');
		expect((await f.admin.engagementItems.page.query({ tenant, engagementId: ids.draftId })).viewer).toBe('staff');
	});
});

describe('scheduling', () => {
	it('schedules a session at a time typed in the coachee’s zone, with its invitation and reminder due', async () => {
		await f.coach.engagementItems.schedule.mutate(at({ itemId: ids.session, mode: 'session', date: '2026-12-02', time: '14:30', location: 'https://meet.example/jo', message: 'See you' }));
		const row = (await itemRow(ids.session))!;
		expect(row.scheduledAt?.toISOString()).toBe('2026-12-02T13:30:00.000Z'); // 14:30 in Paris
		expect(row.sequence).toBe(1);
		expect(row.remindAt?.toISOString()).toBe('2026-12-01T13:30:00.000Z');
		expect(row.details).toMatchObject({ location: 'https://meet.example/jo', message: 'See you', coacheeSchedules: false });
		const [{ nextDueAt }] = await openControlDb(f.app.platform).select({ nextDueAt: tenants.nextDueAt }).from(tenants).where(eq(tenants.slug, tenant));
		expect(nextDueAt?.getTime()).toBeLessThanOrEqual(f.app.clock.now().getTime());

		await db.update(engagementItems).set({ remindedAt: new Date() }).where(eq(engagementItems.id, ids.session));
		await f.coach.engagementItems.schedule.mutate(at({ itemId: ids.session, mode: 'session', date: '2026-11-24', time: '08:00', location: 'https://meet.example/jo' }));
		const moved = (await itemRow(ids.session))!;
		expect(moved.sequence).toBe(2);
		expect(moved.remindedAt).toBeNull();
		expect(moved.remindAt).toBeNull(); // a day before 08:00 Paris tomorrow has passed: no reminder
		const page = await f.coach.engagementItems.page.query(at({}));
		expect(page.items[0]!.state).toBe('scheduled');
	});

	it('refuses each bad schedule under its field, and changes nothing', async () => {
		const refusals = [
			[{ itemId: ids.session, mode: 'session', date: '2026-11-20', time: '10:00', location: 'https://meet.example/a' }, 'date', /passed/],
			[{ itemId: ids.session, mode: 'session', date: '2026-11-23', time: '09:30', location: 'https://meet.example/a' }, 'time', /passed/], // 08:30 UTC, before the clock's 09:00
			[{ itemId: ids.session, mode: 'session', date: '2027-04-02', time: '10:00', location: 'https://meet.example/a' }, 'date', /ends on 31 Mar 2027/],
			[{ itemId: ids.session, mode: 'session', date: '2026-12-02', time: '10:00', location: 'javascript:alert(1)' }, 'location', /https:\/\//],
			[{ itemId: ids.link, mode: 'send', date: '2027-05-01', time: '10:00' }, 'date', /ends on/],
			[{ itemId: ids.session, mode: 'window', windowStartsOn: '2026-12-10', windowEndsOn: '2026-12-01', location: 'https://meet.example/a' }, 'windowEndsOn', /on or after/]
		] as const;
		for (const [input, field, message] of refusals) {
			const refused = await failure(f.coach.engagementItems.schedule.mutate(at(input)));
			expect(refused.fieldErrors?.[field]?.[0], `${field}: ${JSON.stringify(input)}`).toMatch(message);
		}
		await db.update(engagements).set({ startsOn: '2026-12-15' }).where(eq(engagements.id, ids.engagementId));
		const early = await failure(f.coach.engagementItems.schedule.mutate(at({ itemId: ids.link, mode: 'send', date: '2026-12-01', time: '10:00' })));
		expect(early.fieldErrors?.date?.[0]).toMatch(/starts on 15 Dec 2026/);
		for (const id of [ids.session, ids.link]) expect((await itemRow(id))).toMatchObject({ scheduledAt: null, sequence: 0 });
	});

	it('sends immediately, and unschedules what was not sent yet', async () => {
		await f.coach.engagementItems.schedule.mutate(at({ itemId: ids.link, mode: 'now' }));
		expect((await itemRow(ids.link))?.scheduledAt?.getTime()).toBe(f.app.clock.now().getTime());
		await f.coach.engagementItems.unschedule.mutate(at({ itemId: ids.link }));
		expect((await itemRow(ids.link))?.scheduledAt).toBeNull();
		await db.update(engagementItems).set({ scheduledAt: new Date(), deliveredAt: new Date() }).where(eq(engagementItems.id, ids.link));
		expect((await failure(f.coach.engagementItems.unschedule.mutate(at({ itemId: ids.link })))).code).toBe('CONFLICT');
	});
});

describe('the coachee schedules a session left to them', () => {
	const window = { mode: 'window', windowStartsOn: '2026-12-01', windowEndsOn: '2026-12-05', location: 'https://meet.example/jo' } as const;

	it('lets Jo pick inside the window in her zone, and nothing outside it', async () => {
		await f.coach.engagementItems.schedule.mutate(at({ itemId: ids.session, ...window }));
		const page = await f.jo.engagementItems.page.query(at({}));
		expect(page.coacheeItems[0]).toMatchObject({ state: 'scheduled', content: { window: { startsOn: '2026-12-01', endsOn: '2026-12-05' }, startsAt: null } });
		expect(await f.jo.engagementItems.ownSession.query(at({ itemId: ids.session }))).toMatchObject({ title: 'Kick-off', timeZone: 'Europe/Paris', picked: null });

		const outside = await failure(f.jo.engagementItems.scheduleOwn.mutate(at({ itemId: ids.session, date: '2026-12-06', time: '10:00' })));
		expect(outside.fieldErrors?.date?.[0]).toBe('Pick a day from 1 Dec 2026 to 5 Dec 2026.');
		expect((await itemRow(ids.session))?.scheduledAt).toBeNull();

		await f.jo.engagementItems.scheduleOwn.mutate(at({ itemId: ids.session, date: '2026-12-03', time: '10:00' }));
		expect((await itemRow(ids.session))).toMatchObject({ scheduledAt: new Date('2026-12-03T09:00:00Z'), sequence: 1 });
	});

	it('refuses Jo a session her coach schedules, an engagement that is not active, and any staff change', async () => {
		expect((await failure(f.jo.engagementItems.scheduleOwn.mutate(at({ itemId: ids.session, date: '2026-12-03', time: '10:00' })))).code).toBe('NOT_FOUND');
		await f.coach.engagementItems.schedule.mutate(at({ itemId: ids.session, ...window }));
		await db.update(engagements).set({ status: 'completed' }).where(eq(engagements.id, ids.engagementId));
		expect((await failure(f.jo.engagementItems.scheduleOwn.mutate(at({ itemId: ids.session, date: '2026-12-03', time: '10:00' })))).code).toBe('NOT_FOUND');
		for (const call of [
			() => f.jo.engagementItems.schedule.mutate(at({ itemId: ids.link, mode: 'now' })),
			() => f.jo.engagementItems.markCompleted.mutate(at({ itemId: ids.link, completed: true })),
			() => f.jo.engagementItems.delete.mutate(at({ itemId: ids.link }))
		]) {
			expect((await failure(call())).code).toBe('FORBIDDEN');
		}
		expect((await failure(f.coach.engagementItems.scheduleOwn.mutate(at({ itemId: ids.session, date: '2026-12-03', time: '10:00' })))).code).toBe('FORBIDDEN');
	});
});

describe('item options', () => {
	it('moves only not-yet-scheduled items; a scheduled one keeps its place', async () => {
		await f.coach.engagementItems.reorder.mutate(at({ itemIds: [ids.link, ids.session, ids.assessment] }));
		expect(await order()).toEqual(['Reading', 'Kick-off', 'Readiness check']);
		await f.coach.engagementItems.schedule.mutate(at({ itemId: ids.link, mode: 'now' }));
		const refused = await failure(f.coach.engagementItems.reorder.mutate(at({ itemIds: [ids.session, ids.link, ids.assessment] })));
		expect(refused.fieldErrors?.itemIds?.[0]).toMatch(/scheduled item can be edited but not moved/);
		expect(await order()).toEqual(['Reading', 'Kick-off', 'Readiness check']);
		await f.coach.engagementItems.reorder.mutate(at({ itemIds: [ids.link, ids.assessment, ids.session] }));
		expect(await order()).toEqual(['Reading', 'Readiness check', 'Kick-off']);
	});

	it('adds, edits, duplicates, completes and deletes items', async () => {
		const { id } = await f.coach.engagementItems.add.mutate(at({ kind: 'link', title: 'Podcast', url: 'https://example.com/pod' }));
		const malformed = await failure(f.coach.engagementItems.add.mutate(at({ kind: 'link', title: 'Bad', url: 'example dot com' })));
		expect(malformed.fieldErrors?.url?.[0]).toMatch(/starts with https/);
		await f.coach.engagementItems.update.mutate(at({ itemId: id, kind: 'link', title: 'Podcast ep. 1', url: 'https://example.com/pod1' }));
		await f.coach.engagementItems.duplicate.mutate(at({ itemId: ids.session }));
		expect(await order()).toEqual(['Kick-off', 'Kick-off', 'Readiness check', 'Reading', 'Podcast ep. 1']);
		await f.coach.engagementItems.markCompleted.mutate(at({ itemId: ids.assessment, completed: true }));
		expect((await itemRow(ids.assessment))?.completedAt).not.toBeNull();
		await f.coach.engagementItems.markCompleted.mutate(at({ itemId: ids.assessment, completed: false }));
		expect((await itemRow(ids.assessment))?.completedAt).toBeNull();
		expect(await f.coach.engagementItems.delete.mutate(at({ itemId: id }))).toEqual({ title: 'Podcast ep. 1' });
		expect(await itemRow(id)).toBeUndefined();
	});

	it('refuses an archived assessment under its field', async () => {
		await f.coach.assessments.archiveTemplate.mutate({ tenant, templateId: ids.templateId, archived: true });
		const refused = await failure(f.coach.engagementItems.add.mutate(at({ kind: 'assessment', title: 'Again', assessmentTemplateId: ids.templateId })));
		expect(refused.fieldErrors?.assessmentTemplateId?.[0]).toMatch(/no longer in the library/);
		expect(await order()).toHaveLength(3);
	});

	it('logs a session that took place as a Session Log, associated and completed', async () => {
		await f.coach.engagementItems.logSession.mutate(at({ itemId: ids.session, title: 'Kick-off', date: '2026-11-23', time: '08:00', durationMinutes: 50, status: 'late' }));
		const row = (await itemRow(ids.session))!;
		const [log] = await db.select().from(sessionLogs).where(eq(sessionLogs.id, row.sessionLogId!));
		expect(log).toMatchObject({ coacheeId: f.joId, status: 'late', durationMinutes: 50 });
		expect(row.completedAt).not.toBeNull();
		const page = await f.coach.engagementItems.page.query(at({}));
		expect(page.items[0]).toMatchObject({ state: 'completed', record: { kind: 'session', title: 'Kick-off' } });
		expect((await failure(f.coach.engagementItems.logSession.mutate(at({ itemId: ids.session, title: 'Again', date: '2026-11-23', time: '08:00', durationMinutes: 50, status: 'late' })))).code).toBe('CONFLICT');
	});

	it('associates a session log of the same coachee only, with the matching kind', async () => {
		const { id: logId } = await f.coach.sessions.create.mutate({ tenant, coacheeId: f.joId, title: 'Chat', date: '2026-11-20', time: '10:00', durationMinutes: 30, status: 'attended' });
		const kim = await f.coach.sessions.create.mutate({ tenant, coacheeId: f.kimId, title: 'Kim chat', date: '2026-11-20', time: '10:00', durationMinutes: 30, status: 'attended' });
		expect((await failure(f.coach.engagementItems.associate.mutate(at({ itemId: ids.session, record: `session:${kim.id}` })))).fieldErrors?.record?.[0]).toMatch(/not one of Jo/);
		expect((await failure(f.coach.engagementItems.associate.mutate(at({ itemId: ids.link, record: `session:${logId}` })))).fieldErrors?.record).toBeTruthy();
		await f.coach.engagementItems.associate.mutate(at({ itemId: ids.session, record: `session:${logId}` }));
		expect(await itemRow(ids.session)).toMatchObject({ sessionLogId: logId });
		expect((await itemRow(ids.session))?.completedAt).not.toBeNull();
	});

	it('refuses every change to another coach, the coach of a draft, and a spectator', async () => {
		const draftItem = await insertItem(ids.draftId, 0, 'link', 'Draft link', { kind: 'link', url: 'https://example.com' });
		const attempts = [
			[f.otherCoach, at({ itemId: ids.link }), 'NOT_FOUND'],
			[f.coach, { tenant, engagementId: ids.draftId, itemId: draftItem }, 'NOT_FOUND'],
			[f.spectator, at({ itemId: ids.link }), 'FORBIDDEN']
		] as const;
		for (const [client, input, code] of attempts) {
			expect((await failure(client.engagementItems.delete.mutate(input))).code).toBe(code);
			expect((await failure(client.engagementItems.schedule.mutate({ ...input, mode: 'now' }))).code).toBe(code);
			expect((await failure(client.engagementItems.markCompleted.mutate({ ...input, completed: true }))).code).toBe(code);
		}
		expect((await failure(f.otherCoach.engagementItems.add.mutate(at({ kind: 'link', title: 'X', url: 'https://x.example' })))).code).toBe('NOT_FOUND');
		expect(await itemRow(ids.link)).toMatchObject({ scheduledAt: null, completedAt: null });
		expect(await itemRow(draftItem)).toBeTruthy();
		expect(await order()).toHaveLength(3);
	});
});

describe('the Coaching Notepad', () => {
	it('offers the coachee’s scheduled sessions and completes the one chosen with the new log', async () => {
		await f.coach.engagementItems.schedule.mutate(at({ itemId: ids.session, mode: 'session', date: '2026-11-24', time: '10:00', location: 'https://meet.example/jo' }));
		const pad = await f.coach.notepad.open.query({ tenant, coacheeId: f.joId });
		expect(pad.engagementSessions.map((s) => s.label)).toEqual(['Leadership 2027: Kick-off']);

		const fields = { tenant, coacheeId: f.joId, title: 'Kick-off', date: '2026-11-24', time: '09:00', durationMinutes: 60, status: 'attended' as const };
		const stale = await failure(f.coach.notepad.finish.mutate({ ...fields, engagementItemId: ids.link }));
		expect(stale.fieldErrors?.engagementItemId?.[0]).toMatch(/completed or gone/);
		await f.coach.notepad.finish.mutate({ ...fields, engagementItemId: ids.session });
		const row = (await itemRow(ids.session))!;
		expect(row.completedAt).not.toBeNull();
		const [log] = await db.select().from(sessionLogs).where(eq(sessionLogs.id, row.sessionLogId!));
		expect(log?.title).toBe('Kick-off');
		expect((await f.coach.notepad.open.query({ tenant, coacheeId: f.joId })).engagementSessions).toEqual([]);
	});
});
