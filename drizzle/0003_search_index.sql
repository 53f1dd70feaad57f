-- Full-text search for `search` on the users and identities lists (README "Queries and search").
-- Per list, a trigram index (substrings of 3+ chars, one column per field) and a word index
-- (Appwrite's word/prefix/phrase semantics; 1- and 2-char prefix indexes for short prefixes).
-- Triggers keep them, and user_labels (`contains` on labels), in step with every write in the
-- same statement, so no writer has to know they exist. `wrangler d1 export` refuses virtual
-- tables: see the README for the drop / export / re-create workaround.
CREATE VIRTUAL TABLE `users_search_grams` USING fts5(id, email, name, phone, labels, tokenize = 'trigram remove_diacritics 1');
--> statement-breakpoint
CREATE VIRTUAL TABLE `users_search_words` USING fts5(words, tokenize = "unicode61 remove_diacritics 2 tokenchars '_'", prefix = '1 2');
--> statement-breakpoint
CREATE TRIGGER `users_search_insert` AFTER INSERT ON `users` BEGIN
  INSERT INTO users_search_grams (rowid, id, email, name, phone, labels)
  VALUES (NEW.seq, NEW.id, NEW.email, NEW.name, NEW.phone, (SELECT group_concat('label:' || value, ' ') FROM json_each(NEW.labels)));
  INSERT INTO users_search_words (rowid, words)
  VALUES (NEW.seq, NEW.id || ' ' || coalesce(NEW.email, '') || ' ' || NEW.name || ' ' || coalesce(NEW.phone, '') || ' ' || coalesce((SELECT group_concat('label:' || value, ' ') FROM json_each(NEW.labels)), ''));
  INSERT OR IGNORE INTO user_labels (label, user_seq) SELECT value, NEW.seq FROM json_each(NEW.labels);
END;
--> statement-breakpoint
CREATE TRIGGER `users_search_update` AFTER UPDATE OF id, email, name, phone, labels ON `users` BEGIN
  UPDATE users_search_grams SET id = NEW.id, email = NEW.email, name = NEW.name, phone = NEW.phone,
    labels = (SELECT group_concat('label:' || value, ' ') FROM json_each(NEW.labels))
  WHERE rowid = NEW.seq;
  UPDATE users_search_words
  SET words = NEW.id || ' ' || coalesce(NEW.email, '') || ' ' || NEW.name || ' ' || coalesce(NEW.phone, '') || ' ' || coalesce((SELECT group_concat('label:' || value, ' ') FROM json_each(NEW.labels)), '')
  WHERE rowid = NEW.seq;
END;
--> statement-breakpoint
CREATE TRIGGER `users_labels_update` AFTER UPDATE OF labels ON `users` WHEN OLD.labels IS NOT NEW.labels BEGIN
  DELETE FROM user_labels WHERE user_seq = OLD.seq;
  INSERT OR IGNORE INTO user_labels (label, user_seq) SELECT value, NEW.seq FROM json_each(NEW.labels);
END;
--> statement-breakpoint
CREATE TRIGGER `users_search_delete` AFTER DELETE ON `users` BEGIN
  DELETE FROM users_search_grams WHERE rowid = OLD.seq;
  DELETE FROM users_search_words WHERE rowid = OLD.seq;
  DELETE FROM user_labels WHERE user_seq = OLD.seq;
END;
--> statement-breakpoint
INSERT INTO users_search_grams (rowid, id, email, name, phone, labels)
SELECT seq, id, email, name, phone, (SELECT group_concat('label:' || value, ' ') FROM json_each(users.labels)) FROM users;
--> statement-breakpoint
INSERT INTO users_search_words (rowid, words)
SELECT seq, id || ' ' || coalesce(email, '') || ' ' || name || ' ' || coalesce(phone, '') || ' ' || coalesce((SELECT group_concat('label:' || value, ' ') FROM json_each(users.labels)), '') FROM users;
--> statement-breakpoint
INSERT OR IGNORE INTO user_labels (label, user_seq) SELECT j.value, users.seq FROM users, json_each(users.labels) j;
--> statement-breakpoint
CREATE VIRTUAL TABLE `identities_search_grams` USING fts5(id, user_id, provider, provider_uid, provider_email, tokenize = 'trigram remove_diacritics 1');
--> statement-breakpoint
CREATE VIRTUAL TABLE `identities_search_words` USING fts5(words, tokenize = "unicode61 remove_diacritics 2 tokenchars '_'", prefix = '1 2');
--> statement-breakpoint
CREATE TRIGGER `identities_search_insert` AFTER INSERT ON `identities` BEGIN
  INSERT INTO identities_search_grams (rowid, id, user_id, provider, provider_uid, provider_email)
  VALUES (NEW.seq, NEW.id, NEW.user_id, NEW.provider, NEW.provider_uid, NEW.provider_email);
  INSERT INTO identities_search_words (rowid, words)
  VALUES (NEW.seq, NEW.id || ' ' || NEW.user_id || ' ' || NEW.provider || ' ' || NEW.provider_uid || ' ' || NEW.provider_email);
END;
--> statement-breakpoint
CREATE TRIGGER `identities_search_update` AFTER UPDATE OF id, user_id, provider, provider_uid, provider_email ON `identities` BEGIN
  UPDATE identities_search_grams SET id = NEW.id, user_id = NEW.user_id, provider = NEW.provider,
    provider_uid = NEW.provider_uid, provider_email = NEW.provider_email
  WHERE rowid = NEW.seq;
  UPDATE identities_search_words
  SET words = NEW.id || ' ' || NEW.user_id || ' ' || NEW.provider || ' ' || NEW.provider_uid || ' ' || NEW.provider_email
  WHERE rowid = NEW.seq;
END;
--> statement-breakpoint
CREATE TRIGGER `identities_search_delete` AFTER DELETE ON `identities` BEGIN
  DELETE FROM identities_search_grams WHERE rowid = OLD.seq;
  DELETE FROM identities_search_words WHERE rowid = OLD.seq;
END;
--> statement-breakpoint
INSERT INTO identities_search_grams (rowid, id, user_id, provider, provider_uid, provider_email)
SELECT seq, id, user_id, provider, provider_uid, provider_email FROM identities;
--> statement-breakpoint
INSERT INTO identities_search_words (rowid, words)
SELECT seq, id || ' ' || user_id || ' ' || provider || ' ' || provider_uid || ' ' || provider_email FROM identities;
