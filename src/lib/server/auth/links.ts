/** Single-use, expiring links for email verification, password reset and sign-in. */
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { ControlDb } from '../db';
import { authTokens, type AuthTokenKind } from '../db/control/schema';
import { mintToken, secretMatches, splitToken } from './crypto';

export const linkLifetimeMs: Record<AuthTokenKind, number> = {
	verify_email: 24 * 60 * 60 * 1000,
	reset_password: 60 * 60 * 1000,
	sign_in_link: 15 * 60 * 1000
};

export async function issueLink(
	db: ControlDb,
	input: { kind: AuthTokenKind; userId: string; redirectTo?: string | null },
	now: Date
): Promise<string> {
	const { id, token, secretHash } = await mintToken();
	await db.insert(authTokens).values({
		id,
		kind: input.kind,
		userId: input.userId,
		secretHash,
		redirectTo: input.redirectTo ?? null,
		expiresAt: new Date(now.getTime() + linkLifetimeMs[input.kind])
	});
	return token;
}

export type RedeemResult =
	| { ok: true; userId: string; redirectTo: string | null }
	| { ok: false; reason: 'invalid' | 'expired' | 'used' };

/** Whether the link would be redeemed now, without spending it. */
export async function readLink(db: ControlDb, kind: AuthTokenKind, token: string, now: Date): Promise<RedeemResult> {
	const parts = splitToken(token);
	if (!parts) return { ok: false, reason: 'invalid' };
	const row = await db.query.authTokens.findFirst({ where: and(eq(authTokens.id, parts.id), eq(authTokens.kind, kind)) });
	if (!row || !(await secretMatches(parts.secret, row.secretHash))) return { ok: false, reason: 'invalid' };
	if (row.usedAt) return { ok: false, reason: 'used' };
	if (row.expiresAt <= now) return { ok: false, reason: 'expired' };
	return { ok: true, userId: row.userId, redirectTo: row.redirectTo };
}

/** Marks the link used with a conditional update, so two clicks cannot both succeed. */
export async function redeemLink(db: ControlDb, kind: AuthTokenKind, token: string, now: Date): Promise<RedeemResult> {
	const read = await readLink(db, kind, token, now);
	if (!read.ok) return read;
	const parts = splitToken(token)!;
	const [claimed] = await db
		.update(authTokens)
		.set({ usedAt: now })
		.where(and(eq(authTokens.id, parts.id), isNull(authTokens.usedAt), gt(authTokens.expiresAt, now)))
		.returning({ id: authTokens.id });
	return claimed ? read : { ok: false, reason: 'used' };
}

/** Marks every unused link of this kind used, e.g. older reset links once the password changed. */
export async function spendLinks(db: ControlDb, input: { kind: AuthTokenKind; userId: string }, now: Date): Promise<void> {
	await db
		.update(authTokens)
		.set({ usedAt: now })
		.where(and(eq(authTokens.kind, input.kind), eq(authTokens.userId, input.userId), isNull(authTokens.usedAt)));
}

export const linkProblems: Record<Exclude<RedeemResult, { ok: true }>['reason'], string> = {
	invalid: 'This link is not valid. Check that you opened the whole link from the email, or ask for a new one.',
	expired: 'This link has expired. Ask for a new one below.',
	used: 'This link has already been used, or a newer link replaced it. Ask for a new one below.'
};
