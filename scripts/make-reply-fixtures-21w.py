#!/usr/bin/env python3
"""Writes the reply-corpus cases for the wrong values of issue 21's
twenty-first held-back set (tests/fixtures/heldback21w), each in our own
words and another client than the held-back case, with a near case beside
each: an option of the quoted questionnaire marked with an X and words
after it ("e) Other ... X - cost"), "nil" above the doctor's initials as
the comment, and "not sure it ..." with no subject after a yes.
Reuses the helpers of make-reply-fixtures.py; writes only its own cases:
    python3 scripts/make-reply-fixtures-21w.py
"""
import os, runpy

HERE = os.path.dirname(os.path.abspath(__file__))
base = runpy.run_path(os.path.join(HERE, "make-reply-fixtures.py"), run_name="fixtures")
globals().update({k: v for k, v in base.items() if not k.startswith("__")})
CASES = []
case = reply_case_into(CASES)

LEE = '"Dr Sam Lee" <jack.clarke@north-hospice.test>'


one_changed = one_changed_into(case, LEE, "Sam")

def mark(line):
    if line.startswith("a) "):
        return line + "  X"
    if line.startswith("e) "):
        return line + "  X - the cost of the oral solution"
    return line


text = "Marked below.\n\nSam\n\n" + WROTE + "\n" + ticked_text("ae", mark) + "\n"
case("ticked_x_with_words_other_gmail", message("ticked_x_with_words_other_gmail", text=text, frm=LEE),
     answers={"barriers": ok(["expertise", "other"], "the cost of the oral solution")},
     note="Gmail: X after a) and after e) with words ('X - the cost of the oral solution'): a and other, with its text")


def mark_words_on_c(line):
    if line.startswith("c) "):
        return line + "  X - mostly nausea"
    return line


text = "Marked below.\n\nSam\n\n" + WROTE + "\n" + ticked_text("c", mark_words_on_c) + "\n"
case("trap_ticked_x_with_words_not_other_gmail",
     message("trap_ticked_x_with_words_not_other_gmail", text=text, frm=LEE),
     answers={"barriers": ok(["side_effects"])},
     note="trap: Gmail: X after c) with words ('X - mostly nausea'): c with its reason, no 'other' text")

body = listed(LISTED) + "\n10 nil\nSL"
case("comment_nil_above_initials_iphone",
     message("comment_nil_above_initials_iphone", text=apple(body), frm=LEE, mailer="iPhone Mail (22B91)"),
     expect(LISTED_EXPECT),
     "iPhone Mail: '10 nil' above the initials 'SL': no comment")

one_changed("doubt_not_sure_it_lasted_thunderbird", 6, "We had one - not sure it outlived the move to the new building",
            UNCLEAR, thunderbird, THUNDERBIRD,
            "Thunderbird: '6. We had one - not sure it outlived the move to the new building': asked")

if __name__ == "__main__":
    write_cases(CASES)
