import adapter from '@sveltejs/adapter-cloudflare';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter(),
		// tRPC mutations are JSON POSTs that SvelteKit's form CSRF check does not see;
		// src/lib/server/trpc/http.ts checks their Origin itself.
		csrf: { trustedOrigins: [] },
		// SvelteKit adds a per-response nonce for its inline hydration script to script-src
		// (and, in `vite dev` only, 'unsafe-inline' to style-src for Vite's injected styles;
		// 'self' covers the HMR websocket on the same host and port).
		// The other headers every response carries: src/lib/server/security.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self'],
				// Server-rendered style="" attributes (Svelte's style: directives, bits-ui's
				// positioning, app.html) are blocked without this; <style> elements stay banned.
				'style-src-attr': ['unsafe-inline'],
				// Files go to and come from R2 directly through presigned links on the account's
				// S3 endpoint (src/lib/server/platform/cloudflare/presign.ts): the upload's PUT, and
				// the image and PDF previews on a file's page.
				'img-src': ['self', 'data:', 'https://*.r2.cloudflarestorage.com'],
				'connect-src': ['self', 'https://*.r2.cloudflarestorage.com'],
				'frame-src': ['self', 'https://*.r2.cloudflarestorage.com'],
				'form-action': ['self'],
				'base-uri': ['self'],
				'object-src': ['none'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
