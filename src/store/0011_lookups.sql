-- Lookups by person that ingest makes for every message (the mail they
-- were sent and how much of it, their current answers) and that sending
-- and reminders make for every person. The older indexes all begin with
-- survey_id, which these queries do not name, so each one read the whole
-- table: ingest slowed as the survey grew (2,000 replies: 1.5 ms a message
-- at the start, 13 ms at the end).
CREATE INDEX outbox_by_recipient ON outbox (recipient_id, kind);
CREATE INDEX answers_by_recipient ON answers (recipient_id, current);
CREATE INDEX messages_by_recipient ON messages (recipient_id, kind);
CREATE INDEX flags_by_recipient ON flags (recipient_id, kind);
