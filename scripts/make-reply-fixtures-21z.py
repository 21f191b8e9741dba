#!/usr/bin/env python3
"""Writes the reply-corpus cases for the wrong values of issue 21's
twenty-fifth held-back set (tests/fixtures/heldback21z), each in our own
words and another client than the held-back case, with a near case
beside each: lines numbered "1 -> yes" (an arrow, as Outlook's autocorrect
makes it "→") and "1.) yes", "yes I think, our pharmacist would know"
(asked; "No - and I'd know" is certain), "As above" for the comment.
Reuses the helpers of make-reply-fixtures.py; writes only its own cases:
    python3 scripts/make-reply-fixtures-21z.py
"""
import os, runpy

HERE = os.path.dirname(os.path.abspath(__file__))
base = runpy.run_path(os.path.join(HERE, "make-reply-fixtures.py"), run_name="fixtures")
globals().update({k: v for k, v in base.items() if not k.startswith("__")})
CASES = []
case = reply_case_into(CASES)

HUGHES = '"Dr Owen Hughes" <jack.clarke@north-hospice.test>'
COMMENT = "Out-of-hours supply is our main worry."

body = "\n".join(f"{n} \u2192 {v}" for n, v in {**LISTED, 10: COMMENT}.items()) + "\n\nOwen"
case("arrow_numbered_lines_gmail", message("arrow_numbered_lines_gmail", text=gmail(body), frm=HUGHES),
     expect({**LISTED_EXPECT, 10: COMMENT}), "Gmail: lines numbered '1 \u2192 yes' (an arrow): the list, the comment "
     "without the arrow")

body = "\n".join(f"{n}.) {v}" for n, v in {**LISTED, 10: "As above."}.items()) + "\n\nOwen"
case("dot_paren_numbered_lines_outlook", message("dot_paren_numbered_lines_outlook", text=outlook(body), frm=HUGHES),
     expect(LISTED_EXPECT), "Outlook: lines numbered '1.) yes': the list; '10.) As above.' is no comment")

body = listed({**LISTED, 6: "yes I think, the ward manager would know"}) + "\n\nOwen"
case("yes_i_think_someone_would_know_samsung",
     message("yes_i_think_someone_would_know_samsung", text=gmail(body), frm=HUGHES, mailer=SAMSUNG),
     expect({**LISTED_EXPECT, 6: UNCLEAR}),
     "Samsung Email: '6. yes I think, the ward manager would know': asked")

body = listed({**LISTED, 7: "No - and I'd know, I chair that group"}) + "\n\nOwen"
case("trap_no_and_i_would_know_samsung",
     message("trap_no_and_i_would_know_samsung", text=gmail(body), frm=HUGHES, mailer=SAMSUNG),
     expect(LISTED_EXPECT), "trap: Samsung Email: '7. No - and I'd know, I chair that group': certain: no")

if __name__ == "__main__":
    write_cases(CASES)
