/**
 * Engagements end to end (issue 11's walk): an admin builds a program template with a
 * session, an assessment and a link; gives it to a coachee group with Priya as coach, as a
 * Draft; marks it Active. Priya schedules the items (the session next week, the assessment and
 * the link to go out tomorrow) and shares it. Jordan, on a phone, sees them locked; the test
 * moves the app's clock past the send dates (/dev/clock, not waiting) and the cron sends them:
 * Jordan sees them open, answers the assessment, and Priya marks the session Completed.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { Page } from 'playwright-core';
import { coachAndCoachee } from './browser';
import { advanceClock, open, resetClock, signIn } from './pages';

const browsers = coachAndCoachee();
after(() => resetClock(browsers.coach));

const run = Date.now().toString(36);
const programName = `Onboarding sprint ${run}`;
const sessionTitle = `Kickoff ${run}`;
const linkTitle = `Reading list ${run}`;
const base = '/t/northwind-coaching';

/** A day `days` from today as the date field takes it (the app's zone for the demo is UTC). */
const dayAhead = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function itemCard(page: Page, title: string) {
	const card = page.getByRole('listitem').filter({ hasText: title }).first();
	await card.waitFor();
	return card;
}

async function chooseItemOption(page: Page, title: string, option: string) {
	await page.getByRole('button', { name: `Options for “${title}”` }).click();
	await page.getByRole('menuitem', { name: option }).click();
}

test('an admin assigns a program to a group as a Draft, the coach schedules and shares it, the cron opens it for the coachee', { timeout: 240_000 }, async () => {
	const { coach: admin, coachee } = browsers;

	// The program template: a session, an assessment and a link.
	await signIn(admin, 'admin@northwind.demo');
	await open(admin, `${base}/programs/new`);
	await admin.getByLabel('Name', { exact: true }).fill(programName);
	await admin.getByRole('button', { name: 'Add Coaching Session' }).click();
	await admin.getByLabel('Title').last().fill(sessionTitle);
	await admin.getByRole('button', { name: 'Add Assessment' }).click();
	const assessment = admin.getByLabel('Assessment', { exact: true }).last();
	await assessment.selectOption({ label: 'Session check-in' });
	await admin.getByRole('button', { name: 'Add Link' }).click();
	await admin.getByLabel('Link name').last().fill(linkTitle);
	await admin.getByLabel('URL').last().fill('https://example.com/reading');
	await admin.getByRole('button', { name: 'Save' }).last().click();
	await admin.waitForURL(/\/programs\/[^/]+$/);

	// + New > +Create New > the group > the coach > the template > Draft.
	await open(admin, `${base}/engagements/new`);
	await admin.getByLabel('Or a coachee group').selectOption({ label: 'Leadership cohort 2027 (2 coachees)' });
	await admin.getByRole('button', { name: 'Next' }).click();
	await admin.getByRole('radio', { name: /Priya Raman/ }).check();
	await admin.getByRole('button', { name: 'Next' }).click();
	await admin.getByRole('radio', { name: new RegExp(programName) }).check();
	await admin.getByRole('button', { name: 'Next' }).click();
	await admin.getByLabel('Status').selectOption('draft');
	await admin.getByRole('button', { name: 'Create' }).click();
	await admin.waitForURL(/\/engagements(\?.*)?$/);

	// Jordan's Draft: mark it Active from its page.
	await admin.getByLabel('Search engagements').fill(`${programName}`);
	await admin.getByLabel('Search engagements').press('Enter');
	await admin.getByRole('link', { name: programName }).first().waitFor();
	const jordansRow = admin.getByRole('row').filter({ hasText: 'Jordan Avery' }).filter({ hasText: programName });
	await jordansRow.getByRole('link', { name: programName }).click();
	await admin.waitForURL(/\/engagements\/[^/?#]+$/);
	const engagementUrl = admin.url();
	await admin.waitForSelector('html[data-hydrated]');
	await admin.getByRole('button', { name: /Draft/ }).first().click();
	await admin.getByRole('menuitem', { name: 'Mark as Active' }).click();
	await admin.getByText('is now Active').first().waitFor();

	// Priya schedules the items and shares it.
	await admin.context().clearCookies();
	await signIn(admin, 'priya@northwind.demo');
	const coach = admin;
	await coach.goto(engagementUrl);
	await coach.waitForSelector('html[data-hydrated]');
	await chooseItemOption(coach, sessionTitle, 'Schedule');
	const scheduleSession = coach.getByRole('dialog');
	await scheduleSession.getByLabel('Date', { exact: true }).fill(dayAhead(7));
	await scheduleSession.getByLabel('Time', { exact: true }).fill('10:00');
	await scheduleSession.getByLabel('Meeting link').fill('https://meet.example/kickoff');
	await scheduleSession.getByRole('button', { name: 'Save' }).click();
	await scheduleSession.waitFor({ state: 'hidden' });
	for (const title of ['Session check-in', linkTitle]) {
		await chooseItemOption(coach, title, 'Schedule');
		const dialog = coach.getByRole('dialog');
		await dialog.getByLabel('Send date', { exact: true }).fill(dayAhead(1));
		await dialog.getByLabel('Time', { exact: true }).fill('09:00');
		await dialog.getByRole('button', { name: 'Save' }).click();
		await dialog.waitFor({ state: 'hidden' });
	}
	for (const title of [sessionTitle, 'Session check-in', linkTitle]) await (await itemCard(coach, title)).getByText('Scheduled').first().waitFor();

	await open(coach, `${base}/engagements?q=${encodeURIComponent(programName)}`);
	await coach.getByRole('button', { name: new RegExp(`Options for “${programName}” \\(Jordan Avery\\)`) }).click();
	await coach.getByRole('menuitem', { name: 'Share to Coachee' }).click();
	await coach.getByText('is shared with the coachee').first().waitFor();

	// Jordan, on a phone: the assessment and the link are locked until their send date.
	await signIn(coachee, 'jordan@client.demo');
	await coachee.goto(engagementUrl);
	const locked = await itemCard(coachee, linkTitle);
	await locked.getByText('Locked').waitFor();
	assert.equal(await coachee.getByText('https://example.com/reading').count(), 0, 'a locked link’s address is not on the page');
	assert.equal(await coachee.getByRole('link', { name: 'Answer' }).count(), 0, 'nothing to answer yet');

	// The clock passes the send dates; the next tick sends both.
	await advanceClock(coachee, '2d');
	const deadline = Date.now() + 60_000;
	while ((await coachee.getByRole('link', { name: 'Answer' }).count()) === 0) {
		assert.ok(Date.now() < deadline, 'the cron sent the assessment within a minute of the clock passing its send date');
		await new Promise((resolve) => setTimeout(resolve, 2_000));
		await coachee.reload();
	}
	await coachee.getByText('https://example.com/reading').waitFor();

	// Jordan answers the check-in.
	await coachee.getByRole('link', { name: 'Answer' }).click();
	await coachee.waitForURL(/\/assessments\/answer\//);
	await coachee.waitForSelector('html[data-hydrated]');
	await coachee.getByRole('radiogroup', { name: /How is your energy this week/ }).getByRole('radio', { name: '8', exact: true }).check();
	await coachee.getByLabel(/What do you most want from today’s session/).fill(`Plan the onboarding ${run}`);
	await coachee.getByRole('button', { name: 'Submit', exact: true }).click();
	await coachee.waitForURL(/\/assessments$/);
	await coachee.goto(engagementUrl);
	await (await itemCard(coachee, 'Session check-in')).getByText('Completed').first().waitFor();

	// Priya marks the session Completed.
	await coach.goto(engagementUrl);
	await coach.waitForSelector('html[data-hydrated]');
	await chooseItemOption(coach, sessionTitle, 'Mark as Completed');
	await (await itemCard(coach, sessionTitle)).getByText('Completed').first().waitFor();
});
