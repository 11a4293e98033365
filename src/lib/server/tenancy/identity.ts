/**
 * Who is asking, resolved once per request in ONE control-plane query: the session, its
 * user, and every workspace they belong to with its database locator, schema version, and
 * the person they are there. Pages, the tenant switcher and every tenant procedure of the
 * request read from it; nothing asks the control plane again. (Before: 3-4 control queries
 * per page, one per procedure.)
 */
import { and, eq, gt } from 'drizzle-orm';
import type { ControlDb } from '../db';
import { memberships, sessions, tenants, users, type Role, type TenantKind } from '../db/control/schema';
import { secretMatches, splitToken } from '../auth/crypto';
import type { SessionUser } from '../auth/sessions';

export interface WorkspaceTenant {
	id: string;
	slug: string;
	name: string;
	kind: TenantKind;
	status: 'provisioning' | 'active';
	dbUrl: string | null;
	dbAuthToken: string | null;
	schemaVersion: string | null;
	replyTo: string | null;
}

/** One membership with its tenant, as the control plane mirrors it (the tenant database
 * stays the source of truth and confirms it on the request's first tenant read). */
export interface Workspace {
	tenant: WorkspaceTenant;
	roles: Role[];
	status: 'active' | 'deactivated';
	personId: string | null;
}

export interface Identity {
	user: SessionUser;
	workspaces: Workspace[];
}

export async function resolveIdentity(db: ControlDb, token: string, now: Date): Promise<Identity | null> {
	const parts = splitToken(token);
	if (!parts) return null;
	const rows = await db
		.select({
			secretHash: sessions.secretHash,
			user: { id: users.id, email: users.email, name: users.name, emailVerifiedAt: users.emailVerifiedAt },
			membership: { roles: memberships.roles, status: memberships.status, personId: memberships.personId },
			tenant: {
				id: tenants.id,
				slug: tenants.slug,
				name: tenants.name,
				kind: tenants.kind,
				status: tenants.status,
				dbUrl: tenants.dbUrl,
				dbAuthToken: tenants.dbAuthToken,
				schemaVersion: tenants.schemaVersion,
				replyTo: tenants.replyTo
			}
		})
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.leftJoin(memberships, eq(memberships.userId, users.id))
		.leftJoin(tenants, eq(tenants.id, memberships.tenantId))
		.where(and(eq(sessions.id, parts.id), gt(sessions.expiresAt, now)));
	const [first] = rows;
	if (!first || !(await secretMatches(parts.secret, first.secretHash))) return null;
	const { user } = first;
	return {
		user: { id: user.id, email: user.email, name: user.name, emailVerified: user.emailVerifiedAt !== null, sessionId: parts.id },
		workspaces: rows.flatMap(({ membership, tenant }) => (membership && tenant ? [{ ...membership, tenant }] : []))
	};
}

/** Workspaces the user can enter now, by name: the switcher, and where to land after sign-in. */
export function enterableWorkspaces(workspaces: Workspace[]): Workspace[] {
	return workspaces
		.filter((w) => w.status === 'active' && w.tenant.status === 'active')
		.sort((a, b) => a.tenant.name.localeCompare(b.tenant.name) || a.tenant.slug.localeCompare(b.tenant.slug));
}

/** Workspaces an admin turned the user's access off in: the user is told so, by name, instead
 * of finding them gone. */
export function turnedOffWorkspaces(workspaces: Workspace[]): Array<{ slug: string; name: string }> {
	return workspaces
		.filter((w) => w.status === 'deactivated' && w.tenant.status === 'active')
		.map((w) => ({ slug: w.tenant.slug, name: w.tenant.name }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

export interface TenantSummary {
	id: string;
	slug: string;
	name: string;
	kind: TenantKind;
	roles: Role[];
}

export const summaryOf = (w: Workspace): TenantSummary => ({
	id: w.tenant.id,
	slug: w.tenant.slug,
	name: w.tenant.name,
	kind: w.tenant.kind,
	roles: w.roles
});
