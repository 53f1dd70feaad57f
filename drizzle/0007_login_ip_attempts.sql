CREATE TABLE `login_ip_attempts` (
	`ip` text PRIMARY KEY NOT NULL,
	`count` integer NOT NULL,
	`until` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `login_ip_attempts_until` ON `login_ip_attempts` (`until`);