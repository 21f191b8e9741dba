-- A message the store refused is kept as a note of why, without its bytes
-- (they stay on the server, filed to the quarantine folder). Such a note
-- never makes a later copy of the message a duplicate: moved back to the
-- INBOX after a fix, the message is read again and stored, and the note is
-- settled.
ALTER TABLE messages ADD COLUMN unstored INTEGER NOT NULL DEFAULT 0;
