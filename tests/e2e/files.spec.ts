/**
 * Files end to end: a coach uploads a Shared PDF to Jordan's profile with "+ Files" (the
 * browser puts the bytes straight to storage through a signed link, with a progress bar),
 * Jordan signs in on a phone, opens Files, finds it (also through his notification) and
 * downloads it, and the bytes he gets are the ones the coach sent.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { coachAndCoachee } from './browser';
import { open, signIn } from './pages';

const browsers = coachAndCoachee();

const run = Date.now().toString(36);
const name = `Offsite agenda ${run}.pdf`;
/** A PDF whose bytes are unique to this run, so a stale copy cannot pass for it. */
const pdf = Buffer.from(`%PDF-1.4\n% run ${run}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);

test('a coach shares a PDF with "+ Files" and the coachee downloads the same bytes', { timeout: 120_000 }, async () => {
	const { coach, coachee } = browsers;
	await signIn(coach, 'priya@northwind.demo');
	await open(coach, '/t/northwind-coaching/coachees');
	await coach.getByRole('link', { name: 'Jordan Avery' }).first().click();
	await coach.getByRole('link', { name: 'Files', exact: true }).click();
	await coach.waitForURL(/\/files$/);

	await coach.getByRole('link', { name: '+ Files' }).click();
	const dialog = coach.getByRole('dialog');
	await dialog.getByLabel('Files').setInputFiles({ name, mimeType: 'application/pdf', buffer: pdf });
	await dialog.getByRole('radio', { name: 'Shared (visible to the coachee)' }).check();
	await dialog.getByRole('button', { name: 'Submit' }).click();
	await dialog.waitFor({ state: 'detached' });
	const row = coach.getByRole('row').filter({ hasText: name });
	await row.getByText('Shared').waitFor();

	await signIn(coachee, 'jordan@client.demo');
	await open(coachee, '/t/northwind-coaching/files');
	await coachee.getByRole('link', { name }).click();
	await coachee.getByRole('heading', { name }).waitFor();
	const [download] = await Promise.all([coachee.waitForEvent('download'), coachee.getByRole('link', { name: 'Download' }).click()]);
	assert.equal(download.suggestedFilename(), name);
	assert.deepEqual(await readFile((await download.path())!), pdf);
});
