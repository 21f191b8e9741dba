-- Two counts of `status` that still read rows at national scale: the
-- respondents and the unclear answers (by status, which `answers_current`
-- does not hold: a row lookup per answer, a million at 100,000 replies),
-- and the mail sent in the quota's window (`sent_since`: `outbox_due`
-- orders by next_attempt_at, so every sent row was read to find the
-- window's). Both become index-only.
CREATE INDEX answers_counted ON answers (survey_id, current, status, recipient_id);
CREATE INDEX outbox_sent ON outbox (survey_id, state, sent_at);
