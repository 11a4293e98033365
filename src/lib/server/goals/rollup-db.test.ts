/**
 * The rollup as the screens read it from the database, after random sequences of the edits
 * people make (add, move between milestones, progress, delete, mark), checked against the
 * rule applied to what the test itself did (fast-check). This covers the grouped SQL that
 * summarises milestones, which the pure rollup tests (src/lib/goals/rollup.test.ts) cannot.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goalRollup, milestoneRollup, summarise } from '../../goals/rollup';
import { createTestApp, failure, type TestApp, type TestClient } from '../testing/harness';

const tenant = 'acme';
let app: TestApp;
let coach: TestClient;
let coacheeId: string;

beforeAll(async () => {
	app = await createTestApp();
	coach = await app.signUpOrganisation('Acme', 'ada@acme.example'); // admin and, here, the coach
	({ id: coacheeId } = await coach.coachees.create.mutate({ tenant, firstName: 'Jo', lastName: 'Lee', email: 'jo@client.example' }));
});
afterAll(() => app.cleanup());

type Op =
	| { op: 'addAction'; milestone: number; progress: number }
	| { op: 'progress'; action: number; progress: number }
	| { op: 'moveAction'; action: number; milestone: number }
	| { op: 'deleteAction'; action: number }
	| { op: 'addMilestone' }
	| { op: 'deleteMilestone'; milestone: number }
	| { op: 'mark'; milestone: number; complete: boolean };

const pct = fc.oneof(fc.constant(100), fc.constant(0), fc.integer({ min: 0, max: 100 }));
const op: fc.Arbitrary<Op> = fc.oneof(
	fc.record({ op: fc.constant('addAction' as const), milestone: fc.nat(), progress: pct }),
	fc.record({ op: fc.constant('progress' as const), action: fc.nat(), progress: pct }),
	fc.record({ op: fc.constant('moveAction' as const), action: fc.nat(), milestone: fc.nat() }),
	fc.record({ op: fc.constant('deleteAction' as const), action: fc.nat() }),
	fc.record({ op: fc.constant('addMilestone' as const) }),
	fc.record({ op: fc.constant('deleteMilestone' as const), milestone: fc.nat() }),
	fc.record({ op: fc.constant('mark' as const), milestone: fc.nat(), complete: fc.boolean() })
);

interface Model {
	milestones: { id: string; marked: boolean }[];
	/** Every action of the goal's milestones, and those moved out (milestone null). */
	actions: { id: string; milestone: string | null; progress: number }[];
}

const of = <T extends object>(extra: T) => ({ tenant, coacheeId, ...extra });
const pick = <T>(list: T[], n: number) => (list.length ? list[n % list.length] : undefined);

async function apply(model: Model, goalId: string, step: Op) {
	if (step.op === 'addMilestone') {
		const { id } = await coach.goals.createMilestone.mutate(of({ goalId, title: `M${model.milestones.length}`, dueOn: '2027-01-01' }));
		model.milestones.push({ id, marked: false });
		return;
	}
	if (step.op === 'addAction' || step.op === 'moveAction' || step.op === 'mark' || step.op === 'deleteMilestone') {
		const milestone = pick(model.milestones, step.milestone);
		if (!milestone) return;
		if (step.op === 'addAction') {
			const { id } = await coach.actions.create.mutate(of({ title: 'A', dueOn: '2027-01-01', milestoneId: milestone.id }));
			await coach.actions.setProgress.mutate(of({ actionId: id, progress: step.progress }));
			model.actions.push({ id, milestone: milestone.id, progress: step.progress });
		} else if (step.op === 'moveAction') {
			const action = pick(model.actions, step.action);
			if (!action) return;
			// Every other move takes it out of the goal, so leaving a milestone is covered too.
			const to = step.milestone % 2 ? milestone.id : null;
			await coach.actions.update.mutate(of({ actionId: action.id, title: 'A', dueOn: '2027-01-01', milestoneId: to ?? undefined }));
			action.milestone = to;
		} else if (step.op === 'mark') {
			const empty = !model.actions.some((a) => a.milestone === milestone.id);
			if (empty || !step.complete) {
				await coach.goals.markMilestone.mutate(of({ milestoneId: milestone.id, complete: step.complete }));
				milestone.marked = step.complete;
			} else {
				expect((await failure(coach.goals.markMilestone.mutate(of({ milestoneId: milestone.id, complete: true })))).code).toBe('CONFLICT');
			}
		} else {
			await coach.goals.deleteMilestone.mutate(of({ milestoneId: milestone.id }));
			model.milestones = model.milestones.filter((m) => m !== milestone);
			model.actions = model.actions.filter((a) => a.milestone !== milestone.id);
		}
		return;
	}
	const action = pick(model.actions, step.action);
	if (!action) return;
	if (step.op === 'progress') {
		await coach.actions.setProgress.mutate(of({ actionId: action.id, progress: step.progress }));
		action.progress = step.progress;
	} else {
		await coach.actions.delete.mutate(of({ actionId: action.id }));
		model.actions = model.actions.filter((a) => a !== action);
	}
}

function expected(model: Model) {
	const milestones = model.milestones.map((m) =>
		milestoneRollup(summarise(model.actions.filter((a) => a.milestone === m.id).map((a) => a.progress)), m.marked)
	);
	return { milestones, goal: goalRollup(milestones, false) };
}

describe('rollup read from the database', () => {
	it('matches the rule after any sequence of edits', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (steps) => {
				const { id: goalId } = await coach.goals.create.mutate(of({ title: 'Goal', dueOn: '2027-06-01' }));
				const model: Model = { milestones: [], actions: [] };
				for (const step of [{ op: 'addMilestone' } as Op, ...steps]) await apply(model, goalId, step);
				const want = expected(model);
				const detail = await coach.goals.goal.query(of({ goalId }));
				expect(detail.milestones.map((m) => [m.id, m.complete, m.progress])).toEqual(
					model.milestones.map((m, i) => [m.id, want.milestones[i]!.complete, Math.round(want.milestones[i]!.progress)])
				);
				expect(detail.goal).toMatchObject({ complete: want.goal.complete, progress: Math.round(want.goal.progress), total: want.goal.total, done: want.goal.done });
				const onBoard = (await coach.goals.board.query(of({}))).goals.find((g) => g.id === goalId);
				expect(onBoard).toMatchObject({ complete: want.goal.complete, progress: Math.round(want.goal.progress) });
				await coach.goals.delete.mutate(of({ goalId }));
			}),
			{ numRuns: 15 }
		);
	});
});
