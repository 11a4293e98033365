import type { Platform as ServerPlatform } from '$lib/server/platform/ports';
import type { SessionUser } from '$lib/server/auth/sessions';
import type { TenantDirectory } from '$lib/server/tenancy/directory';
import type { Workspace } from '$lib/server/tenancy/identity';
import type { TenantScopes } from '$lib/server/trpc/context';

declare global {
	namespace App {
		interface Locals {
			platform: ServerPlatform;
			user: SessionUser | null;
			/** Every workspace of the signed-in user, from the request's one control query. */
			workspaces: Workspace[];
			/** Tenant scopes opened by this request, shared by all its loads and procedures. */
			scopes: TenantScopes;
			/** Tenant rows by slug, looked up once per request (emailed links). */
			tenantBySlug: TenantDirectory;
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
