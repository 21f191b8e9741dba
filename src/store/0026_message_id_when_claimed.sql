-- Loading a national list (issue 23): an invitation's Message-ID was
-- written when it was queued, made of the person's random token, so a
-- million invitations were a million entries inserted in random order
-- into a unique index larger than the page cache (about a third of the
-- list load's CPU). The Message-ID of an invitation or a reminder is
-- given to it when it is first claimed for sending, in the commit that
-- marks it `sending` (before it goes, as the bounce key), and is kept
-- for every later attempt; mail whose content is fixed when queued gets
-- it when queued, as before. The column becomes nullable, which SQLite
-- can only do by rebuilding the table (with foreign keys off: two tables
-- refer to it); its unique index keeps only the rows where it is set.
-- The unique key (survey, person, kind, number) gets a name.
CREATE TABLE outbox_new (
    id              INTEGER PRIMARY KEY,
    survey_id       TEXT NOT NULL REFERENCES surveys(id),
    recipient_id    INTEGER REFERENCES recipients(id),
    -- invitation | reminder | receipt | clarification | ... | report
    kind            TEXT NOT NULL,
    seq             INTEGER NOT NULL,
    -- set when queued, or for invitations and reminders when first
    -- claimed (before the message goes); never changed after
    message_id      TEXT,
    state           TEXT NOT NULL DEFAULT 'pending'
                    CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'cancelled')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    last_error      TEXT,
    -- the message itself, for mail whose content is fixed when queued
    -- (receipts, clarifications, the report); questionnaires are rendered
    -- at send time from the survey file
    body            BLOB,
    created_at      INTEGER NOT NULL,
    sent_at         INTEGER,
    bounce_key      TEXT,
    sent_to         TEXT,
    bounced_at      INTEGER,
    bounce_note     TEXT,
    cancel_reason   TEXT,
    shows           TEXT,
    -- a message that is not yet claimed has its Message-ID or none
    CHECK (message_id IS NOT NULL OR state IN ('pending', 'cancelled'))
);
INSERT INTO outbox_new (id, survey_id, recipient_id, kind, seq, message_id, state, attempts,
        next_attempt_at, last_error, body, created_at, sent_at, bounce_key, sent_to, bounced_at,
        bounce_note, cancel_reason, shows)
    SELECT id, survey_id, recipient_id, kind, seq, message_id, state, attempts,
        next_attempt_at, last_error, body, created_at, sent_at, bounce_key, sent_to, bounced_at,
        bounce_note, cancel_reason, shows
    FROM outbox ORDER BY id;
DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;
CREATE UNIQUE INDEX outbox_message_id ON outbox (message_id) WHERE message_id IS NOT NULL;
CREATE UNIQUE INDEX outbox_one_per_number ON outbox (survey_id, recipient_id, kind, seq);
CREATE INDEX outbox_due ON outbox (survey_id, state, next_attempt_at);
CREATE INDEX outbox_by_recipient ON outbox (recipient_id, kind);
CREATE INDEX outbox_cancelled ON outbox (recipient_id, cancel_reason) WHERE cancel_reason IS NOT NULL;
CREATE INDEX outbox_by_kind ON outbox (survey_id, kind, state, recipient_id, sent_at);
CREATE UNIQUE INDEX outbox_bounce_key ON outbox (bounce_key) WHERE bounce_key IS NOT NULL;
CREATE INDEX outbox_sent ON outbox (survey_id, state, sent_at) WHERE sent_at IS NOT NULL;
