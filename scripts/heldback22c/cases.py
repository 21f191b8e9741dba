"""The cases of heldback22c (see tests/fixtures/heldback22c/README.md): 35
replies by Dr Aisha Lewis to the seed-full invitation, in the clients a
regional survey of palliative care doctors mostly receives (Outlook for
Windows, Outlook on the web, Outlook mobile, Gmail web and mobile, Apple
Mail and iPhone Mail; a few others), each answering every question that
applies to her in everyday forms, some with a trap a careful reader asks
about. Expected values follow ../../tests/fixtures/heldback22/CONTRACT.md."""
import datetime
import email.utils

from lib import *  # noqa: F401,F403
from lib import case, ok, INF, UNCLEAR, reply_date, text_inline, WROTE_TB
import clients as C1
import clients_new as CN

P = "heldback22c_"
SIT = dict(a="end_of_life", b="early_adjuvant", c="opioid_sparing")
BAR = dict(a="expertise", b="evidence", c="side_effects", d="none", e="other")
RANK = dict(a="expertise", b="evidence", c="side_effects", d="access")
GRID = ["dosing", "routes", "side_effects"]
NA = ok({"reserved": "not_applicable"})
PNS = ok({"reserved": "prefer_not_to_say"})


def E(used, sit=None, conf=None, grid=None, bar=None, rank=None, prot=None, shared=None, train=None, last=None,
      years=None, comments=None):
    """The expected answers, in the survey's order. A plain value is `ok`;
    a dict (NA, PNS, UNCLEAR, INF(...)) is taken as it is; None is absent.
    Choices are letters (in the options' order in the value); a ranking is
    letters from rank 1 down; a grid is three items (or one dict for all)."""
    a = {}

    def put(k, x, conv=None):
        if x is None:
            return
        if isinstance(x, dict):
            a[k] = x
        else:
            a[k] = ok(conv(x) if conv else x)
    put("used_ketamine", used)
    put("situations", sit, lambda s: [SIT[c] for c in sorted(s)])
    put("confidence", conf)
    if grid is not None:
        items = [grid] * 3 if isinstance(grid, dict) else grid
        for g, x in zip(GRID, items):
            put("confidence_areas." + g, x)
    put("barriers", bar, lambda s: [BAR[c] for c in sorted(s)])
    put("barrier_rank", rank, lambda s: [RANK[c] for c in s])
    put("written_protocol", prot)
    put("protocol_shared", shared)
    put("training", train)
    put("last_prescribed", last)
    put("years_in_palliative", years)
    put("comments", comments)
    return a


def sent(name):
    """The reply's Date header as a datetime (UTC = Europe/London in December)."""
    return email.utils.parsedate_to_datetime(reply_date(name))


def owa_inline(name, top, on_line=None, below=None):
    """Outlook on the web, answers typed into the (unquoted) original."""
    html = CN.inv_html(on_line=on_line, after=below,
                       wrap=lambda a: '<div style="font-family: Aptos, Aptos_EmbeddedFont, Aptos_MSFontService, Calibri, Helvetica, sans-serif; font-size: 12pt; color: rgb(0, 32, 96);">'
                       + esc(a).replace("\n", "<br>") + "</div>", color="rgb(0, 32, 96)")
    text = text_inline(answers=below, on_line=on_line, prefix="")
    return C1.owa(name, top, original=html, original_text=text)


# ======================= Outlook for Windows (Word HTML) =======================
n = P + "rank_numbered_labels_grid_lines_outlook"
case(n, CN.outlook_win(n, top=["Hi Asha,", "", "Answers typed in below. Happy to help with the guidance work if you need anyone.", "",
                               "Aisha", "", "Dr Aisha Lewis", "Consultant in Palliative Medicine", "Riverside Palliative Care Unit"],
                       below={1: "Yes", 2: "a and c", 3: "7", 4: "a - 4\nb - 3\nc - 3", 5: "a, b",
                              6: "1. Evidence\n2. Access\n3. Expertise\n4. Side effects", 7: "Yes",
                              8: "Not yet - it's going to the community teams' governance meeting in January", 9: "Yes",
                              10: "14/10/2026", 11: "11"}),
     E(True, "ac", 7, (4, 3, 3), "ab", "bdac", True, False, True, "2026-10-14", 11),
     note="Outlook for Windows, answers typed below each Answer: of the unquoted original: the grid as three lines 'a - 4', "
          "the ranking as a numbered list of the options' words ('1. Evidence 2. Access ...'); 8 'Not yet - ...' is no; 14/10/2026 day first")

n = P + "grid_word_table_outlook"
tbl_html, tbl_text = CN.word_table([["Choosing a starting dose", "3"], ["Choosing the route", "4"], ["Side effects", "3"]])
top1 = ["Dear Asha,", "", "My answers:", "", "1. Yes", "2. a", "3. 6", "4."]
top2 = ["5. b, c", "6. b, c, a, d", "7. Yes", "8. Yes", "9. Yes", "10. Sept 2026", "11. 8 years",
        "12. We mostly use it subcut via syringe driver, oral only for a handful of patients at home.", "", "Best wishes", "Aisha"]
case(n, CN.outlook_win(n, top_html=CN.word_paras(top1) + tbl_html + CN.word_paras(top2), top_text="\n".join(top1) + "\n" + tbl_text + "\n" + "\n".join(top2)),
     E(True, "a", 6, (3, 4, 3), "bc", "bcad", True, True, True, "2026-09", 8,
       "We mostly use it subcut via syringe driver, oral only for a handful of patients at home."),
     note="Outlook for Windows, a top list with the grid as a small Word table under '4.' (item words | score; tab-separated "
          "in the text part); 'Sept 2026'; '8 years'; a one-line comment")

n = P + "cond_never_used_na_on_answer_lines_outlook"
case(n, CN.outlook_win(n, top=["Hello,", "", "I've put my answers next to each question. I haven't used ketamine myself so several don't apply.", "",
                               "Regards", "Aisha Lewis"],
                       on_line={1: "No", 2: "N/A", 3: "1", 4: "N/A", 5: "a, b", 6: "a, b, d, c", 7: "No", 8: "N/A", 9: "Yes",
                                10: "N/A", 11: "3"}),
     E(False, NA, 1, NA, "ab", "abdc", False, NA, True, None, 3),
     note="Outlook for Windows, answers on the Answer: lines; never used: 'N/A' for 2 and the whole grid (each item not "
          "applicable), 'N/A' for 8 after no to 7; 'N/A' under 10 (which does not apply and allows no n/a) is left out")

n = P + "rank_numbers_after_options_outlook"
case(n, CN.outlook_win(n, top=["See below - I've put a number next to each line for 4 and 6.", "", "Thanks", "Aisha"],
                       below={1: "Yes", 2: "a, b, c", 3: "8", 5: "c", 7: "Yes", 8: "Yes", 9: "No", 10: "Nov 2026", 11: "14"},
                       after_option={(4, "a"): "- 4", (4, "b"): "- 5", (4, "c"): "- 4",
                                     (6, "a"): "- 3", (6, "b"): "- 2", (6, "c"): "- 1", (6, "d"): "- 4"}),
     E(True, "abc", 8, (4, 5, 4), "c", "cbad", True, True, False, "2026-11", 14),
     note="Outlook for Windows: scores typed after each grid item and ranks after each ranking option in the original "
          "('- 3'), the rest below the Answer: lines; 'Nov 2026'")

n = P + "date_last_march_outlook"
case(n, CN.outlook_win(n, top=["Asha - quick answers below.", "", "1 - Yes", "2 - a", "3 - 5", "4 - a 3, b 3, c 2", "5 - a, b, c",
                               "6 - a, c, b, d", "7 - No, we follow the regional guideline", "8 - n/a", "9 - Yes please",
                               "10 - last March", "11 - 6", "", "Aisha"]),
     E(True, "a", 5, (3, 3, 2), "abc", "acbd", False, NA, True, INF("2026-03"), 6),
     note="Outlook for Windows, a top list numbered '1 - '; 10 'last March' in a reply of December 2026 is March 2026 "
          "(inferred from the reply's date); 8 'n/a' after no to 7")

n = P + "trap_grid_item_range_outlook"
case(n, CN.outlook_win(n, top=["Answers in the email below. I've only started using it in the last year so my confidence is patchy!", "", "Aisha"],
                       on_line={1: "Yes", 2: "c", 3: "4", 4: "a) 2-3  b) 4  c) 3", 5: "a", 6: "a, d, b, c", 7: "Yes", 8: "Yes",
                                9: "Yes", 10: "August 2026", 11: "5"}),
     E(True, "c", 4, (UNCLEAR, 4, 3), "a", "adbc", True, True, True, "2026-08", 5),
     note="TRAP. Outlook for Windows, answers on the Answer: lines; the grid's first item is a range '2-3' (unclear), "
          "the other two read")

n = P + "cond_shared_answered_without_protocol_outlook"
case(n, CN.outlook_win(n, top=["Hi,", "", "Answers below.", "", "Kind regards,", "Aisha"],
                       below={1: "Yes", 2: "a and b", 3: "6", 4: "a) 3\nb) 4\nc) 4", 5: "b", 6: "d > b > a > c",
                              7: "No - we use the network's guideline rather than our own",
                              8: "Yes, the network guideline went out to all the community teams last year", 9: "Yes",
                              10: "07/2026", 11: "10"}),
     E(True, "ab", 6, (3, 4, 4), "b", "dbac", False, True, True, "2026-07", 10),
     note="Outlook for Windows, answers below the Answer: lines; no to 7 but 8 answered anyway (yes: kept as given); "
          "ranking 'd > b > a > c'; '07/2026'")

n = P + "duration_since_year_outlook"
case(n, CN.outlook_win(n, top=["Hi Asha", "", "1. Yes", "2. A, B and C", "3. 9", "4. 5, 5, 4", "5. d", "6. D, B, C, A", "7. Yes",
                               "8. Yes", "9. No", "10. 02/12/2026", "11. Since 2016", "", "Thanks,", "Aisha"]),
     E(True, "abc", 9, (5, 5, 4), "d", "dbca", True, True, False, "2026-12-02", INF(10)),
     note="Outlook for Windows, a top list in capital letters; the grid '5, 5, 4' in the items' order; 11 'Since 2016' "
          "is 10 counted to the reply's date (inferred); 02/12/2026 day first")

# ======================= Outlook on the web =======================
n = P + "cond_never_used_skips_owa"
case(n, C1.owa(n, ["Hi Asha,", "", "I've never used ketamine, so I've left out the questions that only apply if you have.", "",
                   "1. No", "3. 2", "5. a, b", "6. b a c d", "7. Yes", "8. No", "9. Yes", "11. 4", "", "Best wishes,", "Aisha"]),
     E(False, None, 2, None, "ab", "bacd", True, False, True, None, 4),
     note="Outlook on the web, a top list that skips 2, 4 and 10 after no to 1 (absent, not missing); the ranking as "
          "letters with spaces")

n = P + "grid_compact_commas_owa"
case(n, C1.owa(n, ["1. yes", "2. a + c", "3. 5", "4. 3,4,2", "5. a, c", "6. d, b, a, c", "7. no", "8. n/a", "9. yes",
                   "10. Nov 2026", "11. 7", "", "Aisha", "",
                   "Dr Aisha Lewis | Specialty Doctor, Palliative Medicine | Riverside Palliative Care Unit"]),
     E(True, "ac", 5, (3, 4, 2), "ac", "dbac", False, NA, True, "2026-11", 7),
     note="Outlook on the web, a lower-case top list: the grid as '3,4,2' without spaces, 2 'a + c', 8 'n/a'")

n = P + "date_two_years_ago_owa"
case(n, owa_inline(n, ["Done - answers next to each question.", "", "Aisha"],
                   on_line={1: "Yes, occasionally", 2: "a", 3: "3", 4: "a 2, b 3, c 2", 5: "a, b", 6: "b, a, d, c", 7: "No",
                            8: "NA", 9: "Yes", 10: "2 years ago", 11: "16"}),
     E(True, "a", 3, (2, 3, 2), "ab", "badc", False, NA, True, UNCLEAR, 16),
     note="Outlook on the web, answers on the Answer: lines of the unquoted original; 10 '2 years ago' gives no month "
          "(unclear); 8 'NA'")

n = P + "prefer_not_to_say_owa"
case(n, owa_inline(n, ["Hello - answers below.", "", "Aisha"],
                   below={1: "Yes", 2: "a", 3: "Prefer not to say", 4: "a) 3, b) 3, c) 4", 5: "b, c", 6: "c, b, a, d",
                          7: "Yes", 8: "Yes", 9: "prefer not to say", 10: "30/11/2026", 11: "13"}),
     E(True, "a", PNS, (3, 3, 4), "bc", "cbad", True, True, PNS, "2026-11-30", 13),
     note="Outlook on the web, answers below the Answer: lines: 'Prefer not to say' for 3 and 9 (both allow it); the grid "
          "'a) 3, b) 3, c) 4' on one line")

n = P + "trap_rank_tie_owa"
case(n, C1.owa(n, ["1. Yes", "2. a, c", "3. 6", "4. a=4, b=4, c=3", "5. a, b, c", "6. b and c equal first, then a, then d",
                   "7. Yes", "8. Yes", "9. Yes", "10. 19/11/2026", "11. 9", "", "Aisha"]),
     E(True, "ac", 6, (4, 4, 3), "abc", UNCLEAR, True, True, True, "2026-11-19", 9),
     note="TRAP. Outlook on the web, a top list; the ranking has a tie ('b and c equal first'): unclear, asked about")

# ======================= Outlook for iOS / Android =======================
n = P + "terse_list_outlook_ios"
case(n, C1.outlook_mobile(n, ["1. Y", "2. a c", "3. 7", "4. 4 4 3", "5. a", "6. c a b d", "7. N", "8. n/a", "9. Y",
                              "10. 28/11/26", "11. 12", "", "Aisha"], platform="iOS"),
     E(True, "ac", 7, (4, 4, 3), "a", "cabd", False, NA, True, "2026-11-28", 12),
     note="Outlook for iOS, a terse top list: Y/N, the grid '4 4 3', the ranking 'c a b d', 28/11/26 (two-digit year)")

n = P + "rank_partial_outlook_android"
case(n, C1.outlook_mobile(n, ["Hi Asha, answers:", "1. Yes", "2. a", "3. 4", "4. a) 3 b) 2 c) 3", "5. a and c",
                              "6. a then c. The other two aren't really barriers for us", "7. Yes", "8. No", "9. Yes",
                              "10. Oct 2026", "11. 3 years", "", "Aisha"], platform="Android"),
     E(True, "a", 4, (3, 2, 3), "ac", UNCLEAR, True, False, True, "2026-10", 3),
     note="Outlook for Android, a top list; the ranking gives only two of the four options ('a then c. The other two "
          "aren't really barriers'): partial, unclear")

n = P + "duration_about_outlook_ios"
y16 = (sent(n) - datetime.timedelta(days=1)).strftime("%Y-%m-%d")
case(n, C1.outlook_mobile(n, ["1. Yes", "2. all three", "3. 8", "4. 4, 4, 4", "5. b", "6. b, c, d, a", "7. Yes", "8. Yes",
                              "9. No", "10. Yesterday", "11. About 10 years", "", "Aisha"], platform="iOS"),
     E(True, "abc", 8, (4, 4, 4), "b", "bcda", True, True, False, INF(y16), UNCLEAR),
     note="TRAP. Outlook for iOS, a top list; 11 'About 10 years' is a hedge (unclear); 10 'Yesterday' is the day before "
          "the reply's Date (inferred); 2 'all three'")

# ======================= Gmail web =======================
n = P + "grid_item_words_gmail"
case(n, CN.reply(n, "gmail_web", top=["Hi Asha,", "", "1. Yes", "2. a and c", "3. 6", "4. dose 3, route 4, side effects 3",
                                      "5. Lack of evidence", "6. b, a, d, c", "7. yes", "8. no", "9. yes", "10. June 2026",
                                      "11. 5 years", "", "Aisha"]),
     E(True, "ac", 6, (3, 4, 3), "b", "badc", True, False, True, "2026-06", 5),
     note="Gmail web, a top list: the grid by a word of each item ('dose 3, route 4, side effects 3'); 5 by the "
          "option's words; 'June 2026'")

n = P + "rank_words_inline_gmail"
case(n, CN.reply(n, "gmail_web", top=["Answers inline below.", "", "Aisha"],
                 answers={1: "Yes", 2: "b and c", 3: "7", 4: "a) 4\nb) 4\nc) 3", 5: "b",
                          6: "Evidence first, then access, then side effects, and expertise last", 7: "Yes", 8: "Yes",
                          9: "Yes", 10: "20/11/2026", 11: "12 years"}),
     E(True, "bc", 7, (4, 4, 3), "b", "bdca", True, True, True, "2026-11-20", 12),
     note="Gmail web, answers inline below each quoted Answer: (the quote split); the ranking in words ('Evidence "
          "first, then access, then side effects, and expertise last')")

n = P + "cond_used_no_dependants_answered_gmail"
c19 = "I haven't prescribed it but I've looked after plenty of patients on it on the ward, so answered 2 and 4 from that."
case(n, CN.reply(n, "gmail_web", top=["Hi,", "", "1. No", "2. a", "3. 3", "4. 2, 2, 3", "5. a, c", "6. a, c, d, b", "7. Yes",
                                      "8. Yes", "9. Yes", "11. 2", "12. " + c19, "", "Thanks", "Aisha"]),
     E(False, "a", 3, (2, 2, 3), "ac", "acdb", True, True, True, None, 2, c19),
     note="Gmail web, a top list: no to 1, yet 2 and the grid answered (kept as given; the comment says why); 10 skipped")

n = P + "date_month_words_years_words_gmail"
case(n, CN.reply(n, "gmail_web", top=["1. Yes", "2. c", "3. 5", "4. a 3, b 2, c 3", "5. a, c", "6. c, a, b, d", "7. Yes",
                                      "8. No", "9. Yes", "10. March 2026", "11. nine years", "", "Best,", "Aisha"]),
     E(True, "c", 5, (3, 2, 3), "ac", "cabd", True, False, True, "2026-03", 9),
     note="Gmail web, a top list with no greeting: 'March 2026', 'nine years' in words, the grid 'a 3, b 2, c 3'")

n = P + "trap_contradiction_used_gmail"
c21 = "Only used it twice, both on the hospice ward for neuropathic pain at the end of life, so I don't feel I know it well."
case(n, CN.reply(n, "gmail_web", top=["1. No", "3. 3", "5. a, b", "6. b, a, c, d", "7. No", "9. Yes", "11. 6", "12. " + c21,
                                      "", "Aisha"]),
     E(UNCLEAR, None, 3, None, "ab", "bacd", False, None, True, None, 6, c21),
     note="TRAP. Gmail web: 1 'No' but the comment says she used it twice (a contradiction: unclear); 2, the grid and 10 "
          "skipped are not missing while 1 is unclear")

# ======================= Gmail for Android / iOS =======================
n = P + "duration_since_year_gmail_android"
case(n, CN.reply(n, "gmail_android", top=["1. Yes", "2. a, b", "3. 7", "4. 4 3 4", "5. c", "6. c, b, a, d", "7. Yes", "8. No",
                                          "9. Yes", "10. 09/2026", "11. Since 2009", "", "Aisha"]),
     E(True, "ab", 7, (4, 3, 4), "c", "cbad", True, False, True, "2026-09", INF(17)),
     note="Gmail for Android, a top list: 11 'Since 2009' is 17 counted to the reply's date (inferred); '09/2026'; the "
          "grid '4 3 4'")

n = P + "grid_all_same_gmail_android"
case(n, CN.reply(n, "gmail_android", top=["Answers below", "Aisha"],
                 answers={1: "Yes", 2: "a", 3: "7", 4: "All 4", 5: "a, b, c", 6: "b, a, c, d", 7: "Yes", 8: "Yes", 9: "Yes",
                          10: "01/12/2026", 11: "15"}),
     E(True, "a", 7, (4, 4, 4), "abc", "bacd", True, True, True, "2026-12-01", 15),
     note="Gmail for Android, answers below each quoted Answer:; the grid 'All 4' (every item 4)")

n = P + "training_na_inline_gmail_ios"
case(n, CN.reply(n, "gmail_ios", top=["Here you go - answers under each question.", "", "Aisha"],
                 answers={1: "Yes", 2: "a, c", 3: "9", 4: "a) 5\nb) 4\nc) 5", 5: "d", 6: "d, b, c, a", 7: "Yes", 8: "Yes",
                          9: "NA - I'm one of the people who teaches it", 10: "4/12/26", 11: "22"}),
     E(True, "ac", 9, (5, 4, 5), "d", "dbca", True, True, NA, "2026-12-04", 22),
     note="Gmail for iOS, answers below each quoted Answer:; 9 'NA - I'm one of the people who teaches it' (not "
          "applicable, allowed); '4/12/26' day first")

n = P + "trap_duration_range_gmail_ios"
case(n, CN.reply(n, "gmail_ios", top=["1. Yes", "2. c", "3. 5", "4. 3, 3, 3", "5. a, b", "6. b, d, c, a", "7. Yes", "8. Yes",
                                      "9. Yes", "10. Aug 2026", "11. 7-8 years", "", "Aisha"]),
     E(True, "c", 5, (3, 3, 3), "ab", "bdca", True, True, True, "2026-08", UNCLEAR),
     note="TRAP. Gmail for iOS, a top list; 11 '7-8 years' is a range (unclear)")

# ======================= Apple Mail (macOS) =======================
n = P + "rank_letter_ranks_inline_apple_mail"
case(n, CN.apple_reply(n, "apple_mac", top=["Hi Asha,", "", "Answers below.", "", "Best,", "Aisha"],
                       answers={1: "Yes", 2: "a", 3: "6", 4: "3 4 3", 5: "a, b", 6: "a 3, b 1, c 4, d 2", 7: "Yes", 8: "Yes",
                                9: "Yes", 10: "12/11/2026", 11: "10"}),
     E(True, "a", 6, (3, 4, 3), "ab", "bdac", True, True, True, "2026-11-12", 10),
     note="Apple Mail, answers below each quoted Answer:; the ranking as a rank beside each letter ('a 3, b 1, c 4, "
          "d 2': b first); 12/11/2026 day first (date_order dmy)")

n = P + "date_never_prescribed_apple_mail"
case(n, CN.apple_reply(n, "apple_mac", top=["1. Yes", "2. a", "3. 4", "4. a 2, b 3, c 3", "5. a", "6. a, d, c, b", "7. Yes",
                                            "8. No", "9. Yes",
                                            "10. Never - I've given it on the ward but the prescribing has always been the consultant's",
                                            "11. 2", "", "Aisha"]),
     E(True, "a", 4, (2, 3, 3), "a", "adcb", True, False, True, UNCLEAR, 2),
     note="Apple Mail, a top list; 10 'Never - I've given it ... the prescribing has always been the consultant's': "
          "no date (unclear), 1 stays yes")

n = P + "duration_months_apple_mail"
case(n, CN.apple_reply(n, "apple_mac", top=["Answers below - hope they're useful.", "", "Aisha"],
                       answers={1: "Yes", 2: "a", 3: "3", 4: "a) 2 b) 2 c) 3", 5: "a, b", 6: "a, b, d, c", 7: "Yes", 8: "Yes",
                                9: "Yes, definitely", 10: "October 2026", 11: "9 months - I'm an ST4"}),
     E(True, "a", 3, (2, 2, 3), "ab", "abdc", True, True, True, "2026-10", 0.75),
     note="Apple Mail, answers below each quoted Answer:; 11 '9 months - I'm an ST4' is 0.75 years; the grid "
          "'a) 2 b) 2 c) 3' on one line")

# ======================= iPhone Mail =======================
n = P + "terse_letters_run_together_iphone"
case(n, CN.apple_reply(n, "iphone", top=["1 Yes", "2 a c", "3 6", "4 3 3 4", "5 b c", "6 bdac", "7 Yes", "8 Yes", "9 Yes",
                                         "10 2/11/26", "11 10"]),
     E(True, "ac", 6, (3, 3, 4), "bc", "bdac", True, True, True, "2026-11-02", 10),
     note="iPhone Mail, a top list numbered without dots ('4 3 3 4' is the grid 3, 3, 4); the ranking's letters run "
          "together ('bdac'); '10 2/11/26' is 2 November 2026")

n = P + "date_dmy_inline_iphone"
case(n, CN.apple_reply(n, "iphone", top=["Answers below"],
                       answers={1: "Yes", 2: "c", 3: "5", 4: "a 3, b 4, c 3", 5: "a", 6: "a, c, b, d", 7: "No", 8: "N/a",
                                9: "Yes", 10: "03/12/2026", 11: "6 years"}),
     E(True, "c", 5, (3, 4, 3), "a", "acbd", False, NA, True, "2026-12-03", 6),
     note="iPhone Mail, answers below each quoted Answer:; 03/12/2026 is 3 December (dmy); 8 'N/a'")

n = P + "cond_never_used_doesnt_apply_iphone"
case(n, CN.apple_reply(n, "iphone", top=[],
                       answers={1: "No, never", 2: "Doesn't apply", 3: "0", 4: "Doesn't apply", 5: "a, b, c", 6: "c, a, b, d",
                                7: "No", 8: "Not applicable", 9: "Yes", 10: "-", 11: "5"}),
     E(False, NA, 0, NA, "abc", "cabd", False, NA, True, None, 5),
     note="iPhone Mail, answers below each quoted Answer: with nothing above the quote: never used, 'Doesn't apply' "
          "for 2 and the grid, 'Not applicable' for 8; '-' under 10 (does not apply, no n/a allowed) left out")

n = P + "grid_item_left_out_iphone"
case(n, CN.apple_reply(n, "iphone", top=["1. Yes", "2. a, b", "3. 6", "4. a 3, b 4", "5. b", "6. b, a, c, d", "7. Yes",
                                         "8. No", "9. Yes", "10. Sep 2026", "11. 8"]),
     E(True, "ab", 6, (3, 4, None), "b", "bacd", True, False, True, "2026-09", 8),
     note="iPhone Mail, a top list; the grid gives a and b only: the third item is missing")

# ======================= others =======================
n = P + "flowed_inline_comment_thunderbird"
c33 = "We've had a couple of cases of dysphoria at higher doses, so side effects are a real worry for the nurses."
case(n, C1.thunderbird_flowed(n, "Hi Asha,\n\nMy answers are below each question.\n\nAisha\n\n" + WROTE_TB + "\n" +
                              text_inline(answers={1: "Yes", 2: "a, b", 3: "7", 4: "a) 4 b) 3 c) 4", 5: "a, c", 6: "c, d, b, a",
                                                   7: "Yes", 8: "Yes", 9: "No", 10: "1 December 2026", 11: "11 years",
                                                   12: c33}) + "\n"),
     E(True, "ab", 7, (4, 3, 4), "ac", "cdba", True, True, False, "2026-12-01", 11, c33),
     note="Thunderbird (format=flowed), answers below each quoted Answer:; '1 December 2026'; a comment longer than a "
          "line, soft-wrapped")

n = P + "rank_number_letter_pairs_yahoo"
case(n, C1.yahoo(n, ["Hi", "", "1. yes", "2. b", "3. 5", "4. a=3, b=3, c=4", "5. b", "6. 1-b, 2-c, 3-a, 4-d", "7. yes",
                     "8. yes", "9. yes", "10. 25/11/2026", "11. 20", "", "Aisha"]),
     E(True, "b", 5, (3, 3, 4), "b", "bcad", True, True, True, "2026-11-25", 20),
     note="Yahoo Mail, a top list: the ranking as rank-letter pairs '1-b, 2-c, 3-a, 4-d'; the grid 'a=3, b=3, c=4'")

n = P + "date_last_month_samsung"
case(n, CN.reply(n, "samsung", top=["1. Yes", "2. a and c", "3. 7", "4. 4,4,3", "5. a, b", "6. b, a, c, d", "7. Yes", "8. Yes",
                                    "9. Yes", "10. Last month", "11. 12", "", "Aisha"]),
     E(True, "ac", 7, (4, 4, 3), "ab", "bacd", True, True, True, INF("2026-11"), 12),
     note="Samsung Email, a top list; 10 'Last month' in a December reply is November 2026 (inferred from the reply's date)")
