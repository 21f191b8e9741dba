"""The cases of the sixth held-back set of issue 22 (heldback22f): replies of
Dr Aisha Lewis to the seed-full invitation, sent 14-20 Dec 2026 (before the
survey's close), in the everyday forms and mail clients a regional survey
receives. See tests/fixtures/heldback22f/README.md."""
import datetime, email.utils
from lib import *  # noqa: F401,F403
from clients import owa, outlook_mobile, yahoo, thunderbird_flowed  # noqa: E402
from clients_new import (reply, apple_reply, apple_mac, apple_mac_plain, apple_mac_text, outlook_win, word_table,  # noqa: E402
                         word_paras, inv_html, inv_text, h)

P = "heldback22f_"

# ---------------- expectations ----------------
SIT = dict(a="end_of_life", b="early_adjuvant", c="opioid_sparing")
BAR = dict(a="expertise", b="evidence", c="side_effects", d="none", e="other")
RNK = dict(a="expertise", b="evidence", c="side_effects", d="access")
NA = ok({"reserved": "not_applicable"})
PN = ok({"reserved": "prefer_not_to_say"})


def v(x):
    return x if isinstance(x, dict) and "status" in x else ok(x)


def E(used, sit=None, conf=None, grid=None, bar=None, other=None, rank=None, proto=None, shared=None, training=None,
      last=None, years=None, comments=None):
    """The expected answers: letters for the choices and the ranking (in
    rank order), 'na' for a whole grid or question 2 not applicable."""
    a = {"used_ketamine": ok(used)}
    if sit is not None:
        a["situations"] = NA if sit == "na" else v(sit) if isinstance(sit, dict) else ok([SIT[c] for c in sit])
    if conf is not None:
        a["confidence"] = v(conf)
    if grid is not None:
        g = [NA] * 3 if grid == "na" else grid
        for item, x in zip(("dosing", "routes", "side_effects"), g):
            a[f"confidence_areas.{item}"] = v(x)
    if bar is not None:
        a["barriers"] = ok([BAR[c] for c in bar], other=other)
    if rank is not None:
        a["barrier_rank"] = rank if isinstance(rank, dict) else ok([RNK[c] for c in rank])
    for k, x in (("written_protocol", proto), ("protocol_shared", shared), ("training", training),
                 ("last_prescribed", last), ("years_in_palliative", years), ("comments", comments)):
        if x is not None:
            a[k] = v(x)
    return a


def sent(short):
    """The reply's own Date header (relative answers count from it)."""
    return email.utils.parsedate_to_datetime(reply_date(P + short)).date()


def before(short, weekday):
    """The most recent day `weekday` (0 = Monday) before the reply's day."""
    d = sent(short) - datetime.timedelta(days=1)
    while d.weekday() != weekday:
        d -= datetime.timedelta(days=1)
    return d


def add(short, raw, answers, note):
    case(P + short, raw, answers, note=note)


# ---------------- bodies this set writes itself ----------------
SIG_OUTLOOK = ["Dr Aisha Lewis", "Specialty Doctor, Palliative Medicine", "Riverside Palliative Care Unit",
               "Tel: 0161 496 0732 | Ext 4415"]

LIST_HEAD = OUTLOOK_HEAD.replace(
    "a:link, span.MsoHyperlink",
    "p.MsoListParagraph, li.MsoListParagraph, div.MsoListParagraph\n\t{mso-style-priority:34;\n\tmargin-top:0cm;\n"
    "\tmargin-right:0cm;\n\tmargin-bottom:0cm;\n\tmargin-left:36.0pt;\n\tfont-size:11.0pt;\n\tfont-family:\"Calibri\",sans-serif;\n"
    "\tmso-fareast-language:EN-US;}\np.MsoListParagraphCxSpFirst, li.MsoListParagraphCxSpFirst, div.MsoListParagraphCxSpFirst\n"
    "\t{mso-style-priority:34;\n\tmso-style-type:export-only;\n\tmargin-top:0cm;\n\tmargin-right:0cm;\n\tmargin-bottom:0cm;\n"
    "\tmargin-left:36.0pt;\n\tfont-size:11.0pt;\n\tfont-family:\"Calibri\",sans-serif;}\na:link, span.MsoHyperlink", 1).replace(
    "--></style>",
    "/* List Definitions */\n@list l0\n\t{mso-list-id:1370717012;\n\tmso-list-type:hybrid;\n"
    "\tmso-list-template-ids:-1593411726 134807567 134807577 134807579 134807567 134807577 134807579 134807567 134807577 134807579;}\n"
    "@list l0:level1\n\t{mso-level-tab-stop:none;\n\tmso-level-number-position:left;\n\ttext-indent:-18.0pt;}\n"
    "ol\n\t{margin-bottom:0cm;}\nul\n\t{margin-bottom:0cm;}\n--></style>", 1)


def word_numbered(items):
    """Lines Word turned into a numbered list as they were typed ("1. " and
    a space start one): MsoListParagraph paragraphs with the number in an
    `mso-list:Ignore` span, and Outlook's text rendering of them."""
    out, text = [], []
    for i, t in enumerate(items, 1):
        cls = "MsoListParagraphCxSpFirst" if i == 1 else "MsoListParagraphCxSpLast" if i == len(items) else "MsoListParagraphCxSpMiddle"
        out.append(f'<p class="{cls}" style="margin-left:36.0pt;mso-add-space:auto;text-indent:-18.0pt;mso-list:l0 level1 lfo1">'
                   f'<![if !supportLists]><span style="mso-list:Ignore">{i}.<span style="font:7.0pt &quot;Times New Roman&quot;">'
                   f'&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span><![endif]>{esc(t)}<o:p></o:p></p>\n')
        text.append(f"{i}.  {t}")
    return "".join(out), "\n".join(text)


def outlook_win_head(name, top_html, top_text, head):
    """outlook_win() with a style sheet of the set's own (Word's list
    styles) and the original unanswered."""
    html = head + top_html + OUTLOOK_FROM_HTML + word_original() + "\n</div>\n</body>\n</html>\n"
    text = top_text + "\n\n" + OUTLOOK_FROM_TEXT + "\n" + flat_text() + "\n"
    b = boundary("_000_CWLP265MB", name, 20) + "CWLP265MB3217GBRP_"
    body = multipart("alternative", b, [leaf("text/plain", text), leaf("text/html", html)])
    headers = [f"Thread-Topic: {SUBJECT}", f"Thread-Index: AQHc{h(name, 20, 'ow')}==",
               "Accept-Language: en-GB, en-US", "Content-Language: en-GB", "X-MS-Has-Attach:", "X-MS-TNEF-Correlator:"]
    return message(name, headers, body, crlf=True,
                   msgid=f"<CWLP265MB{h(name, 12).upper()}{h(name, 10, 'x').upper()}@CWLP265MB3217.GBRP265.PROD.OUTLOOK.COM>")


NHSMAIL_FOOTER = [
    "",
    "********************************************************************************************************************",
    "",
    "This message may contain confidential information. If you are not the intended recipient please inform the",
    "sender that you have received the message in error before deleting it.",
    "Please do not disclose, copy or distribute information in this e-mail or take any action in relation to its contents. To do so is strictly prohibited and may be unlawful. Thank you for your co-operation.",
    "",
    "NHSmail is the secure email and directory service available for all NHS staff in England. NHSmail is approved for exchanging information with other NHSmail users and email users of other accredited and secure services.",
    "",
    "********************************************************************************************************************",
]

# =====================================================================
# Outlook for Windows (9)
# =====================================================================
n = "outlook_win_autonumbered_top_list"
items = ["Yes", "a, b", "7", "a:4 b:4 c:3", "a, b", "b, d, c, a", "Yes", "Yes", "Yes", "1.12.2026", "14 years"]
lst_html, lst_text = word_numbered(items)
top_html = word_paras(["Hi Asha,", ""]) + lst_html + word_paras(["", "Best wishes", "Aisha", "", *SIG_OUTLOOK])
top_text = "\n".join(["Hi Asha,", "", lst_text, "", "Best wishes", "Aisha", "", *SIG_OUTLOOK])
add(n, outlook_win_head(P + n, top_html, top_text, LIST_HEAD),
    E(True, "ab", 7, (4, 4, 3), "ab", rank="bdca", proto=True, shared=True, training=True, last="2026-12-01", years=14),
    "Outlook for Windows: the top list typed '1. Yes' ... and turned by Word into an automatic numbered list "
    "(MsoListParagraph, the numbers in mso-list:Ignore spans; '1.  Yes' in the text part); the grid as letter:score "
    "pairs 'a:4 b:4 c:3', the ranking as letters in rank order, a dotted date 1.12.2026 (day first), '14 years'; "
    "a signature with a phone and extension number below.")

n = "outlook_win_typed_into_original_ranks_beside"
add(n, outlook_win(P + n, top=["Answers typed in below.", "", "Thanks", "Aisha"],
                   on_line={1: "Yes", 2: "a, c", 3: "8", 5: "b & e - paperwork for unlicensed use", 7: "No", 8: "n/a",
                            9: "Yes - especially on conversions", 10: "30-11-2026", 11: "9 yrs"},
                   after_option={(4, "a"): "4", (4, "b"): "5", (4, "c"): "4",
                                 (6, "a"): "3", (6, "b"): "1", (6, "c"): "4", (6, "d"): "2"}),
    E(True, "ac", 8, (4, 5, 4), "be", other="paperwork for unlicensed use", rank="bdac", proto=False, shared=NA,
      training=True, last="2026-11-30", years=9),
    "Outlook for Windows, answers typed into the unquoted original in colour: on the Answer: lines, and for the grid "
    "and the ranking a number after each item's / option's own text (grid a 4, b 5, c 4; ranks a 3, b 1, c 4, d 2 = "
    "evidence, access, expertise, side effects); 5 'b & e - paperwork for unlicensed use' (other specified); 8 'n/a' "
    "after no to 7; 9 'Yes - <reason>'; date '30-11-2026' with dashes (day first); '9 yrs'.")

n = "outlook_win_below_answers_comment"
add(n, outlook_win(P + n, top=["Hi,", "", "I've put my answers under each question.", "", "Aisha", "", *SIG_OUTLOOK],
                   below={1: "Yes", 2: "All of the above", 3: "6", 4: "(a) 3 (b) 4 (c) 4", 5: "a",
                          6: "1) b 2) a 3) d 4) c", 7: "Yes", 8: "Not sure", 9: "Yes", 10: "13th November",
                          11: "8 - 6 of them as a consultant",
                          12: "We mostly use it as a CSCI alongside oxycodone - would welcome the regional guideline."}),
    E(True, "abc", 6, (3, 4, 4), "a", rank="badc", proto=True, shared=UNCLEAR, training=True, last=INF("2026-11-13"),
      years=8, comments="We mostly use it as a CSCI alongside oxycodone - would welcome the regional guideline."),
    "Outlook for Windows, each answer in its own paragraph below the original's Answer: line; 2 'All of the above' "
    "(all three situations); grid '(a) 3 (b) 4 (c) 4'; ranking as rank) letter pairs '1) b 2) a 3) d 4) c'; 8 'Not "
    "sure' (unclear: a careful reader asks); 10 '13th November' without a year (the most recent before the reply of "
    "15 Dec 2026: 2026-11-13, inferred); 11 '8 - 6 of them as a consultant' (8 years in palliative care); a comment.")

n = "outlook_win_never_used_na_see_q1"
add(n, outlook_win(P + n, top=["1. No", "2. N/A - see Q1", "3. 2", "4. N/A - see Q1", "5. a, b", "6. a, d, b, c",
                               "7. No", "8. N/A", "9. Yes", "10. N/A", "11. 4", "", "Regards", "", *SIG_OUTLOOK]),
    E(False, "na", 2, "na", "ab", rank="adbc", proto=False, shared=NA, training=True, years=4),
    "Outlook for Windows top list from a doctor who never used ketamine: 'N/A - see Q1' for 2 and the whole grid "
    "(not applicable, each grid item), 'N/A' for 8 after no to 7; 'N/A' under 10, which does not apply and allows no "
    "n/a, is left out of the expectation; ranking 'a, d, b, c' in rank order.")

n = "outlook_win_correction_under_list"
add(n, outlook_win(P + n, top=["1. Yes", "2. b only", "3. 8", "4. Dose: 3, Route: 4, Side effects: 4", "5. c",
                               "6. B D A C", "7. Yes", "8. No", "9. Rather not say", "10. Tues 8th Dec", "11. Nineteen",
                               "", "Sorry - for 3 I meant 6, not 8.", "", "Aisha"]),
    E(True, "b", 6, (3, 4, 4), "c", rank="bdac", proto=True, shared=False, training=PN, last=INF("2026-12-08"), years=19),
    "Outlook for Windows top list with the doctor's own correction below it ('Sorry - for 3 I meant 6, not 8': 6 "
    "stands); 2 'b only'; grid by item words with colons 'Dose: 3, Route: 4, Side effects: 4'; ranking as capital "
    "letters 'B D A C'; 9 'Rather not say' (prefer not to say); 10 'Tues 8th Dec' (no year: 2026-12-08, inferred); "
    "11 'Nineteen' in words.")

n = "outlook_win_grid_words_in_brackets"
add(n, outlook_win(P + n, top=["Dear Dr Rahman,", "", "1) Yes", "2) A, C", "3) 7",
                               "4) 4 (dose), 4 (route), 3 (side effects)",
                               "5) a, c, e (no stock in community pharmacies out of hours)", "6) d then b then c then a",
                               "7) No", "8) -", "9) Yes", "10) 2026-12-02", "11) 12.5", "", "Kind regards", "",
                               *SIG_OUTLOOK]),
    E(True, "ac", 7, (4, 4, 3), "ace", other="no stock in community pharmacies out of hours", rank="dbca", proto=False,
      shared=NA, training=True, last="2026-12-02", years=12.5),
    "Outlook for Windows top list numbered '1)'; grid as scores with the item's word in brackets '4 (dose), 4 (route), "
    "3 (side effects)'; 5 'a, c, e (...)' (other specified in brackets); ranking letters joined by 'then'; 8 '-' after "
    "no to 7 (not applicable); ISO date; 11 '12.5'.")

n = "outlook_win_trap_grid_route_depends"
add(n, outlook_win(P + n, top=["See below", "", "A"],
                   below={1: "Yes", 2: "a", 3: "6", 4: "a 4, b depends whether they can swallow, c 4", 5: "a, c",
                          6: "a=2, b=1, c=4, d=3", 7: "Yes", 8: "Yes", 9: "Yes", 10: "05/11/26",
                          11: "16 years (including registrar training)"}),
    E(True, "a", 6, (4, UNCLEAR, 4), "ac", rank="badc", proto=True, shared=True, training=True, last="2026-11-05",
      years=16),
    "TRAP. Outlook for Windows, answers below the Answer: lines; the grid item b (route) answered 'depends whether "
    "they can swallow' (no score: that item unclear, a 4 and c 4 read); ranking as letter=rank pairs 'a=2, b=1, c=4, "
    "d=3' (evidence, expertise, access, side effects); 10 '05/11/26' (day first, 20YY); 11 '16 years (including "
    "registrar training)'.")

n = "outlook_win_table_of_answers"
rows = [["Question", "Answer"], ["1", "Yes"], ["2", "a, b, c"], ["3", "9"], ["4", "5,4,5"], ["5", "d"],
        ["6", "c, b, d, a"], ["7", "Yes"], ["8", "Yes"], ["9", "No"], ["10", "17/11/2026"], ["11", "Since 2009"]]
t_html, t_text = word_table(rows, widths=[80, 240])
add(n, outlook_win(P + n, top_html=word_paras(["Hi Asha - easier for me in a table, hope that's OK.", ""]) + t_html
                   + word_paras(["", "Aisha", "", *SIG_OUTLOOK]),
                   top_text="\n".join(["Hi Asha - easier for me in a table, hope that's OK.", "", t_text, "", "Aisha", "",
                                       *SIG_OUTLOOK])),
    E(True, "abc", 9, (5, 4, 5), "d", rank="cbda", proto=True, shared=True, training=False, last="2026-11-17",
      years=INF(17)),
    "Outlook for Windows: the answers in a two-column Word table (question number, answer; tab-separated in the text "
    "part); grid row '5,4,5'; 5 'd' (No barriers) though the ranking is filled in (kept as given); 11 'Since 2009' "
    "(counted to the reply's year 2026: 17, inferred).")

n = "outlook_win_trap_shared_partly"
add(n, outlook_win(P + n, top=["1 - Yes", "2 - a, b", "3 - 7", "4 - 4/4/5", "5 - b, c",
                               "6 - Access, evidence, expertise, side effects", "7 - Yes",
                               "8 - Partly - the district nurses have it but not the GPs", "9 - Yes", "10 - September 2026",
                               "11 - 11", "", "Thanks", "Aisha"]),
    E(True, "ab", 7, (4, 4, 5), "bc", rank="dbac", proto=True, shared=UNCLEAR, training=True, last="2026-09", years=11),
    "TRAP. Outlook for Windows top list numbered '1 - '; 8 'Partly - the district nurses have it but not the GPs' "
    "(neither yes nor no: unclear); grid '4/4/5'; ranking as the options' words in rank order separated by commas "
    "(access, evidence, expertise, side effects); 10 'September 2026' (the month); '11 - 11'.")

# =====================================================================
# Outlook on the web (6)
# =====================================================================
n = "owa_top_list_nhsmail_footer"
add(n, owa(P + n, ["1. Y", "2. a,b", "3. 5", "4. 3;4;4", "5. a, b", "6. b>d>a>c", "7. N", "8. n/a", "9. Y",
                   "10. 11/2026", "11. 7 yr", "", "Aisha Lewis", *NHSMAIL_FOOTER]),
    E(True, "ab", 5, (3, 4, 4), "ab", rank="bdac", proto=False, shared=NA, training=True, last="2026-11", years=7),
    "Outlook on the web (NHSmail), terse top list 'Y'/'N' above the NHSmail confidentiality footer; grid '3;4;4' "
    "with semicolons; ranking 'b>d>a>c' without spaces; 10 '11/2026' (month/year); 11 '7 yr'.")

n = "owa_on_answer_lines_this_morning"
A = {1: "Yes", 2: "c", 3: "Prefer not to answer", 4: "2 3 3", 5: "a, b, c", 6: "b, a, c, d", 7: "Yes", 8: "No",
     9: "Yes", 10: "this morning", 11: "2 years 6 months"}
add(n, owa(P + n, ["See answers below", "", "Aisha"], original=inv_html(on_line=A), original_text=inv_text(on_line=A, prefix="")),
    E(True, "c", PN, (2, 3, 3), "abc", rank="bacd", proto=True, shared=False, training=True, last=INF(str(sent(n))),
      years=2.5),
    "Outlook on the web, answers typed on the Answer: lines of the unquoted original; 3 'Prefer not to answer' "
    f"(prefer not to say); grid row '2 3 3'; 10 'this morning' (the reply's day, {sent(n)}, inferred); 11 '2 years "
    "6 months' (2.5).")

n = "owa_never_used_numbers_skipped"
add(n, owa(P + n, ["1. No - never", "3. 1", "5. a, b", "6. a, b, d, c", "7. Yes", "8. No", "9. Absolutely", "11. 3",
                   "", "Dr A Lewis"]),
    E(False, conf=1, bar="ab", rank="abdc", proto=True, shared=False, training=True, years=3),
    "Outlook on the web top list from a doctor who never used ketamine, numbered 1, 3, 5, 6, 7, 8, 9, 11: 2, the "
    "grid and 10 skipped (they do not apply: absent, not missing); 9 'Absolutely' (yes).")

n = "owa_below_answers_four_each"
A = {1: "Yes", 2: "a", 3: "8", 4: "4 each", 5: "b", 6: "(1) evidence (2) access (3) expertise (4) side effects",
     7: "Yes", 8: "Yes", 9: "N/A - I'm the educator for the network", 10: "early Dec", 11: "15"}
add(n, owa(P + n, ["Hi Asha", "", "Answers in the email below.", "", "Aisha"], original=inv_html(after=A, color="#C00000"),
           original_text=inv_text(answers=A, prefix="")),
    E(True, "a", 8, (4, 4, 4), "b", rank="bdac", proto=True, shared=True, training=NA, last=INF("2026-12"), years=15),
    "Outlook on the web, answers in red on their own lines below each Answer: of the unquoted original; grid '4 "
    "each' (every item 4); ranking '(1) evidence (2) access (3) expertise (4) side effects'; 9 'N/A - I'm the "
    "educator for the network' (not applicable, allowed); 10 'early Dec' (no year: December 2026, inferred).")

n = "owa_trap_confidence_slash"
add(n, owa(P + n, ["Q1: yes", "Q2: a and c", "Q3: 5/6", "Q4: 3,3,4", "Q5: a", "Q6: d b a c", "Q7: no", "Q8: N/A",
                   "Q9: yes", "Q10: 27/10/2026", "Q11: 6", "", "Aisha"]),
    E(True, "ac", UNCLEAR, (3, 3, 4), "a", rank="dbac", proto=False, shared=NA, training=True, last="2026-10-27", years=6),
    "TRAP. Outlook on the web top list 'Q1: yes'; 3 '5/6' (5 or 6, or five sixths: a careful reader asks; unclear); "
    "grid '3,3,4'; ranking 'd b a c'; 8 'N/A' after no to 7.")

n = "owa_grid_all_fives_but_one"
add(n, owa(P + n, ["1. Yes - regularly", "2. a, b, c", "3. 9", "4. All 5s except routes - 4",
                   "5. c, e - getting it from the hospital pharmacy at weekends", "6. d,a,b,c", "7. Yes", "8. Yes", "9. No",
                   "10. 08/12/2026", "11. 21", "", "Aisha", *NHSMAIL_FOOTER]),
    E(True, "abc", 9, (5, 4, 5), "ce", other="getting it from the hospital pharmacy at weekends", rank="dabc",
      proto=True, shared=True, training=False, last="2026-12-08", years=21),
    "Outlook on the web (NHSmail footer) top list; grid 'All 5s except routes - 4' (dosing 5, routes 4, side effects "
    "5); 5 'c, e - <text>' (other specified); ranking 'd,a,b,c'; 10 '08/12/2026' (both parts 12 or under: day first, "
    "8 December).")

# =====================================================================
# Outlook for iOS / Android (4)
# =====================================================================
n = "outlook_ios_terse_numbers"
add(n, outlook_mobile(P + n, ["1 Y", "2 a b", "3 6", "4 4 4 3", "5 a", "6 b d c a", "7 N", "8 na", "9 Y", "10 Mid Oct",
                              "11 10"]),
    E(True, "ab", 6, (4, 4, 3), "a", rank="bdca", proto=False, shared=NA, training=True, last=INF("2026-10"), years=10),
    "Outlook for iOS, terse list with the question numbers followed by a space only: '4 4 4 3' is the grid's row 4, "
    "4, 3; '8 na' after no to 7 (not applicable); '10 Mid Oct' (no year: October 2026, inferred); '11 10'.")

n = "outlook_ios_never_used_date_never"
add(n, outlook_mobile(P + n, ["1. No", "2. n/a", "3. 3", "4. n/a", "5. a", "6. b a d c", "7. No", "8. n/a", "9. yes",
                              "10. Never", "11. 5"]),
    E(False, "na", 3, "na", "a", rank="badc", proto=False, shared=NA, training=True, years=5),
    "Outlook for iOS top list, never used: 'n/a' for 2, the grid and 8; '10. Never' under the date, which does not "
    "apply, is left out of the expectation.")

n = "outlook_ios_training_left_out"
add(n, outlook_mobile(P + n, ["1. Yes", "2. A + B", "3. 7", "4. a)4 b)5 c)4", "5. b", "6. b, d, a, c", "7. No",
                              "10. November", "11. 9"]),
    E(True, "ab", 7, (4, 5, 4), "b", rank="bdac", proto=False, last=INF("2026-11"), years=9),
    "Outlook for iOS top list that skips 8 (does not apply after no to 7: absent) and 9 (applies: missing); 2 'A + B'; "
    "grid 'a)4 b)5 c)4'; 10 'November' (no year: November 2026, inferred).")

n = "outlook_android_years_from"
add(n, outlook_mobile(P + n, ["1. Yes", "2. just c", "3. 8", "4. 5 4 4", "5. a, c", "6. b, c, a, d", "7. Yes", "8. Yes",
                              "9. Yes", "10. 2/12/2026", "11. From 2017"], platform="Android"),
    E(True, "c", 8, (5, 4, 4), "ac", rank="bcad", proto=True, shared=True, training=True, last="2026-12-02",
      years=INF(9)),
    "Outlook for Android top list; 2 'just c'; grid row '5 4 4'; 10 '2/12/2026' (day first); 11 'From 2017' "
    "(counted to 2026: 9, inferred).")

# =====================================================================
# Gmail web (5), Gmail for Android (2), Gmail for iOS (1)
# =====================================================================
n = "gmail_inline_item_words_arrows"
add(n, reply(P + n, "gmail_web", top=["Answers inline below.", "", "Aisha"],
             answers={1: "Yes", 2: "b, c", 3: "7", 4: "dosing 4, route 3, managing SEs 4", 5: "a, b",
                      6: "Evidence > access > expertise > side effects", 7: "Yes", 8: "Yes", 9: "Yes", 10: "30 Nov 26",
                      11: "13"}),
    E(True, "bc", 7, (4, 3, 4), "ab", rank="bdac", proto=True, shared=True, training=True, last="2026-11-30", years=13),
    "Gmail web, answers typed below each quoted Answer: (the quote split); grid by item words 'dosing 4, route 3, "
    "managing SEs 4'; ranking as the options' words joined by '>'; 10 '30 Nov 26' (two-digit year).")

n = "gmail_top_list_last_night_comment"
add(n, reply(P + n, "gmail_web", top=["1. Yes", "2. a", "3. 8", "4. 4, 4 and 3",
                                      "5. b, e - community pharmacies rarely stock it", "6. b first, d second, a third, c last",
                                      "7. Yes", "8. No", "9. Yes", "10. Last night (on call)", "11. 11",
                                      "12. Happy to help with the guidance if you need a community perspective.", "",
                                      "Best,", "Aisha"]),
    E(True, "a", 8, (4, 4, 3), "be", other="community pharmacies rarely stock it", rank="bdac", proto=True,
      shared=False, training=True, last=INF(str(sent(n) - datetime.timedelta(days=1))), years=11,
      comments="Happy to help with the guidance if you need a community perspective."),
    "Gmail web top list; grid '4, 4 and 3'; 5 'b, e - <text>' (other specified); ranking in ordinal words 'b first, "
    f"d second, a third, c last'; 10 'Last night (on call)' (the day before the reply: {sent(n) - datetime.timedelta(days=1)}, "
    "inferred); a comment under 12.")

n = "gmail_never_used_not_relevant"
add(n, reply(P + n, "gmail_web", top=["1. No", "2. Not relevant", "3. 0", "4. Not relevant", "5. a, b, c",
                                      "6. c, a, b, d", "7. No", "8. Not relevant", "9. Yes", "11. 2", "", "Thanks,",
                                      "Aisha"]),
    E(False, "na", 0, "na", "abc", rank="cabd", proto=False, shared=NA, training=True, years=2),
    "Gmail web top list, never used: 'Not relevant' for 2, the grid and 8 (not applicable); 3 '0' (the scale's "
    "bottom); 10 skipped (absent).")

n = "gmail_trap_date_month_day_or_year"
add(n, reply(P + n, "gmail_web", top=["Hi, answers below", "A"],
             answers={1: "Yes", 2: "a, c", 3: "6", 4: "3 3 4", 5: "a", 6: "b, a, d, c", 7: "No", 8: "N/A", 9: "Yes",
                      10: "November 26", 11: "12"}),
    E(True, "ac", 6, (3, 3, 4), "a", rank="badc", proto=False, shared=NA, training=True, last=UNCLEAR, years=12),
    "TRAP. Gmail web inline; 10 'November 26' (26 November, or November 2026? a careful reader asks: unclear); grid "
    "row '3 3 4'; 8 'N/A' after no to 7.")

n = "gmail_item_words_equals"
add(n, reply(P + n, "gmail_web", top=["1. yes", "2. a, b and c", "3. 8", "4. starting dose=4, route=5, side effects=3",
                                      "5. c", "6. a 3 b 1 c 4 d 2", "7. yes", "8. yes", "9. no", "10. September 2026",
                                      "11. 5.5", "", "Aisha"]),
    E(True, "abc", 8, (4, 5, 3), "c", rank="bdac", proto=True, shared=True, training=False, last="2026-09", years=5.5),
    "Gmail web top list, lower case; grid by item words with '=' 'starting dose=4, route=5, side effects=3'; ranking "
    "as letter-rank pairs without punctuation 'a 3 b 1 c 4 d 2' (evidence, access, expertise, side effects); 11 "
    "'5.5'.")

n = "gmail_android_grid_in_words"
add(n, reply(P + n, "gmail_android", top=["1) yes", "2) a", "3) 7", "4) 3 for dosing and routes, 4 for side effects",
                                          "5) b", "6) d, b, a, c", "7) yes", "8) yes", "9) yes", "10) 3rd Dec", "11) four"]),
    E(True, "a", 7, (3, 3, 4), "b", rank="dbac", proto=True, shared=True, training=True, last=INF("2026-12-03"), years=4),
    "Gmail for Android top list '1) yes'; grid in a sentence '3 for dosing and routes, 4 for side effects'; 10 '3rd "
    "Dec' (no year: 2026-12-03, inferred); 11 'four' in words.")

n = "gmail_android_trap_decade"
add(n, reply(P + n, "gmail_android", top=["1. Yes", "2. b", "3. 5", "4. 2, 3, 3", "5. a, b", "6. d, a, c, b", "7. Yes",
                                          "8. No", "9. Yes", "10. Dec 2026", "11. A decade or so", "", "Aisha"]),
    E(True, "b", 5, (2, 3, 3), "ab", rank="dacb", proto=True, shared=False, training=True, last="2026-12",
      years=UNCLEAR),
    "TRAP. Gmail for Android top list; 11 'A decade or so' (a hedge: unclear); grid '2, 3, 3'; ranking 'd, a, c, b'; "
    "10 'Dec 2026' (the month).")

n = "gmail_ios_inline_comment"
add(n, reply(P + n, "gmail_ios",
             answers={1: "Yes", 2: "a, b", 3: "9", 4: "4 / 3 / 3", 5: "d", 6: "b, c, d, a", 7: "Yes", 8: "Yes",
                      9: "Prefer not to say", 10: "10th December 2026", 11: "20",
                      12: "Ketamine mostly for neuropathic pain in head and neck patients."}),
    E(True, "ab", 9, (4, 3, 3), "d", rank="bcda", proto=True, shared=True, training=PN, last="2026-12-10", years=20,
      comments="Ketamine mostly for neuropathic pain in head and neck patients."),
    "Gmail for iOS, answers below each quoted Answer:, nothing above the quote; grid '4 / 3 / 3' with spaced "
    "slashes; 5 'd' (No barriers; the ranking still given, kept); 9 'Prefer not to say'; '10th December 2026'; a "
    "comment.")

# =====================================================================
# iPhone Mail (4), Apple Mail on macOS (3)
# =====================================================================
n = "iphone_top_list_friday_just_gone"
add(n, apple_reply(P + n, "iphone", top=["1 yes", "2 a c", "3 7", "4 a 3, b 3, c 4", "5 a", "6 b d a c", "7 no", "8 -",
                                         "9 yes", "10 Friday just gone", "11 6"]),
    E(True, "ac", 7, (3, 3, 4), "a", rank="bdac", proto=False, shared=NA, training=True,
      last=INF(str(before(n, 4))), years=6),
    "iPhone Mail terse top list above 'Sent from my iPhone' (numbers and a space); 8 '-' after no to 7 (not "
    f"applicable); 10 'Friday just gone' (the Friday before the reply: {before(n, 4)}, inferred).")

n = "iphone_never_used_nope_dashes"
add(n, apple_reply(P + n, "iphone", top=["1. Nope", "2. -", "3. 4", "4. -", "5. b", "6. b, a, c, d", "7. Yes", "8. No",
                                         "9. Yes", "10. -", "11. 7"]),
    E(False, "na", 4, "na", "b", rank="bacd", proto=True, shared=False, training=True, years=7),
    "iPhone Mail top list, never used ('Nope'): '-' for 2 and the whole grid (not applicable); '-' under 10 (does "
    "not apply, allows no n/a) left out.")

n = "iphone_inline_couple_of_weeks"
add(n, apple_reply(P + n, "iphone",
                   answers={1: "Yes", 2: "a", 3: "6", 4: "A: 4\nB: 3\nC: 5", 5: "a, c",
                            6: "1 Evidence\n2 Access\n3 Side effects\n4 Expertise", 7: "Yes", 8: "Yes", 9: "Yes",
                            10: "A couple of weeks ago", 11: "10"}),
    E(True, "a", 6, (4, 3, 5), "ac", rank="bdca", proto=True, shared=True, training=True, last=UNCLEAR, years=10),
    "iPhone Mail, answers typed inside the quote below each Answer:; grid on three lines 'A: 4' / 'B: 3' / 'C: 5'; "
    "ranking as four numbered lines of the options' words; 10 'A couple of weeks ago' (no date a careful reader "
    "would write down: unclear).")

n = "iphone_trap_rank_slash"
add(n, apple_reply(P + n, "iphone", top=["1. Yes", "2. a, b", "3. 8", "4. 4,4,4", "5. a, c", "6. b > d > a/c", "7. Yes",
                                         "8. Yes", "9. No", "10. October 2026", "11. 14"]),
    E(True, "ab", 8, (4, 4, 4), "ac", rank=UNCLEAR, proto=True, shared=True, training=False, last="2026-10", years=14),
    "TRAP. iPhone Mail top list; ranking 'b > d > a/c' (a and c given one place: a tie, or either order; unclear); "
    "grid '4,4,4'.")

n = "apple_mac_top_list_very_confident"
add(n, apple_mac(P + n, ["Hi Asha,", "", "1. Yes", "2. a, b, c", "3. 9", "4. Very confident on all three", "5. d",
                         "6. c d b a", "7. Yes", "8. Yes", "9. No", "10. Mon 30th Nov",
                         "11. Qualified 2005, in palliative care since 2012", "", "Aisha"]),
    E(True, "abc", 9, (5, 5, 5), "d", rank="cdba", proto=True, shared=True, training=False, last=INF("2026-11-30"),
      years=INF(14)),
    "Apple Mail (macOS) top list; grid 'Very confident on all three' (the scale's top anchor: 5 for each); 5 'd'; "
    "ranking 'c d b a'; 10 'Mon 30th Nov' (no year: 2026-11-30, inferred); 11 'Qualified 2005, in palliative care "
    "since 2012' (counted from 2012 to 2026: 14, inferred).")

n = "apple_mac_typed_on_answer_lines"
add(n, apple_reply(P + n, "apple_mac", top=["Answers in the text below - hope that's OK.", "", "Aisha"],
                   on_line={1: "Yes", 2: "b", 3: "4", 4: "Dose 2, route 2, side effects 3 - still learning", 5: "a, b",
                            6: "a d c b", 7: "No", 8: "N/A", 9: "Yes", 10: "15/10/2026", 11: "2"}),
    E(True, "b", 4, (2, 2, 3), "ab", rank="adcb", proto=False, shared=NA, training=True, last="2026-10-15", years=2),
    "Apple Mail (macOS), answers typed on the quoted Answer: lines; grid 'Dose 2, route 2, side effects 3 - still "
    "learning' (words after the scores); ranking 'a d c b'; 8 'N/A' after no to 7.")

n = "apple_mac_plain_flowed_comment"
COMMENT = ("Our biggest problem is out of hours - the community teams can't get it from the local pharmacies, so "
           "patients sometimes wait a day for a syringe driver to be set up.")
add(n, apple_mac_plain(P + n, apple_mac_text(["1. Yes", "2. a and c", "3. 7", "4. 4, 3, 4", "5. b, c",
                                              "6. d, c, b, a", "7. Yes", "8. Yes", "9. Yes", "10. 06/11/2026",
                                              "11. 18", "12. " + COMMENT, "", "Aisha"])),
    E(True, "ac", 7, (4, 3, 4), "bc", rank="dcba", proto=True, shared=True, training=True, last="2026-11-06", years=18,
      comments=COMMENT),
    "Apple Mail (macOS) in plain text (format=flowed, DelSp=yes): top list with a long comment soft-wrapped by the "
    "client (read as one line); grid '4, 3, 4'; ranking 'd, c, b, a'; 10 '06/11/2026' (day first).")

# =====================================================================
# Samsung Email, Yahoo Mail, Thunderbird (flowed text; HTML 115)
# =====================================================================
n = "samsung_never_used_na"
add(n, reply(P + n, "samsung", top=["1. No", "2. n/a", "3. 1", "4. n/a", "5. a, b", "6. b a c d", "7. No", "8. n/a",
                                    "9. Yes", "11. 1"]),
    E(False, "na", 1, "na", "ab", rank="bacd", proto=False, shared=NA, training=True, years=1),
    "Samsung Email top list above 'Sent from my Galaxy', never used: 'n/a' for 2, the grid and 8; 10 skipped; "
    "'11. 1' (one year).")

n = "yahoo_top_list_since_year"
add(n, yahoo(P + n, ["1. yes", "2. a", "3. 6", "4. 3, 4, 3", "5. a, b", "6. b d a c", "7. yes", "8. yes", "9. yes",
                     "10. 25/11/2026", "11. Since 2014 (before that GP)", "", "Aisha"]),
    E(True, "a", 6, (3, 4, 3), "ab", rank="bdac", proto=True, shared=True, training=True, last="2026-11-25",
      years=INF(12)),
    "Yahoo Mail top list; 11 'Since 2014 (before that GP)' (counted to 2026: 12, inferred); grid '3, 4, 3'.")

n = "thunderbird_flowed_inline_comment"
COMMENT2 = ("The regional protocol would help - at the moment each hospice has its own and the starting doses differ "
            "quite a lot between them.")
add(n, thunderbird_flowed(P + n, "\n".join(["Hello,", "", "My answers are below.", "", "Aisha", ""]) + "\n" + WROTE_TB + "\n"
                          + text_inline(answers={1: "Yes", 2: "a, b", 3: "7", 4: "4,4,4", 5: "a", 6: "b, d, a, c",
                                                 7: "Yes", 8: "Yes", 9: "Yes", 10: "04/12/2026", 11: "12",
                                                 12: COMMENT2}) + "\n"),
    E(True, "ab", 7, (4, 4, 4), "a", rank="bdac", proto=True, shared=True, training=True, last="2026-12-04", years=12,
      comments=COMMENT2),
    "Thunderbird (format=flowed text), answers below each quoted Answer:; a long comment soft-wrapped (one line); "
    "grid '4,4,4'; 10 '04/12/2026' (day first).")

n = "tb115_inline_not_applicable"
add(n, reply(P + n, "tb115", top=["Answers inline.", "", "Aisha"],
             answers={1: "Yes", 2: "a, b, c", 3: "8", 4: "a - 3  b - 4  c - 5", 5: "a, c", 6: "b, c, a, d", 7: "No",
                      8: "not applicable", 9: "Yes", 10: "20/11/2026", 11: "9"}),
    E(True, "abc", 8, (3, 4, 5), "ac", rank="bcad", proto=False, shared=NA, training=True, last="2026-11-20", years=9),
    "Thunderbird 115 (HTML and flowed text), answers below each quoted Answer:; grid 'a - 3  b - 4  c - 5' on one "
    "line; 8 'not applicable' after no to 7.")
