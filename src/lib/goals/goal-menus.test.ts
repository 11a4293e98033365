import { describe, expect, it } from 'vitest';
import { goalLinks, type GoalRow, type MilestoneView } from './goal-links';
import { goalMenu, milestoneMenu } from './goal-menus';

const goal = (over: Partial<GoalRow> = {}): GoalRow => ({
	id: 'g1',
	title: 'Run a 10k',
	dueOn: '2027-03-01',
	overdue: false,
	marked: false,
	canChange: true,
	progress: 0,
	complete: false,
	total: 0,
	done: 0,
	...over
});

const milestone = (over: Partial<MilestoneView> = {}): MilestoneView => ({ ...goal({ id: 'm1', title: 'First 5k' }), actions: [], ...over });

const labels = (items: { label: string }[]) => items.map((item) => item.label);
const staff = goalLinks('acme', 'c1');
const own = goalLinks('acme', null);

describe('the goal pages’ links', () => {
	it('sit under the coachee’s profile for staff and in the coachee’s own portal otherwise', () => {
		expect(staff.goals).toBe('/t/acme/coachees/c1/goals');
		expect(staff.newAction('g1', 'm1')).toBe('/t/acme/coachees/c1/goals/g1/milestones/m1/new-action');
		expect(own.editMilestone('g1', 'm1')).toBe('/t/acme/goals/g1/milestones/m1/edit');
		expect(own.action('a1')).toBe('/t/acme/actions/a1');
	});
});

describe('a goal’s Options', () => {
	it('offer marking only an empty goal, and undoing a mark', () => {
		expect(labels(goalMenu(goal(), staff))).toEqual(['Edit', 'Move up', 'Move down', 'Mark as complete', 'Delete']);
		expect(labels(goalMenu(goal({ marked: true, complete: true }), staff))).toContain('Mark as not complete');
		expect(labels(goalMenu(goal({ total: 2, done: 1 }), staff))).toEqual(['Edit', 'Move up', 'Move down', 'Delete']);
	});

	it('show a coachee only Move for a goal their coach created', () => {
		expect(labels(goalMenu(goal({ canChange: false }), own))).toEqual(['Move up', 'Move down']);
	});

	it('say what Delete takes with it, and post where the menu is', () => {
		const remove = goalMenu(goal({ total: 3 }), staff).find((item) => item.label === 'Delete');
		expect(remove?.confirm?.description).toMatch(/^Its 3 milestones and all their actions/);
		expect(remove?.action).toBe('/t/acme/coachees/c1/goals?/delete');
		const onItsPage = goalMenu(goal(), staff, true);
		expect(labels(onItsPage)).not.toContain('Move up');
		expect(onItsPage.find((item) => item.label === 'Mark as complete')?.fields).toEqual({ goalId: 'g1', back: '/t/acme/coachees/c1/goals/g1', complete: 'true' });
	});
});

describe('a milestone’s Options', () => {
	it('let anyone add an action, and only who may change it edit, mark or delete it', () => {
		expect(labels(milestoneMenu(milestone(), 'g1', staff))).toEqual(['Add New Action', 'Edit', 'Move up', 'Move down', 'Mark as complete', 'Delete']);
		expect(labels(milestoneMenu(milestone({ canChange: false }), 'g1', own))).toEqual(['Add New Action', 'Move up', 'Move down']);
		const remove = milestoneMenu(milestone({ total: 1, done: 0 }), 'g1', staff).find((item) => item.label === 'Delete');
		expect(remove?.confirm?.description).toMatch(/^Its action, with its progress/);
	});
});
