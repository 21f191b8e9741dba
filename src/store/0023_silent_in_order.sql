-- The reminder query at national scale (issue 23): the people whose
-- invitation was sent, in recipient order, read from an index alone.
-- `outbox_by_kind` (0020) becomes (survey_id, kind, state, recipient_id,
-- sent_at): `status` still counts by kind and state from it, and
-- `Store::silent` walks the sent invitations in recipient order without a
-- lookup of each row (it was a lookup of `outbox_by_recipient` and of the
-- row per listed person, most of the query's CPU at a million people).
DROP INDEX outbox_by_kind;
CREATE INDEX outbox_by_kind ON outbox (survey_id, kind, state, recipient_id, sent_at);
