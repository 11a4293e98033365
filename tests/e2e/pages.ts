import type { Page } from 'playwright-core';

export const baseUrl = process.env.BASE_URL ?? 'http://localhost:5173';

/** Opens a page and waits until Svelte has hydrated it, so forms submit through the API. */
export async function open(page: Page, path: string) {
	await page.goto(`${baseUrl}${path}`);
	await page.waitForSelector('html[data-hydrated]');
}
