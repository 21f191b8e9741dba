-- The recipient list as last read in full and applied (issue 23): the
-- file's stamp then (size, time of last change in nanoseconds, inode) and
-- the version of the checks it passed, so that `status` and every start of
-- the daemon need not read a million rows again to know nothing changed,
-- and each problem found in it (a row set aside, with its reason), in the
-- order found. Written in the transaction that applied the list; removed
-- when a read's stamp cannot be relied on (the file changed too recently).
CREATE TABLE list_reads (
    survey_id   TEXT PRIMARY KEY REFERENCES surveys(id),
    path        TEXT NOT NULL,
    size        INTEGER NOT NULL,
    modified_ns INTEGER NOT NULL,
    inode       INTEGER NOT NULL,
    rules       INTEGER NOT NULL,
    listed      INTEGER NOT NULL,
    read_at     INTEGER NOT NULL
);

CREATE TABLE list_problems (
    survey_id TEXT NOT NULL REFERENCES surveys(id),
    seq       INTEGER NOT NULL,
    line      INTEGER,
    col       INTEGER,
    message   TEXT NOT NULL,
    fix       TEXT NOT NULL,
    PRIMARY KEY (survey_id, seq)
) WITHOUT ROWID;
