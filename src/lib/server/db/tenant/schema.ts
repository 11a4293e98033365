/** A tenant's own database: its people and every record of its coaching work. */
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { Role } from '../control/schema';

const createdAt = () =>
	integer('created_at', { mode: 'timestamp_ms' })
		.notNull()
		.default(sql`(cast(unixepoch('subsec') * 1000 as integer))`);

export const personStatuses = ['not_invited', 'invited', 'active', 'deactivated'] as const;
export type PersonStatus = (typeof personStatuses)[number];

/** Everyone in the tenant: admins, coaches, coachees, spectators. `userId` links to the
 * control-plane user once the person has an account. */
export const people = sqliteTable(
	'people',
	{
		id: text('id').primaryKey(),
		userId: text('user_id'),
		email: text('email').notNull(),
		firstName: text('first_name').notNull(),
		lastName: text('last_name').notNull(),
		roles: text('roles', { mode: 'json' }).$type<Role[]>().notNull(),
		status: text('status', { enum: personStatuses }).notNull(),
		invitedAt: integer('invited_at', { mode: 'timestamp_ms' }),
		activatedAt: integer('activated_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('people_email_unique').on(t.email),
		uniqueIndex('people_user_unique').on(t.userId),
		index('people_status_idx').on(t.status)
	]
);

/** Invitation links; only the hash of the secret is stored, and a newer invitation
 * revokes the older ones for the same person. */
export const invitations = sqliteTable(
	'invitations',
	{
		id: text('id').primaryKey(),
		personId: text('person_id')
			.notNull()
			.references(() => people.id, { onDelete: 'cascade' }),
		secretHash: text('secret_hash').notNull(),
		invitedBy: text('invited_by'),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		acceptedAt: integer('accepted_at', { mode: 'timestamp_ms' }),
		revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	(t) => [index('invitations_person_idx').on(t.personId)]
);
