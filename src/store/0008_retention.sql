-- Retention (`mailsurvey purge`): when the personal data of a survey was
-- deleted. Set once; after it the recipient list is no longer read.
ALTER TABLE surveys ADD COLUMN purged_at INTEGER;
