import type { Platform } from '../platform/ports';
import type { SessionUser } from '../auth/sessions';

/** What every procedure receives. Cookies are written through `session`, so the same
 * procedures work behind the HTTP handler and from server-side callers. */
export interface Context {
	platform: Platform;
	user: SessionUser | null;
	clientAddress: string;
	session: SessionCookieWriter;
}

export interface SessionCookieWriter {
	set(token: string, expiresAt: Date): void;
	clear(): void;
}
