-- Loading a national list (issue 23): every invitation queued wrote an
-- entry into each of the outbox's indexes, two of them for columns that
-- are empty until the message is sent: the bounce key (set when the
-- message is first claimed) and the time sent. Each is read only through
-- a condition that names a value (`bounce_key = ?`, `sent_at > ?`), which
-- SQLite answers from an index of the rows where the column is set, so
-- the indexes keep those rows alone: a queued message is written into
-- neither, and claiming it for sending moves no entry of `outbox_sent`.
DROP INDEX outbox_bounce_key;
CREATE UNIQUE INDEX outbox_bounce_key ON outbox (bounce_key) WHERE bounce_key IS NOT NULL;
DROP INDEX outbox_sent;
CREATE INDEX outbox_sent ON outbox (survey_id, state, sent_at) WHERE sent_at IS NOT NULL;
