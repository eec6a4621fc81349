ALTER TABLE `audit_events` ADD `event_id` text;--> statement-breakpoint
ALTER TABLE `audit_events` ADD `action_family` text GENERATED ALWAYS AS (substr(action, 1, instr(action || '.', '.') - 1)) VIRTUAL;--> statement-breakpoint
CREATE UNIQUE INDEX `audit_events_event_id_unique` ON `audit_events` (`event_id`);--> statement-breakpoint
CREATE INDEX `audit_events_action_family_at_idx` ON `audit_events` (`action_family`,`at`);--> statement-breakpoint
CREATE INDEX `audit_events_target_at_idx` ON `audit_events` (`target`,`at`);--> statement-breakpoint
CREATE INDEX `audit_events_outcome_at_idx` ON `audit_events` (`outcome`,`at`);