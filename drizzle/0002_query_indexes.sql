CREATE TABLE `user_labels` (
	`label` text NOT NULL,
	`user_seq` integer NOT NULL,
	PRIMARY KEY(`label`, `user_seq`)
);
--> statement-breakpoint
CREATE INDEX `user_labels_user` ON `user_labels` (`user_seq`);--> statement-breakpoint
DROP INDEX `users_name`;--> statement-breakpoint
CREATE INDEX `users_email` ON `users` (`email`);--> statement-breakpoint
CREATE INDEX `users_phone` ON `users` ("phone" collate nocase);--> statement-breakpoint
CREATE INDEX `users_labels` ON `users` (`labels`);--> statement-breakpoint
CREATE INDEX `users_name` ON `users` ("name" collate nocase);--> statement-breakpoint
CREATE INDEX `identities_updated_at` ON `identities` (`updated_at`);--> statement-breakpoint
CREATE INDEX `identities_provider_nocase` ON `identities` ("provider" collate nocase);--> statement-breakpoint
CREATE INDEX `identities_provider_uid_nocase` ON `identities` ("provider_uid" collate nocase);