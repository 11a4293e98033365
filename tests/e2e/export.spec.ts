/**
 * Export Engagements end to end (issue 12): an admin filters the Engagements list (Active,
 * coach Marcus, whose list fits one page even after the Bulk Create walk gave Priya dozens),
 * clicks "Export", keeps the filters, asks for one row per engagement, watches
 * the export finish and downloads the CSV: its rows are the engagements the filtered list
 * showed. Priya exports too and gets only the engagements she coaches.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { coachAndCoachee } from './browser';
import { open, signIn } from './pages';

const browsers = coachAndCoachee();
const base = '/t/northwind-coaching';

/** "Title / Coachee" of every row the Engagements list shows (staff table, one page). */
async function listedEngagements(page: Page): Promise<string[]> {
	await page.waitForLoadState('networkidle');
	await page.locator('table[aria-busy="true"]').waitFor({ state: 'detached' });
	const rows = page.getByRole('row').filter({ has: page.locator('a.title') });
	await rows.first().waitFor();
	const shown: string[] = [];
	for (const row of await rows.all()) shown.push(`${(await row.locator('a.title').innerText()).trim()} / ${(await row.locator('a.person').innerText()).trim()}`);
	return shown.sort();
}

/** Clicks "Export" on the export page, waits for the file and downloads it; its records. */
async function exportAndDownload(page: Page): Promise<Record<string, string>[]> {
	await page.getByRole('button', { name: 'Export', exact: true }).click();
	await page.waitForURL(/\/engagements\/export\/[^/]+$/);
	const download = page.getByRole('link', { name: 'Download CSV' });
	await download.waitFor({ timeout: 60_000 });
	assert.match(await page.getByText(/Available until/).innerText(), /Available until/);
	const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
	assert.match(file.suggestedFilename(), /^engagements-\d{4}-\d{2}-\d{2}\.csv$/);
	const bytes = await readFile((await file.path())!);
	assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the file starts with a UTF-8 BOM');
	return parse(bytes, { bom: true, columns: true }) as Record<string, string>[];
}

test('an admin exports the filtered Engagements list, one row per engagement, and gets the rows it showed', { timeout: 180_000 }, async () => {
	const admin = browsers.coach;
	await signIn(admin, 'admin@northwind.demo');
	await open(admin, `${base}/engagements`);
	await admin.getByLabel('Status', { exact: true }).selectOption('active');
	await admin.waitForURL(/status=active/);
	await admin.getByLabel('Coach', { exact: true }).selectOption({ label: 'Marcus Bell' });
	await admin.waitForURL(/coach=/);
	const listed = await listedEngagements(admin);
	assert.ok(listed.length > 0, 'the demo has active engagements coached by Marcus');

	await admin.getByRole('link', { name: 'Export', exact: true }).click();
	await admin.waitForURL(/\/engagements\/export\?/);
	await admin.waitForSelector('html[data-hydrated]');
	assert.equal(await admin.getByLabel('Engagement status').inputValue(), 'active');
	assert.equal(await admin.getByLabel('Coach', { exact: true }).locator('option:checked').innerText(), 'Marcus Bell');
	await admin.getByRole('radio', { name: /^Engagement/ }).check();
	const records = await exportAndDownload(admin);

	assert.deepEqual(records.map((r) => `${r.Engagement} / ${r.Coachee}`).sort(), listed);
	assert.ok(records.every((r) => r.Status === 'Active' && r.Coach === 'Marcus Bell'));
	assert.ok('Items completed' in records[0]! && !('Item title' in records[0]!), 'one row per engagement');
	// The export is listed among the admin's recent ones, ready to download again.
	await open(admin, `${base}/engagements/export`);
	await admin.getByRole('table', { name: 'Your recent exports' }).getByRole('cell', { name: 'Active · coach Marcus Bell · one row per engagement', exact: true }).first().waitFor();
});

test('a coach exports only the engagements they coach', { timeout: 120_000 }, async () => {
	const priya = browsers.coachee;
	await signIn(priya, 'priya@northwind.demo');
	await open(priya, `${base}/engagements/export`);
	assert.equal(await priya.getByLabel('Coach', { exact: true }).count(), 0, 'a coach is not offered other coaches');
	assert.ok(!(await priya.getByLabel('Engagement status').innerText()).includes('Draft'), 'nor Drafts');
	const records = await exportAndDownload(priya);
	assert.ok(records.length > 0);
	assert.ok(records.every((r) => r.Coach === 'Priya Raman' && r.Status !== 'Draft'));
});
