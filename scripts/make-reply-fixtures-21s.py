#!/usr/bin/env python3
"""Writes the reply-corpus cases for the wrong values of issue 21's
eighteenth held-back set (tests/fixtures/heldback21s), each in our own
words and another client than the held-back case, with a near case beside
each: a prose list of barriers with a part in an option's words that
names none ("a lack of hands-on practice and the side effects": never read in
part), and a yes or no followed later in its line by a sentence that is
only the other one ("No. We did try it once in the spring. Yes.", "I tell
a lie").
Reuses the helpers of make-reply-fixtures.py; writes only its own cases:
    python3 scripts/make-reply-fixtures-21s.py
"""
import os, runpy

HERE = os.path.dirname(os.path.abspath(__file__))
base = runpy.run_path(os.path.join(HERE, "make-reply-fixtures.py"), run_name="fixtures")
globals().update({k: v for k, v in base.items() if not k.startswith("__")})
CASES = []
case = reply_case_into(CASES)

NOVAK = '"Dr Eva Novak" <jack.clarke@north-hospice.test>'
WITHOUT_5 = {k: v for k, v in LISTED.items() if k != 5}
WITHOUT_5_EXPECT = {k: v for k, v in LISTED_EXPECT.items() if k != 5}


one_changed = one_changed_into(case, NOVAK, "Eva")

body = listed(WITHOUT_5) + "\n\nThe barriers for us are a lack of hands-on practice and the side effects.\n\nEva"
case("prose_barriers_part_unnamed_gmail",
     message("prose_barriers_part_unnamed_gmail", text=gmail(body), frm=NOVAK),
     expect(WITHOUT_5_EXPECT),
     "Gmail: a list without 5, then 'The barriers for us are a lack of hands-on practice and the side effects': 'a lack "
     "of hands-on practice' is in an option's words but names none: never read as side effects alone")

body = listed(WITHOUT_5) + "\n\nThe main barrier for us is the lack of evidence, not expertise.\n\nEva"
case("trap_prose_barrier_one_ruled_out_gmail",
     message("trap_prose_barrier_one_ruled_out_gmail", text=gmail(body), frm=NOVAK),
     expect(WITHOUT_5_EXPECT, barriers=ok(["evidence"])),
     "trap: Gmail: 'The main barrier for us is the lack of evidence, not expertise': the other option is ruled out: "
     "evidence (the line is labelled by the question's word)")

one_changed("no_then_yes_sentence_outlook", 3, "No. We did try it once in the spring, come to that. Yes.", UNCLEAR,
            outlook, None, "Outlook: '3. No. We did try it once in the spring, come to that. Yes.': the other "
            "value as a sentence of its own later: asked, never the first no")
one_changed("i_tell_a_lie_apple_mail", 3, "No - I tell a lie, yes", True, apple, APPLE_MAIL,
            "Apple Mail: '3. No - I tell a lie, yes': a change: yes")
one_changed("trap_yes_then_yes_sentence_outlook", 3, "Yes. Twice last winter. Yes.", True, outlook, None,
            "trap: Outlook: '3. Yes. Twice last winter. Yes.': the same value again: yes")

if __name__ == "__main__":
    write_cases(CASES)
