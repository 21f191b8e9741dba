#!/usr/bin/env python3
"""Writes the reply-corpus cases for the forms issue 22's sixth held-back
set (tests/fixtures/heldback22f, training data since it was scored) did
not read, each in our own words and mostly in another client than the
held-back case, with traps beside them:

- dates counted from the reply's Date header (inferred): a day of the
  week beside a day and month ("Weds 2nd Dec": the weekday dropped once
  it agrees with the date, else unclear), a day of the week "just gone",
  "last night", a part of the reply's own month once it has begun
  ("early Dec" in December);
- "Never" for the date of a doctor who never used ketamine (the question
  does not apply): no answer, as "N/A" is.

Reuses scripts/make-reply-fixtures-22e.py (its survey, helpers and the
real clients' writers of scripts/heldback_common/), its own cases left
out; writes only this script's cases into tests/fixtures/replies/seed-full/.
From the repository root:
    python3 scripts/make-reply-fixtures-22f.py
"""
import datetime, os, runpy, sys

HERE = os.path.dirname(os.path.abspath(__file__))
E = runpy.run_path(os.path.join(HERE, "make-reply-fixtures-22e.py"), run_name="fixtures22e")
import mailgen  # noqa: E402  (the module 22e configured)

mailgen.CASES.clear()  # 22e's own cases: written by 22e
case, ok, INF, UNCLEAR = mailgen.case, mailgen.ok, mailgen.INF, mailgen.UNCLEAR
C, N = E["C"], E["N"]
answers, expected, numbered, dated = E["answers"], E["expected"], E["numbered"], E["dated"]
SIG, NEVER, NEVER_LINES = E["SIG"], E["NEVER"], E["NEVER_LINES"]

# ==== 1. dates by the day of the week or the time, counted from the reply ====
n = "date_weekday_beside_day_gmail_top_list"
mailgen.FIXED_DATE = dated(datetime.date(2026, 12, 10))  # a Thursday
case(n, N.reply(n, "gmail_web", top=numbered(answers(last_prescribed="Weds 2nd Dec")) + ["", "Aisha"]),
     expected(last_prescribed=INF("2026-12-02")),
     note="Gmail web, top list: 10 'Weds 2nd Dec' in a reply of Thu 10 Dec 2026: 2 December 2026 was a Wednesday, so "
          "the weekday agrees and is dropped: 2026-12-02, inferred")

n = "date_weekday_beside_day_last_month_iphone"
mailgen.FIXED_DATE = dated(datetime.date(2026, 12, 3))
case(n, C.iphone(n, numbered(answers(last_prescribed="Friday 27 November - syringe driver"), sep=" ")),
     expected(last_prescribed=INF("2026-11-27")),
     note="iPhone Mail, terse list: 10 'Friday 27 November - syringe driver' in a reply of 3 Dec 2026: a Friday, "
          "agreeing: 2026-11-27, inferred; the words after the dash a remark")

n = "date_trap_weekday_disagrees_owa"
mailgen.FIXED_DATE = dated(datetime.date(2026, 12, 10))
case(n, C.owa(n, numbered(answers(last_prescribed="Thurs 2nd Dec")) + ["", "Aisha"]),
     expected(last_prescribed=UNCLEAR),
     note="trap: Outlook on the web, top list: 10 'Thurs 2nd Dec': 2 December 2026 was a Wednesday: the weekday and "
          "the date disagree (which is meant?): unclear, never either")

n = "date_weekday_just_gone_outlook_android"
mailgen.FIXED_DATE = dated(datetime.date(2026, 12, 9))  # a Wednesday
case(n, C.outlook_mobile(n, numbered(answers(last_prescribed="Monday just gone"), sep=") "), "Android"),
     expected(last_prescribed=INF("2026-12-07")),
     note="Outlook for Android, a list numbered '1)': 10 'Monday just gone' in a reply of Wed 9 Dec 2026: the most "
          "recent Monday before it, 2026-12-07, inferred")

n = "date_trap_last_weekday_yahoo"
mailgen.FIXED_DATE = dated(datetime.date(2026, 12, 9))
case(n, C.yahoo(n, numbered(answers(last_prescribed="last Tuesday")) + ["", "Aisha"]),
     expected(last_prescribed=UNCLEAR),
     note="trap: Yahoo Mail, top list: 10 'last Tuesday' in a reply of Wed 9 Dec 2026: the day before, or the "
          "Tuesday of the week before? unclear")

n = "date_last_night_with_remark_samsung"
mailgen.FIXED_DATE = dated(datetime.date(2026, 12, 12), hour=8)
case(n, N.reply(n, "samsung", top=numbered(answers(last_prescribed="Last night - a hospice admission"))),
     expected(last_prescribed=INF("2026-12-11")),
     note="Samsung Email, top list: 10 'Last night - a hospice admission' in a reply of 12 Dec 2026: the day before "
          "the reply, 2026-12-11, inferred")

n = "date_part_of_own_month_begun_apple_mac"
mailgen.FIXED_DATE = dated(datetime.date(2026, 12, 15))
case(n, N.apple_mac(n, numbered(answers(last_prescribed="beginning of Dec")) + ["", "Aisha"]),
     expected(last_prescribed=INF("2026-12")),
     note="Apple Mail (macOS), top list: 10 'beginning of Dec' in a reply of 15 Dec 2026: the part of the reply's "
          "own month named has begun: December 2026, inferred")

n = "date_trap_part_of_own_month_to_come_gmail_android"
mailgen.FIXED_DATE = dated(datetime.date(2026, 12, 15))
case(n, N.reply(n, "gmail_android", top=numbered(answers(last_prescribed="late December"), sep=": ")),
     expected(last_prescribed=UNCLEAR),
     note="trap: Gmail for Android: 10 'late December' in a reply of 15 Dec 2026: the end of the month is still to "
          "come: unclear")

# ==== 2. "Never" for a date that does not apply ====
mailgen.FIXED_DATE = None
n = "never_for_date_that_does_not_apply_owa"
lines = dict(NEVER_LINES)
lines[10] = "Never."
case(n, C.owa(n, numbered(lines) + ["", "Aisha"]),
     dict(NEVER),
     note="Outlook on the web, top list from a doctor who never used ketamine (1 no): 'Never.' for the date 10, which "
          "does not apply: no answer, as 'N/A' is")

n = "never_trap_for_date_that_applies_iphone"
case(n, C.iphone(n, numbered(answers(last_prescribed="Never"), sep=" ")),
     expected(last_prescribed=UNCLEAR),
     note="trap: iPhone Mail: used ketamine (1 yes) but 'Never' for the date 10, which applies: unclear (asked), "
          "never dropped")

if __name__ == "__main__":
    mailgen.write(E["SEED_OUT"])
