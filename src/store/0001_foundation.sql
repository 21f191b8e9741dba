-- Surveys, recipients and every message we send. Everything is keyed by
-- survey, so one daemon (and one file) can hold several surveys.
-- Times are Unix seconds (UTC).

CREATE TABLE surveys (
    id          TEXT PRIMARY KEY,
    title       TEXT NOT NULL,
    created_at  INTEGER NOT NULL
);

CREATE TABLE recipients (
    id          INTEGER PRIMARY KEY,
    survey_id   TEXT NOT NULL REFERENCES surveys(id),
    email       TEXT NOT NULL,
    -- the address compared without regard to case
    email_key   TEXT NOT NULL,
    name        TEXT NOT NULL,
    -- the list's other columns, as a JSON object
    attributes  TEXT NOT NULL DEFAULT '{}',
    -- token = selector || verifier; the selector is looked up by index,
    -- the verifier compared in constant time
    selector    TEXT NOT NULL UNIQUE,
    verifier    TEXT NOT NULL,
    -- 1 while the person is in the recipient list
    listed      INTEGER NOT NULL DEFAULT 1,
    -- active | bounced | opted_out
    status      TEXT NOT NULL DEFAULT 'active',
    status_note TEXT,
    added_at    INTEGER NOT NULL,
    removed_at  INTEGER,
    UNIQUE (survey_id, email_key)
);

-- One row per message we send or will send. A row is written (and
-- committed) before the message goes out; `sending` marks the few in flight.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    survey_id       TEXT NOT NULL REFERENCES surveys(id),
    recipient_id    INTEGER REFERENCES recipients(id),
    -- invitation | reminder | receipt | clarification | ... | report
    kind            TEXT NOT NULL,
    seq             INTEGER NOT NULL,
    message_id      TEXT NOT NULL UNIQUE,
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
    UNIQUE (survey_id, recipient_id, kind, seq)
);

CREATE INDEX outbox_due ON outbox (survey_id, state, next_attempt_at);
