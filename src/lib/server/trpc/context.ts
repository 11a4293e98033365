import type { Platform } from '../platform/ports';
import type { SessionUser } from '../auth/sessions';
import type { TenantDirectory } from '../tenancy/directory';
import type { Workspace } from '../tenancy/identity';
import type { TenantScope } from '../tenancy/scope';

/** What every procedure receives. Cookies are written through `session`, so the same
 * procedures work behind the HTTP handler and from server-side callers. `workspaces` and
 * `scopes` belong to the request, not the call: a page's layout and page loads and an HTTP
 * batch all share them, so the request resolves who is asking and opens each tenant once. */
export interface Context {
	platform: Platform;
	user: SessionUser | null;
	workspaces: Workspace[];
	scopes: TenantScopes;
	/** Tenant rows by slug, for procedures that reach a tenant without a membership (links). */
	tenantBySlug: TenantDirectory;
	clientAddress: string;
	session: SessionCookieWriter;
}

/** Tenant scopes this request opened, by workspace slug. */
export type TenantScopes = Map<string, Promise<TenantScope>>;

export interface SessionCookieWriter {
	set(token: string, expiresAt: Date): void;
	clear(): void;
}
