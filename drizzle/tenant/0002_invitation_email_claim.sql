ALTER TABLE `invitations` ADD `email` text;--> statement-breakpoint
ALTER TABLE `invitations` ADD `accepted_by` text;