CREATE TABLE `engines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`base_url` text,
	`auth_kind` text NOT NULL,
	`credentials` text,
	`credentials_set_at` integer,
	`is_default` integer DEFAULT false NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`revision` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `engines_name_key_unique` ON `engines` (`name_key`);--> statement-breakpoint
ALTER TABLE `users` ADD `default_engine` text;--> statement-breakpoint
ALTER TABLE `users` ADD `engine_roles` text;--> statement-breakpoint
ALTER TABLE `workflow_runs` ADD `engine` text;