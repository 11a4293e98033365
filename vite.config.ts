import type { AddressInfo } from 'node:net';
import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { devOriginVariable, originOfListeningServer } from './src/lib/server/platform/local/dev-origin';

/** Tells the dev runtime the address the server really listens on, for email links. */
function reportDevOrigin(): Plugin {
	return {
		name: 'tandem:dev-origin',
		apply: 'serve',
		configureServer(server) {
			server.httpServer?.once('listening', () => {
				const address = server.httpServer?.address() as AddressInfo;
				process.env[devOriginVariable] = originOfListeningServer(address, Boolean(server.config.server.https));
			});
		}
	};
}

export default defineConfig({
	plugins: [sveltekit(), reportDevOrigin()],
	server: { port: 5173 },
	test: {
		include: ['src/**/*.test.ts', 'workers/**/*.test.ts', 'scripts/**/*.test.ts'],
		environment: 'node',
		testTimeout: 20_000,
		hookTimeout: 30_000
	}
});
