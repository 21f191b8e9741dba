-- Answers set aside at the person's request (issue 18, finding 7): "please
-- delete my answers" with their token (or confirmed by email) takes the
-- answers out of the report and the exports at once, without destroying
-- them, since the reply parser may have misread the request. The lead sees
-- it in `review` and can restore them (`review --restore EMAIL`) until the
-- retention purge, which deletes them; `withdraw` deletes them for good.
CREATE TABLE set_asides (
    id           INTEGER PRIMARY KEY,
    survey_id    TEXT NOT NULL REFERENCES surveys(id),
    recipient_id INTEGER NOT NULL REFERENCES recipients(id),
    -- the message that asked
    message_row  INTEGER REFERENCES messages(id),
    -- how many current answers it set aside
    answers      INTEGER NOT NULL,
    created_at   INTEGER NOT NULL,
    restored_at  INTEGER,
    restored_by  TEXT
);
CREATE INDEX set_asides_open ON set_asides (survey_id, recipient_id) WHERE restored_at IS NULL;

-- The set-aside answers: no longer current (so no report, export or count
-- reads them), tied to the request that set them aside.
ALTER TABLE answers ADD COLUMN set_aside_id INTEGER REFERENCES set_asides(id);
CREATE INDEX answers_set_aside ON answers (set_aside_id) WHERE set_aside_id IS NOT NULL;
