-- A national survey (a million recipients) counted from indexes alone.
-- `status` counts recipients by list state and outbox rows by kind and
-- state; the reminder query walks the listed, active people in id order.
-- Without these, each count read every row of its table (about 0.5 s of
-- CPU each at a million rows) and the reminder query sorted a million ids.
CREATE INDEX recipients_by_state ON recipients (survey_id, listed, status);
CREATE INDEX outbox_by_kind ON outbox (survey_id, kind, state);
