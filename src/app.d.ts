import type { Platform as ServerPlatform } from '$lib/server/platform/ports';
import type { SessionUser } from '$lib/server/auth/sessions';

declare global {
	namespace App {
		interface Locals {
			platform: ServerPlatform;
			user: SessionUser | null;
		}
		interface PageState {
			/** A form route shown as a dialog over the page that opened it (shallow routing,
			 * $lib/components/routed-dialog.svelte.ts): its address and its loaded data. */
			dialog?: { href: string; data: Record<string, unknown> };
		}
		interface Platform {
			env: import('$lib/server/platform/cloudflare/env').CloudflareEnv;
			ctx: ExecutionContext;
		}
	}
}

export {};
