"""The cases of heldback22g: 36 replies of Dr Aisha Lewis to the seed-full
invitation, sent 21-29 Dec 2026, in the everyday forms of the clients
doctors use (see tests/fixtures/heldback22g/README.md)."""
import datetime, email.utils
from lib import *  # noqa: F401,F403
from clients import owa, outlook_mobile, yahoo, thunderbird_flowed  # noqa: F401
from clients_new import reply, apple_reply, outlook_win, word_paras, word_table, apple_mac  # noqa: F401

P = "heldback22g_"
NA = {"reserved": "not_applicable"}
PNS = {"reserved": "prefer_not_to_say"}
RANK = {"a": "expertise", "b": "evidence", "c": "side_effects", "d": "access"}
SIT = {"a": "end_of_life", "b": "early_adjuvant", "c": "opioid_sparing"}
BAR = {"a": "expertise", "b": "evidence", "c": "side_effects", "d": "none", "e": "other"}


def R(letters):
    return [RANK[x] for x in letters]


def S(letters):
    return [SIT[x] for x in letters]


def B(letters):
    return [BAR[x] for x in letters]


def rd(name):
    """The reply's own Date header (UTC) as a date."""
    return email.utils.parsedate_to_datetime(reply_date(name)).date()


def w(v):
    if v is None or (isinstance(v, dict) and "status" in v):
        return v
    return ok(v)


def E(used, sit, conf, grid, bar, rank, proto, shared, train, last, years, comm=None):
    """The expected answers; None leaves a question out, plain values are ok."""
    out = {"used_ketamine": w(used), "situations": w(sit), "confidence": w(conf)}
    if grid == "NA":
        grid = (NA, NA, NA)
    if grid is not None:
        for item, g in zip(("dosing", "routes", "side_effects"), grid):
            out["confidence_areas." + item] = w(g)
    if isinstance(bar, tuple):
        out["barriers"] = ok(B(bar[0]), bar[1])
    elif bar is not None:
        out["barriers"] = ok(B(bar))
    out["barrier_rank"] = w(R(rank) if isinstance(rank, str) else rank)
    out.update({"written_protocol": w(proto), "protocol_shared": w(shared), "training": w(train),
                "last_prescribed": w(last), "years_in_palliative": w(years), "comments": w(comm)})
    return {k: v for k, v in out.items() if v is not None}


SIG_TEL = ["Aisha", "", "Dr Aisha Lewis", "Consultant in Palliative Medicine", "Riverside Palliative Care Unit",
           "Tel: 0161 555 0199 ext 4412"]
SIG_BLEEP = ["Many thanks,", "Aisha Lewis", "Specialty Doctor, Riverside PCU | bleep 2207"]

# ---------------- Outlook for Windows (9) ----------------
n = P + "outlook_win_top_pipes_row"
case(n, outlook_win(n, top=["Hi,", "", "1. Yes", "2. a + c", "3. 7", "4. 4|4|3", "5. a, b", "6. b / d / a / c",
                            "7. Yes", "8. No", "9. Yes", "10. 22.11.26", "11. Eleven", "", *SIG_TEL]),
     E(True, S("ac"), 7, (4, 4, 3), "ab", "bdac", True, False, True, "2026-11-22", 11),
     note="Outlook for Windows top list: grid row with pipes '4|4|3', ranking letters with slashes, a dotted date with a two-digit year '22.11.26' (day first), 'Eleven' years in words, a signature with a phone extension.")

n = P + "outlook_win_on_answer_lines_ordinal_ranks"
case(n, outlook_win(n, top=["Answers below in blue.", "", "Aisha"],
                    on_line={1: "Yes", 2: "a, b and c", 3: "6", 4: "a. 4  b. 3  c. 4", 5: "b, c",
                             6: "1st d, 2nd b, 3rd a, 4th c", 7: "Yes", 8: "Yes - via the community SPC team",
                             9: "Yes", 10: "Fri 11 Dec", 11: "14 years"}),
     E(True, S("abc"), 6, (4, 3, 4), "bc", "dbac", True, True, True, INF("2026-12-11"), 14),
     note="Outlook for Windows, answers typed after 'Answer:' in the unquoted original: grid letters with dots 'a. 4  b. 3  c. 4', ranking as ordinal numbers '1st d, 2nd b, 3rd a, 4th c', date 'Fri 11 Dec' without a year (inferred: the most recent 11 December before the reply, 2026).")

n = P + "outlook_win_below_answers_never_used"
case(n, outlook_win(n, top=["Please see my answers in the survey below.", "", *SIG_BLEEP],
                    below={1: "No - never had the need", 2: "Not applicable", 3: "2", 4: "Not applicable", 5: "a, b",
                           6: "2 1 3 4", 7: "No", 8: "n/a", 9: "Yes", 11: "6 years 3 months"}),
     E(False, ok(NA), 2, "NA", "ab", "bacd", False, ok(NA), True, None, 6.25),
     note="Outlook for Windows, answers in their own paragraph below each 'Answer:'; never used ketamine: 'Not applicable' for 2 and the grid, 10 left blank (absent); ranking given as a row of ranks in the options' order '2 1 3 4' (a=2, b=1, c=3, d=4); duration '6 years 3 months' = 6.25.")

n = P + "outlook_win_rank_table"
_before = ["Hello,", "", "1) Yes", "2) a", "3) 5", "4) 3, 3, 4", "5) a, c, e - unlicensed use paperwork", "6)"]
_after = ["7) No", "8) N/A", "9) Yes please", "10) 3 Dec 2026", "11) 9", "", "Kind regards", "Aisha Lewis"]
_tbl_html, _tbl_text = word_table([["Lack of expertise and familiarity", "2"], ["Lack of evidence", "3"],
                                   ["Side effects", "4"], ["Access to the drug (supply and licensing)", "1"]])
case(n, outlook_win(n, top_html=word_paras(_before) + _tbl_html + word_paras(_after),
                    top_text="\n".join(_before) + "\n" + _tbl_text + "\n" + "\n".join(_after)),
     E(True, S("a"), 5, (3, 3, 4), ("ace", "unlicensed use paperwork"), "dabc", False, ok(NA), True, "2026-12-03", 9),
     note="Outlook for Windows top list with the ranking as a two-column Word table (each option's label, then its rank: access 1, expertise 2, evidence 3, side effects 4); 5 'a, c, e - unlicensed use paperwork' (other specified); 8 'N/A' after no to 7.")

n = P + "outlook_win_trap_grid_either"
case(n, outlook_win(n, top=["1. Yes", "2. a, c", "3. 6", "4. a) 4 b) 3 or 4 c) 4", "5. b", "6. b, a, d, c", "7. Yes",
                            "8. Yes", "9. No", "10. 30/11/2026", "11. 12", "", "Best wishes", "Aisha"]),
     E(True, S("ac"), 6, (4, UNCLEAR, 4), "b", "badc", True, True, False, "2026-11-30", 12),
     note="TRAP. Outlook for Windows top list; grid item b answered '3 or 4' (either/or: routes unclear, the other two items read).")

n = P + "outlook_win_since_year_christmas_eve"
assert rd(n) > datetime.date(2026, 12, 24), rd(n)
case(n, outlook_win(n, top=["1. Yes", "2. A & C", "3. 8", "4. 4, 4, 4", "5. C", "6. C, A, B, D", "7. Yes", "8. Yes",
                            "9. No", "10. Christmas Eve", "11. Been in palliative care since 2013", "",
                            "Happy Christmas,", "Aisha", "", "Dr A Lewis | Riverside PCU | 0161 555 0199"]),
     E(True, S("ac"), 8, (4, 4, 4), "c", "cabd", True, True, False, INF("2026-12-24"), INF(13)),
     note="Outlook for Windows top list sent after Christmas: date 'Christmas Eve' (inferred 2026-12-24, from the reply's Date) and 'Been in palliative care since 2013' (inferred 13, counted to 2026); capital letters for choices and ranking.")

n = P + "outlook_win_marks_beside_options"
case(n, outlook_win(n, top=["I've marked my answers against the questions below.", "", "Aisha"],
                    on_line={1: "Yes", 3: "7", 7: "Yes", 8: "No", 9: "Yes", 10: "07/12/2026", 11: "22 yrs"},
                    after_option={(2, "a"): "\u2714", (2, "c"): "\u2714", (4, "a"): "- 4", (4, "b"): "- 5",
                                  (4, "c"): "- 4", (5, "a"): "\u2714", (5, "b"): "\u2714",
                                  (6, "a"): "3", (6, "b"): "1", (6, "c"): "4", (6, "d"): "2"}),
     E(True, S("ac"), 7, (4, 5, 4), "ab", "bdac", True, False, True, "2026-12-07", 22),
     note="Outlook for Windows, the form marked up in the unquoted original: ticks after the chosen options of 2 and 5, '- 4' after each grid item, a rank after each option of 6 (b 1, d 2, a 3, c 4); '22 yrs'; 07/12/2026 day first.")

n = P + "outlook_win_scratch_that_correction"
case(n, outlook_win(n, top=["1 - Yes", "2 - b", "3 - 4", "4 - 2, 3, 3", "5 - a", "6 - a, b, d, c", "7 - No", "8 - n/a",
                            "9 - Yes", "10 - 15/10/2026", "11 - 4.5", "",
                            "Scratch my answer to 3 - on reflection 5.", "", *SIG_TEL]),
     E(True, S("b"), 5, (2, 3, 3), "a", "abdc", False, ok(NA), True, "2026-10-15", 4.5),
     note="Outlook for Windows top list with dashes, then the doctor's own correction under it ('Scratch my answer to 3 - on reflection 5': 5 stands); 15/10/2026; duration 4.5.")

n = P + "outlook_win_rather_not_say_training"
case(n, outlook_win(n, top=["Dear Dr Rahman,", "", "1. Yes, a few times", "2. a", "3. 8 out of 10", "4. 5 4 4",
                            "5. e: no out-of-hours supply in the community", "6. d a b c", "7. Yes",
                            "8. Yes, in 2025", "9. I'd rather not say", "10. 12th of November 2026",
                            "11. twenty-three", "", "Regards,", "Aisha"]),
     E(True, S("a"), 8, (5, 4, 4), ("e", "no out-of-hours supply in the community"), "dabc", True, True, PNS,
       "2026-11-12", 23),
     note="Outlook for Windows top list: '8 out of 10', 'I'd rather not say' for 9 (prefer not to say, allowed), 'e: <reason>' (other specified), '12th of November 2026', 'twenty-three' years.")

# ---------------- Outlook on the web (5) ----------------
n = P + "owa_top_dashes_grid_words"
case(n, owa(n, ["1 - Yes", "2 - a and b", "3 - 6", "4 - dose four, route three, side effects four", "5 - a, b",
                "6 - b, c, a, d", "7 - Yes", "8 - Yes", "9 - Yes", "10 - 16/12/2026", "11 - 8 years", "",
                "Aisha Lewis", "Riverside PCU", "",
                "********************************************************************************************************************",
                "This message may contain confidential information. If you are not the intended recipient please inform the",
                "sender that you have received the message in error before deleting it.",
                "********************************************************************************************************************"]),
     E(True, S("ab"), 6, (4, 3, 4), "ab", "bcad", True, True, True, "2026-12-16", 8),
     note="Outlook on the web top list with dashes above NHSmail's confidentiality footer; the grid in words with the scores spelt out 'dose four, route three, side effects four'.")

n = P + "owa_on_lines_yesterday"
_y = rd(P + "owa_on_lines_yesterday") - datetime.timedelta(days=1)
case(n, owa(n, ["Done - answers in the survey below.", "", "A"],
            original=__import__("clients_new").inv_html(on_line={1: "yes", 2: "a, c", 3: "7", 4: "4 4 5", 5: "b, c",
                                                                   6: "b d c a", 7: "no", 8: "na", 9: "yes",
                                                                   10: "yesterday", 11: "10"}),
            original_text=__import__("clients_new").inv_text(on_line={1: "yes", 2: "a, c", 3: "7", 4: "4 4 5", 5: "b, c",
                                                                        6: "b d c a", 7: "no", 8: "na", 9: "yes",
                                                                        10: "yesterday", 11: "10"}, prefix="")),
     E(True, S("ac"), 7, (4, 4, 5), "bc", "bdca", False, ok(NA), True, INF(_y.isoformat()), 10),
     note=f"Outlook on the web, answers typed on the 'Answer:' lines of the unquoted original, all lower case; date 'yesterday' (inferred: the day before the reply's Date, {_y.isoformat()}); 'na' for 8 after no to 7.")

n = P + "owa_never_used_na_bracket"
case(n, owa(n, ["1. No", "2. n/a (never used)", "3. 1", "4. n/a (never used)", "5. a, b, c", "6. a, b, c, d",
                "7. No", "8. n/a", "9. Yes - would be very welcome", "10. -", "11. 3 years", "", "Aisha"]),
     E(False, ok(NA), 1, "NA", "abc", "abcd", False, ok(NA), True, None, 3),
     note="Outlook on the web top list from a doctor who never used ketamine: 'n/a (never used)' for 2 and the grid, '-' under 10 (does not apply, allows no n/a: left out of the expectation); ranking in the options' own order.")

n = P + "owa_trap_rank_joint_top"
case(n, owa(n, ["1. Yes", "2. a", "3. 5", "4. 3, 4, 4", "5. a, e - cost", "6. access and expertise joint top, then evidence, then side effects",
                "7. Yes", "8. Don't think so", "9. Yes", "10. 01/12/2026", "11. 19", "", "Aisha"]),
     E(True, S("a"), 5, (3, 4, 4), ("ae", "cost"), UNCLEAR, True, UNCLEAR, True, "2026-12-01", 19),
     note="TRAP. Outlook on the web top list; the ranking puts access and expertise 'joint top' (a tie: unclear); 8 'Don't think so' (a hedge: unclear); 5 'a, e - cost' (other specified).")

n = P + "owa_grid_out_of_five_the_18th"
case(n, owa(n, ["Hi Asha,", "", "1: Yes", "2: a, b", "3: 7", "4: dosing 3/5, route 4/5, SEs 4/5", "5: a & b",
                "6: a > b > d > c", "7: Yes", "8: Yes", "9: Yes", "10: the 18th", "11: 16", "", "Best,", "Aisha"]),
     E(True, S("ab"), 7, (3, 4, 4), "ab", "abdc", True, True, True, INF("2026-12-18"), 16),
     note="Outlook on the web top list: grid items with scores out of five 'dosing 3/5, route 4/5, SEs 4/5'; date 'the 18th' (inferred: the most recent 18th before the reply, 2026-12-18).")

# ---------------- Outlook for iOS / Android (4) ----------------
n = P + "outlook_ios_terse_run_together_rank"
case(n, outlook_mobile(n, ["1 Y", "2 a c", "3 6", "4) 3,3,4", "5 b c", "6 bdca", "7 Y", "8 N", "9 Y", "10 09/12/26", "11 5"]),
     E(True, S("ac"), 6, (3, 3, 4), "bc", "bdca", True, False, True, "2026-12-09", 5),
     note="Outlook for iOS, terse top list: 'Y'/'N', grid '4) 3,3,4', the ranking's letters run together 'bdca', two-digit year '09/12/26' (day first).")

n = P + "outlook_ios_never_used_not_applicable"
case(n, outlook_mobile(n, ["1. No", "2. Not applicable", "3. 3", "4. Not applicable", "5. a", "6. a, d, b, c", "7. Yes",
                           "8. Yes", "9. Yes", "11. 7 (incl. 2 as a registrar)", "", "Aisha"]),
     E(False, ok(NA), 3, "NA", "a", "adbc", True, True, True, None, 7),
     note="Outlook for iOS top list, never used: 'Not applicable' for 2 and the grid, 10 skipped (absent); '7 (incl. 2 as a registrar)' = 7.")

n = P + "outlook_android_months_duration"
case(n, outlook_mobile(n, ["1) yes", "2) b, c", "3) 4", "4) 2, 2, 3", "5) a", "6) a, d, c, b", "7) no", "8) n/a",
                           "9) yes", "10) Oct 2026", "11) 21 months", "", "Aisha (ST6)"], platform="Android"),
     E(True, S("bc"), 4, (2, 2, 3), "a", "adcb", False, ok(NA), True, "2026-10", 1.75),
     note="Outlook for Android top list from a trainee: '21 months' for a years question (1.75); 'Oct 2026' (the month).")

n = P + "outlook_ios_trap_years_ish"
case(n, outlook_mobile(n, ["1. Yes", "2. a, b, c", "3. 8", "4. 4, 5, 4", "5. b", "6. b, c, a, d", "7. Yes", "8. Yes",
                           "9. No", "10. 20/12/2026", "11. 15ish (longer if you count my GP years)"]),
     E(True, S("abc"), 8, (4, 5, 4), "b", "bcad", True, True, False, "2026-12-20", UNCLEAR),
     note="TRAP. Outlook for iOS top list; 11 '15ish (longer if you count my GP years)' (a hedge: unclear).")

# ---------------- Gmail web (5) ----------------
n = P + "gmail_inline_letter_words"
case(n, reply(n, "gmail_web", top=["Answers inline.", "", "Aisha"],
              answers={1: "Yes", 2: "a, b", 3: "6", 4: "A - four, B - four, C - five", 5: "a", 6: "d, b, c, a",
                       7: "Yes", 8: "Yes", 9: "Yes", 10: "13 Nov", 11: "10 years"}),
     E(True, S("ab"), 6, (4, 4, 5), "a", "dbca", True, True, True, INF("2026-11-13"), 10),
     note="Gmail web, answers below the quoted 'Answer:' lines (the quote split): grid 'A - four, B - four, C - five' (scores in words); date '13 Nov' without a year (inferred 2026-11-13).")

n = P + "gmail_top_words_rank_comment"
_comm = "We mostly use it s/c via syringe driver on the ward, oral is rare."
case(n, reply(n, "gmail_web", top=["1. Yes", "2. a", "3. 7", "4. 4, 3, 4", "5. b, c", "6. access first, then evidence, then expertise, side effects last",
                                   "7. No", "8. -", "9. Yes", "10. 19 Dec 2026", "11. 12yrs", "12. " + _comm, "", "Best,", "Aisha"]),
     E(True, S("a"), 7, (4, 3, 4), "bc", "dbac", False, ok(NA), True, "2026-12-19", 12, _comm),
     note="Gmail web top list: the ranking in the options' words 'access first, then evidence, then expertise, side effects last'; '-' for 8 after no to 7; '12yrs'; a comment under 12.")

n = P + "gmail_never_used_na_each"
case(n, reply(n, "gmail_web", top=["Hi - not a ketamine user I'm afraid but here goes:", "", "1. No", "2. NA", "3. 0",
                                   "4. NA NA NA", "5. a, b", "6. b, a, c, d", "7. No", "8. NA", "9. Yes", "11. 30", "", "Aisha"]),
     E(False, ok(NA), 0, "NA", "ab", "bacd", False, ok(NA), True, None, 30),
     note="Gmail web top list, never used: 'NA' for 2 and 8, 'NA NA NA' for the grid (each item not applicable), confidence 0, 10 skipped.")

n = P + "gmail_trap_autumn"
case(n, reply(n, "gmail_web", top=["1 yes", "2 b", "3 5", "4 3 3 3", "5 a", "6 a b c d", "7 yes", "8 no", "9 yes",
                                   "10 sometime in the autumn I think", "11 6", "", "A"]),
     E(True, S("b"), 5, (3, 3, 3), "a", "abcd", True, False, True, UNCLEAR, 6),
     note="TRAP. Gmail web top list without punctuation; 10 'sometime in the autumn I think' (a vague season with a hedge: unclear). Grid '4 3 3 3' is question 4 and then the row.")

n = P + "gmail_inline_all_fours"
case(n, reply(n, "gmail_web", answers={1: "Yes", 2: "a and c", 3: "7", 4: "all 4s", 5: "c", 6: "c, b, a, d", 7: "Yes",
                                       8: "Yes", 9: "Yes", 10: "02 Dec 2026", 11: "9 years"}),
     E(True, S("ac"), 7, (4, 4, 4), "c", "cbad", True, True, True, "2026-12-02", 9),
     note="Gmail web, answers below the quoted 'Answer:' lines and nothing above the quote: grid 'all 4s' (every item 4).")

# ---------------- Gmail for Android (2) / iOS (1) ----------------
n = P + "gmail_android_last_tuesday"
_d = rd(n) - datetime.timedelta(days=1)
while _d.weekday() != 1:
    _d -= datetime.timedelta(days=1)
case(n, reply(n, "gmail_android", top=["1- yes", "2- a,b", "3- 6", "4- 3,4,4", "5- a,b", "6- b,a,d,c", "7- yes", "8- yes",
                                       "9- yes", "10- last Tuesday", "11- 11"]),
     E(True, S("ab"), 6, (3, 4, 4), "ab", "badc", True, True, True, INF(_d.isoformat()), 11),
     note=f"Gmail for Android top list with 'N-' numbering; date 'last Tuesday' (inferred: the Tuesday before the reply's Date, {_d.isoformat()}).")

n = P + "gmail_android_maybe_training"
case(n, reply(n, "gmail_android", top=["1. Yes", "2. c", "3. 4", "4. 2 3 2", "5. a, c", "6. a, c, d, b", "7. No",
                                       "8. N/A", "9. Maybe", "10. November 2026", "11. 4", "", "Sent on the go, sorry for brevity"]),
     E(True, S("c"), 4, (2, 3, 2), "ac", "acdb", False, ok(NA), UNCLEAR, "2026-11", 4),
     note="Gmail for Android top list: 9 'Maybe' (neither yes nor no: unclear); 'November 2026' (the month).")

n = P + "gmail_ios_inline_think_so"
case(n, reply(n, "gmail_ios", answers={1: "Yes", 2: "a", 3: "5", 4: "3, 3, 4", 5: "b", 6: "b, d, a, c", 7: "Yes",
                                       8: "Think so?", 9: "Yes", 10: "10/12/2026", 11: "5 years"}),
     E(True, S("a"), 5, (3, 3, 4), "b", "bdac", True, UNCLEAR, True, "2026-12-10", 5),
     note="Gmail for iOS, answers below the quoted 'Answer:' lines: 8 'Think so?' (unclear); 10/12/2026 day first.")

# ---------------- iPhone Mail (4) ----------------
n = P + "iphone_top_colons_seven"
case(n, apple_reply(n, "iphone", top=["1: yes", "2: a, c", "3: seven", "4: 4, 4, 3", "5: a, b, c", "6: c, a, b, d",
                                      "7: yes", "8: no", "9: yes", "10: 23/11/2026", "11: 17"]),
     E(True, S("ac"), 7, (4, 4, 3), "abc", "cabd", True, False, True, "2026-11-23", 17),
     note="iPhone Mail top list with colons; confidence 'seven' in words.")

n = P + "iphone_inline_lettered_brackets"
case(n, apple_reply(n, "iphone", answers={1: "Yes", 2: "b and c", 3: "6", 4: "3 (a), 4 (b), 4 (c)", 5: "b", 6: "b, d, c, a",
                                          7: "No", 8: "n/a", 9: "Yes", 10: "Nov '26", 11: "8"}),
     E(True, S("bc"), 6, (3, 4, 4), "b", "bdca", False, ok(NA), True, "2026-11", 8),
     note="iPhone Mail, answers typed below the quoted 'Answer:' lines: grid '3 (a), 4 (b), 4 (c)' (the item's letter after its score); date \"Nov '26\" (the month, an apostrophe for the century).")

n = P + "iphone_never_used_n_a_dots"
case(n, apple_reply(n, "iphone", top=["1. No", "2. n.a.", "3. 2", "4. n.a.", "5. a", "6. a, b, d, c", "7. No", "8. n.a.",
                                      "9. n/a, I deliver the training locally", "11. 20"]),
     E(False, ok(NA), 2, "NA", "a", "abdc", False, ok(NA), ok(NA), None, 20),
     note="iPhone Mail top list, never used: 'n.a.' (with dots) for 2, the grid and 8; 9 'n/a, I deliver the training locally' (not applicable, allowed); 10 skipped.")

n = P + "iphone_top_beginning_of_dec"
case(n, apple_reply(n, "iphone", top=["1. Yes", "2. a", "3. 9", "4. 5, 5, 4", "5. d", "6. d, c, b, a", "7. Yes", "8. Yes",
                                      "9. No", "10. beginning of Dec", "11. 18 years"]),
     E(True, S("a"), 9, (5, 5, 4), "d", "dcba", True, True, False, INF("2026-12"), 18),
     note="iPhone Mail top list: 5 'd' (No barriers) with the ranking still given (kept as given); date 'beginning of Dec' (the month, no year: inferred 2026-12).")

# ---------------- Apple Mail on macOS (2) ----------------
n = P + "apple_mac_top_ranks_in_brackets"
case(n, apple_mac(n, ["Dear Asha,", "", "1. Yes", "2. a, b", "3. 7", "4. 4, 4, 5", "5. b, c", "6. (a)2 (b)1 (c)4 (d)3",
                      "7. Yes", "8. No - still hospice only", "9. Yes", "10. 2026-12-14", "11. 13", "", "Aisha"]),
     E(True, S("ab"), 7, (4, 4, 5), "bc", "badc", True, False, True, "2026-12-14", 13),
     note="Apple Mail (macOS) top list: the ranking as each letter in brackets with its rank '(a)2 (b)1 (c)4 (d)3'; 8 'No - <reason>'; ISO date.")

n = P + "apple_mac_trap_protocol_drafting"
case(n, apple_reply(n, "apple_mac", on_line={1: "Yes", 2: "a, c", 3: "6", 4: "4, 3, 3", 5: "a, b", 6: "a, b, c, d",
                                             7: "We're drafting one at the moment", 9: "Yes", 10: "04/12/2026", 11: "7"}),
     E(True, S("ac"), 6, (4, 3, 3), "ab", "abcd", UNCLEAR, None, True, "2026-12-04", 7),
     note="TRAP. Apple Mail (macOS), answers typed on the quoted 'Answer:' lines; 7 'We're drafting one at the moment' (neither yes nor no: unclear), 8 left blank (its condition unclear, so not missing).")

# ---------------- Others (4) ----------------
n = P + "thunderbird_flowed_inline_comment"
_comm2 = ("Would really value a regional guideline on converting from oral morphine equivalents, "
          "at the moment each hospice does its own thing and the community teams get confused.")
case(n, thunderbird_flowed(n, "Hi,\n\nAnswers inline below.\n\nAisha\n\n" + WROTE_TB + "\n" +
                           text_inline(answers={1: "Yes", 2: "a, b, c", 3: "5", 4: "3/4/3", 5: "a, b, e - cost of the licensed product",
                                                6: "a, d, b, c", 7: "Yes", 8: "Yes", 9: "Yes", 10: "26/10/2026",
                                                11: "nineteen years", 12: _comm2})),
     E(True, S("abc"), 5, (3, 4, 3), ("abe", "cost of the licensed product"), "adbc", True, True, True, "2026-10-26", 19, _comm2),
     note="Thunderbird, format=flowed text, answers below the quoted 'Answer:' lines; a long comment soft-wrapped (joined to one line); 'nineteen years'; 5 with other text.")

n = P + "samsung_top_list"
case(n, reply(n, "samsung", top=["1 Yes", "2 a b", "3 7", "4 4-3-4", "5 c", "6 c d b a", "7 Yes", "8 Yes", "9 Yes",
                                 "10 18/11/2026", "11 10"]),
     E(True, S("ab"), 7, (4, 3, 4), "c", "cdba", True, True, True, "2026-11-18", 10),
     note="Samsung Email top list, a space after each number; grid '4-3-4'.")

n = P + "yahoo_top_confidence_blank"
case(n, yahoo(n, ["1. yes", "2. a", "3.", "4. 3 3 4", "5. a, c", "6. a, c, b, d", "7. yes", "8. yes", "9. yes",
                  "10. 01/11/2026", "11. 2", "", "Aisha"]),
     E(True, S("a"), None, (3, 3, 4), "ac", "acbd", True, True, True, "2026-11-01", 2),
     note="Yahoo Mail top list with 3 left blank ('3.' and nothing: confidence missing).")

n = P + "tb115_inline_rather_not"
case(n, reply(n, "tb115", answers={1: "Yes", 2: "a", 3: "rather not answer", 4: "4, 4, 4", 5: "b, c", 6: "b, a, c, d",
                                   7: "Yes", 8: "Yes", 9: "Yes", 10: "05/12/2026", 11: "ten"}),
     E(True, S("a"), PNS, (4, 4, 4), "bc", "bacd", True, True, True, "2026-12-05", 10),
     note="Thunderbird 115 (HTML), answers below the quoted 'Answer:' lines: 3 'rather not answer' (prefer not to say, allowed); 05/12/2026 day first; 'ten'.")
