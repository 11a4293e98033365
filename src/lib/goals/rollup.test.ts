/**
 * The rollup rule over many random goal trees (fast-check): complete exactly when the help
 * article says, progress the mean of the children, and nothing depending on order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goalRollup, milestoneRollup, summarise } from './rollup';

interface Tree {
	marked: boolean;
	milestones: { marked: boolean; actions: number[] }[];
}

// Progress values lean on 0 and 100, where the rule's edges are.
const progress = fc.oneof(fc.constant(100), fc.constant(0), fc.integer({ min: 0, max: 100 }));
const tree: fc.Arbitrary<Tree> = fc.record({
	marked: fc.boolean(),
	milestones: fc.array(fc.record({ marked: fc.boolean(), actions: fc.array(progress, { maxLength: 6 }) }), { maxLength: 6 })
});

const rollupOf = (t: Tree) => goalRollup(t.milestones.map((m) => milestoneRollup(summarise(m.actions), m.marked)), t.marked);

/** The article's words, read literally. */
const milestoneDone = (m: Tree['milestones'][number]) => (m.actions.length ? m.actions.every((p) => p === 100) : m.marked);
const goalDone = (t: Tree) => (t.milestones.length ? t.milestones.every(milestoneDone) : t.marked);

describe('rollup', () => {
	it('completes a goal exactly when all its milestones are, and a milestone when all its actions are', () => {
		fc.assert(
			fc.property(tree, (t) => {
				expect(rollupOf(t).complete).toBe(goalDone(t));
				t.milestones.forEach((m) => expect(milestoneRollup(summarise(m.actions), m.marked).complete).toBe(milestoneDone(m)));
			})
		);
	});

	it('shows 100% exactly when complete, and never outside 0 to 100', () => {
		fc.assert(
			fc.property(tree, (t) => {
				const { progress: value, complete } = rollupOf(t);
				expect(value).toBeGreaterThanOrEqual(0);
				expect(value).toBeLessThanOrEqual(100);
				expect(value === 100).toBe(complete);
			})
		);
	});

	it('takes each parent’s progress as the mean of its children’s', () => {
		fc.assert(
			fc.property(tree, (t) => {
				const children = t.milestones.map((m) => milestoneRollup(summarise(m.actions), m.marked));
				if (!children.length) return;
				const mean = children.reduce((sum, c) => sum + c.progress, 0) / children.length;
				expect(rollupOf(t).progress).toBeCloseTo(mean, 9);
				t.milestones.forEach((m, i) => m.actions.length && expect(children[i]!.progress).toBeCloseTo(m.actions.reduce((a, b) => a + b, 0) / m.actions.length, 9));
			})
		);
	});

	it('does not depend on the order of milestones or actions (reordering keeps it)', () => {
		const shuffled = tree.chain((t) =>
			fc.tuple(
				fc.constant(t),
				fc.shuffledSubarray(t.milestones, { minLength: t.milestones.length, maxLength: t.milestones.length }).chain((ms) =>
					fc.tuple(...ms.map((m) => fc.shuffledSubarray(m.actions, { minLength: m.actions.length, maxLength: m.actions.length }).map((actions) => ({ ...m, actions }))))
				)
			)
		);
		fc.assert(
			fc.property(shuffled, ([t, milestones]) => {
				const reordered = rollupOf({ ...t, milestones });
				expect(reordered.complete).toBe(rollupOf(t).complete);
				expect(reordered.progress).toBeCloseTo(rollupOf(t).progress, 9);
			})
		);
	});

	it('never lowers a goal’s progress when an action moves forward', () => {
		fc.assert(
			fc.property(tree, fc.nat(), fc.nat(), fc.integer({ min: 0, max: 100 }), (t, mi, ai, gain) => {
				const withActions = t.milestones.filter((m) => m.actions.length);
				if (!withActions.length) return;
				const milestone = withActions[mi % withActions.length]!;
				const index = ai % milestone.actions.length;
				const before = rollupOf(t);
				const raised = milestone.actions[index]!;
				milestone.actions[index] = Math.min(100, raised + gain);
				expect(rollupOf(t).progress).toBeGreaterThanOrEqual(before.progress - 1e-9);
			})
		);
	});

	it('completes the goal once every action is done and every empty milestone is marked', () => {
		fc.assert(
			fc.property(tree, (t) => {
				const finished: Tree = { ...t, milestones: t.milestones.map((m) => ({ marked: m.marked || !m.actions.length, actions: m.actions.map(() => 100) })) };
				expect(rollupOf(finished).complete).toBe(finished.milestones.length > 0 || t.marked);
				const oneLeft = finished.milestones.find((m) => m.actions.length);
				if (!oneLeft) return;
				oneLeft.actions[0] = 99;
				expect(rollupOf(finished).complete).toBe(false);
			})
		);
	});
});
