/** Sign-up, sign-in and the emailed links. Messages are written for the person reading them. */
import { and, eq, ne } from 'drizzle-orm';
import { openControlDb, type ControlDb } from '../db';
import { memberships, sessions, tenants, users, type TenantKind } from '../db/control/schema';
import { queueEmail } from '../mail/outbox';
import { emails } from '../mail/templates';
import type { Platform } from '../platform/ports';
import { createTenant, finishProvisioning, tenantsOfUser } from '../tenancy/service';
import { badRequest, fieldError, uniqueOr } from '../errors';
import { judgePassword } from '../../auth/password-strength';
import { emailTakenMessage } from '../../auth/schema';
import { hashPassword, passwordMatches } from './crypto';
import { issueLink, linkProblems, readLink, redeemLink, spendLinks } from './links';
import { claimAttempt, clearFailures, consumeRateLimit, refundRateLimit, type Backoff, type RateLimit } from './rate-limit';
import { createSession, deleteAllSessions } from './sessions';

export interface NewAccount {
	firstName: string;
	lastName: string;
	email: string;
	password: string;
}

export const fullName = (person: { firstName: string; lastName: string }) =>
	[person.firstName, person.lastName].filter(Boolean).join(' ');

export async function findUserByEmail(db: ControlDb, email: string) {
	return db.query.users.findFirst({ where: eq(users.email, email) });
}

const emailTaken = () =>
	fieldError('email', emailTakenMessage, 'conflict');

/** Refuses a new password that zxcvbn-ts judges guessable, saying why, under `field`. */
export async function refuseWeakPassword(password: string, person: { email: string; name: string }, field = 'password') {
	const verdict = await judgePassword(password, [person.email, person.name]);
	if (!verdict.acceptable) throw fieldError(field, verdict.problem!);
}

/** Creates the user, or refuses with a field error if the email is taken, also when a
 * concurrent sign-up with the same email got there first. */
export async function createUser(platform: Platform, account: NewAccount, options: { verified: boolean }) {
	const db = openControlDb(platform);
	if (await findUserByEmail(db, account.email)) throw emailTaken();
	await refuseWeakPassword(account.password, { email: account.email, name: fullName(account) });
	const passwordHash = await hashPassword(account.password);
	const [user] = await uniqueOr(
		() =>
			db
				.insert(users)
				.values({
					id: crypto.randomUUID(),
					email: account.email,
					name: fullName(account),
					passwordHash,
					emailVerifiedAt: options.verified ? platform.clock.now() : null
				})
				.returning(),
		emailTaken
	);
	return user!;
}

/** Every sign-up provisions a database, so one network may only start a few an hour. */
export async function limitSignUps(platform: Platform, clientAddress: string) {
	const rule: RateLimit = {
		key: `signup:ip:${clientAddress}`,
		limit: 10,
		windowMs: 60 * 60_000,
		message: 'Too many new accounts were created from your network in the last hour.'
	};
	await consumeRateLimit(openControlDb(platform), rule, platform.clock.now());
}

export async function signUp(
	platform: Platform,
	input: NewAccount & { organisation?: { name: string; kind: Exclude<TenantKind, 'solo'> } }
) {
	const user = await createUser(platform, input, { verified: false });
	const tenant = await createTenant(platform, {
		name: input.organisation?.name ?? `${fullName(input)} Coaching`,
		kind: input.organisation?.kind ?? 'solo',
		owner: { userId: user.id, email: user.email, firstName: input.firstName, lastName: input.lastName },
		ownerRoles: input.organisation ? ['admin'] : ['admin', 'coach']
	});
	await sendVerificationEmail(platform, user);
	return { user, tenant, session: await createSession(openControlDb(platform), user.id, platform.clock.now()) };
}

export async function sendVerificationEmail(platform: Platform, user: { id: string; email: string; name: string }) {
	const token = await issueLink(openControlDb(platform), { kind: 'verify_email', userId: user.id }, platform.clock.now());
	await queueEmail(platform, {
		to: user.email,
		content: emails.verifyEmail(user.name, `${platform.config.appUrl}/verify/${token}`),
		idempotencyKey: `verify:${token}`
	});
}

const wrongPasswordBackoff = { freeFailures: 5, firstWaitMs: 15_000, maxWaitMs: 15 * 60_000 };

/** Wrong passwords slow down whoever sends them, from where they send them: the owner of
 * the account, elsewhere, can still sign in at once. */
const signInBackoff = (email: string, clientAddress: string): Backoff => ({
	...wrongPasswordBackoff,
	key: `signin:${clientAddress}:${email}`,
	message: 'Too many wrong passwords for this account from your network.',
	alternative: 'Or use "Email me a sign-in link" to sign in now.'
});

/** Caps guessing across many accounts from one network; only failures count. */
const signInAddressLimit = (clientAddress: string): RateLimit => ({
	key: `signin:ip:${clientAddress}`,
	limit: 50,
	windowMs: 15 * 60_000,
	message: 'Too many failed sign-ins from your network.'
});

export async function signIn(platform: Platform, input: { email: string; password: string; clientAddress: string }) {
	const db = openControlDb(platform);
	const now = platform.clock.now();
	const backoff = signInBackoff(input.email, input.clientAddress);
	const addressLimit = signInAddressLimit(input.clientAddress);
	await claimAttempt(db, backoff, now);
	await consumeRateLimit(db, addressLimit, now);
	const user = await findUserByEmail(db, input.email);
	const matches = await passwordMatches(input.password, user?.passwordHash);
	if (!user || !matches) {
		throw fieldError('password', 'That email and password do not match. Check them, or use "Email me a sign-in link".');
	}
	await clearFailures(db, backoff.key);
	await refundRateLimit(db, addressLimit.key);
	await repairUnfinishedTenants(platform, user.id);
	return { user, session: await createSession(db, user.id, now) };
}

/** A sign-up interrupted between databases is finished the next time its owner signs in. */
async function repairUnfinishedTenants(platform: Platform, userId: string) {
	const unfinished = await openControlDb(platform)
		.select({ id: tenants.id })
		.from(memberships)
		.innerJoin(tenants, eq(tenants.id, memberships.tenantId))
		.where(and(eq(memberships.userId, userId), eq(tenants.status, 'provisioning')));
	for (const tenant of unfinished) await finishProvisioning(platform, tenant.id);
}

/** Always answers the same way, so nobody can learn which emails have accounts. */
export async function requestPasswordReset(platform: Platform, email: string) {
	const db = openControlDb(platform);
	await consumeRateLimit(db, { key: `reset:${email}`, limit: 5, windowMs: 60 * 60_000, message: 'Too many reset requests.' }, platform.clock.now());
	const user = await findUserByEmail(db, email);
	if (!user) return;
	const token = await issueLink(db, { kind: 'reset_password', userId: user.id }, platform.clock.now());
	await queueEmail(platform, {
		to: user.email,
		content: emails.resetPassword(user.name, `${platform.config.appUrl}/reset/${token}`),
		idempotencyKey: `reset:${token}`
	});
}

export async function resetPassword(platform: Platform, input: { token: string; password: string }) {
	const db = openControlDb(platform);
	const now = platform.clock.now();
	// Judged before the link is spent: a weak choice must not use it up.
	const link = await readLink(db, 'reset_password', input.token, now);
	if (!link.ok) throw fieldError('token', linkProblems[link.reason]);
	const owner = await db.query.users.findFirst({ where: eq(users.id, link.userId) });
	if (owner) await refuseWeakPassword(input.password, owner);
	const redeemed = await redeemLink(db, 'reset_password', input.token, now);
	if (!redeemed.ok) throw fieldError('token', linkProblems[redeemed.reason]);
	await db
		.update(users)
		.set({ passwordHash: await hashPassword(input.password), emailVerifiedAt: now })
		.where(eq(users.id, redeemed.userId));
	// A reset means the old password may be known to someone else: end every session, and
	// every other reset link, so an older email cannot undo this one.
	await spendLinks(db, { kind: 'reset_password', userId: redeemed.userId }, now);
	await deleteAllSessions(db, redeemed.userId);
	return createSession(db, redeemed.userId, now);
}

export async function requestSignInLink(platform: Platform, input: { email: string; redirectTo?: string }) {
	const db = openControlDb(platform);
	await consumeRateLimit(db, { key: `link:${input.email}`, limit: 5, windowMs: 15 * 60_000, message: 'Too many sign-in links requested.' }, platform.clock.now());
	const user = await findUserByEmail(db, input.email);
	if (!user) return;
	const token = await issueLink(db, { kind: 'sign_in_link', userId: user.id, redirectTo: input.redirectTo }, platform.clock.now());
	await queueEmail(platform, {
		to: user.email,
		content: emails.signInLink(user.name, `${platform.config.appUrl}/signin/link/${token}`),
		idempotencyKey: `signin-link:${token}`
	});
}

export async function redeemSignInLink(platform: Platform, token: string) {
	const db = openControlDb(platform);
	const now = platform.clock.now();
	const redeemed = await redeemLink(db, 'sign_in_link', token, now);
	if (!redeemed.ok) throw badRequest(linkProblems[redeemed.reason]);
	// Opening the emailed link proves the address.
	await db.update(users).set({ emailVerifiedAt: now }).where(eq(users.id, redeemed.userId));
	await repairUnfinishedTenants(platform, redeemed.userId);
	return { session: await createSession(db, redeemed.userId, now), redirectTo: redeemed.redirectTo };
}

export async function verifyEmail(platform: Platform, token: string) {
	const db = openControlDb(platform);
	const redeemed = await redeemLink(db, 'verify_email', token, platform.clock.now());
	if (!redeemed.ok) throw badRequest(linkProblems[redeemed.reason]);
	await db.update(users).set({ emailVerifiedAt: platform.clock.now() }).where(eq(users.id, redeemed.userId));
}

/** Where a user lands after signing in: their only tenant, or the first of several. */
export async function landingPath(platform: Platform, userId: string): Promise<string> {
	const [first] = await tenantsOfUser(platform, userId);
	return first ? `/t/${first.slug}` : '/account';
}

export async function changePassword(
	platform: Platform,
	input: { userId: string; currentPassword: string; newPassword: string; keepSessionId: string }
) {
	const db = openControlDb(platform);
	const now = platform.clock.now();
	// Someone holding a stolen session must not be able to guess the password to take the account.
	const backoff: Backoff = {
		...wrongPasswordBackoff,
		key: `password:user:${input.userId}`,
		message: 'Too many wrong current passwords.',
		alternative: 'If you forgot it, sign out and choose "Forgot your password?" on the sign-in page.'
	};
	await claimAttempt(db, backoff, now);
	const user = await db.query.users.findFirst({ where: eq(users.id, input.userId) });
	const matches = await passwordMatches(input.currentPassword, user?.passwordHash);
	if (!user || !matches) {
		throw fieldError('currentPassword', 'Your current password is not right.');
	}
	await clearFailures(db, backoff.key);
	await refuseWeakPassword(input.newPassword, user, 'newPassword');
	await db.update(users).set({ passwordHash: await hashPassword(input.newPassword) }).where(eq(users.id, user.id));
	await spendLinks(db, { kind: 'reset_password', userId: user.id }, now);
	await db.delete(sessions).where(and(eq(sessions.userId, user.id), ne(sessions.id, input.keepSessionId)));
}
