-- Why a queued email was cancelled, as a word the code reads back
-- (CancelReason in kinds.rs) instead of a sentence in last_error: the
-- sentences had drifted ('recipient opted_out' from ingest, 'recipient is
-- opted_out' at send time), so "not me" could not restore what the send
-- time check had cancelled. Every sentence written before is moved into the
-- column; a cancelled row whose sentence is not one of them keeps it.
ALTER TABLE outbox ADD COLUMN cancel_reason TEXT;

UPDATE outbox SET cancel_reason = CASE
        WHEN last_error IN ('recipient opted_out', 'recipient is opted_out') THEN 'opted_out'
        WHEN last_error IN ('recipient bounced', 'recipient is bounced') THEN 'bounced'
        WHEN last_error IN ('recipient withdrawn', 'recipient is withdrawn', 'withdrawn') THEN 'withdrawn'
        WHEN last_error IN ('removed from the recipient list', 'recipient is no longer listed') THEN 'unlisted'
        WHEN last_error = 'replied before the reminder went' THEN 'replied'
        WHEN last_error = 'the survey closed' THEN 'closed'
    END
WHERE state = 'cancelled';

UPDATE outbox SET last_error = NULL WHERE state = 'cancelled' AND cancel_reason IS NOT NULL;

CREATE INDEX outbox_cancelled ON outbox (recipient_id, cancel_reason) WHERE cancel_reason IS NOT NULL;
