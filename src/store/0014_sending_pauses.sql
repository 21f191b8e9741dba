-- Every pause of sending and what caused it (issue 18). A delivery report
-- of a sending limit pauses sending only when it came back to our VERP key
-- for the refused message, and one message (one key: it is also in the
-- Return-Path of the copy that was delivered, which anyone the doctor
-- forwards it to can read) pauses sending at most once.
CREATE TABLE sending_pauses (
    id          INTEGER PRIMARY KEY,
    survey_id   TEXT NOT NULL REFERENCES surveys(id),
    -- the refused message, whose VERP key the report came back to
    outbox_id   INTEGER NOT NULL REFERENCES outbox(id),
    -- the report that said so
    message_row INTEGER REFERENCES messages(id),
    -- no mail goes out before this time
    until_at    INTEGER NOT NULL,
    -- what the provider said (redacted)
    detail      TEXT NOT NULL,
    created_at  INTEGER NOT NULL
);
CREATE UNIQUE INDEX one_pause_per_message ON sending_pauses (outbox_id);
