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
