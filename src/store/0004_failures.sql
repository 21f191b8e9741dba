-- A message whose handling failed (an error or a panic while deciding,
-- composing or recording) is set aside: state 'quarantined', filed to the
-- quarantine folder, with the reason here, until `review --retry` runs it
-- again. NULL for every message handled.
ALTER TABLE messages ADD COLUMN failure TEXT;
ALTER TABLE messages ADD COLUMN failures INTEGER NOT NULL DEFAULT 0;
