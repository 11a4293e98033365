/**
 * Bulk Create end to end (issue 12): the admin opens Engagements > "+ New" > "Bulk Create",
 * downloads the template, uploads 50 rows of which 3 are bad (the good ones add new coachees
 * by name), watches the job read it, gets 47 engagements and the 3 lines with their reasons,
 * and downloads the rejected rows to fix. Without scripts, the same form uploads and lands on
 * the same result.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { open, signIn } from './pages';

const run = Date.now().toString(36);
const base = '/t/northwind-coaching';
const folder = mkdtempSync(join(process.env.TANDEM_E2E_PROFILES ?? tmpdir(), 'tandem-bulk-'));
const contexts: BrowserContext[] = [];
before(async () => contexts.push(await launchBrowser(), await launchBrowser(undefined, { javaScript: false })));
after(async () => {
	for (const context of contexts) await context.close();
});

/** The template's header, 47 good rows for new coachees of Priya's, and 3 bad ones on lines 6, 21 and 41.
 * Their last name sorts after every demo name: Priya's coachee list (by name, 25 a page)
 * keeps the coachees other walks add on its first page. */
function bulkFile(header: string, tag: string): string {
	const rows = Array.from({ length: 47 }, (_, i) => `${tag}-${i}@client.demo,Bulk,Zimmer ${i},priya@northwind.demo,Leadership Foundations,,2026-12-01,,Active,0,https://example.com/pack,Welcome pack,1`);
	rows.splice(4, 0, `${tag}-bad1@client.demo,Bad,One,nobody@northwind.demo,Leadership Foundations,,2026-12-01,,Draft,0,,,`);
	rows.splice(19, 0, `${tag}-bad2@client.demo,Bad,Two,priya@northwind.demo,Leadership Foundations,,31/12/2026,,Draft,0,,,`);
	rows.splice(39, 0, `${tag}-bad3@client.demo,Bad,Three,priya@northwind.demo,Leadership Foundations,,2026-12-01,,Draft,0,javascript:alert(1),Trap,0`);
	return [header, ...rows].join('\r\n') + '\r\n';
}

async function downloadText(page: Page, linkName: string): Promise<{ name: string; text: string }> {
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: linkName }).click()]);
	const path = join(folder, download.suggestedFilename());
	await download.saveAs(path);
	return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

const rejectedRows = (page: Page) => page.getByRole('table', { name: 'Rejected rows' }).getByRole('row');

test('an admin bulk creates 47 engagements from 50 rows and downloads the 3 rejected ones', { timeout: 180_000 }, async () => {
	const page = await contexts[0]!.newPage();
	await signIn(page, 'admin@northwind.demo');
	await open(page, `${base}/engagements`);
	await page.getByRole('button', { name: 'New engagement' }).click(); // "+ New"
	await page.getByRole('menuitem', { name: /Bulk Create/ }).click();
	await page.waitForURL(/\/engagements\/bulk$/);
	await page.getByRole('heading', { name: 'Bulk Create', level: 1 }).waitFor();

	const template = await downloadText(page, 'Download the template CSV');
	assert.equal(template.name, 'bulk-create-template.csv');
	const [header, example] = template.text.replace(/^\uFEFF/, '').split('\r\n');
	assert.match(header!, /^Coachee email,Coachee first name,Coachee last name,Coach email,Program template,.*Status,Is_shared,Link_1,Link_1 name,Link_1 complete$/);
	assert.match(example!, /^jordan@client\.demo,Jordan,Avery,priya@northwind\.demo,Leadership Foundations,/);

	const file = join(folder, `bulk-${run}.csv`);
	writeFileSync(file, bulkFile(header!, `bulk${run}`));
	await page.getByLabel('CSV file').setInputFiles(file);
	await page.getByRole('button', { name: 'Upload' }).click();
	await page.waitForURL(/\/engagements\/bulk\/[0-9a-f-]{36}$/);
	// The progress while it runs (or already at the end: 50 rows go fast), then the result.
	await page.getByText('Reading your file').waitFor();
	await page.getByText('47 engagements created').waitFor({ timeout: 120_000 });
	assert.match(await page.locator('.job-progress').innerText(), /Rows read\s*50\s*Created\s*47\s*Rejected\s*3/);

	const lines = await rejectedRows(page).allInnerTexts();
	assert.equal(lines.length, 4); // the header row and three lines
	assert.match(lines[1]!, /^6\s+bulk\w+-bad1@client\.demo\s+Unknown coach: no one in this workspace has the email nobody@northwind\.demo\./);
	assert.match(lines[2]!, /^21\s+bulk\w+-bad2@client\.demo\s+Start date “31\/12\/2026” is not written as YYYY-MM-DD/);
	assert.match(lines[3]!, /^41\s+bulk\w+-bad3@client\.demo\s+Bad link: Link_1 “javascript:alert\(1\)”/);

	const rejected = await downloadText(page, 'Download rejected rows (CSV)');
	assert.equal(rejected.name, `bulk-${run} - rejected rows.csv`);
	const rows = rejected.text.replace(/^\uFEFF/, '').trim().split('\r\n');
	assert.equal(rows[0], `${header},Error`);
	assert.deepEqual(
		rows.slice(1).map((row) => row.split(',')[0]),
		['bad1', 'bad2', 'bad3'].map((bad) => `bulk${run}-${bad}@client.demo`)
	);

	// The new coachees are Priya's, Not invited, and their engagements are on the list.
	await page.getByRole('link', { name: 'Open Engagements' }).click();
	await page.waitForURL(/\/engagements$/);
	await open(page, `${base}/coachees?q=bulk${run}-7%40`);
	await page.getByRole('row').filter({ hasText: `bulk${run}-7@client.demo` }).filter({ hasText: 'Not invited' }).waitFor();
});

test('without scripts the same form uploads and shows the result', { timeout: 120_000 }, async () => {
	const page = await contexts[1]!.newPage();
	await signIn(page, 'admin@northwind.demo', { scripts: false });
	await page.goto(`${page.url().replace(/\/t\/.*$/, '')}${base}/engagements/bulk`);
	const file = join(folder, `plain-${run}.csv`);
	writeFileSync(file, bulkFile('Coachee email,Coachee first name,Coachee last name,Coach email,Program template,Engagement name,Start date,End date,Status,Is_shared,Link_1,Link_1 name,Link_1 complete', `plain${run}`));
	await page.getByLabel('CSV file').setInputFiles(file);
	await page.getByRole('button', { name: 'Upload' }).click();
	await page.waitForURL(/\/engagements\/bulk\/[0-9a-f-]{36}$/);
	// The page refreshes itself (<noscript>) until the job is done.
	await page.getByText('47 engagements created').waitFor({ timeout: 120_000 });
	assert.equal((await rejectedRows(page).count()) - 1, 3);
});
