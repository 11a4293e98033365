/** What a coach on a phone (375 px wide) must be able to see: the profile's active tab, and
 * the sheet's buttons while a confirmation shows. */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { baseUrl, open, signIn } from './pages';

const phone = { width: 375, height: 760 };
const contexts: BrowserContext[] = [];
after(() => Promise.all(contexts.map((context) => context.close())));

async function adminOnPhone(scripts: boolean): Promise<{ page: Page; home: string }> {
	const context = await launchBrowser(phone, { javaScript: scripts });
	contexts.push(context);
	const page = await context.newPage();
	return { page, home: await signIn(page, 'admin@northwind.demo', { scripts }) };
}

/** Some coachee's profile, from the list. */
async function profileOf(page: Page, home: string): Promise<string> {
	await page.goto(`${baseUrl}${home}/coachees`);
	const href = await page.getByRole('link', { name: 'Jordan Avery' }).getAttribute('href');
	assert.ok(href, 'the list links to a profile');
	return href;
}

/** How far the active tab sticks out of its strip (0 when fully visible). */
function activeTabHidden(page: Page): Promise<number> {
	return page.evaluate(() => {
		const strip = document.querySelector('nav[aria-label="Coachee profile"]')!.getBoundingClientRect();
		const tab = document.querySelector('nav[aria-label="Coachee profile"] [aria-current="page"]')!.getBoundingClientRect();
		return Math.max(0, strip.left - tab.left, tab.right - strip.right);
	});
}

/** The widths of the strip's fades at its start and end edges. */
function edgeFades(page: Page): Promise<{ start: string; end: string }> {
	return page.evaluate(() => {
		const style = getComputedStyle(document.querySelector('nav[aria-label="Coachee profile"]')!);
		return { start: style.getPropertyValue('--fade-start'), end: style.getPropertyValue('--fade-end') };
	});
}

function overlaps(a: Locator, b: Locator): Promise<boolean> {
	return Promise.all([a.boundingBox(), b.boundingBox()]).then(
		([x, y]) => !!x && !!y && x.x < y.x + y.width && y.x < x.x + x.width && x.y < y.y + y.height && y.y < x.y + x.height
	);
}

test('on a phone without scripts, a later profile tab opens scrolled into view', async () => {
	const { page, home } = await adminOnPhone(false);
	await page.goto(`${baseUrl}${await profileOf(page, home)}/assessments`);
	assert.equal(await activeTabHidden(page), 0, 'Assessments is fully visible in the tab strip');
});

test('on a phone the tab strip follows the active tab and fades the edge with more tabs', async () => {
	const { page, home } = await adminOnPhone(true);
	const profile = await profileOf(page, home);
	await open(page, profile);
	assert.deepEqual(await edgeFades(page), { start: '0px', end: '40px' }, 'at the first tab only the end fades');

	// A client-side navigation that does not scroll the strip itself (no pointer involved).
	await page.evaluate((href) => document.querySelector<HTMLAnchorElement>(`a[href="${href}"]`)!.click(), `${profile}/assessments`);
	await page.waitForURL(/\/assessments$/);
	await page.waitForFunction(() => document.querySelector('nav[aria-label="Coachee profile"] [aria-current="page"]')?.textContent?.includes('Assessments'));
	assert.equal(await activeTabHidden(page), 0, 'Assessments is scrolled into view');
	assert.equal((await edgeFades(page)).start, '40px', 'the start edge fades: more tabs that way');
});

test('on a phone a confirmation toast does not cover the open sheet\'s Cancel and Submit', async () => {
	const { page, home } = await adminOnPhone(true);
	await open(page, `${home}/coachees`);
	const sheet = page.getByRole('dialog');
	await page.getByRole('link', { name: 'New' }).click();
	await sheet.getByRole('textbox', { name: 'First Name' }).fill('Morgan');
	await sheet.getByRole('textbox', { name: 'Last Name' }).fill('Lake');
	await sheet.getByRole('textbox', { name: 'Email Address' }).fill(`morgan-${Date.now()}@client.example`);
	await sheet.getByRole('button', { name: 'Submit' }).click();
	await sheet.waitFor({ state: 'detached' });

	// Straight on to the next one while "Morgan Lake added." still shows.
	await page.getByRole('link', { name: 'New' }).click();
	const toast = page.getByRole('group', { name: 'Message' });
	await toast.waitFor();
	for (const name of ['Cancel', 'Submit']) {
		const button = sheet.getByRole('button', { name, exact: true });
		await button.waitFor();
		assert.equal(await overlaps(toast, button), false, `the toast leaves ${name} uncovered`);
	}
});
