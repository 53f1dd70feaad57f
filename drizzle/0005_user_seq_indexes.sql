-- Random-key indexes that serve no read cost a random B-tree leaf per imported row (README
-- "Benchmark: npm run bench -- import"): a user's logs and targets are found through the user's
-- seq, whose entries append. The backfill runs while logs_user_time still serves its subquery:
-- an entry belongs to the existing user with its id unless a later `user.delete` of that id
-- ended the user it was about (those entries keep user_seq null and are listed nowhere, as before).
ALTER TABLE `logs` ADD `user_seq` integer;--> statement-breakpoint
UPDATE `logs` SET `user_seq` = (SELECT `seq` FROM `users` WHERE `users`.`id` = `logs`.`user_id`)
WHERE `seq` > coalesce((SELECT max(d.`seq`) FROM `logs` d WHERE d.`user_id` = `logs`.`user_id` AND d.`event` = 'user.delete'), 0);--> statement-breakpoint
DROP INDEX `logs_user_time`;--> statement-breakpoint
CREATE INDEX `logs_user` ON `logs` (`user_seq`);--> statement-breakpoint
DROP INDEX `targets_user_id`;
