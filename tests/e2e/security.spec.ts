import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { baseUrl, linkInMailbox, open } from './pages';

let browser: BrowserContext;
let page: Page;
/** What Chromium reports when the Content-Security-Policy blocks something. */
const violations: string[] = [];

before(async () => {
	browser = await launchBrowser();
	page = await browser.newPage();
	page.on('console', (message) => {
		if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
	});
});
after(() => browser.close());

test('sign-in and a signed-in home run under the CSP: no violations, hydrated, clicks work', async () => {
	const response = await page.goto(`${baseUrl}/signin`);
	const csp = response?.headers()['content-security-policy'] ?? '';
	assert.match(csp, /script-src 'self' 'nonce-/, 'the page is served with a nonce-based CSP');
	assert.match(csp, /frame-ancestors 'none'/);
	await page.waitForSelector('html[data-hydrated]');

	await page.getByRole('textbox', { name: 'Email', exact: true }).fill('admin@northwind.demo');
	await page.getByRole('textbox', { name: 'Password', exact: true }).fill('tandem-demo-2026');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.waitForURL(/\/t\/northwind-coaching$/);
	await page.waitForSelector('html[data-hydrated]');

	await page.getByRole('button', { name: /account menu/i }).click();
	await page.getByRole('menuitem', { name: 'Sign out' }).waitFor();
	assert.deepEqual(violations, []);
});

test('emailed links point at the port the app really runs on', { timeout: 60_000 }, async () => {
	await open(page, '/forgot-password');
	await page.getByRole('textbox', { name: 'Email', exact: true }).fill('admin@northwind.demo');
	await page.getByRole('button', { name: 'Send reset link' }).click();
	await page.getByRole('status').waitFor();

	const link = await linkInMailbox(page, 'admin@northwind.demo', '/reset/');
	assert.ok(link?.startsWith(`${baseUrl}/reset/`), `the reset link points at ${baseUrl}: ${link}`);
	assert.deepEqual(violations, []);
});
