import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLocalRuntime } from '.';
import { localAppUrl } from './dev-runtime';

describe('the origin in local email links', () => {
	it('is where the dev server reports it listens, when 5173 was taken', () => {
		expect(localAppUrl({ TANDEM_DEV_ORIGIN: 'http://localhost:5174' })).toBe('http://localhost:5174');
	});

	it('is APP_URL when set by hand, and Vite default before the server reports', () => {
		expect(localAppUrl({ APP_URL: 'https://tandem.test', TANDEM_DEV_ORIGIN: 'http://localhost:5174' })).toBe('https://tandem.test');
		expect(localAppUrl({})).toBe('http://localhost:5173');
	});

	it('follows a port reported after the local runtime was created', async () => {
		const dataDir = mkdtempSync(join(tmpdir(), 'tandem-origin-'));
		const env: Record<string, string | undefined> = {};
		const runtime = await createLocalRuntime({
			dataDir,
			config: {
				get appUrl() {
					return localAppUrl(env);
				}
			}
		});
		env.TANDEM_DEV_ORIGIN = 'http://localhost:5174';
		expect(runtime.platform.config.appUrl).toBe('http://localhost:5174');
		expect(runtime.platform.config.devTools).toBe(true);
		runtime.close();
		rmSync(dataDir, { recursive: true, force: true });
	});
});
