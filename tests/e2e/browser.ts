/** Debian's chromium driven by playwright-core; nothing is downloaded. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** `javaScriptEnabled: false` browses as someone whose scripts are off or failed to load. */
export async function launchBrowser(viewport = { width: 1280, height: 860 }, { javaScriptEnabled = true } = {}): Promise<BrowserContext> {
	return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'tandem-chromium-')), {
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		headless: true,
		viewport,
		javaScriptEnabled,
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
}
