-- Reading replies at national scale (issue 23): every answer stored wrote
-- an entry into `answers_by_recipient` (person, current) as well as into
-- `answers_current` (survey, person, current), which holds the same
-- entries in the same order for each person (a person is of one survey).
-- Every read of a person's answers names the survey now and is answered
-- from `answers_current`.
DROP INDEX answers_by_recipient;
