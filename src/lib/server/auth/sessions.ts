/** Sessions are `id.secret` tokens; the database keeps only a hash of the secret. A request
 * resolves its session together with its workspaces (tenancy/identity.ts). */
import { eq } from 'drizzle-orm';
import type { ControlDb } from '../db';
import { sessions } from '../db/control/schema';
import { mintToken } from './crypto';

export const sessionCookieName = 'tandem_session';
const sessionLifetimeMs = 30 * 24 * 60 * 60 * 1000;

export interface SessionUser {
	id: string;
	email: string;
	name: string;
	emailVerified: boolean;
	sessionId: string;
}

export async function createSession(db: ControlDb, userId: string, now: Date) {
	const { id, token, secretHash } = await mintToken();
	const expiresAt = new Date(now.getTime() + sessionLifetimeMs);
	await db.insert(sessions).values({ id, secretHash, userId, expiresAt });
	return { token, expiresAt };
}

export async function deleteSession(db: ControlDb, sessionId: string) {
	await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function deleteAllSessions(db: ControlDb, userId: string) {
	await db.delete(sessions).where(eq(sessions.userId, userId));
}
