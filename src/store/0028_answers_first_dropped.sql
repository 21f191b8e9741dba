-- Reading replies at national scale (issue 23): every answer stored wrote
-- an entry into `answers_first` (survey, current, person, time), which
-- nothing reads since the report keeps each person's first answer in
-- `first_answers` (0027). Its triggers work a person's row out again
-- from that person's current answers, which `answers_current` finds.
DROP INDEX answers_first;
