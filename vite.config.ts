import type { AddressInfo } from 'node:net';
import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/** Tells the dev runtime (src/lib/server/platform/local/dev-runtime.ts) the port the server
 * really listens on, for email links: Vite moves to the next port when 5173 is taken. */
function reportDevOrigin(): Plugin {
	return {
		name: 'tandem:dev-origin',
		apply: 'serve',
		configureServer(server) {
			const httpServer = server.httpServer;
			httpServer?.once('listening', () => {
				const { port } = httpServer.address() as AddressInfo;
				process.env.TANDEM_DEV_ORIGIN = `${server.config.server.https ? 'https' : 'http'}://localhost:${port}`;
			});
		}
	};
}

export default defineConfig({
	plugins: [sveltekit(), reportDevOrigin()],
	server: { port: 5173 },
	// Loaded by a dynamic import only when someone types a new password; listed so Vite
	// optimizes them at start instead of answering that first import with a 504 and a reload.
	optimizeDeps: {
		include: [
			'@zxcvbn-ts/core',
			'@zxcvbn-ts/language-common',
			'@zxcvbn-ts/language-en/dist/commonWords.json.mjs',
			'@zxcvbn-ts/language-en/dist/firstnames.json.mjs',
			'@zxcvbn-ts/language-en/dist/translations.mjs'
		]
	},
	test: {
		include: ['src/**/*.test.ts', 'workers/**/*.test.ts', 'scripts/**/*.test.ts'],
		environment: 'node',
		testTimeout: 20_000,
		hookTimeout: 30_000
	}
});
