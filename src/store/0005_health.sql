-- What the daemon last knew of each survey's servers and of the survey
-- itself (a refused login, an unreachable server), so that `mailsurvey
-- status`, run beside the daemon, can say which survey is unwell and why.
CREATE TABLE health (
    survey_id TEXT NOT NULL REFERENCES surveys(id),
    -- smtp | imap | survey
    part      TEXT NOT NULL,
    -- NULL once well again
    problem   TEXT,
    since     INTEGER NOT NULL,
    PRIMARY KEY (survey_id, part)
);
