/**
 * The Coaching Notepad through the real HTTP handler: saves as the coach types, where a late
 * save with an older revision changes nothing; reopening resumes the draft; opening reads
 * everything in one tenant round trip; Finish logs the session and files the notes in one
 * go, and a Finish with a bad field changes nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failure } from '../testing/harness';
import { coachingFixture, tenant, type CoachingFixture } from '../testing/coaching-fixture';

let f: CoachingFixture;
beforeEach(async () => (f = await coachingFixture()));
afterEach(() => f.app.cleanup());

const ofJo = <T extends object>(extra?: T) => ({ tenant, coacheeId: f.joId, ...(extra as T) });
const finishing = { title: 'Session 4', date: '2026-11-23', time: '09:00', durationMinutes: 50, status: 'attended' as const };

describe('coaching notepad', () => {
	it('keeps the newest words whatever order the saves arrive in, and resumes them on reopening', async () => {
		expect((await f.coach.notepad.open.query(ofJo())).draft).toEqual({ body: '', revision: 0 });
		expect(await f.coach.notepad.save.mutate(ofJo({ body: 'Talked about', revision: 100 }))).toEqual({ revision: 100, saved: true });
		expect(await f.coach.notepad.save.mutate(ofJo({ body: 'Talked about the offsite', revision: 300 }))).toEqual({ revision: 300, saved: true });
		// The save sent at 200 arrives late: nothing changes.
		expect(await f.coach.notepad.save.mutate(ofJo({ body: 'Talked about the', revision: 200 }))).toEqual({ revision: 300, saved: false });
		expect((await f.coach.notepad.open.query(ofJo())).draft).toEqual({ body: 'Talked about the offsite', revision: 300 });
		// A draft is the Notepad's, not a note of the Notes tab yet.
		expect(await f.coach.notes.list.query(ofJo())).toMatchObject({ total: 0, notepadOpen: true });
	});

	it('opens with the coachee’s goals, open actions and assessments in one tenant round trip', async () => {
		const { id: goalId } = await f.coach.goals.create.mutate(ofJo({ title: 'Lead the offsite', dueOn: '2027-03-31' }));
		const { id: milestoneId } = await f.coach.goals.createMilestone.mutate(ofJo({ goalId, title: 'Agenda', dueOn: '2027-01-15' }));
		const { id: open } = await f.coach.actions.create.mutate(ofJo({ title: 'Draft agenda', dueOn: '2027-01-10', milestoneId }));
		const { id: done } = await f.coach.actions.create.mutate(ofJo({ title: 'Book room', dueOn: '2027-01-05', milestoneId }));
		await f.coach.actions.setProgress.mutate(ofJo({ actionId: done, progress: 100 }));
		await f.coach.notepad.save.mutate(ofJo({ body: 'Notes so far', revision: 1 }));

		const fresh = f.app.client();
		await fresh.auth.signIn.mutate({ email: 'cole@acme.example', password: 'correct horse battery staple' });
		expect(await f.app.countRoundTrips(() => fresh.notepad.open.query(ofJo()))).toEqual({ control: 1, tenant: 1 });
		const pad = await fresh.notepad.open.query(ofJo());
		expect(pad.goals).toMatchObject([{ id: goalId, title: 'Lead the offsite', progress: 50 }]);
		expect(pad.openActions.map((a) => a.id)).toEqual([open]);
		expect(pad.assessments).toEqual([]);
		expect(pad.opened).toEqual({ date: '2026-11-23', time: '09:00', timeZone: 'UTC' });
	});

	it('shows a submitted assessment’s answers, and of a draft only that it exists', async () => {
		const questions = [{ id: 'q', kind: 'scale' as const, prompt: 'How confident are you?', required: true }];
		const { id: templateId } = await f.coach.assessments.createTemplate.mutate({ tenant, title: 'Confidence check', kind: 'assessment', questions });
		const { id: submitted } = await f.coach.assessments.assign.mutate(ofJo({ templateId }));
		const { id: drafted } = await f.coach.assessments.assign.mutate(ofJo({ templateId }));
		await f.jo.assessments.answer.mutate(ofJo({ assignmentId: submitted, submit: true, answers: { q: '8' } }));
		await f.jo.assessments.answer.mutate(ofJo({ assignmentId: drafted, submit: false, answers: { q: '3' } }));

		const { assessments } = await f.coach.notepad.open.query(ofJo());
		expect(assessments.find((a) => a.id === submitted)).toMatchObject({ status: 'completed', answered: { questions, answers: { q: 8 } } });
		expect(assessments.find((a) => a.id === drafted)).toMatchObject({ status: 'in_progress', answered: null });
	});

	it('finishes by logging the session and filing the notes under its title, linked to it', async () => {
		await f.coach.notepad.save.mutate(ofJo({ body: 'Saved while typing', revision: 5 }));
		const { sessionId } = await f.coach.notepad.finish.mutate(ofJo({ ...finishing, body: 'Final words, sent with Finish' }));
		const [logged] = (await f.coach.sessions.list.query(ofJo())).rows;
		expect(logged).toMatchObject({ id: sessionId, title: 'Session 4', durationMinutes: 50, status: 'attended' });
		const notes = await f.coach.notes.list.query(ofJo());
		expect(notes).toMatchObject({ total: 1, notepadOpen: false });
		expect(notes.rows[0]).toMatchObject({ title: 'Session 4', excerpt: 'Final words, sent with Finish', fromSession: true });
		// The next Notepad starts blank.
		expect((await f.coach.notepad.open.query(ofJo())).draft.body).toBe('');
	});

	it('files the draft as last saved when Finish comes without the words (no scripts), and no note when they are blank', async () => {
		await f.coach.notepad.save.mutate(ofJo({ body: 'Saved with the button', revision: 5 }));
		await f.coach.notepad.finish.mutate(ofJo(finishing));
		expect((await f.coach.notes.list.query(ofJo())).rows.map((n) => n.excerpt)).toEqual(['Saved with the button']);

		await f.coach.notepad.save.mutate(ofJo({ body: '   ', revision: 6 }));
		await f.coach.notepad.finish.mutate(ofJo({ ...finishing, title: 'Session 5' }));
		expect((await f.coach.notes.list.query(ofJo())).total).toBe(1);
		expect((await f.coach.sessions.list.query(ofJo())).total).toBe(2);
	});

	it('keeps the notes and logs nothing when Finish has a bad field', async () => {
		await f.coach.notepad.save.mutate(ofJo({ body: 'Do not lose me', revision: 5 }));
		const refusal = await failure(f.coach.notepad.finish.mutate(ofJo({ ...finishing, durationMinutes: -5, body: 'Do not lose me' })));
		expect(refusal.fieldErrors).toHaveProperty('durationMinutes');
		expect((await f.coach.notepad.open.query(ofJo())).draft.body).toBe('Do not lose me');
		expect((await f.coach.sessions.list.query(ofJo())).total).toBe(0);
	});

	it('is the coach’s alone: admin, coachee, another coach and authorized user are refused', async () => {
		await f.coach.notepad.save.mutate(ofJo({ body: 'Cole only', revision: 5 }));
		for (const client of [f.admin, f.jo, f.otherCoach, f.spectator]) {
			for (const call of [
				() => client.notepad.open.query(ofJo()),
				() => client.notepad.save.mutate(ofJo({ body: 'Overwritten', revision: 10 })),
				() => client.notepad.finish.mutate(ofJo({ ...finishing, body: 'Overwritten' }))
			]) {
				expect(['FORBIDDEN', 'NOT_FOUND']).toContain((await failure(call())).code);
			}
		}
		expect((await f.coach.notepad.open.query(ofJo())).draft).toEqual({ body: 'Cole only', revision: 5 });
		expect((await f.coach.sessions.list.query(ofJo())).total).toBe(0);
	});
});
