/**
 * Settings > Members: admins invite coaches, admins and authorized users (spectators),
 * resend or revoke invitations and deactivate people. The tenant's people table is the
 * source of truth; the control-plane membership follows it (tenant first, then control,
 * both idempotent, so a retry after a crash converges).
 */
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { keepCoachees, unassignCoachees, type DeactivateMember, type InviteMember } from '../../members/schema';
import { invitations, people } from '../db/tenant/schema';
import { fullName } from '../auth/service';
import { assignableCoach, handOverCoachees } from '../coachees/service';
import { limitInvitations, revokeOpenInvitations, sendInvitation } from '../invitations/sending';
import { queueEmail } from '../mail/outbox';
import { accessEmails, type EmailContent } from '../mail/templates';
import type { Person, TenantScope } from '../tenancy/scope';
import { upsertMembership } from '../tenancy/service';
import { badRequest, conflict, fieldError, notFound } from '../errors';

/** People who never activated: no account yet, so removing them loses no one's work. */
const neverActivated = ['not_invited', 'invited'] as const;

export async function listMembers(scope: TenantScope) {
	const coachee = alias(people, 'coachee');
	const rows = await scope.db
		.select({ person: people, coachees: sql<number>`count(${coachee.id})` })
		.from(people)
		.leftJoin(coachee, and(eq(coachee.coachId, people.id), eq(coachee.isCoachee, true)))
		.where(sql`exists (select 1 from json_each(${people.roles}) where value in ('admin', 'coach', 'spectator'))`)
		.groupBy(people.id)
		.orderBy(asc(people.firstName), asc(people.lastName));
	return rows.map(({ person, coachees }) => ({
		id: person.id,
		name: fullName(person),
		email: person.email,
		roles: person.roles,
		status: person.status,
		/** How many coachees they coach (asked about when they are deactivated or removed). */
		coachees,
		// ISO strings: the same shape whether read over HTTP or by a server-side load.
		invitedAt: person.invitedAt?.toISOString() ?? null,
		activatedAt: person.activatedAt?.toISOString() ?? null,
		isYou: person.id === scope.personId
	}));
}

export async function inviteMember(
	scope: TenantScope,
	input: InviteMember
) {
	await limitInvitations(scope);
	const existing = await scope.db.query.people.findFirst({ where: eq(people.email, input.email) });
	if (existing) {
		throw fieldError('email', `${input.email} is already in ${scope.tenant.name} (${existing.status.replace('_', ' ')}).`, 'conflict');
	}
	const [person] = await scope.db
		.insert(people)
		.values({
			id: crypto.randomUUID(),
			email: input.email,
			firstName: input.firstName,
			lastName: input.lastName,
			roles: [input.role],
			status: 'not_invited'
		})
		.returning();
	await sendInvitation(scope, person!);
	return { id: person!.id };
}

async function findPerson(scope: TenantScope, personId: string) {
	const person = await scope.db.query.people.findFirst({ where: eq(people.id, personId) });
	if (!person) throw notFound('That person is not in this workspace any more. Refresh the list.');
	return person;
}

export async function resendInvitation(scope: TenantScope, personId: string) {
	const person = await findPerson(scope, personId);
	if (person.status === 'active') throw conflict(`${fullName(person)} has already accepted; there is nothing to resend.`);
	if (person.status === 'deactivated') throw conflict(`${fullName(person)} is deactivated. Reactivate them instead.`);
	await limitInvitations(scope);
	await sendInvitation(scope, person);
}

export async function revokeInvitation(scope: TenantScope, personId: string) {
	const person = await findPerson(scope, personId);
	if (person.status !== 'invited') throw conflict(`${fullName(person)} has no open invitation to revoke.`);
	await scope.db.batch([
		revokeOpenInvitations(scope, person.id),
		scope.db.update(people).set({ status: 'not_invited' }).where(eq(people.id, person.id))
	]);
}

/** Deactivates an active member and, if they coach, hands their coachees over first (so a
 * retry after a crash finds them moved and finishes the deactivation). They are emailed. */
export async function deactivateMember(scope: TenantScope, input: DeactivateMember) {
	const person = await findPerson(scope, input.personId);
	if (person.id === scope.personId) throw badRequest('You cannot deactivate yourself. Ask another admin.');
	if (person.status !== 'active') throw conflict(`${fullName(person)} is not an active member.`);
	if (person.roles.includes('admin')) await ensureAnotherAdmin(scope, person.id);
	if (input.coachees !== keepCoachees) await handOverCoachees(scope, person.id, await successorOf(scope, person, input.coachees));
	await setAccess(scope, person, 'deactivated');
	const admin = await scope.me();
	await tellPerson(scope, person, 'off', accessEmails.accessTurnedOff(person.firstName, scope.tenant.name, { name: fullName(admin), email: admin.email }));
}

/** The coach who takes over, or null for "no coach". */
async function successorOf(scope: TenantScope, leaving: Person, choice: string): Promise<Person | null> {
	if (choice === unassignCoachees) return null;
	const successor = await assignableCoach(scope, choice, 'coachees');
	if (successor.id === leaving.id) throw fieldError('coachees', `Choose a coach other than ${fullName(leaving)}.`);
	return successor;
}

export async function reactivateMember(scope: TenantScope, personId: string) {
	const person = await findPerson(scope, personId);
	if (person.status !== 'deactivated') throw conflict(`${fullName(person)} is not deactivated.`);
	await setAccess(scope, person, 'active');
	const signIn = `${scope.platform.config.appUrl}/signin?redirectTo=${encodeURIComponent(`/t/${scope.tenant.slug}`)}`;
	await tellPerson(scope, person, 'on', accessEmails.accessRestored(person.firstName, scope.tenant.name, signIn));
}

/** The tenant's people table first, then its control-plane mirror (both safe to repeat). */
async function setAccess(scope: TenantScope, person: Person, status: 'active' | 'deactivated') {
	await scope.db.update(people).set({ status }).where(eq(people.id, person.id));
	if (!person.userId) return;
	await upsertMembership(scope.platform, { userId: person.userId, tenantId: scope.tenant.id, roles: person.roles, status, personId: person.id });
}

function tellPerson(scope: TenantScope, person: Person, change: 'on' | 'off', content: EmailContent) {
	return queueEmail(scope.platform, {
		to: person.email,
		tenantId: scope.tenant.id,
		// One email per change: turning access off, on and off again sends three.
		idempotencyKey: `access-${change}:${scope.tenant.id}:${person.id}:${scope.platform.clock.now().getTime()}`,
		content
	});
}

/** "Remove": someone invited by mistake, or whose invitation was revoked, who never
 * activated. Their open links go with them; coachees they were to coach are left with no coach. */
export async function removeMember(scope: TenantScope, personId: string) {
	const person = await findPerson(scope, personId);
	if (!(neverActivated as readonly string[]).includes(person.status) || person.roles.includes('coachee')) {
		throw conflict(`${fullName(person)} has used their account in ${scope.tenant.name}. Deactivate them instead.`);
	}
	const unassigned = await handOverCoachees(scope, person.id, null);
	const [, removed] = await scope.db.batch([
		scope.db.delete(invitations).where(eq(invitations.personId, person.id)),
		scope.db.delete(people).where(and(eq(people.id, person.id), inArray(people.status, neverActivated)))
	]);
	if (removed.rowsAffected === 0) throw conflict(`${fullName(person)} accepted their invitation a moment ago. Deactivate them instead.`);
	return { unassigned };
}

async function ensureAnotherAdmin(scope: TenantScope, leavingId: string) {
	const [row] = await scope.db
		.select({ count: sql<number>`count(*)` })
		.from(people)
		.where(and(ne(people.id, leavingId), eq(people.status, 'active'), sql`exists (select 1 from json_each(${people.roles}) where value = 'admin')`));
	if (!row || row.count === 0) throw badRequest('This is the last active admin. Make someone else an admin first.');
}
