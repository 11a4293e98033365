/**
 * The procedure kinds. Every tenant-scoped procedure is built from `tenantProcedure`,
 * whose input starts with `tenantInput`: the one middleware below checks the signed-in
 * user's membership and role in that tenant before its database is opened. The isolation
 * test finds tenant procedures by that input and calls each as an outsider.
 */
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { openControlDb, openTenantDb } from '../db';
import { memberships, tenants, type Role } from '../db/control/schema';
import { people } from '../db/tenant/schema';
import { locatorOf } from '../tenancy/service';
import { forbidden, notFound, unauthorized } from '../errors';
import { baseProcedure } from './init';

export const publicProcedure = baseProcedure;

export const authedProcedure = baseProcedure.use(({ ctx, next }) => {
	if (!ctx.user) throw unauthorized();
	return next({ ctx: { ...ctx, user: ctx.user } });
});

export const tenantInput = z.object({ tenant: z.string().trim().min(1, 'Choose a workspace.').max(64) });

export const tenantProcedure = authedProcedure.input(tenantInput).use(async ({ ctx, input, next }) => {
	const control = openControlDb(ctx.platform);
	const [row] = await control
		.select({ tenant: tenants, membershipStatus: memberships.status })
		.from(tenants)
		.leftJoin(memberships, and(eq(memberships.tenantId, tenants.id), eq(memberships.userId, ctx.user.id)))
		.where(eq(tenants.slug, input.tenant));
	if (!row) throw notFound(`There is no workspace at "${input.tenant}". Check the address.`);
	if (row.membershipStatus !== 'active' || row.tenant.status !== 'active') {
		throw forbidden(`You are not a member of ${row.tenant.name}. Ask one of its admins to invite you.`);
	}
	const db = await openTenantDb(ctx.platform, locatorOf(row.tenant));
	const person = await db.query.people.findFirst({ where: eq(people.userId, ctx.user.id) });
	if (!person || person.status !== 'active') {
		throw forbidden(`Your access to ${row.tenant.name} has been turned off. Ask one of its admins.`);
	}
	const { id, slug, name, kind } = row.tenant;
	return next({ ctx: { ...ctx, tenant: { id, slug, name, kind }, db, person, roles: person.roles } });
});

export const roleLabels: Record<Role, string> = {
	admin: 'Admin',
	coach: 'Coach',
	coachee: 'Coachee',
	spectator: 'Authorized user'
};

/** A tenant procedure open only to people holding one of `allowed`. */
export function roleProcedure(...allowed: Role[]) {
	return tenantProcedure.use(({ ctx, next }) => {
		if (!ctx.roles.some((role) => allowed.includes(role))) {
			const needed = allowed.map((role) => roleLabels[role].toLowerCase()).join(' or ');
			throw forbidden(`Only a${/^[aeiou]/.test(needed) ? 'n' : ''} ${needed} of ${ctx.tenant.name} can do this.`);
		}
		return next();
	});
}
