/** Sending invitation links, for members and coachees alike. A new link revokes the
 * older ones, so only the latest email works. */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { mintToken } from '../auth/crypto';
import { consumeRateLimit } from '../auth/rate-limit';
import { findUserByEmail, fullName } from '../auth/service';
import { openControlDb } from '../db';
import { invitations, people } from '../db/tenant/schema';
import { queueEmail } from '../mail/outbox';
import { emails } from '../mail/templates';
import type { Person, TenantScope } from '../tenancy/scope';
import { roleLabels } from '../../permissions';

export const invitationLifetimeMs = 7 * 24 * 60 * 60 * 1000;

export function revokeOpenInvitations(scope: Pick<TenantScope, 'db' | 'platform'>, personId: string) {
	return scope.db
		.update(invitations)
		.set({ revokedAt: scope.platform.clock.now() })
		.where(and(eq(invitations.personId, personId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)));
}

export async function limitInvitations(scope: TenantScope) {
	await consumeRateLimit(
		openControlDb(scope.platform),
		{
			key: `invite:${scope.tenant.id}:${scope.personId}`,
			limit: 200,
			windowMs: 60 * 60_000,
			message: 'You have sent a lot of invitations in the last hour.'
		},
		scope.platform.clock.now()
	);
}

/** Records the new invitation, bound to the address it is emailed to, and queues its email;
 * returns the invitation id. */
export async function sendInvitation(scope: TenantScope, person: Person): Promise<string> {
	const now = scope.platform.clock.now();
	const { id, token, secretHash } = await mintToken();
	const account = await findUserByEmail(openControlDb(scope.platform), person.email);
	await scope.db.batch([
		revokeOpenInvitations(scope, person.id),
		scope.db.insert(invitations).values({
			id,
			personId: person.id,
			email: person.email,
			accountExists: Boolean(account),
			secretHash,
			invitedBy: scope.personId,
			expiresAt: new Date(now.getTime() + invitationLifetimeMs)
		}),
		// Someone who accepted meanwhile stays active; the new link then cannot be claimed.
		scope.db
			.update(people)
			.set({ status: 'invited', invitedAt: now })
			.where(and(eq(people.id, person.id), inArray(people.status, ['not_invited', 'invited'])))
	]);
	const url = `${scope.platform.config.appUrl}/invite/${scope.tenant.slug}/${token}`;
	await queueEmail(scope.platform, {
		to: person.email,
		tenantId: scope.tenant.id,
		content: await invitationEmail(scope, person, url),
		idempotencyKey: `invite:${id}`
	});
	return id;
}

async function invitationEmail(scope: TenantScope, person: Person, url: string) {
	if (person.roles.includes('coachee')) {
		const coach = person.coachId ? await scope.db.query.people.findFirst({ where: eq(people.id, person.coachId) }) : undefined;
		return emails.coacheeInvitation(fullName(coach ?? (await scope.me())), scope.tenant.name, url);
	}
	const roleLabel = person.roles.map((role) => roleLabels[role]).join(' and ');
	return emails.memberInvitation(fullName(await scope.me()), scope.tenant.name, /^[AEIOU]/.test(roleLabel) ? `an ${roleLabel}` : `a ${roleLabel}`, url);
}
