-- What each confirmation email showed (issue 18, finding 2): the digest of
-- the request it listed (`Request::fingerprint`). "confirm" in reply to it
-- counts only while the pending confirmation still holds exactly that; a
-- message that changed it since (a stranger's answers without a token)
-- sends a new email, and a "confirm" to the older one counts nothing.
-- Emails sent before this column have none: a "confirm" to one of those
-- asks again, showing what is held.
ALTER TABLE outbox ADD COLUMN shows TEXT;
