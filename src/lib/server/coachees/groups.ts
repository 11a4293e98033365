/** Coachee groups (admins): named sets of coachees that engagements will target. */
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { fullName } from '../auth/service';
import { coacheeGroupMembers, coacheeGroups, people } from '../db/tenant/schema';
import type { GroupFields } from '../../coachees/schema';
import type { TenantScope } from '../tenancy/scope';
import { badRequest, fieldError, notFound } from '../errors';

export async function listGroups(scope: TenantScope) {
	return scope.db
		.select({
			id: coacheeGroups.id,
			name: coacheeGroups.name,
			members: sql<number>`(select count(*) from ${coacheeGroupMembers} where ${coacheeGroupMembers.groupId} = ${coacheeGroups.id})`
		})
		.from(coacheeGroups)
		.orderBy(asc(sql`lower(${coacheeGroups.name})`));
}

export async function groupDetail(scope: TenantScope, groupId: string) {
	const group = await findGroup(scope, groupId);
	const members = await scope.db
		.select({ id: people.id, firstName: people.firstName, lastName: people.lastName, email: people.email, status: people.status })
		.from(coacheeGroupMembers)
		.innerJoin(people, eq(people.id, coacheeGroupMembers.personId))
		.where(eq(coacheeGroupMembers.groupId, group.id))
		.orderBy(asc(people.lastName), asc(people.firstName));
	return { id: group.id, name: group.name, members: members.map((m) => ({ id: m.id, name: fullName(m), email: m.email, status: m.status })) };
}

async function findGroup(scope: TenantScope, groupId: string) {
	const group = await scope.db.query.coacheeGroups.findFirst({ where: eq(coacheeGroups.id, groupId) });
	if (!group) throw notFound('That group no longer exists. Refresh the list.');
	return group;
}

async function ensureNameFree(scope: TenantScope, name: string, exceptId?: string) {
	const existing = await scope.db.query.coacheeGroups.findFirst({ where: sql`lower(${coacheeGroups.name}) = lower(${name})` });
	if (existing && existing.id !== exceptId) throw fieldError('name', `There is already a group called "${existing.name}".`, 'conflict');
}

/** Each chosen coachee once: a list picked twice (two clicks, two tabs) still means one member. */
const distinct = (ids: string[]) => [...new Set(ids)];

export async function createGroup(scope: TenantScope, input: GroupFields) {
	const memberIds = distinct(input.memberIds);
	await ensureNameFree(scope, input.name);
	await ensureCoachees(scope, memberIds);
	const id = crypto.randomUUID();
	await scope.db.batch([
		scope.db.insert(coacheeGroups).values({ id, name: input.name }),
		...memberIds.map((personId) => scope.db.insert(coacheeGroupMembers).values({ groupId: id, personId }))
	]);
	return { id };
}

export async function updateGroup(scope: TenantScope, input: GroupFields & { id: string }) {
	const group = await findGroup(scope, input.id);
	const memberIds = distinct(input.memberIds);
	await ensureNameFree(scope, input.name, group.id);
	await ensureCoachees(scope, memberIds);
	await scope.db.batch([
		scope.db.update(coacheeGroups).set({ name: input.name }).where(eq(coacheeGroups.id, group.id)),
		scope.db.delete(coacheeGroupMembers).where(eq(coacheeGroupMembers.groupId, group.id)),
		...memberIds.map((personId) => scope.db.insert(coacheeGroupMembers).values({ groupId: group.id, personId }))
	]);
}

export async function deleteGroup(scope: TenantScope, groupId: string) {
	const group = await findGroup(scope, groupId);
	await scope.db.delete(coacheeGroups).where(eq(coacheeGroups.id, group.id));
}

async function ensureCoachees(scope: TenantScope, ids: string[]) {
	if (!ids.length) return;
	const found = await scope.db.select({ id: people.id, isCoachee: people.isCoachee }).from(people).where(inArray(people.id, ids));
	const unknown = ids.filter((id) => !found.some((row) => row.id === id && row.isCoachee));
	if (unknown.length) throw badRequest(`${unknown.length} of the chosen people are not coachees of this workspace. Refresh and try again.`);
}
