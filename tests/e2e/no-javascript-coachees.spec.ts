import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { baseUrl, linkInMailbox } from './pages';

/** Every flow of "Manage your coachees" with scripts off: the forms are pages of their own,
 * the Options menu is a native disclosure of links and small forms. */

const workspace = '/t/northwind-coaching';
let contexts: BrowserContext[] = [];
let coach: Page;

/** A coach whose browser runs no JavaScript, signed in through the plain sign-in form. */
async function coachWithoutScripts(): Promise<Page> {
	const noScripts = await launchBrowser(undefined, { javaScript: false });
	contexts.push(noScripts);
	const page = await noScripts.newPage();
	await page.goto(`${baseUrl}/signin`);
	await page.getByRole('textbox', { name: 'Email', exact: true }).fill('priya@northwind.demo');
	await page.getByRole('textbox', { name: 'Password', exact: true }).fill('tandem-demo-2026');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.waitForURL(/\/t\/northwind-coaching$/);
	return page;
}

/** New coachee through the /coachees/new page, as the list's "New" link opens it. */
async function addCoachee(page: Page, first: string, last: string, email: string) {
	await page.goto(`${baseUrl}${workspace}/coachees`);
	await page.getByRole('link', { name: 'New', exact: true }).click();
	await page.waitForURL(/\/coachees\/new$/);
	await page.getByRole('textbox', { name: 'First Name' }).fill(first);
	await page.getByRole('textbox', { name: 'Last Name' }).fill(last);
	await page.getByRole('textbox', { name: 'Email Address' }).fill(email);
	await page.getByRole('checkbox', { name: 'Send Invitation' }).check();
	await page.getByRole('button', { name: 'Submit' }).click();
	await page.waitForURL(/\/coachees\/[^/]+$/);
}

/** The row's Options menu, opened without scripts. */
async function rowOptions(page: Page, email: string) {
	const row = page.getByRole('row').filter({ hasText: email });
	await row.locator('summary[aria-label^="Options for"]').click();
	return row;
}

before(async () => {
	coach = await coachWithoutScripts();
});
after(async () => {
	for (const context of contexts) await context.close();
	contexts = [];
});

test('without JavaScript a coach adds and invites a coachee, who activates from the email, and the list shows Active', async () => {
	const stamp = Date.now();
	const email = `sky-${stamp}@client.example`;

	await coach.goto(`${baseUrl}${workspace}/coachees`);
	await coach.getByRole('link', { name: 'New', exact: true }).click();
	await coach.waitForURL(`${baseUrl}${workspace}/coachees/new`);
	await coach.getByRole('textbox', { name: 'First Name' }).fill('Sky');
	await coach.getByRole('textbox', { name: 'Last Name' }).fill('Marlow');
	await coach.getByRole('textbox', { name: 'Email Address' }).fill('sky at client');
	await coach.getByRole('button', { name: 'Submit' }).click();

	// Refused: the message is under the field, and what was typed is still there.
	const emailField = coach.getByRole('textbox', { name: 'Email Address' });
	await coach.getByText('Enter a valid email address').waitFor();
	assert.equal(await emailField.getAttribute('aria-invalid'), 'true');
	assert.equal(await emailField.inputValue(), 'sky at client');
	assert.equal(await coach.getByRole('textbox', { name: 'First Name' }).inputValue(), 'Sky');
	assert.equal(await coach.getByRole('textbox', { name: 'Last Name' }).inputValue(), 'Marlow');

	await emailField.fill(email);
	await coach.getByRole('checkbox', { name: 'Send Invitation' }).check();
	await coach.getByRole('button', { name: 'Submit' }).click();
	await coach.waitForURL(/\/coachees\/[^/]+$/);
	await coach.getByRole('heading', { name: 'Sky Marlow' }).waitFor();
	await coach.getByRole('status').filter({ hasText: 'Sky Marlow added and invited.' }).waitFor();
	await coach.goto(`${baseUrl}${workspace}/coachees`);
	await coach.getByRole('row').filter({ hasText: email }).getByText('Invited').waitFor();

	// The coachee, also without scripts, opens the emailed link and accepts.
	const coacheeBrowser = await launchBrowser({ width: 390, height: 844 }, { javaScript: false });
	contexts.push(coacheeBrowser);
	const coachee = await coacheeBrowser.newPage();
	const link = await linkInMailbox(coachee, email, '/invite/');
	assert.ok(link?.startsWith(`${baseUrl}/invite/northwind-coaching/`), `activation link points at this app: ${link}`);
	await coachee.goto(link!);
	await coachee.getByRole('textbox', { name: 'Choose a password' }).fill('sky marlow passphrase');
	await coachee.getByRole('button', { name: 'Activate your account' }).click();
	await coachee.waitForURL(/\/t\/northwind-coaching$/);

	await coach.reload();
	await coach.getByRole('row').filter({ hasText: email }).getByText('Active').waitFor();
});

test('without JavaScript a coach edits an invited coachee and resends the invitation from the Options menu', async () => {
	const stamp = Date.now();
	const email = `noor-${stamp}@client.example`;
	await addCoachee(coach, 'Noor', 'Haddad', email);

	await coach.goto(`${baseUrl}${workspace}/coachees?status=invited`);
	const row = await rowOptions(coach, email);
	await row.getByRole('link', { name: 'Edit' }).click();
	await coach.waitForURL(/\/coachees\/[^/]+\/edit$/);
	await coach.getByRole('textbox', { name: 'First Name' }).fill('Nour');
	await coach.getByRole('button', { name: 'Submit' }).click();
	await coach.waitForURL(/\/coachees\/[^/]+$/);
	await coach.getByRole('heading', { name: 'Nour Haddad' }).waitFor();
	await coach.getByRole('status').filter({ hasText: 'Nour Haddad’s details are saved.' }).waitFor();

	await coach.goto(`${baseUrl}${workspace}/coachees?status=invited`);
	await (await rowOptions(coach, email)).getByRole('button', { name: 'Resend Invitation' }).click();
	// Back on the list it was sent from, filters kept, with the confirmation.
	await coach.waitForURL(`${baseUrl}${workspace}/coachees?status=invited`);
	await coach.getByRole('status').filter({ hasText: `Invitation resent to ${email}. The earlier link no longer works.` }).waitFor();

	const mail = await coach.context().newPage();
	// Waits for a second invitation; the test fails if it never goes out.
	await linkInMailbox(mail, email, '/invite/', { count: 2 });
});
