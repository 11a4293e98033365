/**
 * Scheduled work end to end: the cron (every 2 s in the browser suite) finds the demo's
 * pending digest, hands the tenant to a `tenant.due` job, and its email goes out through the
 * queue. In workerd that is the jobs worker's scheduled(), then its queue(), then the
 * Resend adapter; under vite dev the in-process ticker and queue run the same handlers.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { baseUrl, linkInMailbox } from './pages';

let context: BrowserContext;
let page: Page;

before(async () => {
	context = await launchBrowser();
	page = await context.newPage();
});
after(() => context.close());

test("the cron sends yesterday's pending digest, with a link into the workspace", { timeout: 90_000 }, async () => {
	const link = await linkInMailbox(page, 'marcus@northwind.demo', '/t/northwind-coaching', { timeoutMs: 60_000 });
	assert.ok(link.startsWith(`${baseUrl}/t/northwind-coaching`), `the digest links to this app: ${link}`);
	const digest = page.getByRole('article').filter({ hasText: 'marcus@northwind.demo' }).filter({ hasText: 'Tomás Ruiz is now your coachee' });
	assert.match((await digest.first().getAttribute('aria-label')) ?? '', /Your daily Tandem digest: 1 update in Northwind Coaching/);
	assert.equal(await digest.count(), 1, 'one digest, however many ticks ran');
});
