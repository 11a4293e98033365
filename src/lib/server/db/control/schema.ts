/** Control plane: identity, sign-in, the tenant directory and the routing index. */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const createdAt = () =>
	integer('created_at', { mode: 'timestamp_ms' })
		.notNull()
		.default(sql`(cast(unixepoch('subsec') * 1000 as integer))`);

export const users = sqliteTable(
	'users',
	{
		id: text('id').primaryKey(),
		email: text('email').notNull(),
		name: text('name').notNull(),
		passwordHash: text('password_hash'),
		emailVerifiedAt: integer('email_verified_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('users_email_unique').on(t.email)]
);

export const sessions = sqliteTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		secretHash: text('secret_hash').notNull(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		createdAt: createdAt()
	},
	(t) => [index('sessions_user_idx').on(t.userId)]
);

export const authTokenKinds = ['verify_email', 'reset_password', 'sign_in_link'] as const;
export type AuthTokenKind = (typeof authTokenKinds)[number];

/** Single-use, expiring links sent by email. Only a hash of the secret is stored. */
export const authTokens = sqliteTable(
	'auth_tokens',
	{
		id: text('id').primaryKey(),
		kind: text('kind', { enum: authTokenKinds }).notNull(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		secretHash: text('secret_hash').notNull(),
		/** Where to land after a sign-in link, e.g. /t/acme. */
		redirectTo: text('redirect_to'),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		usedAt: integer('used_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	(t) => [index('auth_tokens_user_idx').on(t.userId, t.kind)]
);

// Relative, not $lib: drizzle-kit loads this file without SvelteKit's aliases.
import { tenantKinds } from '../../../tenancy/schema';
export { tenantKinds, type TenantKind } from '../../../tenancy/schema';

export const tenants = sqliteTable(
	'tenants',
	{
		id: text('id').primaryKey(),
		slug: text('slug').notNull(),
		name: text('name').notNull(),
		kind: text('kind', { enum: tenantKinds }).notNull(),
		/** 'provisioning' until its database exists, is migrated and has its owner. */
		status: text('status', { enum: ['provisioning', 'active'] }).notNull().default('provisioning'),
		dbUrl: text('db_url'),
		dbAuthToken: text('db_auth_token'),
		/** The last tenant migration applied to its database: kept beside the locator so a
		 * cold isolate knows without asking the tenant database whether it must migrate. */
		schemaVersion: text('schema_version'),
		/** Earliest moment the cron sweep has work in this tenant; null = nothing due. */
		nextDueAt: integer('next_due_at', { mode: 'timestamp_ms' }),
		/** Settings > Workspace: where replies to the emails Tandem sends for this workspace go. */
		replyTo: text('reply_to'),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('tenants_slug_unique').on(t.slug), index('tenants_next_due_idx').on(t.nextDueAt)]
);

// Relative, not $lib: drizzle-kit loads this file without SvelteKit's aliases.
export { roles, type Role } from '../../../permissions';
import type { Role } from '../../../permissions';

/** Routing index: which user may enter which tenant with which roles. The tenant's own
 * people table is the source of truth; this mirrors it for sign-in and the switcher. */
export const memberships = sqliteTable(
	'memberships',
	{
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		tenantId: text('tenant_id')
			.notNull()
			.references(() => tenants.id, { onDelete: 'cascade' }),
		roles: text('roles', { mode: 'json' }).$type<Role[]>().notNull(),
		status: text('status', { enum: ['active', 'deactivated'] }).notNull().default('active'),
		/** The user's row in the tenant's people table: lets a request build its tenant
		 * queries before the tenant database has confirmed who is asking (same round trip). */
		personId: text('person_id'),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.userId, t.tenantId] }), index('memberships_tenant_idx').on(t.tenantId)]
);

/** Fixed-window counters for sign-in and invitation rate limits. */
export const rateLimits = sqliteTable('rate_limits', {
	key: text('key').primaryKey(),
	windowStart: integer('window_start', { mode: 'timestamp_ms' }).notNull(),
	count: integer('count').notNull()
});

/** A file sent with an email: text content (e.g. an iCalendar invitation) and its type. */
export interface EmailAttachment {
	filename: string;
	contentType: string;
	content: string;
}

/** Every email is written here first, then sent by the `email.send` job. */
export const emailOutbox = sqliteTable(
	'email_outbox',
	{
		id: text('id').primaryKey(),
		idempotencyKey: text('idempotency_key').notNull(),
		tenantId: text('tenant_id'),
		to: text('to').notNull(),
		subject: text('subject').notNull(),
		text: text('text').notNull(),
		html: text('html').notNull(),
		/** The workspace's reply-to address when the email was written (kept, so a retry
		 * sends the same payload under the same idempotency key). */
		replyTo: text('reply_to'),
		/** Files sent with the email (a session's .ics invitation), kept so a retry sends the same. */
		attachments: text('attachments', { mode: 'json' }).$type<EmailAttachment[]>(),
		status: text('status', { enum: ['pending', 'sent', 'failed'] })
			.notNull()
			.default('pending'),
		attempts: integer('attempts').notNull().default(0),
		lastError: text('last_error'),
		providerId: text('provider_id'),
		sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('email_outbox_key_unique').on(t.idempotencyKey),
		index('email_outbox_status_idx').on(t.status, t.createdAt)
	]
);
