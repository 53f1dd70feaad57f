ALTER TABLE `users` ADD `impersonator` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `users_impersonator` ON `users` (`impersonator`);