"""The cases of heldback22d: 35 replies from Dr Aisha Lewis to the seed-full
invitation, as a regional survey of palliative care doctors receives them
(mostly Outlook, Gmail and Apple Mail; about one in seven a trap). See
tests/fixtures/heldback22d/README.md."""
import datetime, email.utils
from lib import *  # noqa: F401,F403
import clients as C
import clients_new as N

NA = ok({"reserved": "not_applicable"})
PNTS = ok({"reserved": "prefer_not_to_say"})
GRID = ["dosing", "routes", "side_effects"]
RANK = {"a": "expertise", "b": "evidence", "c": "side_effects", "d": "access"}
SIT = {"a": "end_of_life", "b": "early_adjuvant", "c": "opioid_sparing"}
BAR = {"a": "expertise", "b": "evidence", "c": "side_effects", "d": "none", "e": "other"}


def R(letters):
    """A ranking from its letters, rank 1 first."""
    return [RANK[c] for c in letters]


def _v(v):
    return v if isinstance(v, dict) and "status" in v else ok(v)


def A(used=None, sit=None, conf=None, grid=None, bar=None, other=None, rank=None, proto=None, shared=None,
      train=None, last=None, years=None, comments=None):
    """The expected answers in the survey's order; None leaves a question
    out; sit/bar as letters; grid a tuple of three values (or NA for all);
    rank as letters; a value that is already an answer (UNCLEAR, NA, INF(...))
    is kept as it is."""
    out = {}
    if used is not None:
        out["used_ketamine"] = _v(used)
    if sit is not None:
        out["situations"] = sit if isinstance(sit, dict) else ok([SIT[c] for c in sit])
    if conf is not None:
        out["confidence"] = _v(conf)
    if grid is not None:
        items = [grid] * 3 if isinstance(grid, dict) else list(grid)
        for item, g in zip(GRID, items):
            if g is not None:
                out["confidence_areas." + item] = _v(g)
    if bar is not None:
        out["barriers"] = bar if isinstance(bar, dict) else ok([BAR[c] for c in bar], other=other)
    if rank is not None:
        out["barrier_rank"] = rank if isinstance(rank, dict) else ok(R(rank))
    if proto is not None:
        out["written_protocol"] = _v(proto)
    if shared is not None:
        out["protocol_shared"] = _v(shared)
    if train is not None:
        out["training"] = _v(train)
    if last is not None:
        out["last_prescribed"] = _v(last)
    if years is not None:
        out["years_in_palliative"] = _v(years)
    if comments is not None:
        out["comments"] = _v(comments)
    return out


def sent(name):
    """The reply's Date header as a datetime (UTC)."""
    return email.utils.parsedate_to_datetime(reply_date(name))


SIG = ["Dr Aisha Lewis", "Specialty Doctor, Palliative Medicine", "Riverside Palliative Care Unit",
       "Tel: 01632 960418 | Bleep 2217"]
NHSMAIL = ["********************************************************************************************************************",
           "This message may contain confidential information. If you are not the intended recipient please inform the",
           "sender that you have received the message in error before deleting it.",
           "Please do not disclose, copy or distribute information in this e-mail or take any action in relation to its contents.",
           "Thank you.",
           "",
           "NHSmail is the secure email and directory service available for all NHS staff in England. NHSmail is approved for exchanging patient data and other sensitive information with NHSmail and other accredited email services.",
           "********************************************************************************************************************"]

# ======================= Outlook for Windows (9) =======================

n = "heldback22d_outlook_on_answer_lines_grid_letters"
case(n, N.outlook_win(n, top=["Hi Asha,", "", "Answers in blue below.", "", "Aisha"],
                      on_line={1: "Yes", 2: "a, c", 3: "7", 4: "a) 4 b) 3 c) 4", 5: "a, b", 6: "b, d, a, c",
                               7: "Yes", 8: "Yes", 9: "Yes", 10: "Nov 2026", 11: "12"}),
     A(True, "ac", 7, (4, 3, 4), "ab", None, "bdac", True, True, True, "2026-11", 12),
     note="Outlook for Windows, answers typed on the Answer: lines of the unquoted original: the grid 'a) 4 b) 3 c) 4' on one line, the ranking 'b, d, a, c' (letters in rank order), 'Nov 2026'")

n = "heldback22d_outlook_word_table_whole_reply"
rows = [["Question", "Answer"], ["1. Used ketamine", "Yes"], ["2. Situations", "a and b"], ["3. Confidence", "6"],
        ["4a. Starting dose", "3"], ["4b. Route", "4"], ["4c. Side effects", "3"], ["5. Barriers", "b"],
        ["6. Ranking", "b, a, d, c"], ["7. Written protocol", "Yes"], ["8. Shared with community", "No"],
        ["9. Further training", "Yes"], ["10. Last prescribed", "14/11/2026"], ["11. Years in palliative care", "9"],
        ["12. Comments", "None"]]
th, tt = N.word_table(rows, widths=[260, 160])
intro = ["Dear Dr Rahman,", "", "Please find my responses in the table below.", ""]
outro = ["", "Kind regards,", "Aisha", ""] + SIG
case(n, N.outlook_win(n, top_html=N.word_paras(intro) + th + N.word_paras(outro),
                      top_text="\n".join(intro) + "\n" + tt + "\n" + "\n".join(outro)),
     A(True, "ab", 6, (3, 4, 3), "b", None, "badc", True, False, True, "2026-11-14", 9),
     note="Outlook for Windows, the whole reply as a two-column Word table (question words | answer): the grid as three rows '4a. Starting dose | 3' ..., the ranking 'b, a, d, c' in a cell, '14/11/2026'; 'None' for the comments is no comment; a signature with a phone and bleep number")

n = "heldback22d_outlook_top_list_rank_arrows"
case(n, N.outlook_win(n, top=["Hello,", "", "1. Yes", "2. A, B and C", "3. 8", "4. A - 5, B - 5, C - 4", "5. B, C",
                              "6. B > C > A > D", "7. Yes", "8. No - it's only on our intranet at the moment",
                              "9. No", "10. 02/12/2026", "11. 15 years", "", "Best wishes", "Aisha Lewis"]),
     A(True, "abc", 8, (5, 5, 4), "bc", None, "bcad", True, False, False, "2026-12-02", 15),
     note="Outlook for Windows, a numbered top list: the grid 'A - 5, B - 5, C - 4', the ranking 'B > C > A > D', 10 as '02/12/2026' (day first: 2 December), '15 years'")

n = "heldback22d_outlook_marked_up_form"
case(n, N.outlook_win(n, top=["See answers marked up below. Thanks, Aisha"],
                      after_question={1: "YES", 3: "6", 7: "NO", 8: "N/A", 9: "YES", 10: "Oct 2026", 11: "5"},
                      after_option={(2, "a"): "X", (2, "c"): "X", (4, "a"): "3", (4, "b"): "3", (4, "c"): "2",
                                    (5, "a"): "X", (5, "c"): "X", (6, "a"): "(2)", (6, "b"): "(4)", (6, "c"): "(1)",
                                    (6, "d"): "(3)"}),
     A(True, "ac", 6, (3, 3, 2), "ac", None, "cadb", False, NA, True, "2026-10", 5),
     note="Outlook for Windows, the form marked up in place: answers after each question's text, 'X' after the chosen options of 2 and 5, a score after each grid item's text, a rank in brackets after each ranking option ('(2)' after a, '(4)' after b, ...: c, a, d, b); 8 'N/A' after no to 7")

n = "heldback22d_outlook_never_used_na_top"
case(n, N.outlook_win(n, top=["1. No - we tend to use methadone or refer to the pain team", "2. N/A", "3. 2", "4. N/A",
                              "5. a, c", "6. c, a, b, d", "7. No", "8. N/A", "9. Yes definitely", "10. N/A", "11. 4",
                              "", "Aisha"] + [""] + SIG),
     A(False, NA, 2, NA, "ac", None, "cabd", False, NA, True, None, 4),
     note="Outlook for Windows, never used ketamine: 'N/A' for 2, the grid as a whole, 8 and 10 (10 allows no n/a and does not apply: left out); 1 'No - ...' with a reason; 9 'Yes definitely'")

n = "heldback22d_outlook_grid_item_words_date_no_year"
case(n, N.outlook_win(n, top=["Dear Asha", "", "1. Yes", "2. c", "3. 7",
                              "4. Starting dose \u2013 3, route \u2013 5, side effects \u2013 2",
                              "5. Lack of expertise, side effects", "6. 1 evidence, 2 access, 3 expertise, 4 side effects",
                              "7. Yes", "8. Yes", "9. Yes", "10. 8th December", "11. 10", "", "Many thanks", "Aisha"]),
     A(True, "c", 7, (3, 5, 2), "ac", None, "bdac", True, True, True, INF("2026-12-08"), 10),
     note="Outlook for Windows, top list: the grid by item words with en dashes ('Starting dose \u2013 3, route \u2013 5, side effects \u2013 2'), 5 by the options' words, the ranking as rank-word pairs '1 evidence, 2 access, ...', 10 '8th December' without a year (the reply's year: 2026-12-08, inferred)")

n = "heldback22d_outlook_below_answers_comment"
case(n, N.outlook_win(n, top=["Answers under each question - hope this is OK.", "", "Aisha"],
                      below={1: "Yes", 2: "a", 3: "5", 4: "a. 2\nb. 2\nc. 3", 5: "a", 6: "1st b, 2nd a, 3rd c, 4th d",
                             7: "Yes", 8: "Don't know", 9: "Yes", 10: "16/12/2026", 11: "3",
                             12: "We mostly give it orally using the injection solution off-licence, which isn't really covered by the options in question 2."}),
     A(True, "a", 5, (2, 2, 3), "a", None, "bacd", True, UNCLEAR, True, "2026-12-16", 3,
       "We mostly give it orally using the injection solution off-licence, which isn't really covered by the options in question 2."),
     note="Outlook for Windows, answers in their own paragraph below each Answer: of the unquoted original: the grid as three lines 'a. 2' 'b. 2' 'c. 3', the ranking '1st b, 2nd a, 3rd c, 4th d', 8 \"Don't know\" (unclear), a one-line comment")

n = "heldback22d_outlook_trap_confidence_revised_range"
case(n, N.outlook_win(n, top=["Asha - answers below. Apologies, on reflection the 8 I put for Q3 is too generous, probably more like a 5 or 6.",
                              "", "Aisha"],
                      on_line={1: "Yes", 2: "a", 3: "8", 4: "4, 3, 3", 5: "b, c", 6: "b, c, d, a", 7: "Yes", 8: "Yes",
                               9: "No", 10: "Aug 2026", 11: "14"}),
     A(True, "a", UNCLEAR, (4, 3, 3), "bc", None, "bcda", True, True, False, "2026-08", 14),
     note="TRAP. Outlook for Windows, answers on the Answer: lines, but the note above takes back the 8 for question 3 and gives '5 or 6' instead (unclear: a careful reader asks); the grid '4, 3, 3' on its Answer: line")

n = "heldback22d_outlook_shared_answered_without_protocol"
case(n, N.outlook_win(n, top=["1. Yes", "2. a, b", "3. 4", "4. 2, 2, 3", "5. a, b, c", "6. a, c, b, d",
                              "7. No - there's a draft in progress",
                              "8. Yes, the draft went out to the community team for comments", "9. Yes", "10. Sept 2026",
                              "11. 6", "", "Thanks", "Aisha"] + [""] + SIG),
     A(True, "ab", 4, (2, 2, 3), "abc", None, "acbd", False, True, True, "2026-09", 6),
     note="Outlook for Windows, top list: no to 7 (a draft in progress) but 8 answered yes anyway (kept as given); the grid '2, 2, 3' in the items' order, the ranking 'a, c, b, d', 'Sept 2026'")

# ======================= Outlook on the web / NHSmail (5) =======================

n = "heldback22d_owa_dash_list_grid_row"
case(n, C.owa(n, ["1 - yes", "2 - a", "3 - 6", "4 - 3,3,2", "5 - a, b", "6 - a b d c", "7 - yes", "8 - yes", "9 - yes",
                  "10 - 28/10/26", "11 - 9", "", "Thanks", "Aisha", ""] + NHSMAIL),
     A(True, "a", 6, (3, 3, 2), "ab", None, "abdc", True, True, True, "2026-10-28", 9),
     note="Outlook on the web (NHSmail), a lower-case list with ' - ': the grid '3,3,2', the ranking 'a b d c', '28/10/26' (two-digit year), NHSmail's confidentiality footer below the sign-off")

n = "heldback22d_owa_typed_into_original_yesterday"
d = (sent(n) - datetime.timedelta(days=1)).strftime("%Y-%m-%d")
ol = {1: "Yes", 2: "a and c", 3: "9", 4: "5 5 4", 5: "b", 6: "d, b, c, a", 7: "Yes", 8: "Yes", 9: "No",
      10: "Yesterday", 11: "19"}
case(n, C.owa(n, ["Answers added below - hope that works.", "", "Aisha"],
              original=N.inv_html(on_line=ol), original_text=N.inv_text(on_line=ol, prefix="")),
     A(True, "ac", 9, (5, 5, 4), "b", None, "dbca", True, True, False, INF(d), 19),
     note="Outlook on the web, answers typed on the Answer: lines of the unquoted original: the grid '5 5 4', the ranking 'd, b, c, a', 10 'Yesterday' (the day before the reply's Date, inferred)")

n = "heldback22d_owa_never_used_does_not_apply"
case(n, C.owa(n, ["1. No", "2. Does not apply", "3. 1", "4. Does not apply", "5. a, e (getting hold of it out of hours)",
                  "6. d a b c", "7. Yes", "8. Yes", "9. Yes please", "11. 2 yrs", "", "Aisha Lewis", "ST4 Palliative Medicine"]),
     A(False, NA, 1, NA, "ae", "getting hold of it out of hours", "dabc", True, True, True, None, 2),
     note="Outlook on the web, never used ketamine: 'Does not apply' for 2 and the grid, 10 skipped (absent, not missing); 5 'a, e (getting hold of it out of hours)' (other specified); the ranking 'd a b c'; '2 yrs'; 9 'Yes please'")

n = "heldback22d_owa_trap_rank_joint_first"
case(n, C.owa(n, ["1. Yes", "2. a", "3. 6", "4. 3, 4, 3", "5. a, b",
                  "6. Expertise and access joint first, then evidence, then side effects", "7. No", "8. n/a",
                  "9. Yes", "10. July 2026", "11. 11", "", "Kind regards", "Aisha"]),
     A(True, "a", 6, (3, 4, 3), "ab", None, UNCLEAR, False, NA, True, "2026-07", 11),
     note="TRAP. Outlook on the web, top list: the ranking puts two options 'joint first' (a tie: unclear, asked about); 8 'n/a' after no to 7")

n = "heldback22d_owa_below_answers_prefer_not"
bl = {1: "Yes", 2: "b, c", 3: "I'd prefer not to answer that one", 4: "2/3/2", 5: "a", 6: "a, b, c, d", 7: "Yes",
      8: "No", 9: "Prefer not to say", 10: "Sept 2026", 11: "7"}
case(n, C.owa(n, ["Hi, my answers are below each question.", "", "Aisha"],
              original=N.inv_html(after=bl), original_text=N.inv_text(answers=bl, prefix="")),
     A(True, "bc", PNTS, (2, 3, 2), "a", None, "abcd", True, False, PNTS, "2026-09", 7),
     note="Outlook on the web, answers on their own line below each Answer: of the unquoted original: 3 \"I'd prefer not to answer that one\" and 9 'Prefer not to say' (both allowed), the grid '2/3/2', the ranking 'a, b, c, d' (the options' own order)")

# ======================= Outlook for iOS / Android (3) =======================

n = "heldback22d_outlook_ios_terse"
case(n, C.outlook_mobile(n, ["1 Y", "2 A+C", "3 7", "4 4,3,4", "5 A", "6 A,B,D,C", "7 Y", "8 N", "9 N", "10 1/12/26",
                             "11 6", "", "Sorry for brevity - on the ward"], platform="iOS"),
     A(True, "ac", 7, (4, 3, 4), "a", None, "abdc", True, False, False, "2026-12-01", 6),
     note="Outlook for iOS, a terse list without dots: 'Y'/'N', 2 'A+C', the grid '4,3,4', the ranking 'A,B,D,C', 10 '1/12/26' (1 December)")

n = "heldback22d_outlook_ios_duration_months"
case(n, C.outlook_mobile(n, ["1. Yes", "2. a", "3. 3", "4. 2 2 2", "5. Expertise", "6. a c b d", "7. Yes", "8. Not sure",
                             "9. Yes!", "10. 20/11/2026", "11. 18 months (ST4)"], platform="iOS"),
     A(True, "a", 3, (2, 2, 2), "a", None, "acbd", True, UNCLEAR, True, "2026-11-20", 1.5),
     note="Outlook for iOS, top list: 11 '18 months (ST4)' (1.5 years); 8 'Not sure' (unclear); the grid '2 2 2'; 5 'Expertise' by the option's word")

n = "heldback22d_outlook_android_grid_all_same"
case(n, C.outlook_mobile(n, ["1) yes", "2) a", "3) 6", "4) all 3s", "5) b", "6) b, d, c, a", "7) no", "8) n/a",
                             "9) yes", "10) Nov 2026", "11) 8", "", "Aisha"], platform="Android"),
     A(True, "a", 6, (3, 3, 3), "b", None, "bdca", False, NA, True, "2026-11", 8),
     note="Outlook for Android, a list numbered '1)': the grid 'all 3s' (every item 3), the ranking 'b, d, c, a', 8 'n/a' after no to 7")

# ======================= Gmail web (5) =======================

n = "heldback22d_gmail_inline_item_words_rank_lines"
ans = {1: "Yes", 2: "A and C", 3: "7", 4: "Dose 4\nRoute 4\nSide effects 5", 5: "B", 6: "Evidence\nAccess\nExpertise\nSide effects",
       7: "Yes", 8: "Yes", 9: "Yes", 10: "March 2026", 11: "ten"}
case(n, N.reply(n, "gmail_web", top=["Hi Asha,", "", "Answers inline.", "", "Best,", "Aisha"], answers=ans),
     A(True, "ac", 7, (4, 4, 5), "b", None, "bdac", True, True, True, "2026-03", 10),
     note="Gmail web, answers inline below each quoted Answer: (the quote split): the grid as three lines of item words 'Dose 4' 'Route 4' 'Side effects 5', the ranking as four lines of option words in rank order, 'March 2026', 'ten'")

n = "heldback22d_gmail_trap_date_summer"
case(n, N.reply(n, "gmail_web", top=["1. Yes, a handful of times", "2. End of life mainly (a)", "3. 5", "4. a 3, b 4, c 2",
                                     "5. Lack of evidence", "6. b, c, a, d", "7. No", "8. n/a", "9. yes",
                                     "10. Can't remember exactly, sometime last summer", "11. 8", "", "Aisha"]),
     A(True, "a", 5, (3, 4, 2), "b", None, "bcad", False, NA, True, UNCLEAR, 8),
     note="TRAP. Gmail web, top list: 10 \"Can't remember exactly, sometime last summer\" (a season and a hedge: unclear); 1 'Yes, a handful of times'; the grid 'a 3, b 4, c 2'")

n = "heldback22d_gmail_never_used_skips_unsure_protocol"
case(n, N.reply(n, "gmail_web", top=["1. No", "3. 3", "5. a", "6. a, b, c, d", "7. Don't know - I've only been here since August",
                                     "9. Yes", "11. 1", "", "Aisha (FY2)"]),
     A(False, None, 3, None, "a", None, "abcd", UNCLEAR, None, True, None, 1),
     note="Gmail web, never used ketamine: 2, the grid and 10 skipped (absent, not missing); 7 \"Don't know - ...\" (unclear, so 8 skipped is not missing yet); '1' year")

n = "heldback22d_gmail_since_year"
case(n, N.reply(n, "gmail_web", top=["Hi", "", "1. yes", "2. a, c", "3. 8", "4. 4/4/4", "5. none", "6. d, a, b, c",
                                     "7. yes", "8. yes", "9. no", "10. 15/11/2026", "11. Since 2013 (consultant since 2019)",
                                     "", "Aisha"]),
     A(True, "ac", 8, (4, 4, 4), "d", None, "dabc", True, True, False, "2026-11-15", INF(13)),
     note="Gmail web, top list: 11 'Since 2013 (consultant since 2019)' (13, counted to the reply's Date: inferred); 5 'none' (No barriers); the grid '4/4/4'")

n = "heldback22d_gmail_other_barrier_rank_pairs"
case(n, N.reply(n, "gmail_web", top=["Dear Dr Rahman,", "", "1. Yes", "2. a", "3. 6", "4. a) 3, b) 4, c) 3",
                                     "5. b, c and e - cost, and our pharmacy won't stock it", "6. a-4, b-1, c-3, d-2",
                                     "7. Yes", "8. No", "9. Yes", "10. 09/12/2026", "11. 17",
                                     "12. Happy to help with the regional guidance if useful.", "", "Best wishes,", "Aisha"]),
     A(True, "a", 6, (3, 4, 3), "bce", "cost, and our pharmacy won't stock it", "bdca", True, False, True, "2026-12-09", 17,
       "Happy to help with the regional guidance if useful."),
     note="Gmail web, top list: 5 'b, c and e - cost, and ...' (other specified), the ranking as letter-rank pairs 'a-4, b-1, c-3, d-2' (b, d, c, a), '09/12/2026' (9 December), a comment")

# ======================= Gmail for Android (2) / iOS (1) =======================

n = "heldback22d_gmail_android_lowercase_colons"
case(n, N.reply(n, "gmail_android", top=["1: yes", "2: c", "3: 7", "4: 4 4 5", "5: a", "6: d,b,a,c", "7: no", "8: n/a",
                                         "9: yes", "10: 30/09/2026", "11: 20 years", "", "A"]),
     A(True, "c", 7, (4, 4, 5), "a", None, "dbac", False, NA, True, "2026-09-30", 20),
     note="Gmail for Android, a lower-case list with colons: the grid '4 4 5', the ranking 'd,b,a,c', 8 'n/a' after no to 7, '20 years'")

n = "heldback22d_gmail_android_trap_twenty_odd"
case(n, N.reply(n, "gmail_android", top=["1. Yes", "2. a, b", "3. 9", "4. 5, 4, 5", "5. b", "6. b, a, c, d", "7. Yes",
                                         "8. Yes", "9. No", "10. Nov 2026", "11. 20-odd years", "", "Aisha"]),
     A(True, "ab", 9, (5, 4, 5), "b", None, "bacd", True, True, False, "2026-11", UNCLEAR),
     note="TRAP. Gmail for Android, top list: 11 '20-odd years' (a hedge: unclear); the rest plain")

n = "heldback22d_gmail_ios_inline"
ans = {1: "Yes", 2: "a", 3: "6", 4: "5 4 4", 5: "a and c", 7: "No", 8: "N/A", 9: "Yes", 10: "Oct 2026",
       11: "4 years"}
case(n, N.reply(n, "gmail_ios", top=["Answers below", "Aisha"], answers=ans),
     A(True, "a", 6, (5, 4, 4), "ac", None, None, False, NA, True, "2026-10", 4),
     note="Gmail for iOS, answers inline below each quoted Answer:: the grid '5 4 4', the ranking's Answer: left empty (missing), 8 'N/A' after no to 7, '4 years'")

# ======================= Apple Mail (macOS) (3) =======================

n = "heldback22d_apple_mac_inline_grid_after_items"
ans = {1: "Yes", 2: "b", 3: "5", 5: "a, b", 6: "c, b, d, a", 7: "Yes", 8: "Yes", 9: "Yes", 10: "04/12/2026", 11: "7"}
case(n, N.apple_reply(n, "apple_mac", top=["Hi Asha, answers below.", "", "Aisha"], answers=ans,
                      after_option={(4, "a"): "3", (4, "b"): "4", (4, "c"): "3"}),
     A(True, "b", 5, (3, 4, 3), "ab", None, "cbda", True, True, True, "2026-12-04", 7),
     note="Apple Mail (macOS), answers inline below the quoted Answer: lines, the grid as a score after each item's text inside the quote; 10 '04/12/2026' (both parts 12 or under: day first, 4 December)")

n = "heldback22d_apple_mac_prose_q_numbers"
case(n, N.apple_reply(n, "apple_mac", top=[
    "Dear Asha,",
    "",
    "Q1 yes. Q2 a and c. Q3 8/10. Q4 dose 4, route 5, SEs 4. Q5 evidence. Q6 evidence, access, side effects, expertise (in that order).",
    "Q7 yes, Q8 yes - it's on the shared drive the district nurses use. Q9 not really, no. Q10 end of November. Q11 22 years.",
    "",
    "Good luck with it,",
    "Aisha"]),
     A(True, "ac", 8, (4, 5, 4), "b", None, "bdca", True, True, False, INF("2026-11"), 22),
     note="Apple Mail (macOS), answers as 'Qn' sentences on two lines: 3 '8/10', the grid by item words ('dose 4, route 5, SEs 4'), the ranking by the options' words 'in that order', 9 'not really, no', 10 'end of November' (no year: the reply's year, 2026-11, inferred)")

n = "heldback22d_apple_mac_half_years_rather_not"
case(n, N.apple_reply(n, "apple_mac", top=["1. Yes", "2. a", "3. 4", "4. 2, 3, 3", "5. a, c", "6. a, d, c, b", "7. No",
                                           "8. Not applicable", "9. I'd rather not say", "10. June 2026",
                                           "11. 7 and a half years", "", "Best", "Aisha"]),
     A(True, "a", 4, (2, 3, 3), "ac", None, "adcb", False, NA, PNTS, "2026-06", 7.5),
     note="Apple Mail (macOS), top list: 9 \"I'd rather not say\" (prefer not to say), 8 'Not applicable' after no to 7, 11 '7 and a half years' (7.5)")

# ======================= iPhone Mail (4) =======================

n = "heldback22d_iphone_terse_rank_dashes"
case(n, N.apple_reply(n, "iphone", top=["1 Yes", "2 a b c", "3 9", "4 5 5 5", "5 b", "6 b-a-d-c", "7 Yes", "8 Yes", "9 No",
                                        "11 30"]),
     A(True, "abc", 9, (5, 5, 5), "b", None, "badc", True, True, False, None, 30),
     note="iPhone Mail, terse top list without dots: 2 'a b c', the grid '5 5 5', the ranking 'b-a-d-c', 10 (optional) skipped, '30'")

n = "heldback22d_iphone_inline_month_no_year"
ans = {1: "Yes", 2: "C", 3: "6", 4: "4,4,3", 5: "A, C", 6: "A, B, C, D", 7: "Yes", 8: "No", 9: "Yes", 10: "Nov", 11: "5"}
case(n, N.apple_reply(n, "iphone", answers=ans),
     A(True, "c", 6, (4, 4, 3), "ac", None, "abcd", True, False, True, INF("2026-11"), 5),
     note="iPhone Mail, answers inline below each quoted Answer:, no text above the quote: the grid '4,4,3', 10 'Nov' (no year: November 2026, inferred)")

n = "heldback22d_iphone_trap_grid_either_or"
case(n, N.apple_reply(n, "iphone", top=["1. Yes", "2. a", "3. 5", "4. a) 3 b) 2 or 3 - depends on the patient c) 4",
                                        "5. a, b", "6. a, b, d, c", "7. Yes", "8. No", "9. Yes", "10. Dec 2026", "11. 6",
                                        "", "Aisha"]),
     A(True, "a", 5, (3, UNCLEAR, 4), "ab", None, "abdc", True, False, True, "2026-12", 6),
     note="TRAP. iPhone Mail, top list: the grid 'a) 3 b) 2 or 3 - depends on the patient c) 4' (b an either/or: unclear; a and c read)")

n = "heldback22d_iphone_never_used_dashes"
case(n, N.apple_reply(n, "iphone", top=["1 No", "2 -", "3 0", "4 -", "5 a b", "6 a d b c", "7 No", "8 -", "9 Yes", "10 -",
                                        "11 3"]),
     A(False, NA, 0, NA, "ab", None, "adbc", False, NA, True, None, 3),
     note="iPhone Mail, never used ketamine, a terse list: '-' for 2, the grid, 8 (not applicable) and 10 (does not apply and allows no n/a: left out); 3 '0' (the scale's bottom)")

# ======================= others (3) =======================

n = "heldback22d_samsung_top_list"
case(n, N.reply(n, "samsung", top=["1. Yes", "2. A", "3. 7", "4. 3 4 4", "5. B and C", "6. B, C, A, D", "7. Yes", "8. Yes",
                                   "9. Yes", "10. 10/11/2026", "11. 12 yrs"]),
     A(True, "a", 7, (3, 4, 4), "bc", None, "bcad", True, True, True, "2026-11-10", 12),
     note="Samsung Email, top list above 'Sent from my Galaxy' and the unquoted original: 10 '10/11/2026' (day first: 10 November), '12 yrs'")

n = "heldback22d_thunderbird_flowed_inline"
ans = {1: "Yes", 2: "a, c", 3: "7", 4: "a 4, b 3, c 4", 5: "b", 6: "b > d > a > c", 7: "Yes", 8: "Yes", 9: "Yes",
       10: "5 December 2026", 11: "16",
       12: "The biggest issue for us is continuity when patients move between the hospice and the acute trust: the ketamine often gets stopped on transfer because nobody there is familiar with it."}
case(n, C.thunderbird_flowed(n, "On 01/12/2026 09:00, Regional Palliative Care Audit Group wrote:\n" + text_inline(answers=ans) + "\n\n-- \nAisha Lewis\n"),
     A(True, "ac", 7, (4, 3, 4), "b", None, "bdac", True, True, True, "2026-12-05", 16,
       "The biggest issue for us is continuity when patients move between the hospice and the acute trust: the ketamine often gets stopped on transfer because nobody there is familiar with it."),
     note="Thunderbird, format=flowed, answers inline below each quoted Answer:: the grid 'a 4, b 3, c 4', the ranking 'b > d > a > c', '5 December 2026', a long comment soft-wrapped by format=flowed (joined on one line)")

n = "heldback22d_yahoo_since_year"
case(n, C.yahoo(n, ["1. Yes", "2. b and c", "3. 6", "4. 3,3,4", "5. a", "6. a,d,b,c", "7. No", "8. NA", "9. Yes",
                    "10. 12/12/2026", "11. since 2018", "", "Aisha"]),
     A(True, "bc", 6, (3, 3, 4), "a", None, "adbc", False, NA, True, "2026-12-12", INF(8)),
     note="Yahoo Mail, top list: 11 'since 2018' (8, counted to the reply's Date: inferred), 8 'NA' after no to 7, 10 '12/12/2026'")
