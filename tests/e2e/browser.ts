/** Debian's chromium driven by playwright-core; nothing is downloaded. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** `javaScript: false` browses as someone whose scripts are off (or not loaded yet). */
export async function launchBrowser(viewport = { width: 1280, height: 860 }, { javaScript = true } = {}): Promise<BrowserContext> {
	// Under the runner's folder, which it removes at the end (chromium still writes to a
	// profile for a moment after it closes).
	const profile = mkdtempSync(join(process.env.TANDEM_E2E_PROFILES ?? tmpdir(), 'tandem-chromium-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		headless: true,
		viewport,
		javaScriptEnabled: javaScript,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync'
		]
	});
	return context;
}
