-- Every progress digest queued for the leads (issue 20), one row per
-- scheduled slot: the unique slot time is what makes a slot served at
-- most once across crashes and restarts (the row and its outbox row are
-- written in one transaction), and the latest slot_at is where the
-- schedule resumes after downtime (one catch-up, not one per slot missed).
-- A digest asked for with `mailsurvey digest --send` has no slot.
CREATE TABLE digests (
    id          INTEGER PRIMARY KEY,
    survey_id   TEXT NOT NULL REFERENCES surveys(id),
    -- the scheduled time served (Unix seconds); NULL when asked for
    slot_at     INTEGER,
    -- why: a reminder round, the close near, a weekly time, or asked for
    cause       TEXT NOT NULL
                CHECK (cause IN ('reminder', 'before_close', 'weekly', 'requested')),
    -- the reminder round's number, for cause = 'reminder'
    reminder    INTEGER,
    -- the email in the outbox
    outbox_id   INTEGER NOT NULL REFERENCES outbox(id),
    created_at  INTEGER NOT NULL
);
CREATE UNIQUE INDEX one_digest_per_slot ON digests (survey_id, slot_at) WHERE slot_at IS NOT NULL;
