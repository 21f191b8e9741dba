#!/usr/bin/env python3
"""Writes the reply-corpus cases for the wrong values of issue 21's
twenty-third and twenty-fourth held-back sets (heldback21y, heldback21x),
each in our own words and another client than the held-back case, with a
near case beside each: a comment with the doctor's name or a closing on
the next line (the comment without it), "That's all from me" (no
comment), "6½" (asked), "a, if not b" (asked).
Reuses the helpers of make-reply-fixtures.py; writes only its own cases:
    python3 scripts/make-reply-fixtures-21xy.py
"""
import os, runpy

HERE = os.path.dirname(os.path.abspath(__file__))
base = runpy.run_path(os.path.join(HERE, "make-reply-fixtures.py"), run_name="fixtures")
globals().update({k: v for k, v in base.items() if not k.startswith("__")})
CASES = []
case = reply_case_into(CASES)

PATEL = '"Dr Meera Patel" <jack.clarke@north-hospice.test>'


one_changed = one_changed_into(case, PATEL, "Meera")

COMMENT = "Supply at weekends is the real problem for us"
one_changed("comment_then_name_samsung", 10, COMMENT, COMMENT, gmail, SAMSUNG,
            "Samsung Email: '10. Supply at weekends is the real problem for us' with 'Meera' on the next line: "
            "the comment without the name", sign="\nMeera")
one_changed("comment_then_closing_and_name_iphone", 10, COMMENT + ".", COMMENT + ".", apple, "iPhone Mail (22B91)",
            "iPhone Mail: the comment, then 'Thanks' and 'Dr M Patel' on lines of their own: the comment alone",
            sign="\nThanks\nDr M Patel")
one_changed("trap_comment_list_after_colon_gmail", 10, "Two asks:\nRegional Training", "Two asks:\nRegional Training",
            gmail, None, "trap: Gmail: '10. Two asks:' then 'Regional Training': after a colon, no sign-off",
            sign="\n\nMeera")
one_changed("comment_thats_all_outlook", 10, "That's all from me.", None, outlook, None,
            "Outlook: '10. That's all from me.': no comment")
one_changed("score_with_a_half_outlook", 4, "7½", UNCLEAR, outlook, None,
            "Outlook: '4. 7½': a point between two: asked, never 7")
one_changed("letters_if_not_thunderbird", 5, "c, if not a", UNCLEAR, thunderbird, THUNDERBIRD,
            "Thunderbird: '5. c, if not a': one or the other: asked")

if __name__ == "__main__":
    write_cases(CASES)
