/** Debian's chromium driven by playwright-core; nothing is downloaded. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const args = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

/** `javaScript: false` browses as someone whose scripts are off (or not loaded yet). */
export async function launchBrowser(viewport = { width: 1280, height: 860 }, { javaScript = true } = {}): Promise<BrowserContext> {
	// Under the runner's folder, which it removes at the end (chromium still writes to a
	// profile for a moment after it closes).
	const profile = mkdtempSync(join(process.env.TANDEM_E2E_PROFILES ?? tmpdir(), 'tandem-chromium-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath,
		headless: true,
		viewport,
		javaScriptEnabled: javaScript,
		args
	});
	return context;
}

/** One browser for many isolated contexts (e.g. one signed-in context per role). */
export function launchSharedBrowser(): Promise<Browser> {
	return chromium.launch({ executablePath, headless: true, args });
}

/** A coach at a desk (1280 px) and a coachee on a phone (390 px), each in a browser of their
 * own, opened before the spec's tests and closed after them: read the pages inside a test. */
export function coachAndCoachee(): { coach: Page; coachee: Page } {
	const pages = {} as { coach: Page; coachee: Page };
	const contexts: BrowserContext[] = [];
	before(async () => {
		const [desk, phone] = await Promise.all([launchBrowser(), launchBrowser({ width: 390, height: 844 })]);
		contexts.push(desk, phone);
		pages.coach = await desk.newPage();
		pages.coachee = await phone.newPage();
	});
	after(async () => {
		for (const context of contexts) await context.close();
	});
	return pages;
}
