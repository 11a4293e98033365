import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { open } from './pages';
let browser: BrowserContext;
let page: Page;

before(async () => {
	browser = await launchBrowser();
	page = await browser.newPage();
});
after(() => browser.close());

test('an independent coach signs up, lands in their portal, signs out and signs in again', async () => {
	const email = `coach-${Date.now()}@example.com`;
	await open(page, '/signup');
	await page.getByRole('textbox', { name: 'First name', exact: true }).fill('Robin');
	await page.getByRole('textbox', { name: 'Last name', exact: true }).fill('Hale');
	await page.getByRole('textbox', { name: 'Email', exact: true }).fill(email);
	await page.getByRole('textbox', { name: 'Password', exact: true }).fill('a long enough passphrase');
	await page.getByRole('button', { name: 'Create account' }).click();

	await page.waitForURL(/\/t\/robin-hale-coaching$/);
	await page.getByRole('heading', { name: 'Welcome, Robin' }).waitFor();
	assert.ok(await page.getByText('Robin Hale Coaching').first().isVisible(), 'the tenant name is visible');
	assert.ok(await page.getByRole('navigation').getByRole('link', { name: 'Coachees', exact: true }).isVisible(), 'the coach navigation is shown');

	await page.getByRole('button', { name: /account/i }).click();
	await page.getByRole('menuitem', { name: 'Sign out' }).click();
	await page.waitForURL(/\/signin/);
	await page.waitForSelector('html[data-hydrated]');

	await page.getByRole('textbox', { name: 'Email', exact: true }).fill(email);
	await page.getByRole('textbox', { name: 'Password', exact: true }).fill('a long enough passphrase');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.waitForURL(/\/t\/robin-hale-coaching$/);
	await page.getByRole('heading', { name: 'Welcome, Robin' }).waitFor();
});
