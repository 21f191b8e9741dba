-- Each time the SMTP server refused our account for too many connections
-- at once (issue 23: Exchange's 432 4.3.2 sender thread limit exceeded),
-- the dispatcher took one connection away instead of pausing. `status`
-- says how many it allows now from the last row (outbox::throttle: one
-- back for every ten minutes without another refusal).
CREATE TABLE fewer_connections (
    id              INTEGER PRIMARY KEY,
    survey_id       TEXT NOT NULL REFERENCES surveys(id),
    -- the survey file's max_connections then
    max_connections INTEGER NOT NULL,
    -- how many fewer than that from this refusal on
    fewer           INTEGER NOT NULL,
    -- what the server said (redacted)
    detail          TEXT NOT NULL,
    created_at      INTEGER NOT NULL
);
CREATE INDEX fewer_connections_by_survey ON fewer_connections (survey_id, id);
