-- Poison-message containment (issue 18): reads of a message begun and never
-- finished. Raised, and committed, before a message is read, lowered once
-- the read is over (however it ended): a count left above zero is a death
-- of the daemon (killed, out of memory, crashed, stopped by the watchdog)
-- while it read that message. At two the message is set aside with the
-- reason instead of being read again; `review --retry` sets it back to 0.
ALTER TABLE messages ADD COLUMN unfinished_reads INTEGER NOT NULL DEFAULT 0;
