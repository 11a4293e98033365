import adapter from '@sveltejs/adapter-cloudflare';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter(),
		// tRPC mutations are JSON POSTs that SvelteKit's form CSRF check does not see;
		// src/lib/server/trpc/http.ts checks their Origin itself.
		csrf: { trustedOrigins: [] }
	}
};

export default config;
