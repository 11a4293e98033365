import type { Page } from 'playwright-core';

export const baseUrl = process.env.BASE_URL ?? 'http://localhost:5173';

/** Opens a page and waits until Svelte has hydrated it, so forms submit through the API. */
export async function open(page: Page, path: string) {
	await page.goto(`${baseUrl}${path}`);
	await page.waitForSelector('html[data-hydrated]');
}

/** Signs in with the demo password (through the plain form when `scripts` is false);
 * returns the path of the workspace home it lands on. */
export async function signIn(page: Page, email: string, { scripts = true } = {}): Promise<string> {
	if (scripts) await open(page, '/signin');
	else await page.goto(`${baseUrl}/signin`);
	await page.getByRole('textbox', { name: 'Email', exact: true }).fill(email);
	await page.getByRole('textbox', { name: 'Password', exact: true }).fill('tandem-demo-2026');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.waitForURL(/\/t\/[^/]+$/);
	return new URL(page.url()).pathname;
}

/**
 * Emails go out through the job queue: at once under `npm run dev`, within seconds in
 * workerd (the queue delivers batches). Reloads /dev/mail (works without scripts too) until
 * `count` emails to `to` with a link containing `path` (and `text`, when given) are there, and
 * returns the newest one's.
 */
export async function linkInMailbox(page: Page, to: string, path: string, { count = 1, timeoutMs = 45_000, text = '' } = {}): Promise<string> {
	const emails = page.getByRole('article').filter({ hasText: to }).filter({ hasText: text }).filter({ has: page.locator(`a[href*="${path}"]`) });
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		await page.goto(`${baseUrl}/dev/mail`);
		if ((await emails.count()) >= count) break;
		if (Date.now() > deadline) throw new Error(`No ${count > 1 ? `${count} emails` : 'email'} to ${to} reached /dev/mail within ${timeoutMs / 1000}s.`);
		await page.waitForTimeout(500);
	}
	const link = await emails.first().locator(`a[href*="${path}"]`).first().getAttribute('href');
	return link!;
}
