-- A non-empty email or phone belongs to one user. Until now partial unique indexes said so, beside
-- the users_email / users_phone indexes that queries and sorts need (they cover '' and NULL too):
-- two random-key indexes per value, each costing a random B-tree leaf per imported user (README
-- "Benchmark: npm run bench -- import"). These triggers check the query indexes instead. D1 runs
-- one write at a time, so the check and the write cannot interleave with another writer's.
-- A violation reads exactly as the unique index's did, so every caller maps it as before. One
-- trigger per event holds the identity check of 0001 too, so their order is the statement order:
-- the identity e-mail first (Appwrite's user_email_already_exists before user_already_exists).
-- Phones compare through users_phone (NOCASE); stored phones are '+' and digits, which no
-- collation folds, so the comparison is the binary one the unique index made.
DROP INDEX `users_email_unique`;--> statement-breakpoint
DROP INDEX `users_phone_unique`;--> statement-breakpoint
DROP TRIGGER `users_email_not_identity_insert`;--> statement-breakpoint
DROP TRIGGER `users_email_not_identity_update`;--> statement-breakpoint
CREATE TRIGGER `users_contact_unique_insert` BEFORE INSERT ON `users` BEGIN
  SELECT RAISE(ABORT, 'RAISE:identity_email')
  WHERE NEW.email <> '' AND EXISTS (SELECT 1 FROM identities WHERE provider_email = NEW.email);
  SELECT RAISE(ABORT, 'UNIQUE constraint failed: users.email')
  WHERE NEW.email <> '' AND EXISTS (SELECT 1 FROM users WHERE email = NEW.email);
  SELECT RAISE(ABORT, 'UNIQUE constraint failed: users.phone')
  WHERE NEW.phone <> '' AND EXISTS (SELECT 1 FROM users WHERE phone COLLATE NOCASE = NEW.phone);
END;
--> statement-breakpoint
CREATE TRIGGER `users_email_unique_update` BEFORE UPDATE OF email ON `users` BEGIN
  SELECT RAISE(ABORT, 'RAISE:identity_email')
  WHERE NEW.email <> '' AND EXISTS (SELECT 1 FROM identities WHERE provider_email = NEW.email AND user_seq <> NEW.seq);
  SELECT RAISE(ABORT, 'UNIQUE constraint failed: users.email')
  WHERE NEW.email <> '' AND EXISTS (SELECT 1 FROM users WHERE email = NEW.email AND seq <> NEW.seq);
END;
--> statement-breakpoint
CREATE TRIGGER `users_phone_unique_update` BEFORE UPDATE OF phone ON `users` BEGIN
  SELECT RAISE(ABORT, 'UNIQUE constraint failed: users.phone')
  WHERE NEW.phone <> '' AND EXISTS (SELECT 1 FROM users WHERE phone COLLATE NOCASE = NEW.phone AND seq <> NEW.seq);
END;
