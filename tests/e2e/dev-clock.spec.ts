/**
 * The dev clock (/dev/clock): work due in days is sent as soon as the test moves the app's
 * clock past it, not then. Marcus takes new coachees by daily digest (08:00 UTC); the admin
 * gives him one; the digest holding it goes out at the first cron tick after the clock has
 * moved two days on: under workerd the jobs worker's scheduled() and queue() read the moved
 * clock. The clock goes back to the machine's time after, for the specs that follow.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { advanceClock, baseUrl, linkInMailbox, open, resetClock, signIn } from './pages';

let context: BrowserContext;
let page: Page;

before(async () => {
	context = await launchBrowser();
	page = await context.newPage();
});
after(async () => {
	await resetClock(baseUrl);
	await context.close();
});

const run = Date.now().toString(36);
const coachee = { first: 'Robin', last: `Clockwise ${run}` };
const digestLine = `${coachee.first} ${coachee.last} is now your coachee`;

test("moving the app's clock two days on sends the digest the cron would send only then", { timeout: 40_000 }, async () => {
	const home = await signIn(page, 'admin@northwind.demo');
	await open(page, `${home}/coachees/new`);
	await page.getByRole('textbox', { name: 'First Name' }).fill(coachee.first);
	await page.getByRole('textbox', { name: 'Last Name' }).fill(coachee.last);
	await page.getByRole('textbox', { name: 'Email Address' }).fill(`robin-${run}@client.example`);
	await page.getByRole('combobox', { name: 'Coach' }).selectOption({ label: 'Marcus Bell' });
	await page.getByRole('button', { name: 'Submit' }).click();
	await page.waitForURL((url) => !url.pathname.endsWith('/new'));

	// A few ticks (every 2 s) pass without it: the digest waits for 08:00 UTC.
	await page.waitForTimeout(5_000);
	await page.goto(`${baseUrl}/dev/mail`);
	assert.equal(await page.getByRole('article').filter({ hasText: digestLine }).count(), 0, 'no digest before its time');

	const now = await advanceClock(page, '2d');
	assert.ok(now.getTime() - Date.now() > 47 * 3_600_000, `the app runs two days ahead: ${now.toISOString()}`);
	const link = await linkInMailbox(page, 'marcus@northwind.demo', '/t/northwind-coaching', { text: digestLine, timeoutMs: 20_000 });
	assert.ok(link.startsWith(`${baseUrl}/t/northwind-coaching`));
	const digest = page.getByRole('article').filter({ hasText: digestLine });
	assert.match((await digest.getAttribute('aria-label')) ?? '', /Your daily Tandem digest/);

	await open(page, '/dev/clock');
	await page.getByText("2 days ahead of this machine's clock").waitFor();
});
