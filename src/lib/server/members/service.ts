/**
 * Settings > Members: admins invite coaches, admins and authorized users (spectators),
 * resend or revoke invitations and deactivate people. The tenant's people table is the
 * source of truth; the control-plane membership follows it (tenant first, then control,
 * both idempotent, so a retry after a crash converges).
 */
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { InviteMember } from '../../members/schema';
import { people } from '../db/tenant/schema';
import { fullName } from '../auth/service';
import { limitInvitations, revokeOpenInvitations, sendInvitation } from '../invitations/sending';
import type { TenantScope } from '../tenancy/scope';
import { upsertMembership } from '../tenancy/service';
import { badRequest, conflict, fieldError, notFound } from '../errors';



export async function listMembers(scope: TenantScope) {
	const rows = await scope.db
		.select()
		.from(people)
		.where(sql`exists (select 1 from json_each(${people.roles}) where value in ('admin', 'coach', 'spectator'))`)
		.orderBy(asc(people.firstName), asc(people.lastName));
	return rows.map((person) => ({
		id: person.id,
		name: fullName(person),
		email: person.email,
		roles: person.roles,
		status: person.status,
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

export async function setMemberActive(scope: TenantScope, personId: string, active: boolean) {
	const person = await findPerson(scope, personId);
	if (person.id === scope.personId) throw badRequest('You cannot deactivate yourself. Ask another admin.');
	if (active ? person.status !== 'deactivated' : person.status !== 'active') {
		throw conflict(active ? `${fullName(person)} is not deactivated.` : `${fullName(person)} is not an active member.`);
	}
	if (!active && person.roles.includes('admin')) await ensureAnotherAdmin(scope, person.id);
	await scope.db.update(people).set({ status: active ? 'active' : 'deactivated' }).where(eq(people.id, person.id));
	if (person.userId) {
		await upsertMembership(scope.platform, {
			userId: person.userId,
			tenantId: scope.tenant.id,
			roles: person.roles,
			status: active ? 'active' : 'deactivated',
			personId: person.id
		});
	}
}

async function ensureAnotherAdmin(scope: TenantScope, leavingId: string) {
	const [row] = await scope.db
		.select({ count: sql<number>`count(*)` })
		.from(people)
		.where(and(ne(people.id, leavingId), eq(people.status, 'active'), sql`exists (select 1 from json_each(${people.roles}) where value = 'admin')`));
	if (!row || row.count === 0) throw badRequest('This is the last active admin. Make someone else an admin first.');
}
