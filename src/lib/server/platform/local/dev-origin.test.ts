import { describe, expect, it } from 'vitest';
import { createLocalRuntime } from '.';
import { devOriginVariable, localAppUrl, originOfListeningServer } from './dev-origin';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('the origin in local email links', () => {
	it('is where the dev server listens when 5173 was taken', () => {
		const origin = originOfListeningServer({ address: '127.0.0.1', family: 'IPv4', port: 5174 }, false);
		expect(origin).toBe('http://localhost:5174');
		expect(localAppUrl({ [devOriginVariable]: origin })).toBe('http://localhost:5174');
	});

	it('names loopback and wildcard addresses localhost, and keeps a LAN address', () => {
		expect(originOfListeningServer({ address: '::1', family: 'IPv6', port: 5180 }, false)).toBe('http://localhost:5180');
		expect(originOfListeningServer({ address: '::', family: 'IPv6', port: 5180 }, true)).toBe('https://localhost:5180');
		expect(originOfListeningServer({ address: '192.168.1.20', family: 'IPv4', port: 5173 }, false)).toBe('http://192.168.1.20:5173');
		expect(originOfListeningServer({ address: 'fe80::1', family: 'IPv6', port: 5173 }, false)).toBe('http://[fe80::1]:5173');
	});

	it('is APP_URL when set by hand, and Vite default before the server reports', () => {
		expect(localAppUrl({ APP_URL: 'https://tandem.test', [devOriginVariable]: 'http://localhost:5174' })).toBe('https://tandem.test');
		expect(localAppUrl({})).toBe('http://localhost:5173');
	});

	it('follows a port reported after the local runtime was created', async () => {
		const dataDir = mkdtempSync(join(tmpdir(), 'tandem-origin-'));
		const env: Record<string, string | undefined> = {};
		const runtime = await createLocalRuntime({ dataDir, config: { get appUrl() { return localAppUrl(env); } } });
		env[devOriginVariable] = 'http://localhost:5174';
		expect(runtime.platform.config.appUrl).toBe('http://localhost:5174');
		expect(runtime.platform.config.devTools).toBe(true);
		runtime.close();
		rmSync(dataDir, { recursive: true, force: true });
	});
});
