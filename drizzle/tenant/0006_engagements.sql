CREATE TABLE `calendar_feeds` (
	`person_id` text PRIMARY KEY NOT NULL,
	`secret_hash` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `calendar_feeds_secret_unique` ON `calendar_feeds` (`secret_hash`);--> statement-breakpoint
CREATE TABLE `engagement_items` (
	`id` text PRIMARY KEY NOT NULL,
	`engagement_id` text NOT NULL,
	`coachee_id` text NOT NULL,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`details` text NOT NULL,
	`scheduled_at` integer,
	`completed_at` integer,
	`delivered_at` integer,
	`delivery_error` text,
	`sequence` integer DEFAULT 0 NOT NULL,
	`invited_sequence` integer,
	`remind_at` integer,
	`reminded_at` integer,
	`session_log_id` text,
	`assignment_id` text,
	`file_id` text,
	`created_by` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`engagement_id`) REFERENCES `engagements`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`coachee_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`session_log_id`) REFERENCES `session_logs`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`assignment_id`) REFERENCES `assessment_assignments`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`file_id`) REFERENCES `files`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `engagement_items_engagement_idx` ON `engagement_items` (`engagement_id`,`position`);--> statement-breakpoint
CREATE INDEX `engagement_items_coachee_idx` ON `engagement_items` (`coachee_id`,`scheduled_at`);--> statement-breakpoint
CREATE INDEX `engagement_items_delivery_idx` ON `engagement_items` (`delivered_at`,`scheduled_at`);--> statement-breakpoint
CREATE INDEX `engagement_items_invite_idx` ON `engagement_items` (`kind`,`invited_sequence`);--> statement-breakpoint
CREATE INDEX `engagement_items_remind_idx` ON `engagement_items` (`reminded_at`,`remind_at`);--> statement-breakpoint
CREATE TABLE `engagement_spectators` (
	`engagement_id` text NOT NULL,
	`person_id` text NOT NULL,
	PRIMARY KEY(`engagement_id`, `person_id`),
	FOREIGN KEY (`engagement_id`) REFERENCES `engagements`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `engagement_spectators_person_idx` ON `engagement_spectators` (`person_id`);--> statement-breakpoint
CREATE TABLE `engagements` (
	`id` text PRIMARY KEY NOT NULL,
	`coachee_id` text NOT NULL,
	`coach_id` text NOT NULL,
	`title` text NOT NULL,
	`program_template_id` text,
	`status` text NOT NULL,
	`shared` integer DEFAULT false NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text,
	`created_by` text,
	`activated_at` integer,
	`completed_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`coachee_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`coach_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`program_template_id`) REFERENCES `program_templates`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `engagements_status_idx` ON `engagements` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `engagements_coach_idx` ON `engagements` (`coach_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `engagements_coachee_idx` ON `engagements` (`coachee_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `program_templates` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`items` text NOT NULL,
	`owner_id` text,
	`created_by` text,
	`archived_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`owner_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `program_templates_name_idx` ON `program_templates` (`archived_at`,`name`);--> statement-breakpoint
CREATE INDEX `program_templates_owner_idx` ON `program_templates` (`owner_id`);