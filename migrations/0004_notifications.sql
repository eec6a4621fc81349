CREATE TABLE `notification_deliveries` (
	`id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`subscription_id` text NOT NULL,
	`event` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`claimed_until` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`finished_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notification_deliveries_event_subscription_idx` ON `notification_deliveries` (`event_id`,`subscription_id`);--> statement-breakpoint
CREATE INDEX `notification_deliveries_status_created_idx` ON `notification_deliveries` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `notification_deliveries_subscription_idx` ON `notification_deliveries` (`subscription_id`);--> statement-breakpoint
CREATE TABLE `subscriptions` (
	`id` text PRIMARY KEY NOT NULL,
	`owner` text,
	`events` text NOT NULL,
	`match` text NOT NULL,
	`target` text NOT NULL,
	`quiet_hours` text,
	`language` text NOT NULL,
	`one_shot` integer DEFAULT false NOT NULL,
	`secret_nonce` text,
	`consumed_at` integer,
	`created_by` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `subscriptions_owner_idx` ON `subscriptions` (`owner`);