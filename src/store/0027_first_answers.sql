-- The report at national scale (issue 23): the order of its respondents
-- (each person's first current answer: the least time, then the least
-- row, of their current answers) is kept per person here, so that the
-- report reads one row a respondent instead of SQLite's aggregate over
-- every current answer (a million at 100,000 replies: about a tenth of
-- the report's CPU). Kept by the triggers below wherever an answer is
-- stored, superseded, set aside, restored or deleted, so no writer of
-- `answers` can leave it behind.
CREATE TABLE first_answers (
    survey_id    TEXT NOT NULL,
    recipient_id INTEGER NOT NULL,
    -- MIN(created_at) and MIN(id) of the person's current answers
    first_at     INTEGER NOT NULL,
    first_row    INTEGER NOT NULL,
    PRIMARY KEY (survey_id, recipient_id)
) WITHOUT ROWID;
INSERT INTO first_answers (survey_id, recipient_id, first_at, first_row)
    SELECT survey_id, recipient_id, MIN(created_at), MIN(id) FROM answers
    WHERE current = 1 GROUP BY survey_id, recipient_id;
-- A current answer stored: the least of what was kept and its own.
CREATE TRIGGER first_answers_stored AFTER INSERT ON answers WHEN NEW.current = 1
BEGIN
    INSERT INTO first_answers (survey_id, recipient_id, first_at, first_row)
        VALUES (NEW.survey_id, NEW.recipient_id, NEW.created_at, NEW.id)
        ON CONFLICT (survey_id, recipient_id) DO UPDATE
        SET first_at = MIN(first_at, excluded.first_at),
            first_row = MIN(first_row, excluded.first_row);
END;
-- An answer no longer current (superseded, set aside) or current again
-- (restored): the person's row worked out again from their current
-- answers (none: no row).
CREATE TRIGGER first_answers_changed AFTER UPDATE OF current ON answers
    WHEN OLD.current IS NOT NEW.current
BEGIN
    DELETE FROM first_answers WHERE survey_id = NEW.survey_id AND recipient_id = NEW.recipient_id;
    INSERT INTO first_answers (survey_id, recipient_id, first_at, first_row)
        SELECT survey_id, recipient_id, MIN(created_at), MIN(id) FROM answers
        WHERE survey_id = NEW.survey_id AND recipient_id = NEW.recipient_id AND current = 1
        GROUP BY survey_id, recipient_id;
END;
-- A current answer deleted (withdrawn): the same.
CREATE TRIGGER first_answers_deleted AFTER DELETE ON answers WHEN OLD.current = 1
BEGIN
    DELETE FROM first_answers WHERE survey_id = OLD.survey_id AND recipient_id = OLD.recipient_id;
    INSERT INTO first_answers (survey_id, recipient_id, first_at, first_row)
        SELECT survey_id, recipient_id, MIN(created_at), MIN(id) FROM answers
        WHERE survey_id = OLD.survey_id AND recipient_id = OLD.recipient_id AND current = 1
        GROUP BY survey_id, recipient_id;
END;
