import type { Platform as ServerPlatform } from '$lib/server/platform/ports';
import type { SessionUser } from '$lib/server/auth/sessions';

declare global {
	namespace App {
		interface Locals {
			platform: ServerPlatform;
			user: SessionUser | null;
		}
		interface Platform {
			env: import('$lib/server/platform/cloudflare/env').CloudflareEnv;
			ctx: ExecutionContext;
		}
	}
}

export {};
