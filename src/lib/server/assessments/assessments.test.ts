/**
 * Assessments and coaching questions through the real HTTP handler: the library's builder
 * and who may change it, assigning (questions copied), the coachee's draft and submission
 * with every refusal the issue names, the coach's reading and comparing, the alerts, and
 * every DESIGN.md rule tried from the wrong role and the wrong coach.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failure, type TestApp, type TestClient } from '../testing/harness';
import { coachingFixture, tenant } from '../testing/coaching-fixture';
import type { DraftQuestion, TemplateFields } from '../../assessments/schema';

let app: TestApp;
let admin: TestClient;
let coach: TestClient;
let otherCoach: TestClient;
let spectator: TestClient;
let jo: TestClient;
let kim: TestClient;
let joId: string;
let kimId: string;

beforeEach(async () => {
	({ app, admin, coach, otherCoach, spectator, jo, kim, joId, kimId } = await coachingFixture({ kimAccepts: true }));
});
afterEach(() => app.cleanup());

const ofJo = <T extends object>(extra?: T) => ({ tenant, coacheeId: joId, ...(extra as T) });

const question = (id: string, kind: DraftQuestion['kind'], prompt: string, extra: Partial<DraftQuestion> = {}): DraftQuestion => ({
	id,
	kind,
	prompt,
	required: true,
	options: [],
	...extra
});

const leadership: TemplateFields = {
	title: 'Leadership 360 self-check',
	description: 'How you lead today.',
	kind: 'assessment',
	questions: [
		question('confidence', 'scale', 'How confident are you leading your team?'),
		question('style', 'single_choice', 'Your default style?', { options: ['Directive', 'Coaching', 'Delegating'] }),
		question('habits', 'multiple_choice', 'Which habits do you keep?', { options: ['Weekly 1:1s', 'Written goals', 'Feedback'], required: false }),
		question('story', 'long_text', 'A moment you are proud of.', { required: false })
	]
};

async function leadershipTemplate(client = coach) {
	return (await client.assessments.createTemplate.mutate({ tenant, ...leadership })).id;
}

async function assignLeadership(templateId: string) {
	return (await coach.assessments.assign.mutate(ofJo({ templateId }))).id;
}

/** As Jo reads them: staff see a draft's words only once it is submitted. */
const answersOf = async (assignmentId: string) => (await jo.assessments.get.query(ofJo({ assignmentId }))).assignment;

describe('the template library', () => {
	it('refuses a choice question without options and an empty prompt, each under its question, and saves nothing', async () => {
		const refused = await failure(
			coach.assessments.createTemplate.mutate({
				tenant,
				...leadership,
				questions: [question('a', 'short_text', '   '), question('b', 'single_choice', 'Pick one', { options: ['Only one', ''] }), question('c', 'scale', 'Fine')]
			})
		);
		expect(refused.code).toBe('BAD_REQUEST');
		expect(refused.fieldErrors).toEqual({
			'questions.0': ['Question 1: write the question, or remove it.'],
			'questions.1': ['Question 2: a single-choice question needs at least two options, one per line.']
		});
		expect((await coach.assessments.library.query({ tenant })).templates).toEqual([]);
	});

	it('keeps coaching questions to open prompts, lists templates with their question count, and finds them by title', async () => {
		await leadershipTemplate();
		const { id } = await coach.assessments.createTemplate.mutate({
			tenant,
			title: 'Values reflection',
			kind: 'questions',
			questions: [question('v1', 'single_choice', 'What matters most to you at work?', { options: ['a', 'b'] })]
		});
		expect((await coach.assessments.template.query({ tenant, templateId: id })).questions).toEqual([
			{ id: 'v1', kind: 'long_text', prompt: 'What matters most to you at work?', required: true }
		]);
		const { templates } = await admin.assessments.library.query({ tenant });
		expect(templates.map((t) => [t.title, t.kind, t.questions])).toEqual([
			['Leadership 360 self-check', 'assessment', 4],
			['Values reflection', 'questions', 1]
		]);
		expect((await coach.assessments.library.query({ tenant, search: 'VALUES' })).templates.map((t) => t.title)).toEqual(['Values reflection']);
	});

	it('lets a coach change only the templates they created, and an admin any', async () => {
		const templateId = await leadershipTemplate();
		const refused = await failure(otherCoach.assessments.updateTemplate.mutate({ tenant, templateId, ...leadership, title: 'Hijacked' }));
		expect(refused.code).toBe('FORBIDDEN');
		expect((await failure(otherCoach.assessments.deleteTemplate.mutate({ tenant, templateId }))).code).toBe('FORBIDDEN');
		expect((await failure(otherCoach.assessments.archiveTemplate.mutate({ tenant, templateId, archived: true }))).code).toBe('FORBIDDEN');
		const theirs = (await otherCoach.assessments.library.query({ tenant })).templates[0]!;
		expect(theirs).toMatchObject({ title: 'Leadership 360 self-check', canEdit: false, author: 'Cole Acme' });

		await admin.assessments.updateTemplate.mutate({ tenant, templateId, ...leadership, title: 'Leadership check' });
		expect((await coach.assessments.template.query({ tenant, templateId })).title).toBe('Leadership check');
	});

	it('never opens to coachees or authorized users', async () => {
		const templateId = await leadershipTemplate();
		for (const outsider of [jo, spectator]) {
			expect((await failure(outsider.assessments.library.query({ tenant }))).code).toBe('FORBIDDEN');
			expect((await failure(outsider.assessments.template.query({ tenant, templateId }))).code).toBe('FORBIDDEN');
			expect((await failure(outsider.assessments.createTemplate.mutate({ tenant, ...leadership }))).code).toBe('FORBIDDEN');
			expect((await failure(outsider.assessments.deleteTemplate.mutate({ tenant, templateId }))).code).toBe('FORBIDDEN');
		}
		expect((await coach.assessments.library.query({ tenant })).templates).toHaveLength(1);
	});

	it('deletes a template no one was given, and archives one that was assigned instead', async () => {
		const unused = await leadershipTemplate();
		await coach.assessments.deleteTemplate.mutate({ tenant, templateId: unused });
		const used = await leadershipTemplate();
		await assignLeadership(used);
		const refused = await failure(coach.assessments.deleteTemplate.mutate({ tenant, templateId: used }));
		expect(refused).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('can only be archived') });

		await coach.assessments.archiveTemplate.mutate({ tenant, templateId: used, archived: true });
		expect((await coach.assessments.library.query({ tenant })).templates).toEqual([]);
		expect((await coach.assessments.library.query({ tenant, archived: true })).templates.map((t) => t.assigned)).toEqual([1]);
		const notAgain = await failure(coach.assessments.assign.mutate(ofJo({ templateId: used })));
		expect(notAgain.fieldErrors?.templateId?.[0]).toContain('is archived');
	});

	it('reads the library in one tenant round trip', async () => {
		await leadershipTemplate();
		expect(await app.countRoundTrips(() => coach.assessments.library.query({ tenant }))).toEqual({ control: 1, tenant: 1 });
	});
});

describe('assigning and answering', () => {
	it('copies the questions, so editing the template afterwards changes nothing that was asked', async () => {
		const templateId = await leadershipTemplate();
		const assignmentId = await assignLeadership(templateId);
		await coach.assessments.updateTemplate.mutate({ tenant, templateId, ...leadership, questions: [question('confidence', 'scale', 'Reworded')] });
		const asked = await answersOf(assignmentId);
		expect(asked.questions.map((q) => q.prompt)).toEqual(leadership.questions.map((q) => q.prompt));
		expect(asked).toMatchObject({ status: 'assigned', title: 'Leadership 360 self-check', kind: 'assessment' });
	});

	it('writes coaching questions on the spot', async () => {
		const refused = await failure(coach.assessments.assign.mutate(ofJo({ title: 'Before our session', prompts: ['', ' '] })));
		expect(refused.fieldErrors).toEqual({ prompts: ['Write at least one question.'] });
		const { id } = await coach.assessments.assign.mutate(ofJo({ title: 'Before our session', prompts: ['What went well?', '', 'What will you try next?'], dueOn: '2026-12-01' }));
		const asked = await answersOf(id);
		expect(asked).toMatchObject({ kind: 'questions', dueOn: '2026-12-01', templateId: null });
		expect(asked.questions.map((q) => [q.kind, q.prompt])).toEqual([
			['long_text', 'What went well?'],
			['long_text', 'What will you try next?']
		]);
	});

	it('tells the coachee with a link to answer, and the coach when they submit, with Activity lines', async () => {
		const assignmentId = await assignLeadership(await leadershipTemplate());
		const [told] = (await jo.notifications.list.query({ tenant })).items;
		expect(told).toMatchObject({ title: 'Cole Acme gave you the assessment “Leadership 360 self-check” to answer', href: `/t/acme/assessments/answer/${assignmentId}` });
		await app.queue.drain();
		expect(app.linksSentTo('jo@client.example')).toContain(`http://localhost:5173/t/acme/assessments/answer/${assignmentId}`);

		await jo.assessments.answer.mutate(ofJo({ assignmentId, submit: true, answers: { confidence: '6', style: 'Coaching' } }));
		const [heard] = (await coach.notifications.list.query({ tenant })).items;
		expect(heard).toMatchObject({ title: 'Jo Acme submitted the assessment “Leadership 360 self-check”', href: `/t/acme/coachees/${joId}/assessments/${assignmentId}` });
		await app.queue.drain();
		expect(app.linksSentTo('cole@acme.example')).toContain(`http://localhost:5173/t/acme/coachees/${joId}/assessments/${assignmentId}`);
		const lines = (await coach.coachees.get.query(ofJo())).activity.events.map((e) => e.summary);
		expect(lines).toEqual(
			expect.arrayContaining(['Assessment “Leadership 360 self-check” assigned by Cole Acme', 'Assessment “Leadership 360 self-check” submitted by Jo Acme'])
		);
	});

	it('saves a draft without the required checks, then submits, and keeps submitted answers read-only', async () => {
		const assignmentId = await assignLeadership(await leadershipTemplate());
		await jo.assessments.answer.mutate(ofJo({ assignmentId, submit: false, answers: { confidence: '7', story: '  Ran the offsite  ' } }));
		expect(await answersOf(assignmentId)).toMatchObject({ status: 'in_progress', submittedAt: null, answers: { confidence: 7, story: 'Ran the offsite' } });
		expect((await coach.assessments.get.query(ofJo({ assignmentId }))).assignment).toMatchObject({ status: 'in_progress', answers: {} });

		await jo.assessments.answer.mutate(ofJo({ assignmentId, submit: true, answers: { confidence: '8', style: 'Coaching', habits: ['Feedback', 'Weekly 1:1s'] } }));
		const done = await answersOf(assignmentId);
		expect(done).toMatchObject({ status: 'completed', answers: { confidence: 8, style: 'Coaching', habits: ['Feedback', 'Weekly 1:1s'] } });
		expect(done.submittedAt).not.toBeNull();
		expect((await coach.assessments.get.query(ofJo({ assignmentId }))).assignment.answers).toEqual(done.answers);

		const again = await failure(jo.assessments.answer.mutate(ofJo({ assignmentId, submit: false, answers: { confidence: '1' } })));
		expect(again.code).toBe('CONFLICT');
		expect((await answersOf(assignmentId)).answers).toEqual(done.answers);
	});

	it('refuses a missing required answer, a scale of 0 or 11 and an unknown option, each under its question, changing nothing', async () => {
		const assignmentId = await assignLeadership(await leadershipTemplate());
		await jo.assessments.answer.mutate(ofJo({ assignmentId, submit: false, answers: { confidence: '5' } }));
		const before = await answersOf(assignmentId);

		const missing = await failure(jo.assessments.answer.mutate(ofJo({ assignmentId, submit: true, answers: { confidence: '5' } })));
		expect(missing.fieldErrors).toEqual({ 'answer.style': ['Question 2: answer this question before you submit.'] });
		for (const scale of ['0', '11', 11, '7.5']) {
			const outOfRange = await failure(jo.assessments.answer.mutate(ofJo({ assignmentId, submit: false, answers: { confidence: scale } })));
			expect(outOfRange.fieldErrors).toEqual({ 'answer.confidence': ['Question 1: choose a number from 1 to 10.'] });
		}
		const unknown = await failure(jo.assessments.answer.mutate(ofJo({ assignmentId, submit: true, answers: { confidence: '5', style: 'Autocratic', habits: ['Feedback', 'Naps'] } })));
		expect(unknown.fieldErrors).toEqual({
			'answer.style': ['Question 2: choose one of the options given.'],
			'answer.habits': ['Question 3: choose only among the options given.']
		});
		expect(await answersOf(assignmentId)).toEqual(before);
	});

	it('reads the Assessments tab and one assignment in one tenant round trip each', async () => {
		const assignmentId = await assignLeadership(await leadershipTemplate());
		expect(await app.countRoundTrips(() => coach.assessments.list.query(ofJo()))).toEqual({ control: 1, tenant: 1 });
		expect(await app.countRoundTrips(() => jo.assessments.get.query(ofJo({ assignmentId })))).toEqual({ control: 1, tenant: 1 });
		expect(await app.countRoundTrips(() => coach.assessments.assignChoices.query(ofJo()))).toEqual({ control: 1, tenant: 1 });
	});
});

describe('comparing over time', () => {
	it('pairs two submissions by question id, the two latest by default, earlier first', async () => {
		const templateId = await leadershipTemplate();
		const submit = async (confidence: string, style: string) => {
			const assignmentId = await assignLeadership(templateId);
			await jo.assessments.answer.mutate(ofJo({ assignmentId, submit: true, answers: { confidence, style } }));
			app.clock.advance(24 * 3600_000);
			return assignmentId;
		};
		await submit('3', 'Directive');
		const march = await submit('6', 'Directive');
		// The template changes between the two: a question is dropped, one added, the rest keep their ids.
		await coach.assessments.updateTemplate.mutate({
			tenant,
			templateId,
			...leadership,
			questions: [question('energy', 'scale', 'How is your energy?', { required: false }), ...leadership.questions.slice(0, 2)]
		});
		const june = await submit('8', 'Coaching');
		await assignLeadership(templateId); // not answered: never offered

		const listed = await coach.assessments.list.query(ofJo());
		expect(listed.comparable).toEqual([{ templateId, title: 'Leadership 360 self-check', count: 3 }]);
		const compared = await coach.assessments.compare.query(ofJo({ templateId }));
		expect([compared.before.id, compared.after.id]).toEqual([march, june]);
		expect(compared.submissions).toHaveLength(3);
		expect(compared.rows.map((r) => [r.question.id, r.before, r.after])).toEqual([
			['energy', undefined, undefined],
			['confidence', 6, 8],
			['style', 'Directive', 'Coaching'],
			['habits', undefined, undefined],
			['story', undefined, undefined]
		]);
		const reversed = await coach.assessments.compare.query(ofJo({ templateId, first: june, second: march }));
		expect([reversed.before.id, reversed.after.id]).toEqual([march, june]);
	});
});

describe('who may see and answer', () => {
	it('keeps another coachee, another coach and authorized users out, by id or by profile', async () => {
		const assignmentId = await assignLeadership(await leadershipTemplate());
		const kimsOwn = { tenant, coacheeId: kimId, assignmentId };
		// Kim naming Jo's profile, or her own profile with Jo's assignment id.
		expect((await failure(kim.assessments.get.query(ofJo({ assignmentId })))).code).toBe('NOT_FOUND');
		expect((await failure(kim.assessments.get.query(kimsOwn))).code).toBe('NOT_FOUND');
		expect((await failure(kim.assessments.answer.mutate({ ...kimsOwn, submit: true, answers: { confidence: '1', style: 'Coaching' } }))).code).toBe('NOT_FOUND');
		expect((await failure(kim.assessments.list.query(ofJo()))).code).toBe('NOT_FOUND');
		expect((await failure(otherCoach.assessments.get.query(ofJo({ assignmentId })))).code).toBe('NOT_FOUND');
		expect((await failure(otherCoach.assessments.list.query(ofJo()))).code).toBe('NOT_FOUND');
		expect((await failure(spectator.assessments.list.query(ofJo()))).code).toBe('FORBIDDEN');
		expect((await failure(spectator.assessments.get.query(ofJo({ assignmentId })))).code).toBe('FORBIDDEN');
		expect(await answersOf(assignmentId)).toMatchObject({ status: 'assigned', answers: {} });
		expect((await jo.assessments.list.query(ofJo())).assignments.map((a) => a.id)).toEqual([assignmentId]);
		expect((await admin.assessments.get.query(ofJo({ assignmentId }))).assignment.id).toBe(assignmentId);
	});

	it('lets only the coachee answer, and never lets a coachee, another coach or an authorized user assign', async () => {
		const templateId = await leadershipTemplate();
		const assignmentId = await assignLeadership(templateId);
		for (const staff of [coach, admin]) {
			const refused = await failure(staff.assessments.answer.mutate(ofJo({ assignmentId, submit: false, answers: { confidence: '2' } })));
			expect(refused.code).toBe('FORBIDDEN');
		}
		expect((await failure(jo.assessments.assign.mutate(ofJo({ templateId })))).code).toBe('FORBIDDEN');
		expect((await failure(spectator.assessments.assign.mutate(ofJo({ templateId })))).code).toBe('FORBIDDEN');
		expect((await failure(otherCoach.assessments.assign.mutate(ofJo({ templateId })))).code).toBe('NOT_FOUND');
		expect((await jo.assessments.list.query(ofJo())).assignments).toHaveLength(1);
		expect(await answersOf(assignmentId)).toMatchObject({ answers: {} });
	});
});
