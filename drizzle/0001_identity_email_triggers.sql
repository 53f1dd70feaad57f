-- An email that an OAuth identity already uses cannot be taken by another user (users-api.md §2.2, §2.7).
-- Enforced here so create and update stay one batch; BEFORE triggers fire before the unique indexes,
-- matching Appwrite's order (user_email_already_exists before user_already_exists).
CREATE TRIGGER `users_email_not_identity_insert` BEFORE INSERT ON `users`
WHEN NEW.email IS NOT NULL AND NEW.email <> '' AND EXISTS (SELECT 1 FROM identities WHERE provider_email = NEW.email)
BEGIN SELECT RAISE(ABORT, 'RAISE:identity_email'); END;
--> statement-breakpoint
CREATE TRIGGER `users_email_not_identity_update` BEFORE UPDATE OF email ON `users`
WHEN NEW.email IS NOT NULL AND NEW.email <> '' AND EXISTS (SELECT 1 FROM identities WHERE provider_email = NEW.email AND user_seq <> NEW.seq)
BEGIN SELECT RAISE(ABORT, 'RAISE:identity_email'); END;
