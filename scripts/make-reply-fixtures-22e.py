#!/usr/bin/env python3
"""Writes the reply-corpus cases for the forms issue 22's fifth held-back
set (tests/fixtures/heldback22e, training data since it was scored) read
wrong or did not read, each in our own words and mostly in another client
than the held-back case, with traps beside them:

- a postscript below the sign-off whose word of correction ("sorry, I've
  just checked", "turns out", "my mistake") makes the answers it gives by
  number ("so 7 is yes, and 8 is no") corrections;
- dates in words counted from the reply's Date header (inferred): days
  known by name ("Christmas Eve", "New Year's Day", "Boxing Day"), a week
  by its first day ("week beginning 2nd November"), "this morning", a
  remark after the date; and a part of a month with its year
  ("Mid-October 2026", the month);
- a grid's row joined by dashes ("3-3-4"), a Word table's grid rows that
  hold the item's words ("b) Oral or subcutaneous route | 3"), and a
  choice with "only" ("c only", "just b");
- "N/A", "-", "Does not apply" for the date of a doctor who never used
  ketamine (the question does not apply and takes no "not applicable"):
  no answer, never an unclear one;
- answers listed one per line at the top without numbers, the optional
  comments left out: placed when only one choice of the optional
  questions left out makes every line fit.

Replies to the example survey are written with make-reply-fixtures.py's
helpers (message, quote, reply_case_into, expect) into
tests/fixtures/replies/; replies to the seed-full survey (grids, rankings,
dates, conditions) with the real clients' writers of
scripts/heldback_common/, as seed-full/generate_22d.py writes them, into
tests/fixtures/replies/seed-full/, each dated where its words need a date
to count from. Writes only its own cases; from the repository root:
    python3 scripts/make-reply-fixtures-22e.py
"""
import datetime, os, runpy, sys
from types import SimpleNamespace

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# ---- the example survey: make-reply-fixtures.py's helpers ----
ex = SimpleNamespace(**{k: v for k, v in runpy.run_path(os.path.join(HERE, "make-reply-fixtures.py"),
                                                          run_name="fixtures").items() if not k.startswith("__")})
EX_CASES = []
ex_case = ex.reply_case_into(EX_CASES)

# ---- the seed-full survey: the clients' writers of scripts/heldback_common ----
sys.path.insert(1, os.path.join(HERE, "heldback_common"))
import mailgen  # noqa: E402
import seed_full  # noqa: E402

IDS = seed_full.IDS
seed_full.configure("corpus22e", datetime.datetime(2026, 12, 7, 8, 0))
import clients as C  # noqa: E402
import clients_new as N  # noqa: E402
from mailgen import ok, INF, UNCLEAR, case  # noqa: E402

SEED_OUT = os.path.join(ROOT, "tests/fixtures/replies/seed-full")
NA = ok({"reserved": "not_applicable"})
SIT = {"a": "end_of_life", "b": "early_adjuvant", "c": "opioid_sparing"}
BAR = {"a": "expertise", "b": "evidence", "c": "side_effects", "d": "none"}
RANK = {"a": "expertise", "b": "evidence", "c": "side_effects", "d": "access"}

# A doctor who has used ketamine, every question answered plainly: the
# lines of a top list, and what they read as.
LINES = {1: "Yes", 2: "b, c", 3: "5", 4: "3 3 4", 5: "b", 6: "b, a, d, c", 7: "Yes", 8: "No", 9: "Yes",
         10: "Nov 2026", 11: "7"}
READ = {"used_ketamine": ok(True), "situations": ok([SIT["b"], SIT["c"]]), "confidence": ok(5),
        "confidence_areas.dosing": ok(3), "confidence_areas.routes": ok(3), "confidence_areas.side_effects": ok(4),
        "barriers": ok([BAR["b"]]), "barrier_rank": ok([RANK[c] for c in "badc"]),
        "written_protocol": ok(True), "protocol_shared": ok(False), "training": ok(True),
        "last_prescribed": ok("2026-11"), "years_in_palliative": ok(7)}
NUMBER = {"used_ketamine": 1, "situations": 2, "confidence": 3, "confidence_areas": 4, "barriers": 5,
          "barrier_rank": 6, "written_protocol": 7, "protocol_shared": 8, "training": 9, "last_prescribed": 10,
          "years_in_palliative": 11, "comments": 12}


def answers(**changes):
    """The plain answers with some changed (question id -> text; None
    leaves the question out)."""
    lines = dict(LINES)
    for q, text in changes.items():
        if text is None:
            lines.pop(NUMBER[q], None)
        else:
            lines[NUMBER[q]] = text
    return lines


def expected(**changes):
    """The plain answers' reading with some changed (None: not expected)."""
    out = dict(READ)
    for q, v in changes.items():
        q = q.replace("__", ".")
        if v is None:
            out.pop(q, None)
        else:
            out[q] = v
    return out


def numbered(lines, sep=". "):
    return [f"{n}{sep}{a}" for n, a in sorted(lines.items())]


def dated(day, hour=10, minute=17):
    """A reply's Date header on `day` (a date)."""
    return datetime.datetime.combine(day, datetime.time(hour, minute), datetime.timezone.utc).strftime(
        "%a, %d %b %Y %H:%M:%S +0000")


SIG = ["Aisha", "", "Dr Aisha Lewis", "Specialty Doctor, Palliative Medicine"]

# ==== 1. a postscript below the sign-off that corrects answers by number ====
n = "postscript_corrects_gate_and_dependant_gmail_top_list"
mailgen.FIXED_DATE = dated(datetime.date(2026, 12, 8))
case(n, N.reply(n, "gmail_web", top=numbered(answers(written_protocol="No", protocol_shared="N/A"))
                + ["", "Best wishes,", "Aisha", "",
                   "P.S. Turns out I was wrong about the protocol - our pharmacist wrote one in the spring and it's on "
                   "the shared drive. So 7 is a yes, and 8 is yes as well, the district nurses have a copy."]),
     expected(protocol_shared=ok(True)),
     note="Gmail web, top list '7. No' and '8. N/A', then below 'Best wishes, Aisha' a P.S. with a word of correction "
          "('Turns out I was wrong') giving 7 and 8 again by number ('So 7 is a yes, and 8 is yes as well'): the "
          "doctor's own correction, applied (7 yes, 8 yes)")

n = "postscript_correction_word_on_its_own_line_apple_mac"
mailgen.FIXED_DATE = dated(datetime.date(2026, 12, 9))
case(n, N.apple_mac(n, numbered(answers(training="No"), sep=") ")
                    + ["", "Thanks", "Aisha", "", "PS my mistake on the training question.", "9 is yes - I did the regional study day in June."]),
     expected(),
     note="Apple Mail (macOS), a list numbered '1)' with '9) No', then a P.S. over two lines: the word of correction "
          "('my mistake') on the first, '9 is yes - ...' on the second: 9 corrected to yes")

n = "postscript_trap_correcting_word_number_not_an_answer_owa"
mailgen.FIXED_DATE = dated(datetime.date(2026, 12, 10))
case(n, C.owa(n, numbered(answers(confidence="6")) + ["", "Kind regards", "Aisha", "",
                                                      "PS Actually, 6 is about where most of our registrars would put themselves too."]),
     expected(confidence=ok(6)),
     note="trap: Outlook on the web, top list, then 'PS Actually, 6 is about where most of our registrars would put "
          "themselves too': a word of correction, but '6 is ...' gives no answer to question 6 (a ranking): nothing "
          "changes (3 stays 6)")

n = "postscript_trap_sorry_for_the_delay_iphone"
mailgen.FIXED_DATE = dated(datetime.date(2026, 12, 11))
case(n, C.iphone(n, numbered(answers(), sep=" ") + ["", "Aisha", "", "PS sorry for the delay - 8 is no, for now."]),
     expected(),
     note="trap: iPhone Mail, a terse list, then 'PS sorry for the delay - 8 is no, for now': an apology for the "
          "delay is no word of correction; the answer said again agrees with the list (8 no)")

# the example survey: 6 written protocol, 7 shared guidance
text = ("1. yes\n2. no\n3. yes\n4. 6\n5. a\n6. no\n7. no\n8. yes\n9. no\n\nThanks,\nJack\n\n"
        "P.S. Having checked with our clinical lead, we do have a written protocol after all, so 6 is yes.\n\n"
        + ex.WROTE + "\n" + ex.quote(ex.INV_TEXT) + "\n")
ex_case("postscript_having_checked_gmail", ex.message("postscript_having_checked_gmail", text=text),
        ex.expect({1: True, 2: False, 3: True, 4: 6, 5: ["expertise"], 6: True, 7: False, 8: True, 9: False}),
        "Gmail: a numbered list with '6. no', then below 'Thanks, Jack' a P.S. 'Having checked with our clinical lead, "
        "we do have a written protocol after all, so 6 is yes': the doctor's own correction (6 yes)")

# ==== 2. dates in words, counted from the reply's Date header ====
n = "date_named_day_christmas_eve_outlook_ios"
mailgen.FIXED_DATE = dated(datetime.date(2027, 1, 5))
case(n, C.outlook_mobile(n, numbered(answers(last_prescribed="Christmas Eve"), sep=") ")),
     expected(last_prescribed=INF("2026-12-24")),
     note="Outlook for iOS, a list numbered '1)': 10 'Christmas Eve' in a reply of 5 Jan 2027: the one before the "
          "reply, 2026-12-24, inferred (counted from the reply's Date)")

n = "date_named_day_new_years_day_tb115_inline"
mailgen.FIXED_DATE = dated(datetime.date(2027, 1, 6))
ans = answers(last_prescribed="New Year’s Day")
case(n, N.reply(n, "tb115", answers={i: ans[i] for i in range(1, 12)}),
     expected(last_prescribed=INF("2027-01-01")),
     note="Thunderbird 115, answers below each quoted Answer:: 10 'New Year’s Day' (a curly apostrophe) in a reply of "
          "6 Jan 2027: 2027-01-01, inferred")

n = "date_named_day_with_remark_owa"
mailgen.FIXED_DATE = dated(datetime.date(2027, 1, 8))
case(n, C.owa(n, numbered(answers(last_prescribed="Boxing Day (I was on call)")) + ["", "Aisha"]),
     expected(last_prescribed=INF("2026-12-26")),
     note="Outlook on the web, top list: 10 'Boxing Day (I was on call)' in a reply of 8 Jan 2027: the remark in "
          "brackets says nothing of the date; 2026-12-26, inferred")

n = "date_trap_named_day_still_to_come_gmail_top_list"
mailgen.FIXED_DATE = dated(datetime.date(2026, 12, 11))
case(n, N.reply(n, "gmail_web", top=numbered(answers(last_prescribed="Christmas Eve")) + ["", "Aisha"]),
     expected(last_prescribed=UNCLEAR),
     note="trap: Gmail web, top list: 10 'Christmas Eve' in a reply of 11 Dec 2026: later in the reply's own month "
          "(a slip, or a plan?): unclear, never the Christmas Eve of the year before")

n = "date_week_beginning_gmail_android"
mailgen.FIXED_DATE = dated(datetime.date(2026, 12, 9))
case(n, N.reply(n, "gmail_android", top=numbered(answers(last_prescribed="week beginning 2nd November"), sep=": ")),
     expected(last_prescribed=INF("2026-11")),
     note="Gmail for Android, a list numbered '1:': 10 'week beginning 2nd November' in a reply of 9 Dec 2026: the "
          "week (2-8 November) lies in one month: November 2026, inferred")

n = "date_trap_week_across_two_months_samsung"
mailgen.FIXED_DATE = dated(datetime.date(2026, 12, 9))
case(n, N.reply(n, "samsung", top=numbered(answers(last_prescribed="w/c 30th Nov"))),
     expected(last_prescribed=UNCLEAR),
     note="trap: Samsung Email, top list: 10 'w/c 30th Nov' in a reply of 9 Dec 2026: the week runs from 30 "
          "November into December: which month? unclear")

n = "date_this_morning_with_reason_iphone"
mailgen.FIXED_DATE = dated(datetime.date(2026, 12, 14), hour=15)
case(n, C.iphone(n, numbered(answers(last_prescribed="This morning - new admission with bone pain"), sep=" ")),
     expected(last_prescribed=INF("2026-12-14")),
     note="iPhone Mail, terse list: 10 'This morning - new admission with bone pain' in a reply of 14 Dec 2026 "
          "(afternoon): the reply's own day, inferred; the words after the dash are a remark")

n = "date_trap_yesterday_or_before_yahoo"
mailgen.FIXED_DATE = dated(datetime.date(2026, 12, 14))
case(n, C.yahoo(n, numbered(answers(last_prescribed="Yesterday, or possibly the day before")) + ["", "Aisha"]),
     expected(last_prescribed=UNCLEAR),
     note="trap: Yahoo Mail, top list: 10 'Yesterday, or possibly the day before': two days offered: unclear, "
          "never yesterday")

n = "date_part_of_month_with_year_apple_mac"
mailgen.FIXED_DATE = None
case(n, N.apple_mac(n, numbered(answers(last_prescribed="Mid-October 2026")) + ["", "Aisha"]),
     expected(last_prescribed=ok("2026-10")),
     note="Apple Mail (macOS), top list: 10 'Mid-October 2026': a part of a month with its year: the month, "
          "October 2026 (as written, nothing counted)")

n = "date_trap_part_of_year_outlook_top_list"
case(n, N.outlook_win(n, top=numbered(answers(last_prescribed="early 2026")) + [""] + SIG),
     expected(last_prescribed=UNCLEAR),
     note="trap: Outlook for Windows, top list: 10 'early 2026' names no month: unclear, never January or 2026")

# ==== 3. a grid row joined by dashes, a Word table's rows with the item's words, "only" ====
def grid(d, r, s):
    return {"confidence_areas__dosing": ok(d), "confidence_areas__routes": ok(r), "confidence_areas__side_effects": ok(s)}


AREAS_UNCLEAR = {"confidence_areas__dosing": UNCLEAR, "confidence_areas__routes": UNCLEAR,
                 "confidence_areas__side_effects": UNCLEAR}
mailgen.FIXED_DATE = None

n = "grid_row_joined_by_dashes_gmail_top_list"
case(n, N.reply(n, "gmail_web", top=numbered(answers(confidence_areas="3-3-4")) + ["", "Aisha"]),
     expected(**grid(3, 3, 4)),
     note="Gmail web, top list: the grid '4. 3-3-4', the items' values joined by dashes in the items' order")

n = "grid_row_joined_by_dashes_terse_outlook_android"
case(n, C.outlook_mobile(n, numbered(answers(confidence_areas="5 - 4 - 4"), sep=" "), "Android"),
     expected(**grid(5, 4, 4)),
     note="Outlook for Android, a terse list without dots: the grid '4 5 - 4 - 4', three values joined by spaced "
          "dashes")

n = "grid_trap_two_values_joined_by_a_dash_yahoo"
case(n, C.yahoo(n, numbered(answers(confidence_areas="3-4")) + ["", "Aisha"]),
     expected(**AREAS_UNCLEAR),
     note="trap: Yahoo Mail, top list: the grid '4. 3-4': two values (or a range) for three items: unclear, never "
          "placed")

rows = [["a) Starting dose", "4"], ["b) Oral or subcutaneous route", "3"], ["c) Managing side effects", "5"]]
th, tt = N.word_table(rows, widths=[260, 80])
before = ["Dear Asha,", "", "Please find my answers below.", "", "1. Yes", "2. b, c", "3. 5", "4. See table:"]
after = ["5. b", "6. b, a, d, c", "7. Yes", "8. No", "9. Yes", "10. Nov 2026", "11. 7", "", "Kind regards", ""] + SIG
n = "grid_word_table_rows_with_item_words_outlook"
case(n, N.outlook_win(n, top_html=N.word_paras(before) + th + N.word_paras(after),
                      top_text="\n".join(before) + "\n" + tt + "\n\n" + "\n".join(after)),
     expected(**grid(4, 3, 5)),
     note="Outlook for Windows, top list with the grid as a two-column Word table below '4. See table:': each row "
          "an item's letter and words ('b) Oral or subcutaneous route', whose 'or' is the item's own and no "
          "hedge) then its score: 4, 3, 5")

rows = [["a) Side effects", "2"], ["b) Route", "3"], ["c) Starting dose", "4"]]
th, tt = N.word_table(rows, widths=[260, 80])
n = "grid_trap_word_table_letters_and_words_disagree_outlook"
case(n, N.outlook_win(n, top_html=N.word_paras(before) + th + N.word_paras(after),
                      top_text="\n".join(before) + "\n" + tt + "\n\n" + "\n".join(after)),
     expected(confidence_areas__dosing=UNCLEAR, confidence_areas__routes=ok(3),
              confidence_areas__side_effects=UNCLEAR),
     note="trap: Outlook for Windows, the grid as a Word table whose rows 'a) Side effects' and 'c) Starting dose' "
          "pair one item's letter with another item's words: those two unclear (which is meant?), 'b) Route 3' read")

n = "choice_only_owa_top_list"
case(n, C.owa(n, numbered(answers(situations="c only", barriers="just b")) + ["", "Aisha"]),
     expected(situations=ok([SIT["c"]]), barriers=ok([BAR["b"]])),
     note="Outlook on the web, top list: '2. c only' and '5. just b': the one option each, 'only' and 'just' say "
          "nothing more")

n = "choice_trap_either_only_iphone"
case(n, C.iphone(n, numbered(answers(situations="a or b only"), sep=". ")),
     expected(situations=UNCLEAR),
     note="trap: iPhone Mail, top list: '2. a or b only': one or the other: unclear, never both")

# ==== 4. "N/A" or "-" for a question that does not apply and takes no n/a ====
NEVER = {"used_ketamine": ok(False), "situations": NA, "confidence": ok(2), "confidence_areas.dosing": NA,
         "confidence_areas.routes": NA, "confidence_areas.side_effects": NA, "barriers": ok([BAR["a"]]),
         "barrier_rank": ok([RANK[c] for c in "abdc"]), "written_protocol": ok(False), "protocol_shared": NA,
         "training": ok(True), "years_in_palliative": ok(5)}
NEVER_LINES = {1: "No", 2: "N/A", 3: "2", 4: "N/A", 5: "a", 6: "a b d c", 7: "No", 8: "N/A", 9: "Yes", 10: "N/A",
               11: "5"}

n = "not_applicable_date_never_used_gmail_android"
case(n, N.reply(n, "gmail_android", top=numbered(NEVER_LINES, sep=" ")),
     dict(NEVER),
     note="Gmail for Android, a terse list from a doctor who never used ketamine: 'N/A' for 2, the grid, 8 and also "
          "10, the date, which does not apply (its condition is false) and takes no 'not applicable': no answer to "
          "10, never an unclear one")

n = "not_applicable_date_dash_and_words_owa_inline"
ans = dict(NEVER_LINES)
ans.update({2: "Does not apply", 4: "Does not apply", 8: "-", 10: "-"})
case(n, N.outlook_win(n, on_line=ans),
     dict(NEVER),
     note="Outlook for Windows, answers on the Answer: lines: never used ketamine, 'Does not apply' for 2 and the "
          "grid, '-' for 8 and for the date 10 (which does not apply and takes no n/a): 10 not answered")

n = "not_applicable_trap_date_applies_yahoo"
case(n, C.yahoo(n, numbered(answers(last_prescribed="N/A")) + ["", "Aisha"]),
     expected(last_prescribed=UNCLEAR),
     note="trap: Yahoo Mail, top list: used ketamine (1 yes) but 'N/A' for the date 10, which applies and takes no "
          "n/a: unclear (asked), never dropped")

n = "not_applicable_trap_date_given_anyway_iphone"
lines = dict(NEVER_LINES)
lines[10] = "March 2025"
case(n, C.iphone(n, numbered(lines, sep=" ")),
     dict(NEVER, last_prescribed=ok("2025-03")),
     note="trap: iPhone Mail, never used ketamine (1 no) but a date for 10: kept as given (answered anyway), not "
          "dropped as a struck-out question")

# ==== 5. answers one per line at the top, without numbers ====
n = "bare_lines_comments_left_out_outlook_android"
lines = ["Yes", "b, c", "5", "3, 3, 4", "b", "b, a, d, c", "Yes", "No", "Yes", "Nov 2026", "7"]
case(n, C.outlook_mobile(n, lines, "Android"),
     {k: (INF(v["value"]) if v["status"] == "ok" else v) for k, v in READ.items()},
     note="Outlook for Android, eleven answers one per line without numbers for twelve questions: only leaving out "
          "the optional comments (12) makes every line fit ('Nov 2026' fits the date 10, never the years of 11), so "
          "they are read in order, to be confirmed (inferred)")

n = "bare_lines_every_question_gmail"
lines = ["Yes", "b, c", "5", "3, 3, 4", "b", "b, a, d, c", "Yes", "No", "Yes", "Nov 2026", "7",
         "Happy to help with the regional guidance."]
exp = {k: (INF(v["value"]) if v["status"] == "ok" else v) for k, v in READ.items()}
exp["comments"] = INF("Happy to help with the regional guidance.")
case(n, N.reply(n, "gmail_web", top=lines + ["", "Aisha"]),
     exp,
     note="Gmail web, twelve answers one per line without numbers, the last the comment: read in order, inferred")

n = "bare_lines_trap_one_does_not_fit_iphone"
lines = ["Yes", "b, c", "5 or 6", "3, 3, 4", "b", "b, a, d, c", "Yes", "No", "Yes", "Nov 2026", "7"]
case(n, C.iphone(n, lines),
     {},
     note="trap: iPhone Mail, eleven lines without numbers, the third '5 or 6' (no answer to the scale): the lines "
          "cannot be placed with certainty, so none is read")

if __name__ == "__main__":
    mailgen.write(SEED_OUT)
    ex.write_cases(EX_CASES)
