import { test } from 'node:test';
import assert from 'node:assert/strict';
import { coachAndCoachee } from './browser';
import { baseUrl, linkInMailbox, open } from './pages';

const browsers = coachAndCoachee();

test('a coach invites a new coachee, who activates from the emailed link, and the list shows Active', async () => {
	const { coach, coachee } = browsers;
	const email = `riley-${Date.now()}@client.example`;

	await open(coach, '/signin');
	await coach.getByRole('textbox', { name: 'Email', exact: true }).fill('priya@northwind.demo');
	await coach.getByRole('textbox', { name: 'Password', exact: true }).fill('tandem-demo-2026');
	await coach.getByRole('button', { name: 'Sign in' }).click();
	await coach.waitForURL(/\/t\/northwind-coaching$/);

	await open(coach, '/t/northwind-coaching/coachees');
	// "New" is a link to /coachees/new that opens the form as a dialog in place.
	await coach.getByRole('link', { name: 'New' }).click();
	const dialog = coach.getByRole('dialog');
	await dialog.getByRole('textbox', { name: 'First Name' }).fill('Riley');
	await dialog.getByRole('textbox', { name: 'Last Name' }).fill('Quinn');
	await dialog.getByRole('textbox', { name: 'Email Address' }).fill(email);
	await dialog.getByRole('checkbox', { name: 'Send Invitation' }).check();
	await dialog.getByRole('button', { name: 'Submit' }).click();
	const row = coach.getByRole('row').filter({ hasText: email });
	await row.getByText('Invited').waitFor();
	assert.ok(coach.url().endsWith('/t/northwind-coaching/coachees'), 'the dialog closed back to the list');
	await coach.getByRole('button', { name: 'View profile' }).waitFor();

	// The coachee opens the activation email from the local outbox.
	const link = await linkInMailbox(coachee, email, '/invite/');
	assert.ok(link?.startsWith(`${baseUrl}/invite/northwind-coaching/`), `activation link points at this app: ${link}`);
	await coachee.goto(link!);
	await coachee.waitForSelector('html[data-hydrated]');
	await coachee.getByRole('textbox', { name: 'Choose a password' }).fill('riley quinn passphrase');
	await coachee.getByRole('button', { name: 'Activate your account' }).click();
	await coachee.waitForURL(/\/t\/northwind-coaching$/);
	await coachee.getByText('Priya Raman').first().waitFor();

	await coach.reload();
	await coach.getByRole('row').filter({ hasText: email }).getByText('Active').waitFor();
	// The bell counts it (the demo leaves Priya other unread news), and the list says it.
	await coach.getByRole('link', { name: /Notifications, \d+ unread/ }).waitFor();
	await open(coach, '/t/northwind-coaching/notifications');
	await coach.getByText('Riley Quinn activated their account').first().waitFor();
});
