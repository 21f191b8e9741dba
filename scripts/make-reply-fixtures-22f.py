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
  does not apply): no answer, as "N/A" is;
- the grid answered for all items at once in words ("Very confident for
  all of them": the scale's anchor for each; "All 4s apart from ...": one
  value for all but the items named), "Not relevant" as not applicable,
  items keyed by a letter and a spaced dash on one line ("a - 4  b - 2"),
  items named by their words in brackets after the value, by their
  initials beside other words ("recognising SEs"), several at once ("2
  for route and side effects"), a remark after an item's value;
- rankings by ordinal words ("b first, a second, d third, c last"), by a
  rank beside each letter on one line ("a 2 b 1 c 4 d 3"), and numbered
  in brackets on one line ("(1) evidence (2) expertise ...");
- durations counted from a start said with "from" ("From 2019"), or
  after a milestone of the career before it ("Qualified in 2004,
  palliative care since 2015": the start in palliative care).

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

# ==== 3. the grid in words for all items, items by their words ====
mailgen.FIXED_DATE = None


def grid(d, r, s):
    return {"confidence_areas__dosing": ok(d), "confidence_areas__routes": ok(r), "confidence_areas__side_effects": ok(s)}


AREAS_UNCLEAR = {"confidence_areas__dosing": UNCLEAR, "confidence_areas__routes": UNCLEAR,
                 "confidence_areas__side_effects": UNCLEAR}

n = "grid_anchor_words_for_all_gmail_android"
case(n, N.reply(n, "gmail_android", top=numbered(answers(confidence_areas="Very confident for all of them"), sep=" ")),
     expected(**grid(5, 5, 5)),
     note="Gmail for Android, terse list: the grid '4 Very confident for all of them': the scale's top anchor ('very "
          "confident' = 5) said once for every item: 5, 5, 5")

n = "grid_trap_words_for_all_no_anchor_yahoo"
case(n, C.yahoo(n, numbered(answers(confidence_areas="Fairly confident on all three")) + ["", "Aisha"]),
     expected(**AREAS_UNCLEAR),
     note="trap: Yahoo Mail, top list: the grid '4. Fairly confident on all three': 'fairly confident' is no point of "
          "the scale: unclear for each, never guessed")

n = "grid_all_but_one_samsung"
case(n, N.reply(n, "samsung", top=numbered(answers(confidence_areas="All 4s apart from side effects - 2"))),
     expected(**grid(4, 4, 2)),
     note="Samsung Email, top list: the grid '4. All 4s apart from side effects - 2': one value for every item but the "
          "one named after 'apart from', which has its own: 4, 4, 2")

n = "grid_trap_all_but_one_hedged_owa"
case(n, C.owa(n, numbered(answers(confidence_areas="All 5s except route - 3 or 4")) + ["", "Aisha"]),
     expected(**AREAS_UNCLEAR),
     note="trap: Outlook on the web, top list: the grid '4. All 5s except route - 3 or 4': the exception is hedged "
          "(two values): the whole grid unclear, never 5s with a guess")

n = "not_relevant_for_not_applicable_gmail"
lines = dict(NEVER_LINES)
lines.update({2: "Not relevant", 4: "Not relevant", 8: "Not relevant", 10: "Not relevant"})
case(n, N.reply(n, "gmail_web", top=numbered(lines) + ["", "Aisha"]),
     dict(NEVER),
     note="Gmail web, top list from a doctor who never used ketamine: 'Not relevant' for 2, the grid 4 and 8 (which "
          "take 'not applicable'): not applicable; for the date 10 (no n/a, its condition false): no answer")

n = "grid_letters_spaced_dashes_one_line_tb115_inline"
ans = answers(confidence_areas="a - 4  b - 2  c - 3")
case(n, N.reply(n, "tb115", answers={i: ans[i] for i in range(1, 12)}),
     expected(**grid(4, 2, 3)),
     note="Thunderbird 115, answers below each quoted Answer:: the grid on one line 'a - 4  b - 2  c - 3', each item's "
          "letter, a spaced dash and its value: 4, 2, 3")

n = "grid_item_words_in_brackets_outlook_top_list"
case(n, N.outlook_win(n, top=numbered(answers(confidence_areas="5 (starting dose), 3 (route), 4 (SEs)")) + [""] + SIG),
     expected(**grid(5, 3, 4)),
     note="Outlook for Windows, top list: the grid '4. 5 (starting dose), 3 (route), 4 (SEs)': each value with its "
          "item's words (or initials) in brackets after it: 5, 3, 4")

n = "grid_one_value_for_two_items_apple_mac"
case(n, N.apple_mac(n, numbered(answers(confidence_areas="2 for route and side effects, 4 for dosing")) + ["", "Aisha"]),
     expected(**grid(4, 2, 2)),
     note="Apple Mail (macOS), top list: the grid '4. 2 for route and side effects, 4 for dosing': one value for two "
          "items named together, then the third: 4, 2, 2")

n = "grid_initials_beside_words_iphone"
case(n, C.iphone(n, numbered(answers(confidence_areas="starting dose 4, route 4, recognising SEs 2"), sep=" ")),
     expected(**grid(4, 4, 2)),
     note="iPhone Mail, terse list: the grid 'starting dose 4, route 4, recognising SEs 2': the third item by a word "
          "of its label and its initials ('SEs'): 4, 4, 2")

n = "grid_remark_after_item_value_owa_inline"
ans = answers(confidence_areas="Dose 3, route 4, side effects 2 - need more practice")
case(n, N.outlook_win(n, on_line=ans),
     expected(**grid(3, 4, 2)),
     note="Outlook for Windows, answers on the Answer: lines: the grid 'Dose 3, route 4, side effects 2 - need more "
          "practice': the words after the last value's dash are a remark: 3, 4, 2")

n = "grid_trap_letter_with_words_no_value_gmail_top_list"
case(n, N.reply(n, "gmail_web", top=numbered(answers(confidence_areas="a 3, c depends on the patient, b 4")) + ["", "Aisha"]),
     expected(**{"confidence_areas__dosing": ok(3), "confidence_areas__routes": ok(4),
                 "confidence_areas__side_effects": UNCLEAR}),
     note="trap: Gmail web, top list: the grid 'a 3, c depends on the patient, b 4': c by its letter with words and no "
          "value: unclear (asked), never left out; a 3, b 4 read")

# ==== 4. rankings by ordinal words, letters beside ranks, ranks in brackets ====
n = "ranking_ordinal_words_gmail_android"
case(n, N.reply(n, "gmail_android", top=numbered(answers(barrier_rank="b first, a second, d third, c last"), sep=" ")),
     expected(),
     note="Gmail for Android, terse list: the ranking '6 b first, a second, d third, c last': each option's place in "
          "words ('first' is 1, 'last' the last): b, a, d, c")

n = "ranking_trap_ordinal_words_tie_yahoo"
case(n, C.yahoo(n, numbered(answers(barrier_rank="b first, a second, d second, c last")) + ["", "Aisha"]),
     expected(barrier_rank=UNCLEAR),
     note="trap: Yahoo Mail, top list: the ranking '6. b first, a second, d second, c last': two options second (a "
          "tie, and no third): unclear, never guessed")

n = "ranking_rank_beside_each_letter_owa"
case(n, C.owa(n, numbered(answers(barrier_rank="a 2 b 1 c 4 d 3")) + ["", "Aisha"]),
     expected(),
     note="Outlook on the web, top list: the ranking '6. a 2 b 1 c 4 d 3': each letter then its rank, in pairs on "
          "one line: b, a, d, c")

n = "ranking_trap_rank_beside_letters_one_left_out_iphone"
case(n, C.iphone(n, numbered(answers(barrier_rank="a 2 b 1 c 4"), sep=" ")),
     expected(barrier_rank=UNCLEAR),
     note="trap: iPhone Mail, terse list: the ranking '6 a 2 b 1 c 4': d has no rank (and 3 is given to none): "
          "unclear")

n = "ranking_ranks_in_brackets_one_line_tb115_inline"
ans = answers(barrier_rank="(1) evidence (2) expertise (3) access (4) side effects")
case(n, N.reply(n, "tb115", answers={i: ans[i] for i in range(1, 12)}),
     expected(),
     note="Thunderbird 115, answers below each quoted Answer:: the ranking '(1) evidence (2) expertise (3) access (4) "
          "side effects', a numbered list on one line with the ranks in brackets: b, a, d, c")

# ==== 5. durations from a start said with "from", or after a milestone ====
mailgen.FIXED_DATE = dated(datetime.date(2026, 12, 10))
n = "duration_from_a_year_outlook_android"
case(n, C.outlook_mobile(n, numbered(answers(years_in_palliative="From 2019"), sep=") "), "Android"),
     expected(years_in_palliative=INF(7)),
     note="Outlook for Android, a list numbered '1)': 11 'From 2019' in a reply of 10 Dec 2026: the start, counted to "
          "the reply: 7 years, inferred")

n = "duration_trap_from_a_year_to_a_year_samsung"
case(n, N.reply(n, "samsung", top=numbered(answers(years_in_palliative="From 2017 to 2020, then since 2023"))),
     expected(years_in_palliative=UNCLEAR),
     note="trap: Samsung Email, top list: 11 'From 2017 to 2020, then since 2023': two spans, a gap between: "
          "unclear, never counted from either year")

n = "duration_after_a_milestone_apple_mac"
case(n, N.apple_mac(n, numbered(answers(years_in_palliative="Qualified in 2004, palliative care since 2015"))
                    + ["", "Aisha"]),
     expected(years_in_palliative=INF(11)),
     note="Apple Mail (macOS), top list: 11 'Qualified in 2004, palliative care since 2015' in a reply of 10 Dec 2026: "
          "the qualification is the career before; the start in palliative care counts: 11 years, inferred")

n = "duration_trap_milestone_after_the_start_gmail_top_list"
case(n, N.reply(n, "gmail_web", top=numbered(answers(years_in_palliative="Graduated 2016, since 2012")) + ["", "Aisha"]),
     expected(years_in_palliative=UNCLEAR),
     note="trap: Gmail web, top list: 11 'Graduated 2016, since 2012': a start before the graduation (which is "
          "meant?): unclear")

if __name__ == "__main__":
    mailgen.write(E["SEED_OUT"])
