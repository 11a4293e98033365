CREATE TABLE `engagement_exports` (
	`id` text PRIMARY KEY NOT NULL,
	`requested_by` text NOT NULL,
	`filters` text NOT NULL,
	`shape` text NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`total_engagements` integer,
	`engagements_done` integer DEFAULT 0 NOT NULL,
	`rows_written` integer DEFAULT 0 NOT NULL,
	`chunks_done` integer DEFAULT 0 NOT NULL,
	`cursor` text,
	`size_bytes` integer DEFAULT 0 NOT NULL,
	`error` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer,
	`finished_at` integer,
	`expires_at` integer,
	FOREIGN KEY (`requested_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `engagement_exports_requester_idx` ON `engagement_exports` (`requested_by`,`created_at`);--> statement-breakpoint
CREATE INDEX `engagement_exports_status_idx` ON `engagement_exports` (`status`,`updated_at`);--> statement-breakpoint
CREATE TABLE `engagement_import_rows` (
	`import_id` text NOT NULL,
	`line` integer NOT NULL,
	`outcome` text NOT NULL,
	`engagement_id` text,
	`coachee_email` text,
	`reason` text,
	`cells` text,
	`dedupe_key` text,
	PRIMARY KEY(`import_id`, `line`),
	FOREIGN KEY (`import_id`) REFERENCES `engagement_imports`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`engagement_id`) REFERENCES `engagements`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `engagement_import_rows_outcome_idx` ON `engagement_import_rows` (`import_id`,`outcome`,`line`);--> statement-breakpoint
CREATE INDEX `engagement_import_rows_dedupe_idx` ON `engagement_import_rows` (`import_id`,`dedupe_key`);--> statement-breakpoint
CREATE TABLE `engagement_imports` (
	`id` text PRIMARY KEY NOT NULL,
	`requested_by` text NOT NULL,
	`file_name` text NOT NULL,
	`file_key` text NOT NULL,
	`file_size` integer NOT NULL,
	`delimiter` text NOT NULL,
	`columns` text NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`chunks_done` integer DEFAULT 0 NOT NULL,
	`cursor_offset` integer DEFAULT 0 NOT NULL,
	`cursor_line` integer DEFAULT 1 NOT NULL,
	`rows_read` integer DEFAULT 0 NOT NULL,
	`rows_created` integer DEFAULT 0 NOT NULL,
	`rows_rejected` integer DEFAULT 0 NOT NULL,
	`error` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer,
	`finished_at` integer,
	FOREIGN KEY (`requested_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `engagement_imports_requester_idx` ON `engagement_imports` (`requested_by`,`created_at`);--> statement-breakpoint
CREATE INDEX `engagement_imports_status_idx` ON `engagement_imports` (`status`,`updated_at`);--> statement-breakpoint
CREATE INDEX `engagements_starts_idx` ON `engagements` (`starts_on`,`id`);