-- Several surveys sharing one mailbox: the reader's routing verdict that
-- a message's sender is listed in more than one of them, so that without a
-- token the message belongs to none (unmatched in each, no confirmation).
ALTER TABLE messages ADD COLUMN shared_sender INTEGER NOT NULL DEFAULT 0;
