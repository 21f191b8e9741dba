-- VERP: every message goes out with its own bounce key in the envelope
-- sender (survey+b.KEY@domain), so a bounce is tied to the exact message it
-- returns, whatever its format, by the address it comes back to.
ALTER TABLE outbox ADD COLUMN bounce_key TEXT;
CREATE UNIQUE INDEX outbox_bounce_key ON outbox (bounce_key);
-- The address the message was handed to the server for (person mail only):
-- a bounce changes a person's state only when this was their listed address.
ALTER TABLE outbox ADD COLUMN sent_to TEXT;
-- A hard bounce that came back for this message, and what it said.
ALTER TABLE outbox ADD COLUMN bounced_at INTEGER;
ALTER TABLE outbox ADD COLUMN bounce_note TEXT;
