/** Debian's chromium driven by playwright-core; nothing is downloaded. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** `javaScript: false` browses as someone whose scripts are off (or not loaded yet). */
export async function launchBrowser(viewport = { width: 1280, height: 860 }, { javaScript = true } = {}): Promise<BrowserContext> {
	const profile = mkdtempSync(join(tmpdir(), 'tandem-chromium-'));
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
	context.on('close', () => rmSync(profile, { recursive: true, force: true }));
	return context;
}
