/**
 * Everything about getting in and out of Tandem works with JavaScript off: plain HTML forms
 * posting to form actions, links from emails redeemed by a button, never by opening them.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { baseUrl, linkInMailbox } from './pages';

let browser: BrowserContext;
let page: Page;

const email = `noor-${Date.now()}@example.com`;
const firstPassword = 'noor first passphrase';
const secondPassword = 'noor second passphrase';
const workspace = /\/t\/[\w-]+$/;

before(async () => {
	browser = await launchBrowser({ width: 1280, height: 860 }, { javaScript: false });
	page = await browser.newPage();
});
after(() => browser.close());

const goto = (path: string) => page.goto(`${baseUrl}${path}`);
const textbox = (name: string) => page.getByRole('textbox', { name, exact: true });
// Password inputs have no ARIA role: find them by their label.
const passwordField = (label: string) => page.getByLabel(label, { exact: true });

async function signOutWithoutScripts() {
	// The account menu needs scripts; before them its trigger leads to account settings.
	await page.getByRole('link', { name: /account settings/i }).click();
	await page.waitForURL(/\/account$/);
	await page.getByRole('button', { name: 'Sign out' }).click();
	await page.waitForURL(/\/signin$/);
}

/** The newest link in the local outbox sent to `email` whose path contains `path`. */
async function linkFromOutbox(path: string) {
	const link = await linkInMailbox(page, email, path);
	assert.ok(link?.startsWith(`${baseUrl}${path}`), `the email links to this app: ${link}`);
	return link!;
}

test('scripts are really off in this browser', async () => {
	await goto('/signin');
	await textbox('Email').waitFor();
	assert.equal(await page.locator('html[data-hydrated]').count(), 0, 'the app never hydrated');
});

test('an independent coach signs up, signs out from the account page and signs in with a password', async () => {
	await goto('/signup');
	await textbox('First name').fill('Noor');
	await textbox('Last name').fill('Haddad');
	await textbox('Email').fill(email);
	await passwordField('Password').fill(firstPassword);
	await page.getByRole('button', { name: 'Create account' }).click();
	await page.waitForURL(workspace);
	await page.getByRole('heading', { name: 'Welcome, Noor' }).waitFor();

	await signOutWithoutScripts();

	await textbox('Email').fill(email);
	await passwordField('Password').fill('not the password');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.getByText('That email and password do not match').waitFor();
	assert.equal(await textbox('Email').inputValue(), email, 'the email is kept');
	assert.equal(await passwordField('Password').inputValue(), '', 'the wrong password is not echoed back');
	assert.equal(await passwordField('Password').getAttribute('aria-invalid'), 'true');
	const describedBy = (await passwordField('Password').getAttribute('aria-describedby')) ?? '';
	const errorUnderField = page.locator(`[id="${describedBy.split(' ').at(-1)}"]`);
	assert.match(await errorUnderField.innerText(), /That email and password do not match/, 'the message is the password field’s own');

	await passwordField('Password').fill(firstPassword);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.waitForURL(workspace);
	await page.getByRole('heading', { name: 'Welcome, Noor' }).waitFor();
	await signOutWithoutScripts();
});

test('a forgotten password is reset from the emailed link', async () => {
	await goto('/signin');
	await page.getByRole('link', { name: 'Forgot your password?' }).click();
	await textbox('Email').fill(email);
	await page.getByRole('button', { name: 'Send reset link' }).click();
	await page.getByRole('status').getByText('Check your inbox').waitFor();

	const link = await linkFromOutbox('/reset/');
	await page.goto(link);
	await passwordField('New password').fill(secondPassword);
	await passwordField('Confirm new password').fill(secondPassword);
	await page.getByRole('button', { name: 'Save password and sign in' }).click();
	await page.waitForURL(workspace);
	await page.getByRole('heading', { name: 'Welcome, Noor' }).waitFor();
	await signOutWithoutScripts();

	await textbox('Email').fill(email);
	await passwordField('Password').fill(secondPassword);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.waitForURL(workspace);
	await signOutWithoutScripts();
});

test('an emailed sign-in link signs in with one press, and opening it alone does not use it up', async () => {
	await goto('/signin');
	await page.getByRole('link', { name: 'Email me a sign-in link' }).click();
	await textbox('Email').fill(email);
	await page.getByRole('button', { name: 'Send link' }).click();
	await page.getByRole('status').getByText('Check your inbox').waitFor();

	const link = await linkFromOutbox('/signin/link/');
	// A mail scanner fetches the link before the person opens it.
	assert.equal((await page.request.get(link)).status(), 200);
	await page.goto(link);
	await page.getByRole('button', { name: 'Sign in to Tandem' }).click();
	await page.waitForURL(workspace);
	await page.getByRole('heading', { name: 'Welcome, Noor' }).waitFor();
});
