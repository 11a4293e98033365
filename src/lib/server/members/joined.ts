/** When a coach, admin or authorized user accepts their invitation, the workspace's admins hear of it. */
import { and, eq, ne, sql } from 'drizzle-orm';
import { fullName } from '../auth/service';
import { people } from '../db/tenant/schema';
import { notify } from '../notifications/service';
import type { Person, TenantScope } from '../tenancy/scope';
import { rolesLabel } from '../../permissions';

export async function onMemberJoined(scope: Pick<TenantScope, 'platform' | 'db' | 'tenant'>, person: Person) {
	const admins = await scope.db
		.select({ id: people.id })
		.from(people)
		.where(and(ne(people.id, person.id), eq(people.status, 'active'), sql`instr(${people.roles}, '"admin"') > 0`));
	for (const admin of admins) {
		await notify(scope, {
			recipientId: admin.id,
			kind: 'member_joined',
			title: `${fullName(person)} joined ${scope.tenant.name}`,
			body: `${fullName(person)} accepted the invitation to join as ${rolesLabel(person.roles, ' and ')}.`,
			link: '/settings/members'
		});
	}
}
