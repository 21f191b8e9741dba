#!/usr/bin/env python3
"""Writes the reply-corpus cases for the misses of issue 21's nineteenth
held-back set (tests/fixtures/heldback21t), each in our own words and
another client than the held-back case, with a near case beside each:
lines numbered "1/ yes" (never a score "6/10"), answers grouped by value
("Yes: 1, 3, 6"), a score corrected by "realistically", and letters after
a reason's last "so".
Reuses the helpers of make-reply-fixtures.py; writes only its own cases:
    python3 scripts/make-reply-fixtures-21t.py
"""
import os, runpy

HERE = os.path.dirname(os.path.abspath(__file__))
base = runpy.run_path(os.path.join(HERE, "make-reply-fixtures.py"), run_name="fixtures")
globals().update({k: v for k, v in base.items() if not k.startswith("__")})
CASES = []
case = reply_case_into(CASES)

SHAH = '"Dr Rina Shah" <jack.clarke@north-hospice.test>'


one_changed = one_changed_into(case, SHAH, "Rina")

body = "\n".join(f"{n}/ {v}" for n, v in LISTED.items()) + "\n\nRina"
case("slash_numbered_lines_gmail", message("slash_numbered_lines_gmail", text=gmail(body), frm=SHAH),
     expect(LISTED_EXPECT), "Gmail: lines numbered '1/ yes' ... '9/ no': the list")

body = "6/10 for confidence, the rest as my colleague said.\n\nRina"
case("trap_score_with_slash_gmail", message("trap_score_with_slash_gmail", text=gmail(body), frm=SHAH),
     expect({}, confidence=inferred(6)),
     "trap: Gmail: '6/10 for confidence, the rest as my colleague said': a score out of 10, no line numbered 6")

body = "Yes: 1, 6, 8\nNo: 2, 3, 7, 9\nConfidence 6\nBarriers: b\n\nRina"
case("grouped_by_value_colon_samsung",
     message("grouped_by_value_colon_samsung", text=gmail(body), frm=SHAH, mailer=SAMSUNG),
     expect(LISTED_EXPECT), "Samsung Email: 'Yes: 1, 6, 8' and 'No: 2, 3, 7, 9', then confidence and barriers by topic")

one_changed("score_realistically_outlook", 4, "9 - well, realistically 7", 7, outlook, None,
            "Outlook: '4. 9 - well, realistically 7': the later score: 7")
one_changed("letters_after_so_thunderbird", 5, "Nobody here has used it much, and the data are thin, so a and b",
            ["expertise", "evidence"], thunderbird, THUNDERBIRD,
            "Thunderbird: '5. Nobody here has used it much, and the data are thin, so a and b': a and b")
one_changed("trap_letters_after_so_word_thunderbird", 5, "Not so b", UNCLEAR, thunderbird, THUNDERBIRD,
            "trap: Thunderbird: '5. Not so b': no reason before 'so': asked")

if __name__ == "__main__":
    write_cases(CASES)
