/**
 * The demo's assessments: a library of three templates (a leadership self-check with scales
 * and choices, a values reflection of coaching questions, and a short check-in), and Jordan
 * with the leadership self-check answered twice, four months apart (so Compare shows a
 * change), a values reflection in progress and one check-in assigned but not started. Made
 * through the same services as the screens, acting as each person at the time it happened,
 * so alerts and the Activity Summary are real too.
 */
import { eq } from 'drizzle-orm';
import { openTenantDb } from '../db';
import { people } from '../db/tenant/schema';
import type { Platform } from '../platform/ports';
import type { Person, TenantScope } from '../tenancy/scope';
import type { TenantRow } from '../tenancy/service';
import { assign, saveAnswers } from '../assessments/assignments';
import { createTemplate } from '../assessments/templates';
import type { WorkContext } from '../goals/records';
import { templateFields, type DraftQuestion, type TemplateFields } from '../../assessments/schema';

const dayMs = 86_400_000;

const q = (id: string, kind: DraftQuestion['kind'], prompt: string, extra: Partial<DraftQuestion> = {}): DraftQuestion => ({ id, kind, prompt, required: true, options: [], ...extra });

const leadership: TemplateFields = {
	title: 'Leadership 360 self-check',
	description: 'A quarterly look at how you lead: answer quickly, from how the last few weeks really went.',
	kind: 'assessment',
	questions: [
		q('confidence', 'scale', 'How confident do you feel leading your team through change?'),
		q('delegation', 'scale', 'How well do you delegate work that others could own?'),
		q('feedback', 'scale', 'How often do you give specific, timely feedback?'),
		q('style', 'single_choice', 'Which style do you fall back on under pressure?', { options: ['Directive', 'Coaching', 'Delegating', 'Supporting'] }),
		q('habits', 'multiple_choice', 'Which habits did you keep up this month?', { options: ['Weekly 1:1s', 'Written team goals', 'Asking for feedback', 'Protected focus time'], required: false }),
		q('win', 'long_text', 'Describe one leadership moment you are proud of.', { required: false })
	]
};

const values: TemplateFields = {
	title: 'Values reflection',
	description: 'Open prompts to take your time with before our session.',
	kind: 'questions',
	questions: [
		q('matters', 'long_text', 'What matters most to you in your work right now?', { required: false }),
		q('tension', 'long_text', 'When did your work last feel at odds with your values?', { required: false }),
		q('change', 'long_text', 'What would you change first, if nothing held you back?', { required: false })
	]
};

const checkIn: TemplateFields = {
	title: 'Session check-in',
	description: 'Two minutes before each session.',
	kind: 'assessment',
	questions: [
		q('energy', 'scale', 'How is your energy this week?'),
		q('focus', 'short_text', 'What do you most want from today’s session?')
	]
};

export async function seedAssessments(platform: Platform, tenant: TenantRow) {
	const db = await openTenantDb(platform, tenant);
	const byEmail = async (email: string) => (await db.query.people.findFirst({ where: eq(people.email, email) }))!;
	const [priya, marcus, jordan] = await Promise.all(['priya@northwind.demo', 'marcus@northwind.demo', 'jordan@client.demo'].map(byEmail));
	const now = platform.clock.now().getTime();
	/** Acting as `actor` on Jordan's assessments, `daysAgo` days before today. */
	const at = (actor: Person, daysAgo = 0): WorkContext => {
		const then: Platform = { ...platform, clock: { now: () => new Date(now - daysAgo * dayMs) } };
		const scope: TenantScope = { platform: then, db, tenant, personId: actor.id, roles: actor.roles, me: async () => actor };
		return { scope, coachee: jordan!, bySelf: actor.id === jordan!.id };
	};
	const build = async (author: Person, fields: TemplateFields, daysAgo: number) =>
		(await createTemplate(at(author, daysAgo).scope, templateFields.parse(fields))).id;

	const leadershipId = await build(priya!, leadership, 140);
	const valuesId = await build(priya!, values, 60);
	const checkInId = await build(marcus!, checkIn, 30);

	const answered = async (daysAgo: number, answers: Record<string, string | string[]>) => {
		const { id } = await assign(at(priya!, daysAgo + 3), { templateId: leadershipId, title: '', prompts: [] });
		await saveAnswers(at(jordan!, daysAgo), id, answers, true);
	};
	await answered(125, { confidence: '4', delegation: '3', feedback: '5', style: 'Directive', habits: ['Weekly 1:1s'], win: 'Kept the team calm through the reorg announcement.' });
	await answered(5, {
		confidence: '7',
		delegation: '6',
		feedback: '6',
		style: 'Coaching',
		habits: ['Weekly 1:1s', 'Written team goals', 'Asking for feedback'],
		win: 'Let Sam run the monthly report end to end and only reviewed the summary.'
	});

	const { id: reflection } = await assign(at(priya!, 4), { templateId: valuesId, title: '', prompts: [] });
	await saveAnswers(at(jordan!, 2), reflection, { matters: 'Growing the people on my team, and being trusted with harder problems.' }, false);
	await assign(at(priya!, 1), { templateId: checkInId, title: '', prompts: [], dueOn: undefined });
}
