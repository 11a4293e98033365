import { describe, expect, it } from 'vitest';
import { readWizard, settleStep, stepsFor, wizardHref } from './wizard';

const read = (query: string, isAdmin = true) => readWizard(new URLSearchParams(query), isAdmin);

describe('the + New wizard’s address', () => {
	it('gives coaches no coach step, and keeps a coach from choosing a group or a coach', () => {
		expect(stepsFor(false)).toEqual(['coachees', 'program', 'details']);
		expect(read('step=coach&group=g&coach=c', false)).toMatchObject({ step: 'coachees', group: '', coach: '' });
	});

	it('sends "Next" back to the first step still missing its choice, saying what to pick', () => {
		const noCoachee = read('step=coach');
		expect(settleStep(noCoachee.step, noCoachee, true)).toEqual({ step: 'coachees', problem: expect.stringMatching(/^Pick at least one coachee \(or a coachee group\)/) });
		const noCoach = read('step=details&c=a&c=b');
		expect(settleStep(noCoach.step, noCoach, true)).toEqual({ step: 'coach', problem: expect.stringMatching(/^Pick the coach/) });
		const noProgram = read('step=details&c=a', false);
		expect(settleStep(noProgram.step, noProgram, false)).toEqual({ step: 'program', problem: expect.stringMatching(/“Skip”/) });
		const ready = read('step=details&group=g&coach=c&skip=1');
		expect(settleStep(ready.step, ready, true)).toEqual({ step: 'details', problem: null });
	});

	it('lets "Skip" win over a template ticked before it, and Back keep every choice', () => {
		const skipped = read('step=details&c=a&program=p&skip=1', false);
		expect(skipped).toMatchObject({ program: '', skip: true });
		const state = read('step=details&c=a&c=a&c=b&coach=k&program=p&q=jo');
		expect(state.coachees).toEqual(['a', 'b']);
		expect(wizardHref('/new', state, 'program')).toBe('/new?step=program&c=a&c=b&coach=k&program=p');
		expect(wizardHref('/new', state, 'coachees')).toBe('/new?step=coachees&c=a&c=b&coach=k&program=p&q=jo');
	});
});
