CREATE TABLE `authenticators` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text COLLATE NOCASE NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`user_seq` integer NOT NULL,
	`user_id` text COLLATE NOCASE NOT NULL,
	`type` text NOT NULL,
	`verified` integer DEFAULT false NOT NULL,
	`data` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `authenticators_id_unique` ON `authenticators` (`id`);--> statement-breakpoint
CREATE INDEX `authenticators_user` ON `authenticators` (`user_seq`);--> statement-breakpoint
CREATE TABLE `challenges` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text COLLATE NOCASE NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`user_seq` integer NOT NULL,
	`user_id` text COLLATE NOCASE NOT NULL,
	`type` text NOT NULL,
	`code` text DEFAULT '' NOT NULL,
	`expire` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `challenges_id_unique` ON `challenges` (`id`);--> statement-breakpoint
CREATE INDEX `challenges_user` ON `challenges` (`user_seq`);--> statement-breakpoint
CREATE TABLE `identities` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text COLLATE NOCASE NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`user_seq` integer NOT NULL,
	`user_id` text COLLATE NOCASE NOT NULL,
	`provider` text DEFAULT '' NOT NULL,
	`provider_uid` text DEFAULT '' NOT NULL,
	`provider_email` text COLLATE NOCASE DEFAULT '' NOT NULL,
	`provider_access_token` text DEFAULT '' NOT NULL,
	`provider_access_token_expiry` text,
	`provider_refresh_token` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `identities_id_unique` ON `identities` (`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `identities_provider_uid_unique` ON `identities` (`provider`,`provider_uid`);--> statement-breakpoint
CREATE INDEX `identities_user` ON `identities` (`user_seq`);--> statement-breakpoint
CREATE INDEX `identities_user_id` ON `identities` (`user_id`);--> statement-breakpoint
CREATE INDEX `identities_provider_email` ON `identities` (`provider_email`);--> statement-breakpoint
CREATE INDEX `identities_provider_uid` ON `identities` (`provider_uid`);--> statement-breakpoint
CREATE INDEX `identities_expiry` ON `identities` (`provider_access_token_expiry`);--> statement-breakpoint
CREATE INDEX `identities_created_at` ON `identities` (`created_at`);--> statement-breakpoint
CREATE TABLE `keys` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`name` text NOT NULL,
	`secret_hash` text NOT NULL,
	`scopes` text NOT NULL,
	`expire` text,
	`created_at` text NOT NULL,
	`accessed_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `keys_id_unique` ON `keys` (`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `keys_secret_hash_unique` ON `keys` (`secret_hash`);--> statement-breakpoint
CREATE TABLE `logs` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`event` text NOT NULL,
	`user_id` text COLLATE NOCASE NOT NULL,
	`actor_id` text DEFAULT '' NOT NULL,
	`actor_email` text DEFAULT '' NOT NULL,
	`actor_name` text DEFAULT '' NOT NULL,
	`resource` text DEFAULT '' NOT NULL,
	`ip` text DEFAULT '' NOT NULL,
	`user_agent` text DEFAULT '' NOT NULL,
	`country_code` text DEFAULT '--' NOT NULL,
	`time` text NOT NULL,
	`data` text DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `logs_user_time` ON `logs` (`user_id`,`seq`);--> statement-breakpoint
CREATE TABLE `memberships` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text COLLATE NOCASE NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`user_seq` integer NOT NULL,
	`user_id` text COLLATE NOCASE NOT NULL,
	`team_id` text COLLATE NOCASE NOT NULL,
	`roles` text DEFAULT '[]' NOT NULL,
	`invited` text,
	`joined` text,
	`confirm` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `memberships_id_unique` ON `memberships` (`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `memberships_team_user_unique` ON `memberships` (`team_id`,`user_seq`);--> statement-breakpoint
CREATE INDEX `memberships_user` ON `memberships` (`user_seq`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text COLLATE NOCASE NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`user_seq` integer NOT NULL,
	`user_id` text COLLATE NOCASE NOT NULL,
	`provider` text NOT NULL,
	`provider_uid` text DEFAULT '' NOT NULL,
	`secret_hash` text NOT NULL,
	`user_agent` text DEFAULT '' NOT NULL,
	`ip` text DEFAULT '' NOT NULL,
	`country_code` text DEFAULT '--' NOT NULL,
	`client` text DEFAULT '{}' NOT NULL,
	`factors` text DEFAULT '[]' NOT NULL,
	`expire` text NOT NULL,
	`mfa_updated_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sessions_id_unique` ON `sessions` (`id`);--> statement-breakpoint
CREATE INDEX `sessions_user` ON `sessions` (`user_seq`);--> statement-breakpoint
CREATE TABLE `targets` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text COLLATE NOCASE NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`user_seq` integer NOT NULL,
	`user_id` text COLLATE NOCASE NOT NULL,
	`session_id` text,
	`provider_type` text NOT NULL,
	`provider_id` text,
	`identifier` text COLLATE NOCASE NOT NULL,
	`name` text,
	`expired` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `targets_id_unique` ON `targets` (`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `targets_identifier_unique` ON `targets` (`identifier`);--> statement-breakpoint
CREATE INDEX `targets_user` ON `targets` (`user_seq`);--> statement-breakpoint
CREATE INDEX `targets_user_id` ON `targets` (`user_id`);--> statement-breakpoint
CREATE INDEX `targets_provider_id` ON `targets` (`provider_id`);--> statement-breakpoint
CREATE INDEX `targets_provider_type` ON `targets` (`provider_type`);--> statement-breakpoint
CREATE TABLE `teams` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text COLLATE NOCASE NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`name` text DEFAULT '' NOT NULL,
	`total` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `teams_id_unique` ON `teams` (`id`);--> statement-breakpoint
CREATE TABLE `tokens` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text COLLATE NOCASE NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`user_seq` integer NOT NULL,
	`user_id` text COLLATE NOCASE NOT NULL,
	`type` integer NOT NULL,
	`secret_hash` text NOT NULL,
	`expire` text NOT NULL,
	`user_agent` text DEFAULT '' NOT NULL,
	`ip` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tokens_id_unique` ON `tokens` (`id`);--> statement-breakpoint
CREATE INDEX `tokens_user` ON `tokens` (`user_seq`);--> statement-breakpoint
CREATE TABLE `users` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text COLLATE NOCASE NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`name` text DEFAULT '' NOT NULL,
	`email` text COLLATE NOCASE,
	`phone` text,
	`status` integer DEFAULT true NOT NULL,
	`labels` text DEFAULT '[]' NOT NULL,
	`password` text,
	`password_history` text DEFAULT '[]' NOT NULL,
	`hash` text DEFAULT 'argon2' NOT NULL,
	`hash_options` text NOT NULL,
	`password_update` text,
	`prefs` text DEFAULT '{}' NOT NULL,
	`registration` text NOT NULL,
	`email_verification` integer DEFAULT false NOT NULL,
	`phone_verification` integer DEFAULT false NOT NULL,
	`reset` integer DEFAULT false NOT NULL,
	`mfa` integer DEFAULT false NOT NULL,
	`mfa_recovery_codes` text,
	`accessed_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_id_unique` ON `users` (`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`) WHERE email <> '';--> statement-breakpoint
CREATE UNIQUE INDEX `users_phone_unique` ON `users` (`phone`) WHERE phone <> '';--> statement-breakpoint
CREATE INDEX `users_name` ON `users` (`name`);--> statement-breakpoint
CREATE INDEX `users_status` ON `users` (`status`);--> statement-breakpoint
CREATE INDEX `users_password_update` ON `users` (`password_update`);--> statement-breakpoint
CREATE INDEX `users_registration` ON `users` (`registration`);--> statement-breakpoint
CREATE INDEX `users_email_verification` ON `users` (`email_verification`);--> statement-breakpoint
CREATE INDEX `users_phone_verification` ON `users` (`phone_verification`);--> statement-breakpoint
CREATE INDEX `users_accessed_at` ON `users` (`accessed_at`);--> statement-breakpoint
CREATE INDEX `users_created_at` ON `users` (`created_at`);--> statement-breakpoint
CREATE INDEX `users_updated_at` ON `users` (`updated_at`);