-- A user's email and sms targets mirror its email and phone (`contact` = 1): created with the user,
-- renamed with the value, deleted when it is cleared. Their identifiers are unique through the
-- user's email/phone (0006's triggers over users_email / users_phone), so the unique index on
-- identifiers now holds only the other targets: two random-key entries fewer per imported user
-- (README "Benchmark: npm run bench -- import"). The triggers below keep every target identifier
-- unique across both kinds, failing with the message the full index gave, so callers map it as
-- before. A contact target's twin is found through its user: the user whose email or phone is the
-- identifier, and that user's contact target holding it; a contact target created with its user's
-- current value (a user created or imported) has none, the value being the user's alone, so only
-- one created ahead of an email/phone change looks. D1 runs one write at a time.
DROP INDEX `targets_identifier_unique`;--> statement-breakpoint
ALTER TABLE `targets` ADD `contact` integer DEFAULT false NOT NULL;--> statement-breakpoint
UPDATE `targets` SET `contact` = 1
WHERE (`provider_type` = 'email' AND `identifier` = (SELECT `email` FROM `users` WHERE `users`.`seq` = `targets`.`user_seq`))
   OR (`provider_type` = 'sms' AND `identifier` = (SELECT `phone` FROM `users` WHERE `users`.`seq` = `targets`.`user_seq`));--> statement-breakpoint
CREATE UNIQUE INDEX `targets_identifier_unique` ON `targets` (`identifier`) WHERE contact = 0;--> statement-breakpoint
CREATE TRIGGER `targets_identifier_unique_insert` BEFORE INSERT ON `targets` BEGIN
  SELECT RAISE(ABORT, 'UNIQUE constraint failed: targets.identifier')
  WHERE (NEW.contact AND EXISTS (SELECT 1 FROM targets WHERE contact = 0 AND identifier = NEW.identifier))
     OR ((NOT NEW.contact OR NOT EXISTS (SELECT 1 FROM users WHERE seq = NEW.user_seq AND NEW.identifier IN (email, phone)))
         AND (EXISTS (SELECT 1 FROM users JOIN targets t ON t.user_seq = users.seq AND t.contact = 1 AND t.identifier = NEW.identifier
                      WHERE users.email = NEW.identifier)
              OR EXISTS (SELECT 1 FROM users JOIN targets t ON t.user_seq = users.seq AND t.contact = 1 AND t.identifier = NEW.identifier
                         WHERE users.phone COLLATE NOCASE = NEW.identifier)));
END;
--> statement-breakpoint
CREATE TRIGGER `targets_identifier_unique_update` BEFORE UPDATE OF identifier, contact ON `targets` BEGIN
  SELECT RAISE(ABORT, 'UNIQUE constraint failed: targets.identifier')
  WHERE (NEW.contact AND EXISTS (SELECT 1 FROM targets WHERE contact = 0 AND identifier = NEW.identifier AND seq <> NEW.seq))
     OR EXISTS (SELECT 1 FROM users JOIN targets t ON t.user_seq = users.seq AND t.contact = 1 AND t.identifier = NEW.identifier
                WHERE users.email = NEW.identifier AND t.seq <> NEW.seq)
     OR EXISTS (SELECT 1 FROM users JOIN targets t ON t.user_seq = users.seq AND t.contact = 1 AND t.identifier = NEW.identifier
                WHERE users.phone COLLATE NOCASE = NEW.identifier AND t.seq <> NEW.seq);
END;
