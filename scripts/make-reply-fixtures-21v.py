#!/usr/bin/env python3
"""Writes the reply-corpus cases for the wrong values of issue 21's
twenty-first to twenty-fourth held-back sets (heldback21w, 21v, 21x, 21y):
a "No" that the doctor's own comment gainsays ("Our joint guidance with
the district nurses has made home starts much easier" beside "7. No"):
asked; beside it a comment that wishes for what the answer says is
missing ("We would welcome joint guidance ..."): the no stands.
Reuses the helpers of make-reply-fixtures.py; writes only its own cases:
    python3 scripts/make-reply-fixtures-21v.py
"""
import os, runpy

HERE = os.path.dirname(os.path.abspath(__file__))
base = runpy.run_path(os.path.join(HERE, "make-reply-fixtures.py"), run_name="fixtures")
globals().update({k: v for k, v in base.items() if not k.startswith("__")})
CASES = []
case = reply_case_into(CASES)

OBI = '"Dr Chidi Obi" <jack.clarke@north-hospice.test>'
COMMENT = "Our shared guidance with the community teams has made home starts much easier."
WISH = "We would welcome shared guidance with the community teams."

body = listed({**LISTED, 10: COMMENT}) + "\n\nChidi"
case("comment_gainsays_a_no_outlook", message("comment_gainsays_a_no_outlook", text=outlook(body), frm=OBI),
     expect({**LISTED_EXPECT, 7: UNCLEAR, 10: COMMENT}),
     "Outlook: '7. no' and the comment 'Our shared guidance with the community teams has made home starts much "
     "easier': the doctor's own comment gainsays the no: 7 asked")

body = listed({**LISTED, 10: WISH}) + "\n\nChidi"
case("trap_comment_wishes_outlook", message("trap_comment_wishes_outlook", text=outlook(body), frm=OBI),
     expect({**LISTED_EXPECT, 10: WISH}),
     "trap: Outlook: '7. no' and the comment 'We would welcome shared guidance with the community teams': a wish: "
     "the no stands")

# A deed told in other words in the comment (heldback21x, heldback21y).
DEED = "Where it has really helped us is bringing people off big morphine doses once they got muddled and drowsy."
body = listed({**LISTED, 10: DEED}) + "\n\nChidi"
case("comment_tells_the_deed_gmail", message("comment_tells_the_deed_gmail", text=gmail(body), frm=OBI),
     expect({**LISTED_EXPECT, 3: UNCLEAR, 10: DEED}),
     "Gmail: '3. no' and the comment 'Where it has really helped us is bringing people off big morphine doses once "
     "they got muddled and drowsy': a reduction of the opioid for side effects, the doctor's own: 3 asked")

OTHERS = "The hospital team bring people off big morphine doses once they get muddled and drowsy."
body = listed({**LISTED, 10: OTHERS}) + "\n\nChidi"
case("trap_comment_tells_others_deed_gmail", message("trap_comment_tells_others_deed_gmail", text=gmail(body), frm=OBI),
     expect({**LISTED_EXPECT, 10: OTHERS}),
     "trap: Gmail: '3. no' and the comment 'The hospital team bring people off big morphine doses ...': someone "
     "else's deed: the no stands")

if __name__ == "__main__":
    write_cases(CASES)
