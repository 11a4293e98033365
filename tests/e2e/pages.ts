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

/** POSTs to /dev/clock (dev tools only) as a form from the app's own origin, which SvelteKit's
 * origin check on form POSTs requires; answers the app's new time. */
async function postClock(target: Page | string, fields: Record<string, string>): Promise<Date> {
	const origin = typeof target === 'string' ? target : target.url().startsWith('http') ? new URL(target.url()).origin : baseUrl;
	const response = await fetch(`${origin}/dev/clock`, { method: 'POST', headers: { origin, accept: 'application/json' }, body: new URLSearchParams(fields) });
	if (!response.ok) throw new Error(`/dev/clock answered ${response.status}: ${await response.text()}`);
	return new Date(((await response.json()) as { now: string }).now);
}

/**
 * Moves the app's clock forward by "2d", "3h" or "90m", for the pages and the cron alike
 * (in workerd the jobs worker reads it at its next tick), so work due then is sent at the
 * next tick instead of then. Every spec shares one server and data folder: a spec that
 * moves the clock calls `resetClock` in its `after`, or the specs after it run in its future.
 */
export function advanceClock(target: Page | string, by: string): Promise<Date> {
	return postClock(target, { advance: by });
}

/** Takes the app's clock back to the machine's time. */
export function resetClock(target: Page | string): Promise<Date> {
	return postClock(target, { reset: '' });
}
