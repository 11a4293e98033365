/**
 * Goals & Milestones and Actions end to end: a coach builds a goal, a milestone and an action
 * under it on Jordan's profile; Jordan moves the action's slider to 100 in his portal on a
 * phone; the goal shows complete for the coach, who has the notification, and once the
 * alert's minute has passed (a burst of moves folds into one) the email is in the outbox.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { coachAndCoachee } from './browser';
import { linkInMailbox, open, signIn } from './pages';

const browsers = coachAndCoachee();

const run = Date.now().toString(36);
const goal = `Run the board review ${run}`;
const milestone = `Deck drafted ${run}`;
const action = `Write the opening slide ${run}`;

/** Fills and submits the dialog a button opened; waits for it to close. */
async function submitDialog(page: Page, fields: Record<string, string>, submit: string) {
	const dialog = page.getByRole('dialog');
	for (const [label, value] of Object.entries(fields)) await dialog.getByLabel(label, { exact: true }).fill(value);
	await dialog.getByRole('button', { name: submit }).click();
	await dialog.waitFor({ state: 'detached' });
}

test('a coach plans a goal, the coachee completes its action, and the goal is complete with the coach told', { timeout: 150_000 }, async () => {
	const { coach, coachee } = browsers;
	await signIn(coach, 'priya@northwind.demo');
	await open(coach, '/t/northwind-coaching/coachees');
	await coach.getByRole('link', { name: 'Jordan Avery' }).first().click();
	await coach.getByRole('link', { name: 'Goals & Milestones' }).click();
	await coach.waitForURL(/\/goals$/);
	const goalsTab = coach.url();

	await coach.getByRole('link', { name: 'New Goal' }).click();
	await submitDialog(coach, { 'Goal Title': goal, 'Due Date': '2027-03-01' }, 'Submit');
	const card = coach.locator('article, li, section').filter({ hasText: goal }).last();
	await card.getByRole('link', { name: 'View Milestones' }).click();
	await coach.getByRole('heading', { name: goal }).waitFor();

	await coach.getByRole('link', { name: 'New Milestone' }).first().click();
	await submitDialog(coach, { 'Milestone Title': milestone, 'Due Date': '2027-02-01' }, 'Save');
	await coach.getByRole('link', { name: 'Create one now' }).click();
	await submitDialog(coach, { 'Action/Task': action, 'Due Date': '2027-01-15' }, 'Save');
	await coach.getByRole('link', { name: action }).waitFor();

	await signIn(coachee, 'jordan@client.demo');
	await open(coachee, '/t/northwind-coaching/actions');
	const slider = coachee.getByRole('slider', { name: `Progress of “${action}”` });
	await slider.focus();
	await coachee.keyboard.press('End');
	assert.equal(await slider.inputValue(), '100');
	// Saved: the Completed view lists it after a reload.
	await coachee.waitForLoadState('networkidle');
	await open(coachee, '/t/northwind-coaching/actions?view=completed');
	await coachee.getByRole('link', { name: action }).waitFor();

	await coach.goto(goalsTab);
	const done = coach.locator('article, li, section').filter({ hasText: goal }).last();
	await done.getByText('Complete', { exact: true }).waitFor();
	assert.equal(await done.getByRole('meter').first().getAttribute('aria-valuenow'), '100');

	await open(coach, '/t/northwind-coaching/notifications');
	await coach.getByText(`Jordan Avery completed “${action}”`).first().waitFor();

	// The alert's email waits out its minute (so a burst of moves is one email), then the cron sends it.
	const subject = `Jordan Avery completed “${action}”`;
	const link = await linkInMailbox(coach, 'priya@northwind.demo', '/actions/', { text: subject, timeoutMs: 110_000 });
	assert.match(link, /\/t\/northwind-coaching\/coachees\/[^/]+\/actions\/[^/]+$/);
	const email = coach.getByRole('article').filter({ hasText: subject });
	assert.equal(await email.count(), 1, 'one email for the move');
});
