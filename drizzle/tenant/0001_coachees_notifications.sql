CREATE TABLE `activity_events` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`kind` text NOT NULL,
	`actor_id` text,
	`summary` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `activity_events_person_idx` ON `activity_events` (`person_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `coachee_group_members` (
	`group_id` text NOT NULL,
	`person_id` text NOT NULL,
	PRIMARY KEY(`group_id`, `person_id`),
	FOREIGN KEY (`group_id`) REFERENCES `coachee_groups`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `coachee_group_members_person_idx` ON `coachee_group_members` (`person_id`);--> statement-breakpoint
CREATE TABLE `coachee_groups` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `coachee_groups_name_unique` ON `coachee_groups` (lower("name"));--> statement-breakpoint
CREATE TABLE `notification_preferences` (
	`person_id` text NOT NULL,
	`kind` text NOT NULL,
	`delivery` text NOT NULL,
	PRIMARY KEY(`person_id`, `kind`),
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` text PRIMARY KEY NOT NULL,
	`recipient_id` text NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`link` text NOT NULL,
	`read_at` integer,
	`email_status` text DEFAULT 'none' NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`recipient_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `notifications_recipient_idx` ON `notifications` (`recipient_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `notifications_unread_idx` ON `notifications` (`recipient_id`,`read_at`);--> statement-breakpoint
CREATE INDEX `notifications_digest_idx` ON `notifications` (`email_status`);--> statement-breakpoint
ALTER TABLE `people` ADD `is_coachee` integer GENERATED ALWAYS AS ((instr(roles, '"coachee"') > 0)) VIRTUAL;--> statement-breakpoint
ALTER TABLE `people` ADD `coach_id` text;--> statement-breakpoint
ALTER TABLE `people` ADD `last_activity_at` integer;--> statement-breakpoint
CREATE INDEX `people_coachee_name_idx` ON `people` (`is_coachee`,`last_name`,`first_name`);--> statement-breakpoint
CREATE INDEX `people_coach_idx` ON `people` (`coach_id`,`last_name`,`first_name`);