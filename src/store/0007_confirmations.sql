-- Confirmation by email (src/confirmation.rs): what a message without a
-- token (or with inferred answers) asked for, held until the person
-- answers "confirm" or "not me" from their listed address. At most one is
-- pending per person.
CREATE TABLE confirmations (
    id           INTEGER PRIMARY KEY,
    survey_id    TEXT NOT NULL REFERENCES surveys(id),
    recipient_id INTEGER NOT NULL REFERENCES recipients(id),
    -- what is held, as JSON (`confirmation::Request`): why, answers,
    -- opt_out (mail stopped at once), withdrawal (deletion asked)
    request      TEXT NOT NULL,
    -- pending -> confirmed | discarded
    state        TEXT NOT NULL DEFAULT 'pending'
                 CHECK (state IN ('pending', 'confirmed', 'discarded')),
    -- 1 once an email asking was queued for it
    mailed       INTEGER NOT NULL DEFAULT 0,
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL,
    resolved_at  INTEGER,
    resolved_by  TEXT
);
CREATE UNIQUE INDEX one_pending_confirmation ON confirmations (recipient_id)
    WHERE state = 'pending';

-- The confirmation a held message waits for.
ALTER TABLE messages ADD COLUMN confirmation_id INTEGER REFERENCES confirmations(id);
