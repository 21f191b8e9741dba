-- The close of the collection period: when it happened and why (the close
-- time, `mailsurvey close`, or everyone having answered). Set once.
ALTER TABLE surveys ADD COLUMN closed_at INTEGER;
ALTER TABLE surveys ADD COLUMN close_reason TEXT;
