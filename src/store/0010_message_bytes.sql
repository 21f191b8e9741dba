-- A message's bytes in a table of their own, as its last column. SQLite
-- reads and writes a row whole: with the bytes in `messages`, storing a
-- message copied it twice more (the bound value, then the row), and every
-- UPDATE of its state (processed, filed) read it and wrote it whole again,
-- about three times the message in memory at once. Here the row is made
-- with a zeroblob (not materialised as the last column) and the bytes are
-- written into it page by page through incremental blob I/O; no UPDATE of
-- a message touches them. `messages.raw` stays, empty.
CREATE TABLE message_bytes (
    message_id INTEGER PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
    raw        BLOB NOT NULL
);
INSERT INTO message_bytes (message_id, raw)
    SELECT id, raw FROM messages WHERE length(raw) > 0;
UPDATE messages SET raw = X'' WHERE length(raw) > 0;
