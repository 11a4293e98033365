CREATE TABLE `assessment_assignments` (
	`id` text PRIMARY KEY NOT NULL,
	`coachee_id` text NOT NULL,
	`template_id` text,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`questions` text NOT NULL,
	`answers` text DEFAULT '{}' NOT NULL,
	`status` text DEFAULT 'assigned' NOT NULL,
	`assigned_by` text,
	`due_on` text,
	`submitted_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`coachee_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`template_id`) REFERENCES `assessment_templates`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `assessment_assignments_coachee_idx` ON `assessment_assignments` (`coachee_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `assessment_assignments_template_idx` ON `assessment_assignments` (`coachee_id`,`template_id`,`submitted_at`);--> statement-breakpoint
CREATE TABLE `assessment_templates` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`questions` text NOT NULL,
	`created_by` text,
	`archived_at` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer
);
--> statement-breakpoint
CREATE INDEX `assessment_templates_title_idx` ON `assessment_templates` (`archived_at`,`title`);--> statement-breakpoint
CREATE TABLE `file_uploads` (
	`id` text PRIMARY KEY NOT NULL,
	`coachee_id` text NOT NULL,
	`uploader_id` text NOT NULL,
	`visibility` text NOT NULL,
	`name` text NOT NULL,
	`declared_type` text NOT NULL,
	`size` integer NOT NULL,
	`storage_key` text NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`coachee_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `file_uploads_expiry_idx` ON `file_uploads` (`expires_at`);--> statement-breakpoint
CREATE TABLE `files` (
	`id` text PRIMARY KEY NOT NULL,
	`coachee_id` text NOT NULL,
	`uploader_id` text NOT NULL,
	`visibility` text NOT NULL,
	`name` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`storage_key` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`coachee_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `files_coachee_idx` ON `files` (`coachee_id`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `files_key_unique` ON `files` (`storage_key`);--> statement-breakpoint
CREATE TABLE `notes` (
	`id` text PRIMARY KEY NOT NULL,
	`coachee_id` text NOT NULL,
	`author_id` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`draft` integer DEFAULT false NOT NULL,
	`revision` integer DEFAULT 0 NOT NULL,
	`session_log_id` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`coachee_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`session_log_id`) REFERENCES `session_logs`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `notes_author_coachee_idx` ON `notes` (`author_id`,`coachee_id`,`updated_at`);--> statement-breakpoint
CREATE TABLE `session_logs` (
	`id` text PRIMARY KEY NOT NULL,
	`coachee_id` text NOT NULL,
	`coach_id` text,
	`title` text NOT NULL,
	`held_at` integer NOT NULL,
	`duration_minutes` integer NOT NULL,
	`status` text NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`coachee_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `session_logs_coachee_idx` ON `session_logs` (`coachee_id`,`held_at`);