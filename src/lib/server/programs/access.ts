/**
 * Which program templates a person uses: the firm's library (no owner) and their own. Admins
 * keep the firm's library and see every coach's own templates too (DESIGN.md: admins all);
 * a coach sees the firm's and theirs, and changes only theirs.
 */
import { eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import { programTemplates } from '../db/tenant/schema';
import { hasRole, type TenantScope } from '../tenancy/scope';

export type ProgramTemplate = typeof programTemplates.$inferSelect;

export function visiblePrograms(scope: TenantScope): SQL {
	if (hasRole(scope, 'admin')) return sql`1 = 1`;
	return or(isNull(programTemplates.ownerId), eq(programTemplates.ownerId, scope.personId))!;
}

/** Admins change any template; a coach only their own. */
export const mayEditProgram = (scope: Pick<TenantScope, 'roles' | 'personId'>, program: Pick<ProgramTemplate, 'ownerId'>) =>
	scope.roles.includes('admin') || (program.ownerId !== null && program.ownerId === scope.personId);
