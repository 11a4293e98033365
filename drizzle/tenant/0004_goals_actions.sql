CREATE TABLE `action_comments` (
	`id` text PRIMARY KEY NOT NULL,
	`action_id` text NOT NULL,
	`coachee_id` text NOT NULL,
	`author_id` text,
	`body` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`action_id`) REFERENCES `actions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`coachee_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `action_comments_action_idx` ON `action_comments` (`action_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `action_series` (
	`id` text PRIMARY KEY NOT NULL,
	`coachee_id` text NOT NULL,
	`milestone_id` text,
	`title` text NOT NULL,
	`rule` text NOT NULL,
	`starts_on` text NOT NULL,
	`next_on` text,
	`created_by` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`coachee_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`milestone_id`) REFERENCES `milestones`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `action_series_next_idx` ON `action_series` (`next_on`);--> statement-breakpoint
CREATE TABLE `actions` (
	`id` text PRIMARY KEY NOT NULL,
	`coachee_id` text NOT NULL,
	`milestone_id` text,
	`series_id` text,
	`title` text NOT NULL,
	`due_on` text NOT NULL,
	`due_at` integer NOT NULL,
	`progress` integer DEFAULT 0 NOT NULL,
	`position` integer NOT NULL,
	`completed_at` integer,
	`created_by` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`coachee_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`milestone_id`) REFERENCES `milestones`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`series_id`) REFERENCES `action_series`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `actions_coachee_due_idx` ON `actions` (`coachee_id`,`due_at`);--> statement-breakpoint
CREATE INDEX `actions_milestone_idx` ON `actions` (`milestone_id`,`position`);--> statement-breakpoint
CREATE UNIQUE INDEX `actions_series_occurrence_unique` ON `actions` (`series_id`,`due_on`);--> statement-breakpoint
CREATE TABLE `goals` (
	`id` text PRIMARY KEY NOT NULL,
	`coachee_id` text NOT NULL,
	`title` text NOT NULL,
	`due_on` text NOT NULL,
	`position` integer NOT NULL,
	`marked_complete_at` integer,
	`created_by` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`coachee_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `goals_coachee_idx` ON `goals` (`coachee_id`,`position`);--> statement-breakpoint
CREATE TABLE `milestones` (
	`id` text PRIMARY KEY NOT NULL,
	`goal_id` text NOT NULL,
	`coachee_id` text NOT NULL,
	`title` text NOT NULL,
	`due_on` text NOT NULL,
	`position` integer NOT NULL,
	`marked_complete_at` integer,
	`created_by` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`goal_id`) REFERENCES `goals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`coachee_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `milestones_goal_idx` ON `milestones` (`goal_id`,`position`);--> statement-breakpoint
CREATE INDEX `milestones_coachee_idx` ON `milestones` (`coachee_id`);--> statement-breakpoint
ALTER TABLE `activity_events` ADD `subject_key` text;--> statement-breakpoint
ALTER TABLE `notifications` ADD `subject_key` text;--> statement-breakpoint
ALTER TABLE `notifications` ADD `email_after` integer;--> statement-breakpoint
CREATE INDEX `notifications_subject_idx` ON `notifications` (`recipient_id`,`subject_key`);--> statement-breakpoint
CREATE INDEX `notifications_held_idx` ON `notifications` (`email_status`,`email_after`);--> statement-breakpoint
ALTER TABLE `people` ADD `time_zone` text DEFAULT 'UTC' NOT NULL;