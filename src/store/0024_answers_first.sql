-- The report at national scale (issue 23): its reads come from indexes.
-- The order of its respondents (each person's first current answer: its
-- time, then its row) is read from `answers_first` alone, a group per
-- person in person order. Before, SQLite sorted every current answer (a
-- million at 100,000 replies) into that order; now the people are read
-- from here and sorted in Rust, and each one's answers are read by their
-- id through `answers_current`, already in row order.
CREATE INDEX answers_first ON answers (survey_id, current, recipient_id, created_at);
-- The few rows three of its counts look for, kept apart so that finding
-- them reads no other row: answers settled by hand (the inferred answers
-- confirmed: a lookup of every current answer's row before), replies
-- after the close and replies accepted from another address (a lookup of
-- every message's row before).
CREATE INDEX answers_decided ON answers (survey_id, decided_by, current, status) WHERE decided_by IS NOT NULL;
CREATE INDEX messages_late ON messages (survey_id, recipient_id, received_at) WHERE late = 1;
CREATE INDEX messages_different ON messages (survey_id, recipient_id) WHERE different_sender = 1;
