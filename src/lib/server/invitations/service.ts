/**
 * Accepting an invitation by its emailed link. Used by every kind of person a tenant
 * invites (members now, coachees next). Writes are ordered control user → control
 * membership → tenant person + invitation; each step is idempotent and the link is only
 * spent by the last one, so a retry after a crash finishes the job.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { openControlDb, openTenantDb } from '../db';
import { tenants } from '../db/control/schema';
import { invitations, people } from '../db/tenant/schema';
import { secretMatches, splitToken } from '../auth/crypto';
import { createUser, findUserByEmail, fullName } from '../auth/service';
import type { SessionUser } from '../auth/sessions';
import { createSession } from '../auth/sessions';
import type { Platform } from '../platform/ports';
import { upsertMembership } from '../tenancy/service';
import { badRequest, fieldError, forbidden, notFound } from '../errors';
import { roleLabels } from '../../permissions';
import { onCoacheeActivated } from '../coachees/service';

async function loadInvitation(platform: Platform, tenantSlug: string, token: string) {
	const tenant = await openControlDb(platform).query.tenants.findFirst({ where: eq(tenants.slug, tenantSlug) });
	if (!tenant || tenant.status !== 'active') throw notFound(`There is no workspace at "${tenantSlug}". Check the link in your email.`);
	const db = await openTenantDb(platform, tenant);
	const parts = splitToken(token);
	const invitation = parts ? await db.query.invitations.findFirst({ where: eq(invitations.id, parts.id) }) : undefined;
	if (!parts || !invitation || !(await secretMatches(parts.secret, invitation.secretHash))) {
		throw badRequest('This invitation link is not valid. Open the whole link from the email, or ask for a new invitation.');
	}
	if (invitation.acceptedAt) throw badRequest('This invitation has already been accepted. Sign in to continue.');
	if (invitation.revokedAt) {
		throw badRequest('This invitation is no longer valid: a newer one was sent or it was revoked. Use the latest email, or ask for a new invitation.');
	}
	if (invitation.expiresAt <= platform.clock.now()) throw badRequest('This invitation has expired. Ask for a new one.');
	const person = await db.query.people.findFirst({ where: eq(people.id, invitation.personId) });
	if (!person) throw notFound('This invitation is no longer valid. Ask for a new one.');
	return { tenant, db, invitation, person };
}

export async function previewInvitation(platform: Platform, input: { tenant: string; token: string }, user: SessionUser | null) {
	const { tenant, person } = await loadInvitation(platform, input.tenant, input.token);
	const account = await findUserByEmail(openControlDb(platform), person.email);
	return {
		tenantName: tenant.name,
		email: person.email,
		firstName: person.firstName,
		lastName: person.lastName,
		roleLabel: person.roles.map((role) => roleLabels[role]).join(' and '),
		accountExists: Boolean(account),
		signedInAsInvitee: Boolean(account && user?.id === account.id)
	};
}

export async function acceptInvitation(
	platform: Platform,
	input: { tenant: string; token: string; firstName: string; lastName: string; password?: string },
	user: SessionUser | null
) {
	const { tenant, db, invitation, person } = await loadInvitation(platform, input.tenant, input.token);
	const control = openControlDb(platform);
	const now = platform.clock.now();
	let account = await findUserByEmail(control, person.email);
	if (account && user?.id !== account.id) {
		throw forbidden(`An account for ${person.email} already exists. Sign in as ${person.email} first, then open this link again.`);
	}
	if (!account) {
		if (!input.password) throw fieldError('password', 'Choose a password for your new account.');
		account = await createUser(platform, { ...input, email: person.email, password: input.password }, { verified: true });
	}
	await upsertMembership(platform, { userId: account.id, tenantId: tenant.id, roles: person.roles, status: 'active', personId: person.id });
	const [spent] = await db.batch([
		db
			.update(invitations)
			.set({ acceptedAt: now })
			.where(and(eq(invitations.id, invitation.id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt))),
		db.update(people).set({ firstName: input.firstName, lastName: input.lastName, userId: account.id, status: 'active', activatedAt: now }).where(eq(people.id, person.id))
	]);
	// Only the request that spent the link announces the activation (no double notice on a double click).
	if (spent.rowsAffected === 1 && person.roles.includes('coachee')) {
		await onCoacheeActivated({ platform, db, tenant }, { ...person, status: 'active' });
	}
	const session = user?.id === account.id ? null : await createSession(control, account.id, now);
	return { session, redirectTo: `/t/${tenant.slug}`, name: fullName(person) };
}
