/**
 * Accepting an invitation by its emailed link. Used by every kind of person a tenant
 * invites (members and coachees). A link is good only for the address it was emailed to,
 * and only while that is still the person's address: the account it creates or links is
 * the one for that address, never another.
 *
 * Writes are ordered control user → tenant claim → control membership. The claim is one
 * conditional batch (the invitation, marked with the accepting user, and the person), so
 * of two racing requests, or a race with an email change, exactly one outcome wins. The
 * membership is written only from a claim that holds; if the request dies before it, the
 * same user opening the link again finishes the job.
 */
import { and, eq, exists, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { TenantDb } from '../db';
import { openControlDb, openTenantDb } from '../db';
import { tenants } from '../db/control/schema';
import { invitations, people } from '../db/tenant/schema';
import { secretMatches, splitToken } from '../auth/crypto';
import { createUser, findUserByEmail } from '../auth/service';
import type { SessionUser } from '../auth/sessions';
import { createSession } from '../auth/sessions';
import type { Platform } from '../platform/ports';
import type { TenantDirectory } from '../tenancy/directory';
import { upsertMembership } from '../tenancy/service';
import { badRequest, conflict, constraintViolation, domainErrorIn, fieldError, forbidden, notFound } from '../errors';
import { roleLabels } from '../../permissions';
import { onMemberJoined } from '../members/joined';
import { acceptInvitationLabel } from '../../invitations/labels';
import { onCoacheeActivated } from '../coachees/service';

type Invitation = typeof invitations.$inferSelect;
type Person = typeof people.$inferSelect;

const alreadyAccepted = 'This invitation has already been accepted. Sign in to continue.';

/** What an invitation link names: the workspace (found through the request's directory) and the token. */
export interface InvitationLink {
	tenant: string;
	token: string;
}

async function loadInvitation(platform: Platform, tenantBySlug: TenantDirectory, tenantSlug: string, token: string) {
	const tenant = await tenantBySlug(tenantSlug);
	if (!tenant || tenant.status !== 'active') throw notFound(`There is no workspace at "${tenantSlug}". Check the link in your email.`);
	const db = await openTenantDb(platform, tenant);
	const parts = splitToken(token);
	const invalid = () => badRequest('This invitation link is not valid. Open the whole link from the email, or ask for a new invitation.');
	if (!parts) throw invalid();
	// The link and its person in one round trip.
	const [[invitation], [person]] = await db.batch([
		db.select().from(invitations).where(eq(invitations.id, parts.id)),
		db
			.select()
			.from(people)
			.where(inArray(people.id, db.select({ id: invitations.personId }).from(invitations).where(eq(invitations.id, parts.id))))
	]);
	if (!invitation || !(await secretMatches(parts.secret, invitation.secretHash))) throw invalid();
	if (!person) throw notFound('This invitation is no longer valid. Ask for a new one.');
	return { tenant, db, invitation, person };
}

/** Why this link cannot be accepted now, or null when it can. */
function refusalOf(invitation: Invitation, person: Person, now: Date): string | null {
	if (invitation.acceptedAt) return alreadyAccepted;
	if (invitation.revokedAt) {
		return 'This invitation is no longer valid: a newer one was sent or it was revoked. Use the latest email, or ask for a new invitation.';
	}
	if (invitation.expiresAt <= now) return 'This invitation has expired. Ask for a new one.';
	if (invitation.email !== person.email || person.status !== 'invited') {
		return 'This invitation is no longer valid: the details it was sent with have changed. Use the latest email, or ask for a new invitation.';
	}
	return null;
}

/** The user who claimed this link, opening it again: they may finish what a crash interrupted. */
const claimedBy = (invitation: Invitation, user: SessionUser | null) => Boolean(user && invitation.acceptedBy === user.id);

/** The invitation behind a link, if it can still be accepted (or finished) by this visitor. */
async function openInvitation(platform: Platform, tenantBySlug: TenantDirectory, input: InvitationLink, user: SessionUser | null) {
	const loaded = await loadInvitation(platform, tenantBySlug, input.tenant, input.token);
	const refusal = claimedBy(loaded.invitation, user) ? null : refusalOf(loaded.invitation, loaded.person, platform.clock.now());
	if (refusal) throw badRequest(refusal);
	return loaded;
}

export async function previewInvitation(platform: Platform, tenantBySlug: TenantDirectory, input: InvitationLink, user: SessionUser | null) {
	const { tenant, invitation, person } = await openInvitation(platform, tenantBySlug, input, user);
	const signedInAsInvitee = user?.email === person.email;
	return {
		tenantName: tenant.name,
		email: person.email,
		firstName: person.firstName,
		lastName: person.lastName,
		roleLabel: person.roles.map((role) => roleLabels[role]).join(' and '),
		acceptLabel: acceptInvitationLabel(person.roles),
		accountExists: invitation.accountExists || signedInAsInvitee,
		signedInAsInvitee
	};
}

interface AcceptInput {
	tenant: string;
	token: string;
	firstName: string;
	lastName: string;
	password?: string;
}

export async function acceptInvitation(platform: Platform, tenantBySlug: TenantDirectory, input: AcceptInput, user: SessionUser | null) {
	const { tenant, db, invitation, person } = await openInvitation(platform, tenantBySlug, input, user);
	const place = { platform, tenant, db };
	if (claimedBy(invitation, user)) return finishAcceptance(platform, place, person.id, user!.id, user);
	// openInvitation checked that the person's address is still the one the link was sent to.
	const account = await inviteeAccount(platform, person.email, input, user);
	if (await claimInvitation(db, invitation, person.email, account.id, input, platform.clock.now())) {
		const accepted = await finishAcceptance(platform, place, person.id, account.id, user);
		// Only the request that claimed the link announces the activation (no double notice on a double click).
		if (accepted.person.roles.includes('coachee')) await onCoacheeActivated(place, accepted.person);
		else await onMemberJoined(place, accepted.person);
		return accepted;
	}
	const latest = await db.query.invitations.findFirst({ where: eq(invitations.id, invitation.id) });
	// The same account's twin request (a double click) got there first: it is done, or about to be.
	if (latest?.acceptedBy === account.id) return finishAcceptance(platform, place, person.id, account.id, user);
	throw conflict(await whyNotClaimed(db, latest, platform.clock.now()));
}

async function whyNotClaimed(db: TenantDb, invitation: Invitation | undefined, now: Date) {
	const person = invitation && (await db.query.people.findFirst({ where: eq(people.id, invitation.personId) }));
	return (invitation && person && refusalOf(invitation, person, now)) || alreadyAccepted;
}

/** The account for the invited address: the signed-in one, or a new one (verified, since the
 * link proves the address). Never an account for any other address. */
async function inviteeAccount(platform: Platform, email: string, input: AcceptInput, user: SessionUser | null) {
	const account = await findUserByEmail(openControlDb(platform), email);
	if (account) {
		if (user?.id !== account.id) throw forbidden(`An account for ${email} already exists. Sign in as ${email} first, then open this link again.`);
		return account;
	}
	if (!input.password) throw fieldError('password', 'Choose a password for your new account.');
	try {
		return await createUser(platform, { firstName: input.firstName, lastName: input.lastName, email, password: input.password }, { verified: true });
	} catch (error) {
		// A concurrent request with the same link created the account a moment ago.
		if (constraintViolation(error) === 'unique' || domainErrorIn(error)?.code === 'conflict') throw conflict(alreadyAccepted);
		throw error;
	}
}

/** Spends the link for `accountId` and activates the person, in one step that holds only if
 * the link is still open and the person still has the address it was sent to. */
async function claimInvitation(db: TenantDb, invitation: Invitation, email: string, accountId: string, names: AcceptInput, now: Date) {
	const [claim] = await db.batch([
		db
			.update(invitations)
			.set({ acceptedAt: now, acceptedBy: accountId })
			.where(
				and(
					eq(invitations.id, invitation.id),
					eq(invitations.email, email),
					isNull(invitations.acceptedAt),
					isNull(invitations.revokedAt),
					gt(invitations.expiresAt, now),
					exists(
						db
							.select({ one: sql`1` })
							.from(people)
							.where(and(eq(people.id, invitation.personId), eq(people.email, email), eq(people.status, 'invited')))
					)
				)
			),
		db
			.update(people)
			.set({ firstName: names.firstName, lastName: names.lastName, userId: accountId, status: 'active', activatedAt: now })
			.where(
				and(
					eq(people.id, invitation.personId),
					eq(people.status, 'invited'),
					exists(
						db
							.select({ one: sql`1` })
							.from(invitations)
							.where(and(eq(invitations.id, invitation.id), eq(invitations.acceptedBy, accountId)))
					)
				)
			)
	]);
	return claim.rowsAffected === 1;
}

/** Mirrors the claimed, active person into the control plane and signs the user in. Reads the
 * person back, so access follows the tenant's record (a person deactivated since gets none). */
async function finishAcceptance(
	platform: Platform,
	{ tenant, db }: { tenant: typeof tenants.$inferSelect; db: TenantDb },
	personId: string,
	accountId: string,
	user: SessionUser | null
) {
	const person = await db.query.people.findFirst({
		where: and(eq(people.id, personId), eq(people.userId, accountId), eq(people.status, 'active'))
	});
	if (!person) throw conflict(alreadyAccepted);
	await upsertMembership(platform, { userId: accountId, tenantId: tenant.id, roles: person.roles, status: 'active', personId: person.id });
	const session = user?.id === accountId ? null : await createSession(openControlDb(platform), accountId, platform.clock.now());
	return { session, redirectTo: `/t/${tenant.slug}`, person };
}
