/** A tenant's own database: its people and every record of its coaching work. */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { Role } from '../control/schema';

const createdAt = () =>
	integer('created_at', { mode: 'timestamp_ms' })
		.notNull()
		.default(sql`(cast(unixepoch('subsec') * 1000 as integer))`);

// Relative, not $lib: drizzle-kit loads this file without SvelteKit's aliases.
import { personStatuses } from '../../../coachees/schema';
export { personStatuses, type PersonStatus } from '../../../coachees/schema';

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
		/** Derived from roles, so coachee lists filter on an indexed column, not on JSON. */
		isCoachee: integer('is_coachee', { mode: 'boolean' })
			.generatedAlwaysAs(sql`(instr(roles, '"coachee"') > 0)`, { mode: 'virtual' }),
		status: text('status', { enum: personStatuses }).notNull(),
		/** The coach a coachee is assigned to (a person with the coach role). */
		coachId: text('coach_id'),
		invitedAt: integer('invited_at', { mode: 'timestamp_ms' }),
		activatedAt: integer('activated_at', { mode: 'timestamp_ms' }),
		lastActivityAt: integer('last_activity_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('people_email_unique').on(t.email),
		uniqueIndex('people_user_unique').on(t.userId),
		index('people_status_idx').on(t.status),
		index('people_coachee_name_idx').on(t.isCoachee, t.lastName, t.firstName),
		index('people_coach_idx').on(t.coachId, t.lastName, t.firstName)
	]
);

/** Invitation links; only the hash of the secret is stored, and a newer invitation
 * revokes the older ones for the same person. A link is good only for the address it was
 * sent to, and `acceptedBy` records which account claimed it, so a retry can finish. */
export const invitations = sqliteTable(
	'invitations',
	{
		id: text('id').primaryKey(),
		personId: text('person_id')
			.notNull()
			.references(() => people.id, { onDelete: 'cascade' }),
		secretHash: text('secret_hash').notNull(),
		/** The address the link was emailed to; null on links sent before it was recorded,
		 * which are therefore refused. */
		email: text('email'),
		/** Whether a Tandem account had that address when the link was sent, so the page can
		 * ask to sign in rather than for a new password without asking the control plane
		 * (accepting checks again). */
		accountExists: integer('account_exists', { mode: 'boolean' }).notNull().default(false),
		invitedBy: text('invited_by'),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		acceptedAt: integer('accepted_at', { mode: 'timestamp_ms' }),
		/** The control-plane user who claimed the link. */
		acceptedBy: text('accepted_by'),
		revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	(t) => [index('invitations_person_idx').on(t.personId)]
);

/** Named sets of coachees that engagements can target. */
export const coacheeGroups = sqliteTable(
	'coachee_groups',
	{
		id: text('id').primaryKey(),
		name: text('name').notNull(),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('coachee_groups_name_unique').on(sql`lower(${t.name})`)]
);

export const coacheeGroupMembers = sqliteTable(
	'coachee_group_members',
	{
		groupId: text('group_id')
			.notNull()
			.references(() => coacheeGroups.id, { onDelete: 'cascade' }),
		personId: text('person_id')
			.notNull()
			.references(() => people.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.groupId, t.personId] }), index('coachee_group_members_person_idx').on(t.personId)]
);

/** The coachee's timeline (Activity Summary). Later features add their own kinds. */
export const activityEvents = sqliteTable(
	'activity_events',
	{
		id: text('id').primaryKey(),
		personId: text('person_id')
			.notNull()
			.references(() => people.id, { onDelete: 'cascade' }),
		kind: text('kind').notNull(),
		actorId: text('actor_id'),
		summary: text('summary').notNull(),
		createdAt: createdAt()
	},
	(t) => [index('activity_events_person_idx').on(t.personId, t.createdAt)]
);

export const deliveries = ['immediate', 'digest', 'off'] as const;
export type Delivery = (typeof deliveries)[number];

/** In-app notifications; `emailStatus` tracks the email copy per the recipient's choice. */
export const notifications = sqliteTable(
	'notifications',
	{
		id: text('id').primaryKey(),
		recipientId: text('recipient_id')
			.notNull()
			.references(() => people.id, { onDelete: 'cascade' }),
		kind: text('kind').notNull(),
		title: text('title').notNull(),
		body: text('body').notNull(),
		/** Path inside the tenant, e.g. /coachees/<id>. */
		link: text('link').notNull(),
		readAt: integer('read_at', { mode: 'timestamp_ms' }),
		emailStatus: text('email_status', { enum: ['none', 'queued', 'digest_pending', 'digested'] })
			.notNull()
			.default('none'),
		createdAt: createdAt()
	},
	(t) => [
		index('notifications_recipient_idx').on(t.recipientId, t.createdAt),
		index('notifications_unread_idx').on(t.recipientId, t.readAt),
		index('notifications_digest_idx').on(t.emailStatus)
	]
);

export const notificationPreferences = sqliteTable(
	'notification_preferences',
	{
		personId: text('person_id')
			.notNull()
			.references(() => people.id, { onDelete: 'cascade' }),
		kind: text('kind').notNull(),
		delivery: text('delivery', { enum: deliveries }).notNull()
	},
	(t) => [primaryKey({ columns: [t.personId, t.kind] })]
);
