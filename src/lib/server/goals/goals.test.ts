/**
 * Goals & Milestones and Actions through the real HTTP handler: the coach's profile tabs and
 * the coachee's portal, the rollup as people see it, alerts folding, and every refusal the
 * issue names (wrong role, wrong coach, bad input, another coachee's milestone).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCronTick } from '../jobs/runner';
import { failure, type TestApp, type TestClient } from '../testing/harness';
import { coachingFixture, tenant } from '../testing/coaching-fixture';

let app: TestApp;
let coach: TestClient;
let otherCoach: TestClient;
let spectator: TestClient;
let jo: TestClient;
let joId: string;
let kimId: string;

beforeEach(async () => {
	({ app, coach, otherCoach, spectator, jo, joId, kimId } = await coachingFixture());
});
afterEach(() => app.cleanup());

const ofJo = <T extends object>(extra?: T) => ({ tenant, coacheeId: joId, ...(extra as T) });

/** A goal with one milestone and `actions` actions under it, made by the coach. */
async function plan(actions = 2) {
	const { id: goalId } = await coach.goals.create.mutate(ofJo({ title: 'Lead the Q1 offsite', dueOn: '2027-03-31' }));
	const { id: milestoneId } = await coach.goals.createMilestone.mutate(ofJo({ goalId, title: 'Agenda agreed', dueOn: '2027-01-15' }));
	const actionIds: string[] = [];
	for (let i = 0; i < actions; i++) {
		actionIds.push((await coach.actions.create.mutate(ofJo({ title: `Step ${i + 1}`, dueOn: '2027-01-10', milestoneId }))).id);
	}
	return { goalId, milestoneId, actionIds };
}

async function tick() {
	await runCronTick(app.platform);
	await app.queue.drain();
}
const mailTo = (to: string) => app.mailer.list().filter((m) => m.to === to);

describe('goals, milestones and actions', () => {
	it('shows the coach’s plan in the coachee’s portal, and completes the goal when the coachee finishes every action', async () => {
		const { goalId, milestoneId, actionIds } = await plan(2);
		const mine = await jo.goals.board.query(ofJo());
		expect(mine.goals).toEqual([expect.objectContaining({ id: goalId, title: 'Lead the Q1 offsite', progress: 0, complete: false, total: 1, done: 0 })]);
		expect(mine.bySelf).toBe(true);

		await jo.actions.setProgress.mutate(ofJo({ actionId: actionIds[0], progress: 100 }));
		let detail = await coach.goals.goal.query(ofJo({ goalId }));
		expect(detail.milestones[0]).toMatchObject({ id: milestoneId, progress: 50, complete: false, total: 2, done: 1 });
		expect(detail.goal).toMatchObject({ progress: 50, complete: false });

		await jo.actions.setProgress.mutate(ofJo({ actionId: actionIds[1], progress: 100 }));
		detail = await coach.goals.goal.query(ofJo({ goalId }));
		expect(detail.milestones[0]).toMatchObject({ progress: 100, complete: true });
		expect(detail.goal).toMatchObject({ progress: 100, complete: true, done: 1, total: 1 });
	});

	it('keeps an empty milestone or goal open until someone marks it, and refuses the mark once it has children', async () => {
		const { id: goalId } = await coach.goals.create.mutate(ofJo({ title: 'Sleep better', dueOn: '2027-02-01' }));
		expect((await coach.goals.board.query(ofJo())).goals[0]).toMatchObject({ complete: false, progress: 0 });
		await coach.goals.mark.mutate(ofJo({ goalId, complete: true }));
		expect((await coach.goals.board.query(ofJo())).goals[0]).toMatchObject({ complete: true, progress: 100, marked: true });

		const { id: milestoneId } = await coach.goals.createMilestone.mutate(ofJo({ goalId, title: 'Evening routine', dueOn: '2027-01-10' }));
		expect((await coach.goals.board.query(ofJo())).goals[0], 'a new, open milestone reopens it').toMatchObject({ complete: false, progress: 0 });
		await coach.actions.create.mutate(ofJo({ title: 'No screens after 10', dueOn: '2027-01-05', milestoneId }));
		const refused = await failure(coach.goals.markMilestone.mutate(ofJo({ milestoneId, complete: true })));
		expect(refused).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('complete when all of them are at 100%') });
		expect((await coach.goals.goal.query(ofJo({ goalId }))).milestones[0]).toMatchObject({ complete: false, marked: false });
	});

	it('keeps the rollup right through edits, moves, reorders and deletes', async () => {
		const { goalId, milestoneId, actionIds } = await plan(3);
		await coach.actions.setProgress.mutate(ofJo({ actionId: actionIds[0], progress: 100 }));
		await coach.actions.setProgress.mutate(ofJo({ actionId: actionIds[1], progress: 100 }));
		await coach.actions.move.mutate(ofJo({ actionId: actionIds[2], direction: 'up' }));
		let milestone = (await coach.goals.goal.query(ofJo({ goalId }))).milestones[0]!;
		expect(milestone.actions.map((a) => a.title)).toEqual(['Step 1', 'Step 3', 'Step 2']);
		expect(milestone).toMatchObject({ progress: 67, complete: false });

		// The unfinished action leaves the milestone (moved out): what remains is complete.
		await coach.actions.update.mutate(ofJo({ actionId: actionIds[2], title: 'Step 3, later', dueOn: '2027-02-01' }));
		milestone = (await coach.goals.goal.query(ofJo({ goalId }))).milestones[0]!;
		expect(milestone).toMatchObject({ progress: 100, complete: true, total: 2 });

		const { id: second } = await coach.goals.createMilestone.mutate(ofJo({ goalId, title: 'Venue booked', dueOn: '2027-02-01' }));
		await coach.goals.moveMilestone.mutate(ofJo({ milestoneId: second, direction: 'up' }));
		const detail = await coach.goals.goal.query(ofJo({ goalId }));
		expect(detail.milestones.map((m) => m.title)).toEqual(['Venue booked', 'Agenda agreed']);
		expect(detail.goal).toMatchObject({ progress: 50, complete: false, done: 1, total: 2 });

		await coach.goals.deleteMilestone.mutate(ofJo({ milestoneId: second }));
		expect((await coach.goals.goal.query(ofJo({ goalId }))).goal).toMatchObject({ progress: 100, complete: true });
		await coach.goals.delete.mutate(ofJo({ goalId }));
		expect((await coach.goals.board.query(ofJo())).goals).toEqual([]);
		const left = await coach.actions.list.query(ofJo({ view: 'all' }));
		expect(left.rows.map((a) => a.title), 'the milestone’s actions went with it; the one moved out stayed').toEqual(['Step 3, later']);
		expect(milestoneId).toBeTruthy();
	});

	it('lets the coachee create goals and actions in their portal, which the coach sees and hears of', async () => {
		const { id: goalId } = await jo.goals.create.mutate(ofJo({ title: 'Run a 10k', dueOn: '2027-05-01' }));
		await jo.actions.create.mutate(ofJo({ title: 'Buy running shoes', dueOn: '2026-11-28' }));
		expect((await coach.goals.board.query(ofJo())).goals.map((g) => g.id)).toEqual([goalId]);
		expect((await coach.actions.list.query(ofJo())).rows.map((a) => a.title)).toEqual(['Buy running shoes']);
		const titles = (await coach.notifications.list.query({ tenant })).items.map((n) => n.title);
		expect(titles).toEqual(expect.arrayContaining(['Jo Acme created the goal “Run a 10k”', 'Jo Acme created the action “Buy running shoes”']));
		expect(mailTo('cole@acme.example').map((m) => m.subject)).toEqual(expect.arrayContaining(['Jo Acme created the action “Buy running shoes”']));
		const [notice] = (await coach.notifications.list.query({ tenant })).items;
		expect(notice!.href).toMatch(new RegExp(`^/t/acme/coachees/${joId}/actions/`));
		const profile = await coach.coachees.get.query(ofJo());
		expect(profile.activity.events.map((e) => e.summary)).toEqual(expect.arrayContaining(['Goal “Run a 10k” created by Jo Acme', 'Action “Buy running shoes” created by Jo Acme']));
	});

	it('folds twenty slider moves in a minute into one notification, one email and one Activity line', async () => {
		const { actionIds } = await plan(1);
		const aboutStep1 = () => mailTo('cole@acme.example').filter((m) => m.subject.includes('“Step 1”') && m.subject.startsWith('Jo'));
		for (let step = 1; step <= 20; step++) {
			await jo.actions.setProgress.mutate(ofJo({ actionId: actionIds[0], progress: step * 5 }));
			app.clock.advance(2_000);
		}
		const notices = (await coach.notifications.list.query({ tenant })).items.filter((n) => n.title.includes('Step 1'));
		expect(notices.map((n) => n.title)).toEqual(['Jo Acme completed “Step 1”']);
		expect(aboutStep1(), 'the email waits for the burst to end').toEqual([]);

		app.clock.advance(61_000);
		await tick();
		await tick();
		const emails = aboutStep1();
		expect(emails.map((m) => m.subject)).toEqual(['Jo Acme completed “Step 1”']);
		expect(emails[0]!.text).toContain(`/t/acme/coachees/${joId}/actions/${actionIds[0]}`);
		const lines = (await coach.coachees.get.query(ofJo())).activity.events.filter((e) => e.summary.includes('“Step 1”') && !e.summary.includes('created'));
		expect(lines.map((e) => e.summary)).toEqual(['Jo Acme completed “Step 1”']);

		// A move after the email went out is news again.
		await jo.actions.setProgress.mutate(ofJo({ actionId: actionIds[0], progress: 90 }));
		expect((await coach.notifications.list.query({ tenant })).items.filter((n) => n.title.includes('Step 1'))).toHaveLength(2);
	});

	it('tells the coachee when the coach adds or changes their work, and the other party of a comment', async () => {
		const { actionIds } = await plan(1);
		const told = (await jo.notifications.list.query({ tenant })).items.map((n) => n.title);
		expect(told).toEqual(expect.arrayContaining(['Cole Acme created the goal “Lead the Q1 offsite”', 'Cole Acme created the action “Step 1”']));
		expect((await jo.notifications.list.query({ tenant })).items[0]!.href).toMatch(/^\/t\/acme\/(goals|actions)\//);

		await jo.actions.comment.mutate(ofJo({ actionId: actionIds[0], body: 'Can we move this to Friday?' }));
		await coach.actions.comment.mutate(ofJo({ actionId: actionIds[0], body: 'Yes, Friday works.' }));
		const detail = await jo.actions.get.query(ofJo({ actionId: actionIds[0] }));
		expect(detail.comments.map((c) => [c.author, c.body, c.mine])).toEqual([
			['Jo Acme', 'Can we move this to Friday?', true],
			['Cole Acme', 'Yes, Friday works.', false]
		]);
		expect((await coach.notifications.list.query({ tenant })).items[0]).toMatchObject({ title: 'Jo Acme commented on “Step 1”', body: 'Can we move this to Friday?' });
		expect((await jo.notifications.list.query({ tenant })).items[0]).toMatchObject({ title: 'Cole Acme commented on “Step 1”', href: `/t/acme/actions/${actionIds[0]}` });
	});
});

describe('overdue and time zones', () => {
	it('marks an action overdue once its due day has ended in the coachee’s zone', async () => {
		// 09:00 UTC on 2026-11-23 in Jo's zone (UTC by default): the 22nd has ended, the 23rd has not.
		await coach.actions.create.mutate(ofJo({ title: 'Yesterday’s task', dueOn: '2026-11-22' }));
		await coach.actions.create.mutate(ofJo({ title: 'Today’s task', dueOn: '2026-11-23' }));
		const list = await coach.actions.list.query(ofJo({ view: 'all' }));
		expect(list.rows.map((a) => [a.title, a.overdue])).toEqual([
			['Yesterday’s task', true],
			['Today’s task', false]
		]);
		expect(list.counts).toMatchObject({ all: 2, open: 2, overdue: 1, completed: 0 });
		expect((await coach.actions.list.query(ofJo({ view: 'overdue' }))).rows.map((a) => a.title)).toEqual(['Yesterday’s task']);

		// In Honolulu (UTC-10) it is still 23:00 on the 22nd: nothing is late yet.
		await jo.tenancy.setTimeZone.mutate({ tenant, timeZone: 'Pacific/Honolulu' });
		expect((await coach.actions.list.query(ofJo({ view: 'overdue' }))).rows).toEqual([]);
		// In Kiritimati (UTC+14) it is 23:00 on the 23rd: still not late until midnight there.
		await jo.tenancy.setTimeZone.mutate({ tenant, timeZone: 'Pacific/Kiritimati' });
		expect((await coach.actions.list.query(ofJo({ view: 'overdue' }))).rows.map((a) => a.title)).toEqual(['Yesterday’s task']);
		app.clock.advance(60 * 60_000);
		expect((await coach.actions.list.query(ofJo({ view: 'overdue' }))).rows.map((a) => a.title)).toEqual(['Yesterday’s task', 'Today’s task']);
	});

	it('refuses a time zone that is not one', async () => {
		const refused = await failure(jo.tenancy.setTimeZone.mutate({ tenant, timeZone: 'Mars/Olympus' }));
		expect(refused.fieldErrors).toEqual({ timeZone: ['Choose a time zone from the list.'] });
		expect((await jo.tenancy.current.query({ tenant })).person.timeZone).toBe('UTC');
	});
});

describe('who may do what', () => {
	it('refuses another coach, an authorized user and another coachee, without saying what exists', async () => {
		const { goalId, actionIds } = await plan(1);
		for (const [who, client] of [
			['other coach', otherCoach],
			['spectator', spectator]
		] as const) {
			const reads = await failure(client.goals.board.query(ofJo()));
			expect(['NOT_FOUND', 'FORBIDDEN'], who).toContain(reads.code);
			expect((await failure(client.actions.setProgress.mutate(ofJo({ actionId: actionIds[0], progress: 100 })))).code).toMatch(/NOT_FOUND|FORBIDDEN/);
			expect((await failure(client.goals.delete.mutate(ofJo({ goalId })))).code).toMatch(/NOT_FOUND|FORBIDDEN/);
		}
		const kimClientRefusal = await failure(jo.goals.board.query({ tenant, coacheeId: kimId }));
		expect(kimClientRefusal.code).toBe('NOT_FOUND');
		const detail = await coach.goals.goal.query(ofJo({ goalId }));
		expect(detail.milestones[0]!.actions[0]).toMatchObject({ progress: 0 });
	});

	it('lets a coachee change only what they created, and move progress on everything', async () => {
		const { goalId, actionIds } = await plan(1);
		const refused = await failure(jo.goals.update.mutate(ofJo({ goalId, title: 'My title now', dueOn: '2027-01-01' })));
		expect(refused).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('only they can change or delete it') });
		expect((await failure(jo.actions.delete.mutate(ofJo({ actionId: actionIds[0] })))).code).toBe('FORBIDDEN');
		expect((await coach.goals.board.query(ofJo())).goals[0]!.title).toBe('Lead the Q1 offsite');
		await jo.actions.setProgress.mutate(ofJo({ actionId: actionIds[0], progress: 40 }));

		const { id: own } = await jo.goals.create.mutate(ofJo({ title: 'Mine', dueOn: '2027-01-01' }));
		await jo.goals.update.mutate(ofJo({ goalId: own, title: 'Mine, renamed', dueOn: '2027-01-02' }));
		const board = await jo.goals.board.query(ofJo());
		expect(board.goals.map((g) => [g.title, g.canChange])).toEqual([
			['Lead the Q1 offsite', false],
			['Mine, renamed', true]
		]);
		expect((await coach.goals.board.query(ofJo())).goals.every((g) => g.canChange)).toBe(true);
	});

	it('refuses an action put under another coachee’s milestone, and changes nothing', async () => {
		const { id: kimGoal } = await coach.goals.create.mutate({ tenant, coacheeId: kimId, title: 'Kim’s goal', dueOn: '2027-01-01' });
		const { id: kimMilestone } = await coach.goals.createMilestone.mutate({ tenant, coacheeId: kimId, goalId: kimGoal, title: 'Kim’s milestone', dueOn: '2027-01-01' });
		const { actionIds } = await plan(1);
		const refused = await failure(coach.actions.update.mutate(ofJo({ actionId: actionIds[0], title: 'Moved', dueOn: '2027-01-10', milestoneId: kimMilestone })));
		expect(refused).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { milestoneId: ['Choose one of Jo Acme’s milestones, or none.'] } });
		const created = await failure(jo.actions.create.mutate(ofJo({ title: 'Sneaky', dueOn: '2027-01-10', milestoneId: kimMilestone })));
		expect(created.fieldErrors).toEqual({ milestoneId: ['Choose one of your milestones, or none.'] });
		const kim = await coach.goals.goal.query({ tenant, coacheeId: kimId, goalId: kimGoal });
		expect(kim.milestones[0]!.actions).toEqual([]);
		expect((await coach.actions.get.query(ofJo({ actionId: actionIds[0] }))).action).toMatchObject({ title: 'Step 1', milestone: { title: 'Agenda agreed' } });
	});

	it('answers bad input with a message under the field and saves nothing', async () => {
		const notADate = await failure(coach.goals.create.mutate(ofJo({ title: 'Goal', dueOn: 'next Friday' })));
		expect(notADate).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { dueOn: ['Enter the due date as a date, like 2026-12-31.'] } });
		const noSuchDay = await failure(coach.goals.create.mutate(ofJo({ title: 'Goal', dueOn: '2027-02-30' })));
		expect(noSuchDay.fieldErrors).toEqual({ dueOn: ['That due date is not a day of the calendar. Pick it from the date picker.'] });
		const { actionIds } = await plan(1);
		const tooMuch = await failure(jo.actions.setProgress.mutate(ofJo({ actionId: actionIds[0], progress: 101 })));
		expect(tooMuch).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { progress: ['Progress is a number from 0 to 100.'] } });
		expect((await coach.goals.board.query(ofJo())).goals.map((g) => g.title)).toEqual(['Lead the Q1 offsite']);
		expect((await coach.actions.get.query(ofJo({ actionId: actionIds[0] }))).action.progress).toBe(0);
	});
});

describe('recurring actions', () => {
	it('creates the occurrences ahead as actions of their own, each with its own progress', async () => {
		const { id } = await coach.actions.create.mutate(ofJo({ title: 'Weekly reflection', dueOn: '2026-11-23', repeat: 'weekly', weekdays: ['MO', 'TH'], ends: 'count', count: 6 }));
		const list = await jo.actions.list.query(ofJo({ view: 'all' }));
		expect(list.rows.map((a) => [a.title, a.dueOn, a.recurring])).toEqual([
			['Weekly reflection', '2026-11-23', true],
			['Weekly reflection', '2026-11-26', true],
			['Weekly reflection', '2026-11-30', true],
			['Weekly reflection', '2026-12-03', true],
			['Weekly reflection', '2026-12-07', true]
		]);
		expect(list.rows[0]!.id).toBe(id);
		await jo.actions.setProgress.mutate(ofJo({ actionId: id, progress: 100 }));
		expect((await jo.actions.list.query(ofJo({ view: 'open' }))).rows).toHaveLength(4);
		const detail = await coach.actions.get.query(ofJo({ actionId: list.rows[1]!.id }));
		expect(detail.action.series).toMatchObject({ startsOn: '2026-11-23', rule: expect.stringContaining('FREQ=WEEKLY') });
		expect((await jo.notifications.list.query({ tenant })).items[0]!.title).toBe('Cole Acme created the recurring action “Weekly reflection”');

		// Deleting "this and later" stops it: the later open occurrences go, the done one stays.
		await coach.actions.delete.mutate(ofJo({ actionId: list.rows[2]!.id, following: true }));
		expect((await coach.actions.list.query(ofJo({ view: 'all' }))).rows.map((a) => a.dueOn)).toEqual(['2026-11-23', '2026-11-26']);
	});

	it('refuses a rule that ends before it starts, under the field', async () => {
		const refused = await failure(coach.actions.create.mutate(ofJo({ title: 'Daily walk', dueOn: '2026-12-01', repeat: 'daily', ends: 'until', until: '2026-11-30' })));
		expect(refused.code).toBe('BAD_REQUEST');
		expect(Object.keys(refused.fieldErrors ?? {})).toEqual(['until']);
		expect((await coach.actions.list.query(ofJo({ view: 'all' }))).total).toBe(0);
	});
});
