/**
 * The demo's goals, milestones and actions: Jordan's plan with Priya (complete, in progress,
 * overdue and empty items, a recurring action, comments between them, goals Jordan added
 * himself) and one goal for Sofia with Marcus. Made through the same services as the
 * screens, acting as each person, so alerts and the Activity Summary are real too.
 */
import { eq } from 'drizzle-orm';
import { openTenantDb } from '../db';
import { people } from '../db/tenant/schema';
import { addComment, createAction, setProgress } from '../goals/actions';
import { createGoal, createMilestone, markGoal } from '../goals/goals';
import type { WorkContext } from '../goals/records';
import type { Platform } from '../platform/ports';
import type { Person } from '../tenancy/scope';
import type { TenantRow } from '../tenancy/service';
import { addDays, todayIn } from '../../time-zones';
import type { NewActionFields } from '../../goals/schema';

type Acting = (person: Person) => WorkContext;

export async function seedWork(platform: Platform, tenant: TenantRow) {
	const db = await openTenantDb(platform, tenant);
	const byEmail = async (email: string) => (await db.query.people.findFirst({ where: eq(people.email, email) }))!;
	const [priya, marcus, jordan, sofia] = await Promise.all(['priya@northwind.demo', 'marcus@northwind.demo', 'jordan@client.demo', 'sofia@client.demo'].map(byEmail));
	const actingOn = (coachee: Person): Acting => (actor) => ({
		scope: { platform, db, tenant, personId: actor.id, roles: actor.roles, me: async () => actor },
		coachee,
		bySelf: actor.id === coachee.id
	});
	const today = todayIn('UTC', platform.clock.now());
	const day = (offset: number) => addDays(today, offset);
	await seedJordan(actingOn(jordan!), priya!, jordan!, day);
	await seedSofia(actingOn(sofia!), marcus!, day);
}

const once = (fields: Pick<NewActionFields, 'title' | 'dueOn'> & { milestoneId?: string }): NewActionFields => ({ ...fields, repeat: 'none', weekdays: [], ends: 'count' });

async function seedJordan(as: Acting, priya: Person, jordan: Person, day: (offset: number) => string) {
	const coach = as(priya);
	const self = as(jordan);
	const { id: offsite } = await createGoal(coach, { title: 'Lead the Q1 leadership offsite', dueOn: day(90) });
	const { id: agenda } = await createMilestone(coach, offsite, { title: 'Agenda agreed with the team', dueOn: day(20) });
	const { id: survey } = await createAction(coach, once({ title: 'Survey the team on the topics that matter', dueOn: day(-5), milestoneId: agenda }));
	await setProgress(self, survey, 100);
	const { id: draft } = await createAction(coach, once({ title: 'Draft the agenda and share it with Priya', dueOn: day(6), milestoneId: agenda }));
	await setProgress(self, draft, 60);
	const { id: venue } = await createMilestone(coach, offsite, { title: 'Venue and logistics booked', dueOn: day(35) });
	const { id: rooms } = await createAction(self, once({ title: 'Shortlist three venues', dueOn: day(-2), milestoneId: venue }));
	await setProgress(self, rooms, 40);
	await addComment(self, rooms, 'I have two rooms on hold; still waiting on catering quotes from the third.');
	await addComment(coach, rooms, 'Good progress. Send me the options by Friday and we will pick one in our session.');
	await addComment(self, rooms, 'Will do.');
	await createMilestone(coach, offsite, { title: 'Dry run with two peers', dueOn: day(80) });

	const { id: delegate } = await createGoal(coach, { title: 'Delegate more effectively', dueOn: day(45) });
	const { id: oneToOnes } = await createMilestone(coach, delegate, { title: 'Weekly 1:1s with direct reports', dueOn: day(42) });
	await createAction(coach, { title: 'Hold a 1:1 with each direct report', dueOn: day(1), milestoneId: oneToOnes, repeat: 'weekly', weekdays: [], ends: 'count', count: 6 });
	const { id: report } = await createMilestone(coach, delegate, { title: 'Hand over the monthly report', dueOn: day(-3) });
	const { id: handover } = await createAction(coach, once({ title: 'Walk Sam through the report template', dueOn: day(-4), milestoneId: report }));
	await setProgress(self, handover, 100);

	const { id: books } = await createGoal(self, { title: 'Read two books on leadership', dueOn: day(-1) });
	await markGoal(self, books, true);
	await createGoal(self, { title: 'Speak up earlier in leadership meetings', dueOn: day(60) });
	const { id: journal } = await createAction(self, once({ title: 'Journal about one hard conversation', dueOn: day(2) }));
	await setProgress(self, journal, 30);
	await createAction(coach, once({ title: 'Send Priya your 360 feedback summary', dueOn: day(-1) }));
}

async function seedSofia(as: Acting, marcus: Person, day: (offset: number) => string) {
	const coach = as(marcus);
	const { id: goal } = await createGoal(coach, { title: 'Build a sales pipeline review habit', dueOn: day(30) });
	const { id: milestone } = await createMilestone(coach, goal, { title: 'Pipeline review every Monday', dueOn: day(28) });
	await createAction(coach, { title: 'Review the pipeline before standup', dueOn: day(7), milestoneId: milestone, repeat: 'daily', weekdays: [], ends: 'count', count: 10 });
}
