import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestClient } from '../testing/harness';
import { openControlDb, openTenantDb, type TenantDb } from '../db';
import { tenants } from '../db/control/schema';
import { actions, actionSeries, people } from '../db/tenant/schema';
import { runCronTick } from '../jobs/runner';
import { startRecurringAction, recurringActionsDueWork, type NewRecurringAction } from './recurring-actions';

let app: TestApp;
let admin: TestClient;
let db: TenantDb;
let tenant: typeof tenants.$inferSelect;
let adaId: string;

beforeEach(async () => {
	app = await createTestApp();
	admin = await app.signUpOrganisation('Acme', 'ada@acme.example');
	tenant = (await openControlDb(app.platform).query.tenants.findFirst({ where: eq(tenants.slug, 'acme') }))!;
	db = await openTenantDb(app.platform, tenant);
	adaId = (await db.query.people.findFirst({ where: eq(people.email, 'ada@acme.example') }))!.id;
});
afterEach(() => app.cleanup());

const scope = () => ({ platform: app.platform, db, tenant });

/** A coachee added through the app, living in `timeZone`. */
async function coacheeIn(timeZone: string, email = 'jo@example.com') {
	const { id } = await admin.coachees.create.mutate({ tenant: 'acme', firstName: 'Jo', lastName: 'Coachee', email, sendInvitation: false });
	await db.update(people).set({ timeZone }).where(eq(people.id, id));
	return { id, timeZone };
}

function setNow(iso: string) {
	app.clock.advance(Date.parse(iso) - app.clock.now().getTime());
}

const start = (coachee: { id: string; timeZone: string }, startsOn: string, rule: string, extra: Partial<NewRecurringAction> = {}) =>
	startRecurringAction(scope(), { coachee, milestoneId: null, title: 'Journal for ten minutes', startsOn, rule, createdBy: adaId, position: 3, ...extra });

const dueDates = async (coacheeId: string) =>
	(await db.select({ dueOn: actions.dueOn }).from(actions).where(eq(actions.coacheeId, coacheeId)).orderBy(asc(actions.dueOn))).map((row) => row.dueOn);

/** When the cron will next visit the tenant. */
const visitAt = async () => (await openControlDb(app.platform).query.tenants.findFirst({ where: eq(tenants.id, tenant.id) }))!.nextDueAt;

async function tick() {
	await runCronTick(app.platform);
	await app.queue.drain();
}

/**
 * Follows the cron from visit to visit until nothing is booked: a tick a second before each
 * booked visit creates nothing; the visit itself creates the occurrences listed against it.
 */
async function followTheCron(coacheeId: string) {
	const visits: { at: string; created: string[] }[] = [];
	for (let at = await visitAt(); at; at = await visitAt()) {
		if (visits.length > 20) throw new Error(`The cron keeps coming back at ${at.toISOString()} without creating anything.`);
		const before = await dueDates(coacheeId);
		setNow(new Date(at.getTime() - 1000).toISOString());
		await tick();
		expect(await dueDates(coacheeId)).toEqual(before);
		setNow(at.toISOString());
		await tick();
		visits.push({ at: at.toISOString(), created: (await dueDates(coacheeId)).filter((date) => !before.includes(date)) });
	}
	return visits;
}

const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', { weekday: 'long', timeZone: 'UTC' });

describe('recurring actions across daylight-saving changes', () => {
	it('Europe/London, clocks back on 2026-10-25: Mondays and Wednesdays stay put, each created at local midnight', async () => {
		const jo = await coacheeIn('Europe/London');
		setNow('2026-10-05T12:00:00Z'); // today in London: 2026-10-05, so the horizon ends on 10-19
		const started = await start(jo, '2026-10-19', 'FREQ=WEEKLY;BYDAY=MO,WE;COUNT=8');
		expect(started.created).toBe(1);

		expect(await followTheCron(jo.id)).toEqual([
			{ at: '2026-10-06T23:00:00.000Z', created: ['2026-10-21'] }, // 00:00 BST on 10-07, 14 days ahead
			{ at: '2026-10-11T23:00:00.000Z', created: ['2026-10-26'] },
			{ at: '2026-10-13T23:00:00.000Z', created: ['2026-10-28'] },
			{ at: '2026-10-18T23:00:00.000Z', created: ['2026-11-02'] }, // 2026-10-19T00:00 London
			{ at: '2026-10-20T23:00:00.000Z', created: ['2026-11-04'] },
			{ at: '2026-10-26T00:00:00.000Z', created: ['2026-11-09'] }, // 2026-10-26T00:00 London, now GMT
			{ at: '2026-10-28T00:00:00.000Z', created: ['2026-11-11'] }
		]);
		const rows = await db.select().from(actions).where(eq(actions.coacheeId, jo.id)).orderBy(asc(actions.dueOn));
		expect(rows.map((row) => weekdayOf(row.dueOn))).toEqual(['Monday', 'Wednesday', 'Monday', 'Wednesday', 'Monday', 'Wednesday', 'Monday', 'Wednesday']);
		for (const row of rows) {
			expect(row).toMatchObject({ seriesId: started.seriesId, title: 'Journal for ten minutes', progress: 0, position: 3, createdBy: adaId, milestoneId: null });
		}
		expect(rows[0]!.id).toBe(started.firstActionId);
		expect(await db.query.actionSeries.findFirst({ where: eq(actionSeries.id, started.seriesId) })).toMatchObject({ nextOn: null });
		expect(await recurringActionsDueWork.nextDueAt(scope())).toBeNull();
	});

	it('America/New_York, clocks back on 2026-11-01: created at 00:00 EDT before it and 00:00 EST after', async () => {
		const jo = await coacheeIn('America/New_York');
		setNow('2026-10-15T12:00:00Z'); // the horizon ends on 10-29, before the first due date
		const started = await start(jo, '2026-11-02', 'FREQ=WEEKLY;BYDAY=MO,WE;COUNT=6');
		expect(started.created).toBe(1); // the first one at once, however far ahead
		expect(await dueDates(jo.id)).toEqual(['2026-11-02']);

		expect(await followTheCron(jo.id)).toEqual([
			{ at: '2026-10-21T04:00:00.000Z', created: ['2026-11-04'] },
			{ at: '2026-10-26T04:00:00.000Z', created: ['2026-11-09'] },
			{ at: '2026-10-28T04:00:00.000Z', created: ['2026-11-11'] },
			{ at: '2026-11-02T05:00:00.000Z', created: ['2026-11-16'] },
			{ at: '2026-11-04T05:00:00.000Z', created: ['2026-11-18'] }
		]);
		expect((await dueDates(jo.id)).map(weekdayOf)).toEqual(['Monday', 'Wednesday', 'Monday', 'Wednesday', 'Monday', 'Wednesday']);
	});
});

describe('creating occurrences ahead', () => {
	it('creates everything already within two weeks at once, and the end date stops the series', async () => {
		const jo = await coacheeIn('UTC');
		const started = await start(jo, '2026-11-23', 'FREQ=DAILY;UNTIL=20261210'); // today is 2026-11-23
		expect(started.created).toBe(15); // 11-23 through 12-07
		expect(await visitAt()).toEqual(new Date('2026-11-24T00:00:00Z'));

		setNow('2026-12-01T00:00:00Z');
		await recurringActionsDueWork.run(scope());
		expect(await dueDates(jo.id)).toHaveLength(18); // through 12-10, the end date
		expect(await db.query.actionSeries.findFirst({ where: eq(actionSeries.id, started.seriesId) })).toMatchObject({ nextOn: null });
		expect(await recurringActionsDueWork.nextDueAt(scope())).toBeNull();
	});

	it('running twice, even at the same moment, creates each occurrence once', async () => {
		const jo = await coacheeIn('UTC');
		await start(jo, '2026-11-23', 'FREQ=DAILY;COUNT=30');
		setNow('2026-11-30T00:00:00Z');
		await Promise.all([recurringActionsDueWork.run(scope()), recurringActionsDueWork.run(scope())]);
		await recurringActionsDueWork.run(scope());
		const dates = await dueDates(jo.id);
		expect(dates).toEqual([...new Set(dates)]);
		expect(dates.at(-1)).toBe('2026-12-14');
		expect(dates).toHaveLength(22);
	});

	it('the coachee’s zone decides: Auckland gets the next occurrence 21 hours earlier in UTC than Los Angeles', async () => {
		const kiri = await coacheeIn('Pacific/Auckland', 'kiri@example.com');
		const lee = await coacheeIn('America/Los_Angeles', 'lee@example.com');
		// 2026-11-23 09:00 UTC: 22:00 on the 23rd in Auckland, 01:00 on the 23rd in Los Angeles.
		await start(kiri, '2026-12-07', 'FREQ=WEEKLY;BYDAY=MO;COUNT=3');
		await start(lee, '2026-12-07', 'FREQ=WEEKLY;BYDAY=MO;COUNT=3');
		expect(await recurringActionsDueWork.nextDueAt(scope())).toEqual(new Date('2026-11-29T11:00:00Z')); // 11-30 00:00 NZDT

		setNow('2026-11-29T11:00:00Z');
		await recurringActionsDueWork.run(scope());
		expect(await dueDates(kiri.id)).toEqual(['2026-12-07', '2026-12-14']);
		expect(await dueDates(lee.id)).toEqual(['2026-12-07']);
		expect(await recurringActionsDueWork.nextDueAt(scope())).toEqual(new Date('2026-11-30T08:00:00Z')); // 11-30 00:00 PST

		setNow('2026-11-30T08:00:00Z');
		await recurringActionsDueWork.run(scope());
		expect(await dueDates(lee.id)).toEqual(['2026-12-07', '2026-12-14']);
	});

	it('a coachee who moves zone gets later occurrences on the new zone’s days; created ones stay', async () => {
		const lee = await coacheeIn('America/Los_Angeles');
		await start(lee, '2026-12-07', 'FREQ=WEEKLY;BYDAY=MO;COUNT=3');
		expect(await recurringActionsDueWork.nextDueAt(scope())).toEqual(new Date('2026-11-30T08:00:00Z'));

		await db.update(people).set({ timeZone: 'Pacific/Auckland' }).where(eq(people.id, lee.id));
		expect(await recurringActionsDueWork.nextDueAt(scope())).toEqual(new Date('2026-11-29T11:00:00Z'));
		setNow('2026-11-29T11:00:00Z');
		await recurringActionsDueWork.run(scope());
		expect(await dueDates(lee.id)).toEqual(['2026-12-07', '2026-12-14']);
	});

	it('later occurrences take the position of the series’ latest one, as it was moved', async () => {
		const jo = await coacheeIn('UTC');
		const { seriesId } = await start(jo, '2026-11-23', 'FREQ=WEEKLY;BYDAY=MO;COUNT=4', { position: 7 });
		expect(await dueDates(jo.id)).toEqual(['2026-11-23', '2026-11-30', '2026-12-07']);
		await db.update(actions).set({ position: 9 }).where(and(eq(actions.seriesId, seriesId), eq(actions.dueOn, '2026-12-07')));
		setNow('2026-11-30T00:00:00Z');
		await recurringActionsDueWork.run(scope());
		const rows = await db.select({ position: actions.position }).from(actions).where(eq(actions.coacheeId, jo.id)).orderBy(asc(actions.dueOn));
		expect(rows.map((row) => row.position)).toEqual([7, 7, 9, 9]);
	});
});
