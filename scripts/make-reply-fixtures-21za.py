#!/usr/bin/env python3
"""Writes the reply-corpus cases for the wrong values of issue 21's
twenty-sixth held-back set (tests/fixtures/heldback21za), each in our own
words and another client than the held-back case, with a near case
beside each: lines numbered "1 -- yes", a comment closed by "Thanks, M",
"I'd say yes; our lead would say no" (asked), and a comment sentence
with "our" that names none of a question's own words (no doubt cast).
Reuses the helpers of make-reply-fixtures.py; writes only its own cases:
    python3 scripts/make-reply-fixtures-21za.py
"""
import os, runpy

HERE = os.path.dirname(os.path.abspath(__file__))
base = runpy.run_path(os.path.join(HERE, "make-reply-fixtures.py"), run_name="fixtures")
globals().update({k: v for k, v in base.items() if not k.startswith("__")})
CASES = []
case = reply_case_into(CASES)

MORRIS = '"Dr Maya Morris" <jack.clarke@north-hospice.test>'
COMMENT = "The weekend supply is what worries us."

body = "\n".join(f"{n} -- {v}" for n, v in {**LISTED, 10: COMMENT}.items()) + "\n\nMaya"
case("double_hyphen_numbered_lines_gmail", message("double_hyphen_numbered_lines_gmail", text=gmail(body), frm=MORRIS),
     expect({**LISTED_EXPECT, 10: COMMENT}), "Gmail: lines numbered '1 -- yes': the list; the comment without '- '")

body = listed({**LISTED, 10: COMMENT}) + "\nThanks, M"
case("comment_then_thanks_initial_outlook", message("comment_then_thanks_initial_outlook", text=outlook(body), frm=MORRIS),
     expect({**LISTED_EXPECT, 10: COMMENT}), "Outlook: the comment, then 'Thanks, M' on the next line: the comment alone")

body = listed({**LISTED, 8: "I'd say yes; our lead would say no"}) + "\n\nMaya"
case("i_would_say_yes_lead_would_say_no_iphone",
     message("i_would_say_yes_lead_would_say_no_iphone", text=apple(body), frm=MORRIS, mailer="iPhone Mail (22B91)"),
     expect({**LISTED_EXPECT, 8: UNCLEAR}), "iPhone Mail: '8. I'd say yes; our lead would say no': two answers: asked")

OWN = "Our pharmacy keeps only the strong vials, so each dose is diluted on the ward."
body = listed({**LISTED, 10: OWN}) + "\n\nMaya"
case("trap_comment_with_our_names_nothing_outlook",
     message("trap_comment_with_our_names_nothing_outlook", text=outlook(body), frm=MORRIS),
     expect({**LISTED_EXPECT, 10: OWN}),
     "trap: Outlook: 'Our pharmacy keeps only the strong vials, so each dose is diluted on the ward' beside '3. no': "
     "'our' names none of a question's own words: the no stands")

if __name__ == "__main__":
    write_cases(CASES)
