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
import { fileVisibilities } from '../../../files/schema';
export { personStatuses, type PersonStatus } from '../../../coachees/schema';
import {
	assessmentKinds,
	assignmentStatuses,
	type AssessmentAnswers,
	type AssessmentQuestion
} from '../../../assessments/schema';
import { engagementStatuses, itemKinds, type ItemDetails, type ProgramItem } from '../../../engagements/schema';
import { longJobStatuses } from '../../../long-jobs/schema';
import { importRowOutcomes } from '../../../imports/schema';
import { exportShapes, type ExportFilters } from '../../../exports/schema';

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
		/** IANA zone the person lives in: their due dates, "overdue" and "this week" are
		 * counted in it, and recurring actions are laid out on its calendar. */
		timeZone: text('time_zone').notNull().default('UTC'),
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
		/** What the event is about (e.g. `action:<id>`): a burst of the same change by the
		 * same person folds into one line (activity/service.ts). */
		subjectKey: text('subject_key'),
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
		/** `held`: an email whose sending waits until `emailAfter`, so that a burst of
		 * changes to one thing (`subjectKey`) folds into this notification and one email. */
		emailStatus: text('email_status', { enum: ['none', 'queued', 'digest_pending', 'digested', 'held'] })
			.notNull()
			.default('none'),
		/** What the notification is about (e.g. `action:<id>`); unread ones with the same key
		 * fold together for a while (notifications/service.ts `notify`). */
		subjectKey: text('subject_key'),
		emailAfter: integer('email_after', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	(t) => [
		index('notifications_recipient_idx').on(t.recipientId, t.createdAt),
		index('notifications_subject_idx').on(t.recipientId, t.subjectKey),
		index('notifications_held_idx').on(t.emailStatus, t.emailAfter),
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

/** Calendar dates ("YYYY-MM-DD") in the coachee's time zone: a due date is a day, not an
 * instant, so it reads the same to coach and coachee wherever they are. */
const dueOn = () => text('due_on').notNull();
const updatedAt = () => integer('updated_at', { mode: 'timestamp_ms' });

/** Goals & Milestones: a coachee's goals. Completion and progress are derived from the
 * milestones (src/lib/goals/rollup.ts), except that an empty goal is complete only once
 * someone marks it so (`markedCompleteAt`). */
export const goals = sqliteTable(
	'goals',
	{
		id: text('id').primaryKey(),
		coacheeId: text('coachee_id')
			.notNull()
			.references(() => people.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		dueOn: dueOn(),
		position: integer('position').notNull(),
		markedCompleteAt: integer('marked_complete_at', { mode: 'timestamp_ms' }),
		createdBy: text('created_by'),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [index('goals_coachee_idx').on(t.coacheeId, t.position)]
);

/** A goal's milestones; `coacheeId` is the goal's, kept here so every query scopes by it. */
export const milestones = sqliteTable(
	'milestones',
	{
		id: text('id').primaryKey(),
		goalId: text('goal_id')
			.notNull()
			.references(() => goals.id, { onDelete: 'cascade' }),
		coacheeId: text('coachee_id')
			.notNull()
			.references(() => people.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		dueOn: dueOn(),
		position: integer('position').notNull(),
		markedCompleteAt: integer('marked_complete_at', { mode: 'timestamp_ms' }),
		createdBy: text('created_by'),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [index('milestones_goal_idx').on(t.goalId, t.position), index('milestones_coachee_idx').on(t.coacheeId)]
);

/** A recurring action: its RFC 5545 rule (the RRULE line, e.g. `FREQ=WEEKLY;BYDAY=MO;COUNT=8`)
 * laid out on the coachee's calendar from `startsOn`. Each occurrence is an action of its
 * own, created ahead by the recurring-actions due work; `nextOn` is the first occurrence not
 * created yet (null once the rule has run out). */
export const actionSeries = sqliteTable(
	'action_series',
	{
		id: text('id').primaryKey(),
		coacheeId: text('coachee_id')
			.notNull()
			.references(() => people.id, { onDelete: 'cascade' }),
		milestoneId: text('milestone_id').references(() => milestones.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		rule: text('rule').notNull(),
		startsOn: text('starts_on').notNull(),
		nextOn: text('next_on'),
		createdBy: text('created_by'),
		createdAt: createdAt()
	},
	(t) => [index('action_series_next_idx').on(t.nextOn)]
);

/** Actions (tasks) with their progress, 0 to 100; 100 is complete. An action may sit under
 * a milestone of the same coachee, and may be one occurrence of a series. */
export const actions = sqliteTable(
	'actions',
	{
		id: text('id').primaryKey(),
		coacheeId: text('coachee_id')
			.notNull()
			.references(() => people.id, { onDelete: 'cascade' }),
		milestoneId: text('milestone_id').references(() => milestones.id, { onDelete: 'cascade' }),
		seriesId: text('series_id').references(() => actionSeries.id, { onDelete: 'set null' }),
		title: text('title').notNull(),
		dueOn: dueOn(),
		/** The instant the due day ends in the coachee's zone, so "overdue" is `due_at <= now`
		 * in SQL for any coachee; rewritten when the coachee's zone changes. */
		dueAt: integer('due_at', { mode: 'timestamp_ms' }).notNull(),
		progress: integer('progress').notNull().default(0),
		position: integer('position').notNull(),
		completedAt: integer('completed_at', { mode: 'timestamp_ms' }),
		createdBy: text('created_by'),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		index('actions_coachee_due_idx').on(t.coacheeId, t.dueAt),
		index('actions_milestone_idx').on(t.milestoneId, t.position),
		// One action per occurrence, however often the due work runs.
		uniqueIndex('actions_series_occurrence_unique').on(t.seriesId, t.dueOn)
	]
);

/** Comments between coach and coachee on an action. */
export const actionComments = sqliteTable(
	'action_comments',
	{
		id: text('id').primaryKey(),
		actionId: text('action_id')
			.notNull()
			.references(() => actions.id, { onDelete: 'cascade' }),
		coacheeId: text('coachee_id')
			.notNull()
			.references(() => people.id, { onDelete: 'cascade' }),
		authorId: text('author_id'),
		body: text('body').notNull(),
		createdAt: createdAt()
	},
	(t) => [index('action_comments_action_idx').on(t.actionId, t.createdAt)]
);

/** A coachee's files: `private` ones only their uploader sees, `shared` ones the coachee
 * and their coach (DESIGN.md "Roles"). The bytes live in the file store under `storageKey`
 * (`tenants/<tenant>/files/<id>`); a row exists only once the upload has finished and its
 * content was checked (files/uploads.ts), so no list ever shows a half-uploaded file. */
export const files = sqliteTable(
	'files',
	{
		id: text('id').primaryKey(),
		coacheeId: text('coachee_id')
			.notNull()
			.references(() => people.id, { onDelete: 'cascade' }),
		uploaderId: text('uploader_id').notNull(),
		visibility: text('visibility', { enum: fileVisibilities }).notNull(),
		name: text('name').notNull(),
		/** The type found in the content, not the one the browser claimed. */
		contentType: text('content_type').notNull(),
		size: integer('size').notNull(),
		storageKey: text('storage_key').notNull(),
		createdAt: createdAt()
	},
	(t) => [index('files_coachee_idx').on(t.coacheeId, t.createdAt), uniqueIndex('files_key_unique').on(t.storageKey)]
);

/** An upload under way: the browser was given a short-lived signed link to put the bytes
 * at `storageKey`. Finishing turns it into a `files` row; one that fails or is abandoned is
 * removed, with any bytes already stored, by the file cleanup due work after `expiresAt`. */
export const fileUploads = sqliteTable(
	'file_uploads',
	{
		id: text('id').primaryKey(),
		coacheeId: text('coachee_id')
			.notNull()
			.references(() => people.id, { onDelete: 'cascade' }),
		uploaderId: text('uploader_id').notNull(),
		visibility: text('visibility', { enum: fileVisibilities }).notNull(),
		name: text('name').notNull(),
		declaredType: text('declared_type').notNull(),
		size: integer('size').notNull(),
		storageKey: text('storage_key').notNull(),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		createdAt: createdAt()
	},
	(t) => [index('file_uploads_expiry_idx').on(t.expiresAt)]
);

/** A coach's private notes about a coachee: only their author ever reads them (not admins,
 * not the coachee). A note written in the Coaching Notepad is a `draft` while the session
 * runs, saved as the coach types (`revision` orders the saves, so a late save never
 * overwrites a newer one), and belongs to the session log it was finished with. */
export const notes = sqliteTable(
	'notes',
	{
		id: text('id').primaryKey(),
		coacheeId: text('coachee_id')
			.notNull()
			.references(() => people.id, { onDelete: 'cascade' }),
		authorId: text('author_id').notNull(),
		title: text('title').notNull(),
		body: text('body').notNull(),
		draft: integer('draft', { mode: 'boolean' }).notNull().default(false),
		revision: integer('revision').notNull().default(0),
		sessionLogId: text('session_log_id').references(() => sessionLogs.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [index('notes_author_coachee_idx').on(t.authorId, t.coacheeId, t.updatedAt)]
);

export const sessionStatuses = ['attended', 'cancelled', 'no_show', 'late'] as const;
export type SessionStatus = (typeof sessionStatuses)[number];

/** Session Logs: the history of sessions held (or missed) with a coachee. `heldAt` is the
 * instant the session began; it shows in each viewer's zone with the zone named. */
export const sessionLogs = sqliteTable(
	'session_logs',
	{
		id: text('id').primaryKey(),
		coacheeId: text('coachee_id')
			.notNull()
			.references(() => people.id, { onDelete: 'cascade' }),
		/** The coach who held it (whoever logged it, unless an admin logs for a coach). */
		coachId: text('coach_id'),
		title: text('title').notNull(),
		heldAt: integer('held_at', { mode: 'timestamp_ms' }).notNull(),
		durationMinutes: integer('duration_minutes').notNull(),
		status: text('status', { enum: sessionStatuses }).notNull(),
		createdBy: text('created_by'),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [index('session_logs_coachee_idx').on(t.coacheeId, t.heldAt)]
);

/** The tenant's library of assessments and coaching-question sets, built in the app. Its
 * questions are `AssessmentQuestion`s (src/lib/assessments/schema.ts); an assignment takes a
 * copy, so editing a template never changes what a coachee was asked or answered. */
export const assessmentTemplates = sqliteTable(
	'assessment_templates',
	{
		id: text('id').primaryKey(),
		kind: text('kind', { enum: assessmentKinds }).notNull(),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		questions: text('questions', { mode: 'json' }).$type<AssessmentQuestion[]>().notNull(),
		createdBy: text('created_by'),
		archivedAt: integer('archived_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [index('assessment_templates_title_idx').on(t.archivedAt, t.title)]
);

/** An assessment or set of coaching questions given to a coachee, with their answers
 * (a draft until submitted). Two assignments of the same template compare question by
 * question, through the question ids the copy keeps. */
export const assessmentAssignments = sqliteTable(
	'assessment_assignments',
	{
		id: text('id').primaryKey(),
		coacheeId: text('coachee_id')
			.notNull()
			.references(() => people.id, { onDelete: 'cascade' }),
		templateId: text('template_id').references(() => assessmentTemplates.id, { onDelete: 'set null' }),
		kind: text('kind', { enum: assessmentKinds }).notNull(),
		title: text('title').notNull(),
		questions: text('questions', { mode: 'json' }).$type<AssessmentQuestion[]>().notNull(),
		answers: text('answers', { mode: 'json' }).$type<AssessmentAnswers>().notNull().default(sql`'{}'`),
		status: text('status', { enum: assignmentStatuses }).notNull().default('assigned'),
		assignedBy: text('assigned_by'),
		dueOn: text('due_on'),
		submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		index('assessment_assignments_coachee_idx').on(t.coacheeId, t.createdAt),
		index('assessment_assignments_template_idx').on(t.coacheeId, t.templateId, t.submittedAt)
	]
);

/** Program templates: reusable programs (an ordered list of items) that engagements are made
 * from. `ownerId` null is the firm's library, kept by admins; a coach's own templates carry
 * their person id and only they (and admins) see them. Items are JSON, copied into
 * `engagement_items` when an engagement is made, so editing a template changes no engagement. */
export const programTemplates = sqliteTable(
	'program_templates',
	{
		id: text('id').primaryKey(),
		name: text('name').notNull(),
		description: text('description').notNull().default(''),
		items: text('items', { mode: 'json' }).$type<ProgramItem[]>().notNull(),
		ownerId: text('owner_id').references(() => people.id, { onDelete: 'cascade' }),
		createdBy: text('created_by'),
		archivedAt: integer('archived_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [index('program_templates_name_idx').on(t.archivedAt, t.name), index('program_templates_owner_idx').on(t.ownerId)]
);

/** An engagement: one coachee's structured program with one coach. Who sees it follows its
 * status (draft: admins; active and completed: also its coach) and `shared` (the coachee),
 * plus the spectators named on it (engagements/access.ts). Dates are days in the coachee's
 * zone; nothing of it is scheduled after `endsOn`. */
export const engagements = sqliteTable(
	'engagements',
	{
		id: text('id').primaryKey(),
		coacheeId: text('coachee_id')
			.notNull()
			.references(() => people.id, { onDelete: 'cascade' }),
		coachId: text('coach_id')
			.notNull()
			.references(() => people.id),
		title: text('title').notNull(),
		programTemplateId: text('program_template_id').references(() => programTemplates.id, { onDelete: 'set null' }),
		status: text('status', { enum: engagementStatuses }).notNull(),
		/** "Share to Coachee": the coachee sees the whole engagement in their portal, locked items included. */
		shared: integer('shared', { mode: 'boolean' }).notNull().default(false),
		startsOn: text('starts_on').notNull(),
		endsOn: text('ends_on'),
		createdBy: text('created_by'),
		activatedAt: integer('activated_at', { mode: 'timestamp_ms' }),
		completedAt: integer('completed_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		index('engagements_status_idx').on(t.status, t.createdAt),
		index('engagements_coach_idx').on(t.coachId, t.status, t.createdAt),
		index('engagements_coachee_idx').on(t.coacheeId, t.createdAt),
		/** Exports filter on the start date and walk it in order. */
		index('engagements_starts_idx').on(t.startsOn, t.id)
	]
);

/** Authorized users (spectators) following an engagement, read only. */
export const engagementSpectators = sqliteTable(
	'engagement_spectators',
	{
		engagementId: text('engagement_id')
			.notNull()
			.references(() => engagements.id, { onDelete: 'cascade' }),
		personId: text('person_id')
			.notNull()
			.references(() => people.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.engagementId, t.personId] }), index('engagement_spectators_person_idx').on(t.personId)]
);

/**
 * An engagement's items, in order. The state staff see is derived: completed once
 * `completedAt` is set, else scheduled once `scheduledAt` is, else not yet scheduled.
 * `scheduledAt` is when a session starts, or when an assessment, file or link is sent.
 *
 * Delivery (engagements/delivery.ts) claims what is due with conditional updates, so a
 * repeated cron tick sends nothing twice and a missed one catches up:
 * - an assessment, file or link is sent once `scheduledAt` has come: `deliveredAt` is set and
 *   the record it made is kept (`assignmentId`, `fileId`); until then the coachee sees it locked;
 * - a session's invitation goes out whenever `sequence` (bumped on every change: the .ics
 *   SEQUENCE) is ahead of `invitedSequence`, and its reminder once `remindAt` has come.
 */
export const engagementItems = sqliteTable(
	'engagement_items',
	{
		id: text('id').primaryKey(),
		engagementId: text('engagement_id')
			.notNull()
			.references(() => engagements.id, { onDelete: 'cascade' }),
		/** The engagement's coachee, kept here so every query scopes by it. */
		coacheeId: text('coachee_id')
			.notNull()
			.references(() => people.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		kind: text('kind', { enum: itemKinds }).notNull(),
		title: text('title').notNull(),
		details: text('details', { mode: 'json' }).$type<ItemDetails>().notNull(),
		scheduledAt: integer('scheduled_at', { mode: 'timestamp_ms' }),
		completedAt: integer('completed_at', { mode: 'timestamp_ms' }),
		deliveredAt: integer('delivered_at', { mode: 'timestamp_ms' }),
		/** Why the item could not be sent (e.g. its file was deleted), for staff to act on. */
		deliveryError: text('delivery_error'),
		sequence: integer('sequence').notNull().default(0),
		invitedSequence: integer('invited_sequence'),
		remindAt: integer('remind_at', { mode: 'timestamp_ms' }),
		remindedAt: integer('reminded_at', { mode: 'timestamp_ms' }),
		/** "Associate a Record": the session log (and so its notes) or the answered assessment. */
		sessionLogId: text('session_log_id').references(() => sessionLogs.id, { onDelete: 'set null' }),
		assignmentId: text('assignment_id').references(() => assessmentAssignments.id, { onDelete: 'set null' }),
		/** The coachee's copy of a file item, once sent. */
		fileId: text('file_id').references(() => files.id, { onDelete: 'set null' }),
		createdBy: text('created_by'),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		index('engagement_items_engagement_idx').on(t.engagementId, t.position),
		index('engagement_items_coachee_idx').on(t.coacheeId, t.scheduledAt),
		index('engagement_items_delivery_idx').on(t.deliveredAt, t.scheduledAt),
		index('engagement_items_invite_idx').on(t.kind, t.invitedSequence),
		index('engagement_items_remind_idx').on(t.remindedAt, t.remindAt)
	]
);

/** A person's private calendar feed (an .ics URL their calendar app subscribes to). Only the
 * hash of the secret is stored; a new link replaces the old one, which then stops working. */
export const calendarFeeds = sqliteTable(
	'calendar_feeds',
	{
		personId: text('person_id')
			.primaryKey()
			.references(() => people.id, { onDelete: 'cascade' }),
		secretHash: text('secret_hash').notNull(),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('calendar_feeds_secret_unique').on(t.secretHash)]
);

/** A Bulk Create: one uploaded CSV (kept in file storage under `fileKey`) read one chunk
 * per queue message. The cursor (`chunksDone`, `cursorOffset` in bytes, `cursorLine`) moves
 * in the same batch as the chunk's rows, so a chunk delivered twice or resumed after a
 * crash starts where the last committed one ended. */
export const engagementImports = sqliteTable(
	'engagement_imports',
	{
		id: text('id').primaryKey(),
		requestedBy: text('requested_by')
			.notNull()
			.references(() => people.id, { onDelete: 'cascade' }),
		fileName: text('file_name').notNull(),
		fileKey: text('file_key').notNull(),
		fileSize: integer('file_size').notNull(),
		/** `,` or `;` (Excel's export in many locales), found from the header line. */
		delimiter: text('delimiter').notNull(),
		/** The header's cells as written, so every chunk reads its rows by the same names. */
		columns: text('columns', { mode: 'json' }).$type<string[]>().notNull(),
		status: text('status', { enum: longJobStatuses }).notNull().default('queued'),
		chunksDone: integer('chunks_done').notNull().default(0),
		/** Byte offset of the first row not yet read. */
		cursorOffset: integer('cursor_offset').notNull().default(0),
		/** Line of the last row read (the header is line 1). */
		cursorLine: integer('cursor_line').notNull().default(1),
		rowsRead: integer('rows_read').notNull().default(0),
		rowsCreated: integer('rows_created').notNull().default(0),
		rowsRejected: integer('rows_rejected').notNull().default(0),
		/** Why a `failed` import stopped, in words for its owner. */
		error: text('error'),
		createdAt: createdAt(),
		updatedAt: updatedAt(),
		finishedAt: integer('finished_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('engagement_imports_requester_idx').on(t.requestedBy, t.createdAt), index('engagement_imports_status_idx').on(t.status, t.updatedAt)]
);

/** What became of each data row of an import, written once: (import, line) is the row's
 * idempotency key. Rejected rows keep their cells, to be downloaded, fixed and uploaded again. */
export const engagementImportRows = sqliteTable(
	'engagement_import_rows',
	{
		importId: text('import_id')
			.notNull()
			.references(() => engagementImports.id, { onDelete: 'cascade' }),
		line: integer('line').notNull(),
		outcome: text('outcome', { enum: importRowOutcomes }).notNull(),
		engagementId: text('engagement_id').references(() => engagements.id, { onDelete: 'set null' }),
		coacheeEmail: text('coachee_email'),
		reason: text('reason'),
		cells: text('cells', { mode: 'json' }).$type<string[]>(),
		/** Coachee, template and start date of a created row: a later line repeating them is a duplicate. */
		dedupeKey: text('dedupe_key')
	},
	(t) => [
		primaryKey({ columns: [t.importId, t.line] }),
		index('engagement_import_rows_outcome_idx').on(t.importId, t.outcome, t.line),
		index('engagement_import_rows_dedupe_idx').on(t.importId, t.dedupeKey)
	]
);

/** An export a person asked for: its filters, its progress, and the CSV it wrote to file
 * storage in parts (one per chunk) under `tenants/<tenant>/exports/<id>/`. */
export const engagementExports = sqliteTable(
	'engagement_exports',
	{
		id: text('id').primaryKey(),
		requestedBy: text('requested_by')
			.notNull()
			.references(() => people.id, { onDelete: 'cascade' }),
		filters: text('filters', { mode: 'json' }).$type<ExportFilters>().notNull(),
		shape: text('shape', { enum: exportShapes }).notNull(),
		status: text('status', { enum: longJobStatuses }).notNull().default('queued'),
		/** Engagements the filters matched when the export started (progress's denominator). */
		totalEngagements: integer('total_engagements'),
		engagementsDone: integer('engagements_done').notNull().default(0),
		rowsWritten: integer('rows_written').notNull().default(0),
		chunksDone: integer('chunks_done').notNull().default(0),
		/** Where the next chunk starts (keyset position, as JSON); null before the first. */
		cursor: text('cursor'),
		sizeBytes: integer('size_bytes').notNull().default(0),
		error: text('error'),
		createdAt: createdAt(),
		updatedAt: updatedAt(),
		finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
		/** After this the file is deleted and the export can no longer be downloaded. */
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('engagement_exports_requester_idx').on(t.requestedBy, t.createdAt), index('engagement_exports_status_idx').on(t.status, t.updatedAt)]
);
