"""The held-back cases of set 22b: grids, rankings, dates, durations,
conditions, "not applicable" and "prefer not to say" in replies to the
seed-full survey (invitation-aisha-seed-full.eml), in clients the earlier
sets did not use. Expected values follow tests/fixtures/heldback22/CONTRACT.md
(see tests/fixtures/heldback22b/README.md)."""
from clients_new import *
import lib

P = "heldback22b_"
Y, N, U = True, False, UNCLEAR
NA = {"reserved": "not_applicable"}
PN = {"reserved": "prefer_not_to_say"}
ABSENT = object()
ITEMS = ["dosing", "routes", "side_effects"]
# option letters
SIT = {"a": "end_of_life", "b": "early_adjuvant", "c": "opioid_sparing"}
BAR = {"a": "expertise", "b": "evidence", "c": "side_effects", "d": "none", "e": "other"}
RNK = {"a": "expertise", "b": "evidence", "c": "side_effects", "d": "access"}


def inf(v):
    return {"status": "inferred", "value": v}


def _a(v):
    if isinstance(v, dict) and "status" in v:
        return v
    if isinstance(v, dict) and "reserved" in v:
        return ok(v)
    if isinstance(v, tuple):
        return ok(v[0], v[1])
    return ok(v)


def rank(s):
    return [RNK[c] for c in s]


def sit(s):
    return [SIT[c] for c in s]


def bar(s):
    return [BAR[c] for c in s]


def X(used, sit_, conf, grid, bar_, rank_, wp, ps, tr, last, yrs, com=ABSENT):
    """Expected answers, questions 1..12 in order; ABSENT: none expected;
    grid a 3-tuple (or ABSENT), or a single value for all three items."""
    out = {}
    for qid, v in [("used_ketamine", used), ("situations", sit_), ("confidence", conf), ("grid", grid), ("barriers", bar_),
                   ("barrier_rank", rank_), ("written_protocol", wp), ("protocol_shared", ps), ("training", tr),
                   ("last_prescribed", last), ("years_in_palliative", yrs), ("comments", com)]:
        if v is ABSENT:
            continue
        if qid == "grid":
            vals = v if isinstance(v, tuple) else (v, v, v)
            for item, x in zip(ITEMS, vals):
                if x is not ABSENT:
                    out[f"confidence_areas.{item}"] = _a(x)
        else:
            out[qid] = _a(v)
    return out


def top(ans, fmt="{n}. {a}", skip=()):
    """A top list from {question number: answer text}."""
    return [fmt.format(n=n, a=a) for n, a in sorted(ans.items()) if n not in skip]


# Four doctors' profiles for the answers a case is not about, taken in
# turn (case by case), so that the cases do not all share one list.
PROFILES = [
    ({1: "Yes", 2: "a, c", 3: "7", 4: "a) 4, b) 3, c) 4", 5: "b", 6: "b, a, c, d", 7: "Yes", 8: "Yes", 9: "Yes", 10: "November 2025", 11: "10"},
     dict(used=Y, sit_=sit("ac"), conf=7, grid=(4, 3, 4), bar_=bar("b"), rank_=rank("bacd"), wp=Y, ps=Y, tr=Y, last="2025-11", yrs=10)),
    ({1: "yes", 2: "b", 3: "5", 4: "a) 2, b) 3, c) 3", 5: "a, c", 6: "a, c, b, d", 7: "no", 8: "n/a", 9: "yes", 10: "June 2026", 11: "6"},
     dict(used=Y, sit_=sit("b"), conf=5, grid=(2, 3, 3), bar_=bar("ac"), rank_=rank("acbd"), wp=N, ps=NA, tr=Y, last="2026-06", yrs=6)),
    ({1: "Yes", 2: "a", 3: "8", 4: "a) 4, b) 4, c) 5", 5: "d", 6: "d, b, a, c", 7: "Yes", 8: "No", 9: "No", 10: "September 2026", 11: "18"},
     dict(used=Y, sit_=sit("a"), conf=8, grid=(4, 4, 5), bar_=bar("d"), rank_=rank("dbac"), wp=Y, ps=N, tr=N, last="2026-09", yrs=18)),
    ({1: "Yes", 2: "a, b, c", 3: "6", 4: "a) 3, b) 2, c) 4", 5: "b, c", 6: "c, b, d, a", 7: "Yes", 8: "Yes", 9: "Yes", 10: "April 2025", 11: "12"},
     dict(used=Y, sit_=sit("abc"), conf=6, grid=(3, 2, 4), bar_=bar("bc"), rank_=rank("cbda"), wp=Y, ps=Y, tr=Y, last="2025-04", yrs=12)),
]
V = [0]
_case = case


def case(*a, **kw):  # noqa: F811 (the next case takes the next profile)
    _case(*a, **kw)
    V[0] = (V[0] + 1) % len(PROFILES)


def base(**kw):
    """The answers' text of the current profile (a doctor who has used
    ketamine), changed by keyword q1..q12 (None leaves one out)."""
    t = dict(PROFILES[V[0]][0])
    for k, v in kw.items():
        n = int(k[1:])
        if v is None:
            t.pop(n, None)
        else:
            t[n] = v
    return t


def bx(**kw):
    """Expected answers matching base(), changed by keyword."""
    v = dict(PROFILES[V[0]][1], com=ABSENT)
    v.update(kw)
    return X(**v)


SIGN = ["", "Aisha"]

# ============================== grids ==============================
case(P + "grid_letter_digit_pairs_spark", reply("g1", "spark", top=top(base(q4="a4 b3 c5", q6="c, b, a, d", q10="October 2026", q11="12")) + SIGN),
     bx(grid=(4, 3, 5), rank_=rank("cbad"), last="2026-10", yrs=12),
     note="Spark, top list: the grid as letter-digit pairs on one line ('4. a4 b3 c5')")

case(P + "grid_slashes_samsung", reply("g2", "samsung", top=top(base(q2="a", q3="6", q4="3/4/4", q5="a, b", q6="a, b, d, c", q11="7")) + SIGN),
     bx(sit_=sit("a"), conf=6, grid=(3, 4, 4), bar_=bar("ab"), rank_=rank("abdc"), yrs=7),
     note="Samsung Email, top list: the grid as '3/4/4', the items in order separated by slashes (not a date: the grid has three items scored 1-5)")

case(P + "grid_item_words_semicolons_fastmail", reply("g3", "fastmail", top=top(base(q4="starting dose 2; route 4; side effects 3", q3="5", q11="4")) + SIGN),
     bx(conf=5, grid=(2, 4, 3), yrs=4),
     note="Fastmail, top list: grid items named by their words and separated by semicolons ('starting dose 2; route 4; side effects 3')")

case(P + "grid_anchor_words_outlook_mac", reply("g4", "outlook_mac", top=["Hi Asha,", "", "Inline below.", "", "Aisha"],
                                                answers=base(q4="a) 5 - very confident\nb) 2\nc) not at all confident", q10="02/11/2026", q11="21")),
     bx(grid=(5, 2, 1), last="2026-11-02", yrs=21),
     note="Outlook for Mac 16, answers below each Answer: of the Word original: grid item c) given as the scale's own bottom anchor 'not at all confident' (1); 02/11/2026 is 2 November (dmy)")

pipe = "| item | score |\n|---|---|\n| a) dose | 3 |\n| b) route | 3 |\n| c) side effects | 4 |"
case(P + "grid_pipe_table_inline_mailspring", reply("g5", "mailspring", top=["Answers inline", "Aisha"], answers=base(q4=pipe, q9="No", q11="9")),
     bx(grid=(3, 3, 4), tr=N, yrs=9),
     note="Mailspring, inline: the grid answered as a small markdown pipe table below its Answer:")

case(P + "grid_same_across_the_board_airmail", reply("g6", "airmail", top=top(base(q4="3 across the board", q5="a", q11="6"), fmt="{n}) {a}")),
     bx(grid=3, bar_=bar("a"), yrs=6),
     note="Airmail, '1)' list: '3 across the board' gives every grid item 3")

case(P + "grid_item_zero_out_of_range_zimbra", reply("g7", "zimbra", top=top(base(q4="a) 0, b) 2, c) 3", q3="2", q11="3")) + SIGN),
     bx(conf=2, grid=(INVALID, 2, 3), yrs=3),
     note="Zimbra: grid item a) scored 0 (the grid runs 1-5, as the 0-10 scale above it does not): invalid; b) and c) read")

case(P + "grid_trap_either_or_query_gmail_ios", reply("g8", "gmail_ios", top=top(base(q4="a) 3 or 4, b) 4, c) 2?", q11="15")) + SIGN),
     bx(grid=(U, 4, U), yrs=15),
     note="Gmail for iOS: grid item a) '3 or 4' and c) '2?' are unclear; b) read")

case(P + "grid_scores_after_items_tb115", reply("g9", "tb115", top=["Answers in the quote.", "", "Aisha"],
                                                 on_line={k: v for k, v in base(q11="8").items() if k != 4},
                                                 after_option={(4, "a"): "4", (4, "b"): "5", (4, "c"): "3"}, split=False),
     bx(grid=(4, 5, 3), yrs=8),
     note="Thunderbird 115 HTML (+ flowed text): scores typed inside the quote after each grid item's text, the grid's Answer: empty; the other answers on their quoted Answer: lines")

case(P + "grid_trap_half_point_superhuman", reply("g10", "superhuman", top=top(base(q4="a) 3.5, b) 4, c) 4", q11="11")) + SIGN),
     bx(grid=(U, 4, 4), yrs=11),
     note="Superhuman: grid item a) '3.5' is not a point of the 1-5 scale: unclear (a careful reader asks)")

case(P + "grid_na_in_words_never_used_samsung", reply("g11", "samsung", top=top({1: "No", 2: "Does not apply", 3: "1", 4: "Does not apply - never prescribed it",
                                                                                 5: "a", 6: "a, d, b, c", 7: "No", 8: "Does not apply", 9: "Yes", 11: "2"}) + SIGN),
     X(N, NA, 1, NA, bar("a"), rank("adbc"), N, NA, Y, ABSENT, 2),
     note="Samsung Email: never used it; 'Does not apply' to 2, to the whole grid and to 8 (not applicable, allowed there); 10 left out: absent, not missing")

# ============================== rankings ==============================
case(P + "rank_then_words_gmail_ios", reply("r1", "gmail_ios", top=top(base(q6="b then d then a then c", q11="5")) + SIGN),
     bx(rank_=rank("bdac"), yrs=5),
     note="Gmail for iOS: the ranking as letters joined by 'then'")

case(P + "rank_rank_equals_label_fastmail", reply("r2", "fastmail", top=top(base(q6="1 = evidence, 2 = expertise, 3 = access, 4 = side effects", q11="13")) + SIGN),
     bx(rank_=rank("badc"), yrs=13),
     note="Fastmail: 'rank = label word' pairs ('1 = evidence, 2 = expertise, 3 = access, 4 = side effects')")

case(P + "rank_ordinals_spark", reply("r3", "spark", top=top(base(q6="1st c, 2nd a, 3rd b, 4th d", q11="17")) + SIGN),
     bx(rank_=rank("cabd"), yrs=17),
     note="Spark: ordinals beside letters ('1st c, 2nd a, 3rd b, 4th d')")

case(P + "rank_lines_below_answer_alpine", reply("r4", "alpine", top=["Answers inline.", "", "-- ", "Aisha Lewis"],
                                                  answers=base(q6="1 - d\n2 - b\n3 - a\n4 - c", q10="Jan 2026", q11="19")),
     bx(rank_=rank("dbac"), last="2026-01", yrs=19),
     note="Alpine (flowed), inline: the ranking as 'rank - letter' lines below its quoted Answer:")

case(P + "rank_numbers_after_options_outlook_mac", reply("r5", "outlook_mac", top=["Answers typed into your questionnaire below.", "", "Aisha"],
                                                         on_line={k: v for k, v in base().items() if k != 6},
                                                         after_option={(6, "a"): "3", (6, "b"): "1", (6, "c"): "4", (6, "d"): "2"}),
     bx(rank_=rank("bdac")),
     note="Outlook for Mac 16: the rank typed in colour after each option of 6 in the Word original (a 3, b 1, c 4, d 2), its Answer: empty; the rest on the Answer: lines")

case(P + "rank_words_biggest_smallest_proton", reply("r6", "proton", top=top(base(
    q6="The biggest is access to the drug, then lack of evidence, then side effects; lack of expertise is the smallest", q11="14")) + SIGN),
    bx(rank_=rank("dbca"), yrs=14),
    note="Proton Mail: the ranking in a sentence of label words ('The biggest is access ..., then ..., then ...; ... is the smallest')")

case(P + "rank_letters_spaces_emclient", reply("r7", "emclient", top=top(base(q6="b a d c")) + SIGN),
     bx(rank_=rank("badc")),
     note="eM Client: the ranking as letters separated by spaces ('b a d c'); letters, so they can only be the options in rank order")

case(P + "rank_trap_unknown_option_zimbra", reply("r8", "zimbra", top=top(base(q6="cost > b > a > c")) + SIGN),
     bx(rank_=U),
     note="Zimbra: 'cost > b > a > c' ranks something that is not an option and leaves d out: unclear")

case(P + "rank_trap_all_equal_groupwise", reply("r9", "groupwise", top=top(base(q6="All about the same for me")) + ["", "Dr A Lewis"]),
     bx(rank_=U),
     note="GroupWise: 'All about the same for me' ranks nothing: unclear")

case(P + "rank_trap_repeated_letter_mailspring", reply("r10", "mailspring", top=top(base(q6="b, a, b, c")) + SIGN),
     bx(rank_=U),
     note="Mailspring: 'b, a, b, c' names b twice and leaves d out: unclear")

case(P + "rank_trap_joint_first_airmail", reply("r11", "airmail", top=top(base(q6="a and d joint first, then b, then c"))),
     bx(rank_=U),
     note="Airmail: 'a and d joint first' is a tie: unclear")

# ============================== dates ==============================
case(P + "date_iso_mutt", reply("d1", "mutt", top=top(base(q10="2025-09-14")) + ["", "-- ", "Aisha"]),
     bx(last="2025-09-14"),
     note="Mutt (8bit): an ISO date '2025-09-14'")

case(P + "date_day_over_twelve_short_year_samsung", reply("d2", "samsung", top=top(base(q10="14/9/25")) + SIGN),
     bx(last="2025-09-14"),
     note="Samsung Email: '14/9/25' (day over 12, two-digit year) is 14 September 2025")

case(P + "date_month_abbrev_apostrophe_spark", reply("d3", "spark", top=top(base(q10="Sept '25")) + SIGN),
     bx(last="2025-09"),
     note="Spark: 'Sept '25' is September 2025 (month only)")

case(P + "date_dmy_both_small_gmail_ios", reply("d4", "gmail_ios", top=top(base(q10="12/03/2026")) + SIGN),
     bx(last="2026-03-12"),
     note="Gmail for iOS: '12/03/2026' with both parts 12 or under: the survey's date_order = dmy makes it 12 March 2026")

case(P + "date_ordinal_words_superhuman", reply("d5", "superhuman", top=top(base(q10="3rd of August 2026")) + SIGN),
     bx(last="2026-08-03"),
     note="Superhuman: '3rd of August 2026'")

case(P + "date_dotted_short_year_emclient", reply("d6", "emclient", top=top(base(q10="20.10.26")) + SIGN),
     bx(last="2026-10-20"),
     note="eM Client: '20.10.26' is 20 October 2026")

case(P + "date_us_words_outlook_mac", reply("d7", "outlook_mac", top=["Hello,", ""] + top(base(q10="August 30, 2026")) + SIGN),
     bx(last="2026-08-30"),
     note="Outlook for Mac 16: 'August 30, 2026' (month first in words: no ambiguity)")

case(P + "date_trap_relative_tb115", reply("d8", "tb115", top=top(base(q10="About a month ago")) + SIGN),
     bx(last=U),
     note="Thunderbird 115: 'About a month ago' is a hedge and relative: unclear")

case(P + "date_trap_early_year_fastmail", reply("d9", "fastmail", top=top(base(q10="early 2024")) + SIGN),
     bx(last=U),
     note="Fastmail: 'early 2024' names no month: unclear")

# ============================== durations ==============================
case(P + "duration_y_suffix_alpine", reply("y1", "alpine", top=top(base(q11="12y")) + ["", "AL"]),
     bx(yrs=12),
     note="Alpine: '12y'")

case(P + "duration_compound_words_mailspring", reply("y2", "mailspring", top=top(base(q11="Twenty-two years")) + SIGN),
     bx(yrs=22),
     note="Mailspring: 'Twenty-two years' in words")

case(P + "duration_and_a_half_zimbra", reply("y3", "zimbra", top=top(base(q11="3 and a half years")) + SIGN),
     bx(yrs=3.5),
     note="Zimbra: '3 and a half years' is 3.5")

case(P + "duration_six_months_airmail", reply("y4", "airmail", top=top(base(q11="6 months - I'm a new ST3"))),
     bx(yrs=0.5),
     note="Airmail: '6 months' for a years question is 0.5; the reason after the dash is not part of it")

case(P + "duration_clinical_month_fraction_outlook_mac", reply("y5", "outlook_mac", top=top(base(q11="18/12")) + SIGN),
     bx(yrs=1.5),
     note="Outlook for Mac 16: '18/12' is clinicians' shorthand for 18 months (/12 months, /52 weeks): 1.5 years; in answer to 'How many years ...' it cannot be a date")

case(P + "duration_started_in_year_samsung", reply("y6", "samsung", top=top(base(q11="Started in 2012")) + SIGN),
     bx(yrs=inf(14)),
     note="Samsung Email: 'Started in 2012' counts to the year of the reply's Date (2026): 14, inferred")

case(P + "duration_trap_either_or_gmail_ios", reply("y7", "gmail_ios", top=top(base(q11="12 or 16, depending on whether you count training")) + SIGN),
     bx(yrs=U),
     note="Gmail for iOS: '12 or 16, depending on ...': unclear")

case(P + "duration_trap_nearly_spark", reply("y8", "spark", top=top(base(q11="Nearly 20")) + SIGN),
     bx(yrs=U),
     note="Spark: 'Nearly 20' is a hedge: unclear")

case(P + "duration_trap_over_emclient", reply("y9", "emclient", top=top(base(q11="Over 25")) + SIGN),
     bx(yrs=U),
     note="eM Client: 'Over 25' is a lower bound: unclear")

# ============================== conditions, n/a, prefer not to say ==============================
case(P + "cond_never_used_dashes_groupwise", reply("c1", "groupwise", on_line={1: "No", 2: "-", 3: "3", 4: "-", 5: "a, b", 6: "a, b, c, d", 7: "No", 8: "-",
                                                                                 9: "Yes", 11: "5"}, split=False, top=["See below", "", "A Lewis"]),
     X(N, NA, 3, NA, bar("ab"), rank("abcd"), N, NA, Y, ABSENT, 5),
     note="GroupWise, answers after each Answer: of the unquoted original: never used it, '-' under 2, the grid and 8 (not applicable, allowed there); 10 left empty: absent, not missing")

case(P + "cond_never_used_numbers_skipped_alpine", reply("c2", "alpine", top=top({1: "No", 3: "2", 5: "a", 6: "a, b, c, d", 7: "Yes", 8: "Yes", 9: "Yes", 11: "9"}) + ["", "Aisha"]),
     X(N, ABSENT, 2, ABSENT, bar("a"), rank("abcd"), Y, Y, Y, ABSENT, 9),
     note="Alpine: never used it, so the list goes 1, 3, 5, 6, ...: 2, the grid and 10 skipped are absent, not missing")

case(P + "cond_answered_anyway_fastmail", reply("c3", "fastmail", top=top({1: "Yes", 2: "a", 3: "8", 4: "a) 4, b) 4, c) 3", 5: "c", 6: "c, a, b, d", 7: "No",
                                                                            8: "No", 9: "No", 10: "June 2026", 11: "16"}) + SIGN),
     X(Y, sit("a"), 8, (4, 4, 3), bar("c"), rank("cabd"), N, N, N, "2026-06", 16),
     note="Fastmail: no written protocol (7) yet 8 answered 'No' anyway: kept as given (the flag is not part of the .json)")

case(P + "cond_prefer_not_variants_proton", reply("c4", "proton", top=top(base(q3="I'd rather not say", q9="Decline to answer")) + SIGN),
     bx(conf=PN, tr=PN),
     note="Proton Mail: 'I'd rather not say' (3) and 'Decline to answer' (9), where prefer not to say is allowed")

case(P + "cond_training_na_retiring_gmail_ios", reply("c5", "gmail_ios", top=top(base(q9="N/A - retiring in the spring", q11="30")) + SIGN),
     bx(tr=NA, yrs=30),
     note="Gmail for iOS: 'N/A - retiring in the spring' to 9 (not applicable allowed there), the reason after the dash")

case(P + "cond_protocol_in_draft_mailspring", reply("c6", "mailspring", top=top(base(q7="In draft - should be signed off in January", q8=None)) + SIGN),
     bx(wp=U, ps=ABSENT),
     note="Mailspring: 7 'In draft' is neither yes nor no: unclear; 8 skipped is not missing while the answer it depends on is unclear")

case(P + "cond_correction_flips_used_tb115", reply("c7", "tb115", top=top({1: "No", 3: "4", 5: "a", 6: "a, c, b, d", 7: "No", 8: "n/a", 9: "Yes", 11: "6"}) + [
    "", "Sorry - 1 should be yes: I did use it once, for a patient on the ward. So 2 is a, and 10 is March 2024.", "", "Aisha"]),
    X(Y, sit("a"), 4, ABSENT, bar("a"), rank("acbd"), N, NA, Y, "2024-03", 6),
    note="Thunderbird 115: the list skips 2, 4 and 10 after '1. No'; a later paragraph corrects 1 to yes and answers 2 and 10: the grid now applies and is missing")

case(P + "cond_not_applicable_words_zimbra", reply("c8", "zimbra", top=top(base(q7="No", q8="Not applicable")) + SIGN),
     bx(wp=N, ps=NA),
     note="Zimbra: 'Not applicable' to 8 after no to 7")

case(P + "cond_used_hedged_dependants_answered_superhuman", reply("c9", "superhuman", top=top({1: "Once, years ago, but I'm not sure it counts", 2: "a", 3: "3",
                                                                                              4: "a) 2, b) 2, c) 1", 5: "a, b", 6: "a, b, c, d", 7: "No", 8: "n/a", 9: "Yes", 11: "20"}) + SIGN),
     X(U, sit("a"), 3, (2, 2, 1), bar("ab"), rank("abcd"), N, NA, Y, ABSENT, 20),
     note="Superhuman: 1 'Once, years ago, but I'm not sure it counts' is hedged: unclear; the answers given to 2 and the grid are kept as given; 10 skipped is not missing")

# ============================== every type in one reply ==============================
case(P + "full_on_answer_lines_latin1_groupwise", reply("f1", "groupwise", top=["Answers below.", "", "Dr A Lewis"], split=False,
                                                        on_line=base(q2="a, b", q4="a) 3, b) 4, c) 4", q6="d, b, a, c", q10="01/07/2026", q11="15",
                                                                     q12="Our supply comes through the acute trust pharmacy at about £15 an ampoule.")),
     bx(sit_=sit("ab"), grid=(3, 4, 4), rank_=rank("dbac"), last="2026-07-01", yrs=15, com="Our supply comes through the acute trust pharmacy at about £15 an ampoule."),
     note="GroupWise (ISO-8859-1), every type on the Answer: lines of the unquoted original; 01/07/2026 is 1 July (dmy); a comment with a pound sign")

rows = [("1", "Yes"), ("2", "a, c"), ("3", "6"), ("4", "a 3, b 4, c 4"), ("5", "b, c"), ("6", "b, c, a, d"), ("7", "Yes"), ("8", "No"), ("9", "Yes"),
        ("10", "05/06/2026"), ("11", "11")]
td = "<td style='border:solid #A6A6A6 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'><p class=MsoNormal>{}<o:p></o:p></p></td>"
thtml = ('<p class="MsoNormal">Hi, my answers as a table:<o:p></o:p></p><table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style="border-collapse:collapse">'
         + "<tr>" + td.format("<b>Question</b>") + td.format("<b>Answer</b>") + "</tr>"
         + "".join("<tr>" + td.format(q) + td.format(esc(a)) + "</tr>" for q, a in rows) + '</table><p class="MsoNormal">Aisha<o:p></o:p></p>')
case(P + "full_word_table_outlook_mac", reply("f2", "outlook_mac", top=["Hi, my answers as a table:", "", "Question\tAnswer"] + [f"{q}\t{a}" for q, a in rows] + SIGN,
                                              top_html=thtml),
     X(Y, sit("ac"), 6, (3, 4, 4), bar("bc"), rank("bcad"), Y, N, Y, "2026-06-05", 11),
     note="Outlook for Mac 16: every answer in a two-column Word table (tab-separated in the text part); the grid as 'a 3, b 4, c 4' in one cell; 05/06/2026 is 5 June (dmy)")

case(P + "full_inline_split_airmail", reply("f3", "airmail", top=["Answers inline - hope that's ok."],
                                            answers=base(q2="a, b, c", q3="9", q4="5\n5\n4", q6="a > b > c > d", q10="last Tuesday", q11="25",
                                                         q12="Happy to help with the regional guideline.")),
     bx(sit_=sit("abc"), conf=9, grid=(5, 5, 4), rank_=rank("abcd"), last=U, yrs=25, com="Happy to help with the regional guideline."),
     note="Airmail, every answer below its quoted Answer:; the grid as three numbers on three lines in the items' order; 10 'last Tuesday' is relative: unclear; a one-line comment")

case(P + "full_unquoted_original_emclient", reply("f4", "emclient", top=["Please see my answers in the original below.", "", "Aisha"], split=False,
                                                  on_line=base(q1="Yes", q2="b", q3="5", q4="2, 3, 3", q5="a, e - cost", q6="d, a, b, c", q7="No", q8="N/A",
                                                               q9="Prefer not to say", q10="15 May 2026", q11="8")),
     X(Y, sit("b"), 5, (2, 3, 3), (bar("ae"), "cost"), rank("dabc"), N, NA, PN, "2026-05-15", 8),
     note="eM Client, every answer after the Answer: lines of the unquoted original: the grid as '2, 3, 3'; 5 'a, e - cost' (other specified); 8 'N/A' after no to 7; 9 'Prefer not to say'")
