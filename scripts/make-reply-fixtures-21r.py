#!/usr/bin/env python3
"""Writes the reply-corpus cases for the wrong value and misses of issue
21's seventeenth held-back set (tests/fixtures/heldback21r), each in our
own words and another client than the held-back case, with a near case
beside each: a colleague's list pasted in and "mine are the same apart
from 4, where I'd put myself at 6" (asked, never the colleague's 4),
"Correction to 6: yes - ...", "1-3: yes" for a range, "Yes, once or
twice", "I'd say no".
Reuses the helpers of make-reply-fixtures.py; writes only its own cases:
    python3 scripts/make-reply-fixtures-21r.py
"""
import os, runpy

HERE = os.path.dirname(os.path.abspath(__file__))
base = runpy.run_path(os.path.join(HERE, "make-reply-fixtures.py"), run_name="fixtures")
globals().update({k: v for k, v in base.items() if not k.startswith("__")})
CASES = []
case = reply_case_into(CASES)

BAKER = '"Dr Tom Baker" <jack.clarke@north-hospice.test>'


one_changed = one_changed_into(case, BAKER, "Tom")

body = ("My registrar filled it in first and I've copied hers:\n\n" + listed({**LISTED, 4: "8"})
        + "\n\nMine are the same as hers apart from 4, where I'd put myself at 6.\n\nTom")
case("colleague_list_apart_from_four_gmail",
     message("colleague_list_apart_from_four_gmail", text=gmail(body), frm=BAKER),
     expect({**LISTED_EXPECT, 4: UNCLEAR}),
     "Gmail: a colleague's list (4 = 8), then 'Mine are the same as hers apart from 4, where I'd put myself at "
     "6': a change no form reads: 4 asked, never her 8")

body = listed(LISTED) + "\n\nAll the same for the rest of the team apart from 2 new starters.\n\nTom"
case("trap_apart_from_a_count_gmail",
     message("trap_apart_from_a_count_gmail", text=gmail(body), frm=BAKER),
     expect(LISTED_EXPECT),
     "trap: Gmail: 'All the same for the rest of the team apart from 2 new starters': a count, no question")

body = listed({**LISTED, 6: "No"}) + "\n\nCorrection to 6: yes - pharmacy sent it round in March.\n\nTom"
case("correction_to_six_colon_apple_mail",
     message("correction_to_six_colon_apple_mail", text=apple(body), frm=BAKER, mailer=APPLE_MAIL),
     expect(LISTED_EXPECT),
     "Apple Mail: 6 'No' in the list, then 'Correction to 6: yes - pharmacy sent it round in March': yes")

body = "1-3: no\n4: 5\n5: a\n6-9: no\n\nTom"
case("ranges_one_value_each_outlook",
     message("ranges_one_value_each_outlook", text=outlook(body), frm=BAKER),
     expect({1: False, 2: False, 3: False, 4: 5, 5: ["expertise"], 6: False, 7: False, 8: False, 9: False}),
     "Outlook: '1-3: no', '6-9: no': one bare value for each question of the range")

one_changed("yes_once_or_twice_thunderbird", 3, "Yes, once or twice, both on the ward", True, thunderbird,
            THUNDERBIRD, "Thunderbird: '3. Yes, once or twice, both on the ward': how often: yes")
one_changed("trap_no_once_or_twice_thunderbird", 3, "No, once or twice", UNCLEAR, thunderbird, THUNDERBIRD,
            "trap: Thunderbird: '3. No, once or twice': a no, then how often: asked")
one_changed("i_would_say_no_outlook", 8, "I'd say no", False, outlook, None,
            "Outlook: '8. I'd say no': no")
one_changed("trap_i_would_say_no_but_maybe_outlook", 8, "I'd say no, but maybe", UNCLEAR, outlook, None,
            "trap: Outlook: '8. I'd say no, but maybe': asked")

if __name__ == "__main__":
    write_cases(CASES)
