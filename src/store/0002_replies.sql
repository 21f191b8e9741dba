-- The reply side: every message that reaches the inbox, stored raw before
-- anything else happens to it; the answers read from replies (latest wins,
-- history kept); flags for the lead; and every decision made by hand.

-- Where reading stopped, per folder: IMAP UIDVALIDITY and the last UID seen.
CREATE TABLE mailbox_cursor (
    survey_id   TEXT NOT NULL REFERENCES surveys(id),
    folder      TEXT NOT NULL,
    uidvalidity INTEGER NOT NULL,
    last_uid    INTEGER NOT NULL,
    PRIMARY KEY (survey_id, folder)
);

CREATE TABLE messages (
    id               INTEGER PRIMARY KEY,
    survey_id        TEXT NOT NULL REFERENCES surveys(id),
    folder           TEXT NOT NULL,
    uidvalidity      INTEGER NOT NULL,
    uid              INTEGER NOT NULL,
    -- the Message-ID header, and a SHA-256 of the raw bytes: either one
    -- seen before means the same message (a rescan after UIDVALIDITY changed)
    message_id       TEXT,
    content_hash     TEXT NOT NULL,
    size             INTEGER NOT NULL,
    raw              BLOB NOT NULL,
    received_at      INTEGER NOT NULL,
    -- new -> processed | quarantined
    state            TEXT NOT NULL DEFAULT 'new'
                     CHECK (state IN ('new', 'processed', 'quarantined')),
    -- reply | auto_reply | bounce | unsubscribe | unrelated
    kind             TEXT,
    reason           TEXT,
    sender           TEXT,
    recipient_id     INTEGER REFERENCES recipients(id),
    -- address | reference | sender
    matched_by       TEXT,
    different_sender INTEGER NOT NULL DEFAULT 0,
    -- NULL, or for a reply from another address: held | accepted | rejected
    decision         TEXT,
    late             INTEGER NOT NULL DEFAULT 0,
    -- the server folder it belongs in, and whether it was moved there
    file_to          TEXT,
    filed            INTEGER NOT NULL DEFAULT 0,
    processed_at     INTEGER,
    UNIQUE (survey_id, content_hash)
);
CREATE INDEX messages_by_message_id ON messages (survey_id, message_id);
CREATE INDEX messages_by_state ON messages (survey_id, state);

CREATE TABLE answers (
    id           INTEGER PRIMARY KEY,
    survey_id    TEXT NOT NULL REFERENCES surveys(id),
    recipient_id INTEGER NOT NULL REFERENCES recipients(id),
    question_id  TEXT NOT NULL,
    message_row  INTEGER REFERENCES messages(id),
    -- ok | unclear | invalid
    status       TEXT NOT NULL,
    -- JSON, as in `mailsurvey inspect --json`
    value        TEXT,
    other        TEXT,
    reason       TEXT,
    source       TEXT NOT NULL,
    -- 1 for the answer that counts; older ones stay as history
    current      INTEGER NOT NULL DEFAULT 1,
    -- who settled it by hand, if anyone
    decided_by   TEXT,
    created_at   INTEGER NOT NULL
);
CREATE INDEX answers_current ON answers (survey_id, recipient_id, current);

-- Things the lead should see: withdrawal requests, opt-outs that came with
-- answers, replies matched only by sender, truncated or quarantined mail.
CREATE TABLE flags (
    id           INTEGER PRIMARY KEY,
    survey_id    TEXT NOT NULL REFERENCES surveys(id),
    recipient_id INTEGER REFERENCES recipients(id),
    message_row  INTEGER REFERENCES messages(id),
    kind         TEXT NOT NULL,
    note         TEXT,
    created_at   INTEGER NOT NULL,
    resolved_by  TEXT,
    resolved_at  INTEGER,
    UNIQUE (message_row, kind)
);

-- Every decision made by hand: who, when, what.
CREATE TABLE decisions (
    id           INTEGER PRIMARY KEY,
    survey_id    TEXT NOT NULL REFERENCES surveys(id),
    recipient_id INTEGER REFERENCES recipients(id),
    message_row  INTEGER REFERENCES messages(id),
    action       TEXT NOT NULL,
    detail       TEXT,
    decided_by   TEXT NOT NULL,
    decided_at   INTEGER NOT NULL
);
