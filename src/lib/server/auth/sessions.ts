/** Sessions are `id.secret` tokens; the database keeps only a hash of the secret. */
import { and, eq, gt } from 'drizzle-orm';
import type { ControlDb } from '../db';
import { sessions, users } from '../db/control/schema';
import { mintToken, secretMatches, splitToken } from './crypto';

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

export async function resolveSession(db: ControlDb, token: string, now: Date): Promise<SessionUser | null> {
	const parts = splitToken(token);
	if (!parts) return null;
	const [row] = await db
		.select({
			secretHash: sessions.secretHash,
			id: users.id,
			email: users.email,
			name: users.name,
			emailVerifiedAt: users.emailVerifiedAt
		})
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.where(and(eq(sessions.id, parts.id), gt(sessions.expiresAt, now)));
	if (!row || !(await secretMatches(parts.secret, row.secretHash))) return null;
	return {
		id: row.id,
		email: row.email,
		name: row.name,
		emailVerified: row.emailVerifiedAt !== null,
		sessionId: parts.id
	};
}

export async function deleteSession(db: ControlDb, sessionId: string) {
	await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function deleteAllSessions(db: ControlDb, userId: string) {
	await db.delete(sessions).where(eq(sessions.userId, userId));
}
