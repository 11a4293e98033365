/**
 * Assessments into the Coaching Notepad end to end: a coach assigns the library's "Session
 * check-in" to Jordan; Jordan opens it on a phone from the email's link and answers it; the
 * coach opens the Coaching Notepad, reads those answers there, writes notes (saved as they
 * type) and finishes the session, which lands in Session Logs with the notes filed under it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { coachAndCoachee } from './browser';
import { linkInMailbox, open, signIn } from './pages';

const browsers = coachAndCoachee();

const run = Date.now().toString(36);
const wish = `Prepare the board talk ${run}`;
const sessionTitle = `Board talk rehearsal ${run}`;

test('a coach assigns an assessment, the coachee answers it, and the coach reads it in the Notepad and logs the session', { timeout: 150_000 }, async () => {
	const { coach, coachee } = browsers;
	await signIn(coach, 'priya@northwind.demo');
	await open(coach, '/t/northwind-coaching/coachees');
	await coach.getByRole('link', { name: 'Jordan Avery' }).first().click();
	await coach.waitForURL(/\/coachees\/[^/]+$/);
	const profile = coach.url();
	await coach.getByRole('link', { name: 'Activity Summary' }).waitFor();
	await coach.goto(`${profile}/assessments`);
	await coach.getByRole('link', { name: 'Assign' }).click();
	const library = coach.getByLabel('From the library');
	const checkIn = await library.locator('option', { hasText: 'Session check-in' }).getAttribute('value');
	await library.selectOption(checkIn!);
	await coach.getByRole('button', { name: 'Assign', exact: true }).click();
	await coach.waitForURL(/\/assessments$/);

	// The demo gave Jordan a check-in already: this one's email is the second.
	await signIn(coachee, 'jordan@client.demo');
	const link = await linkInMailbox(coachee, 'jordan@client.demo', '/assessments/answer/', { count: 2, text: 'Session check-in' });
	await coachee.goto(link);
	await coachee.waitForSelector('html[data-hydrated]');
	await coachee.getByRole('radiogroup', { name: /How is your energy this week/ }).getByRole('radio', { name: '7', exact: true }).check();
	await coachee.getByLabel(/What do you most want from today’s session/).fill(wish);
	await coachee.getByRole('button', { name: 'Submit', exact: true }).click();
	await coachee.waitForURL(/\/assessments$/);
	await coachee.goto(link);
	await coachee.getByText(wish).waitFor();
	assert.equal(await coachee.getByRole('button', { name: 'Submit', exact: true }).count(), 0, 'submitted answers are read-only');

	await coach.goto(profile);
	await coach.getByRole('link', { name: 'Coaching Notepad' }).click();
	await coach.waitForURL(/\/notepad$/);
	await coach.waitForSelector('html[data-hydrated]');
	const answered = coach.getByRole('complementary').getByRole('listitem').filter({ hasText: 'Session check-in' }).filter({ hasText: 'Completed' }).first();
	await answered.getByText('Answers', { exact: true }).click();
	await answered.getByText(wish).waitFor();
	await answered.getByRole('meter').first().waitFor();

	await coach.getByLabel('Notes', { exact: true }).fill(`Jordan wants to ${wish.toLowerCase()}; energy 7.`);
	await coach.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
	await coach.getByLabel('Session Title').fill(sessionTitle);
	await coach.getByRole('button', { name: 'Finish session' }).click();
	await coach.waitForURL(/\/sessions$/);
	await coach.getByRole('cell', { name: sessionTitle }).or(coach.getByText(sessionTitle)).first().waitFor();

	await open(coach, `${new URL(profile).pathname}/notes`);
	await coach.getByText(sessionTitle).first().waitFor();
});
