ALTER TABLE `memberships` ADD `person_id` text;--> statement-breakpoint
ALTER TABLE `tenants` ADD `schema_version` text;