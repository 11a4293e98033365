/**
 * The procedure kinds. Every tenant-scoped procedure is built from `tenantProcedure`,
 * whose input starts with `tenantInput`: the one middleware below finds the user's
 * membership in the identity the request already resolved (no query), and opens the tenant
 * scope once per request; the scope's first read confirms the person in the tenant database
 * (scope.ts). The isolation test walks every procedure that takes a `tenant`.
 */
import { z } from 'zod';
import { forbidden, notFound, unauthorized } from '../errors';
import { noAccessMessage, openTenantScope, type TenantScope } from '../tenancy/scope';
import { mirrorPerson } from '../tenancy/service';
import type { Context } from './context';
import { baseProcedure } from './init';
import { can, organisationOnly, whoCan, type Permission } from '../../permissions';
import { notInSoloWorkspace } from '../../tenancy/labels';

export const publicProcedure = baseProcedure;

export const authedProcedure = baseProcedure.use(({ ctx, next }) => {
	if (!ctx.user) throw unauthorized();
	return next({ ctx: { ...ctx, user: ctx.user } });
});

export const tenantInput = z.object({ tenant: z.string().trim().min(1, 'Choose a workspace.').max(64) });

/** The request's scope for a workspace, opened on first use and shared afterwards. */
export function tenantScopeOf(ctx: Context & { user: NonNullable<Context['user']> }, slug: string): Promise<TenantScope> {
	let scope = ctx.scopes.get(slug);
	if (!scope) {
		const workspace = ctx.workspaces.find((w) => w.tenant.slug === slug);
		const userId = ctx.user.id;
		scope = workspace
			? openTenantScope(ctx.platform, workspace, userId, (person) => mirrorPerson(ctx.platform, workspace.tenant.id, userId, person))
			: Promise.reject(forbidden(noAccessMessage(slug)));
		ctx.scopes.set(slug, scope);
	}
	return scope;
}

export const tenantProcedure = authedProcedure.input(tenantInput).use(async ({ ctx, input, next }) => {
	const scope = await tenantScopeOf(ctx, input.tenant);
	return next({ ctx: { ...ctx, ...scope } });
});

/** A tenant procedure open only to people whose roles grant `permission`. */
export function permitted(permission: Permission) {
	return tenantProcedure.use(({ ctx, next }) => {
		if (!can(ctx.roles, permission)) throw forbidden(`Only ${whoCan(permission)} of ${ctx.tenant.name} can do this.`);
		if (ctx.tenant.kind === 'solo' && organisationOnly.includes(permission)) throw notFound(notInSoloWorkspace);
		return next();
	});
}
