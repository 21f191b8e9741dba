#!/usr/bin/env python3
"""Writes the reply-corpus cases for the misses of issue 21's seventh
held-back set (tests/fixtures/heldback21h), each in our own words and
another client than the held-back case, with traps beside them: question
codes between pipes on one line, a summary by its only exceptions ("the
only yeses are 1 and 9"). Reuses the helpers of
make-reply-fixtures.py; writes only its own cases:
    python3 scripts/make-reply-fixtures-21h-misses.py
"""
import os, runpy

HERE = os.path.dirname(os.path.abspath(__file__))
base = runpy.run_path(os.path.join(HERE, "make-reply-fixtures.py"), run_name="fixtures")
globals().update({k: v for k, v in base.items() if not k.startswith("__")})
CASES = []
case = reply_case_into(CASES)

OKAFOR = '"Dr Ngozi Okafor" <jack.clarke@north-hospice.test>'
APPLE = "On 5 Jan 2026, at 09:00, Regional Palliative Care Audit Group <survey@survey.test> wrote:"
THUNDERBIRD = "Mozilla Thunderbird 128.5.0"
ANSWERS = {1: False, 2: True, 3: False, 4: 4, 5: ["side_effects"], 6: False, 7: False, 8: True, 9: True}


def gmail(body):
    return body + "\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n"


def thunderbird(body):
    return body + "\n\n" + TB_WROTE + "\n" + quote(INV_TEXT) + "\n"


def apple(body):
    return body + "\n\n> " + APPLE + "\n> \n" + quote(INV_TEXT) + "\n"


# ---- question codes between pipes on one line ----
body = "Q1 N | Q2 Y | Q3 N | Q4 4 | Q5 c | Q6 N | Q7 N | Q8 Y | Q9 Y\n\nNgozi"
case("codes_between_pipes_thunderbird",
     message("codes_between_pipes_thunderbird", text=thunderbird(body), frm=OKAFOR, mailer=THUNDERBIRD),
     expect(ANSWERS),
     "Thunderbird: the nine answers as codes between pipes on one line, 'Q4 4' the scale and 'Q5 c' option c)")

body = "Q1 N | Q2 Y | Q3 N | Q4 3-5 | Q5 c | Q6 N | Q7 N | Q8 Y | Q9 Y\n\nNgozi"
case("trap_codes_between_pipes_range_thunderbird",
     message("trap_codes_between_pipes_range_thunderbird", text=thunderbird(body), frm=OKAFOR, mailer=THUNDERBIRD),
     expect(ANSWERS, confidence=UNCLEAR),
     "trap: Thunderbird: codes between pipes with 'Q4 3-5', a range for the scale: asked, the others read")

# ---- a summary by its only exceptions ("mostly no - the only yeses are ...") ----
IPHONE = "iPhone Mail (22B83)"
body = "Largely yes from me, the only no's are 3 and 6.\nConfidence 8\nBarriers: b\n\nSent from my iPhone"
case("only_exceptions_summary_iphone",
     message("only_exceptions_summary_iphone", text=apple(body), frm=OKAFOR, mailer=IPHONE),
     expect({1: True, 2: True, 3: False, 4: 8, 5: ["evidence"], 6: False, 7: True, 8: True, 9: True}),
     "iPhone: 'Largely yes from me, the only no's are 3 and 6' (every other yes/no question yes), the scale "
     "and the choice on lines of their own")

body = "Only 2 and 8 were yes for us.\nConfidence 5, barriers a and c.\n\nNgozi"
case("only_exceptions_summary_for_us_thunderbird",
     message("only_exceptions_summary_for_us_thunderbird", text=thunderbird(body), frm=OKAFOR, mailer=THUNDERBIRD),
     expect({1: False, 2: True, 3: False, 4: 5, 5: ["expertise", "side_effects"], 6: False, 7: False, 8: True,
             9: False}),
     "Thunderbird: 'Only 2 and 8 were yes for us': every other yes/no question no")

body = "Mostly yes - the only yeses are 1 and 9.\nConfidence 6, barriers c.\n\nNgozi"
case("trap_only_exceptions_same_value_gmail",
     message("trap_only_exceptions_same_value_gmail", text=gmail(body), frm=OKAFOR),
     expect({4: 6, 5: ["side_effects"]}),
     "trap: Gmail: 'Mostly yes - the only yeses are 1 and 9' says two things at once: no yes/no question is read "
     "from it")

if __name__ == "__main__":
    write_cases(CASES)
