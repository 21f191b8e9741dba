"""The cases of heldback22e (see tests/fixtures/heldback22e/README.md):
replies of Dr Aisha Lewis to the seed-full invitation, sent 4-12 Jan 2027,
in the clients and forms a regional survey of palliative care doctors
actually receives. Relative dates and 'since YEAR' are counted from each
reply's own Date header (reply_date(name))."""
import datetime, email.utils
from lib import *  # noqa: F401,F403
import clients as C
import clients_new as N

P = "heldback22e_"
NA = {"status": "ok", "value": {"reserved": "not_applicable"}}
PNS = {"status": "ok", "value": {"reserved": "prefer_not_to_say"}}
SKIP = object()  # not given: absent from the expectation

SITS = {"a": "end_of_life", "b": "early_adjuvant", "c": "opioid_sparing"}
BARS = {"a": "expertise", "b": "evidence", "c": "side_effects", "d": "none", "e": "other"}
RANK = {"a": "expertise", "b": "evidence", "c": "side_effects", "d": "access"}


def when(name):
    """The reply's Date header as a datetime (UTC = Europe/London in January)."""
    return email.utils.parsedate_to_datetime(reply_date(P + name))


def _a(v):
    if isinstance(v, dict) and "status" in v:
        return v
    return ok(v)


def E(u=SKIP, s=SKIP, c=SKIP, g=SKIP, b=SKIP, r=SKIP, wp=SKIP, ps=SKIP, t=SKIP, d=SKIP, y=SKIP, cm=SKIP):
    """The expected answers: s a string of situation letters, b of barrier
    letters (or (letters, other text)), r of ranking letters from rank 1
    down; g three grid values or one reserved/unclear answer for all."""
    out = {}
    if u is not SKIP:
        out["used_ketamine"] = _a(u)
    if s is not SKIP:
        out["situations"] = _a([SITS[x] for x in s] if isinstance(s, str) else s)
    if c is not SKIP:
        out["confidence"] = _a(c)
    if g is not SKIP:
        vals = g if isinstance(g, tuple) else (g, g, g)
        for item, v in zip(("dosing", "routes", "side_effects"), vals):
            out["confidence_areas." + item] = _a(v)
    if b is not SKIP:
        if isinstance(b, tuple):
            out["barriers"] = ok([BARS[x] for x in b[0]], other=b[1])
        else:
            out["barriers"] = _a([BARS[x] for x in b] if isinstance(b, str) else b)
    if r is not SKIP:
        out["barrier_rank"] = _a([RANK[x] for x in r] if isinstance(r, str) else r)
    if wp is not SKIP:
        out["written_protocol"] = _a(wp)
    if ps is not SKIP:
        out["protocol_shared"] = _a(ps)
    if t is not SKIP:
        out["training"] = _a(t)
    if d is not SKIP:
        out["last_prescribed"] = _a(d)
    if y is not SKIP:
        out["years_in_palliative"] = _a(y)
    if cm is not SKIP:
        out["comments"] = _a(cm)
    return out


def add(name, raw, answers, note, missing=None):
    case(P + name, raw, answers, note=note, missing=missing)


NHS_SIG = ["Dr Aisha Lewis", "Specialty Doctor in Palliative Medicine", "Riverside Palliative Care Unit",
           "Tel: 0161 496 0734 | Bleep 2281"]
NHSMAIL_FOOTER = [
    "",
    "********************************************************************",
    "This e-mail and any attachments are confidential and intended only for the person to whom it is addressed. "
    "If you have received it in error, please tell the sender and delete it; do not copy it or pass it on.",
    "NHSmail is the secure national e-mail service for health and care staff in England.",
    "********************************************************************",
]


# ======================= Outlook for Windows (9) =======================
n = "outlook_top_list_item_dashes"
add(n, N.outlook_win(P + n, top=[
    "Hi,", "", "1. Yes", "2. a, c", "3. 7", "4. dosing - 4, routes - 3, side effects - 4", "5. a, b", "6. b > a > d > c",
    "7. Yes", "8. No", "9. Yes", "10. 14/11/2026", "11. 12 years", "", "Best wishes", "Aisha", "", *NHS_SIG]),
    E(True, "ac", 7, (4, 3, 4), "ab", "badc", True, False, True, "2026-11-14", 12),
    "Outlook for Windows, top list: the grid as 'dosing - 4, routes - 3, side effects - 4' (item words and dashes); "
    "the ranking 'b > a > d > c'; 10 '14/11/2026'; '12 years'; an NHS signature with a phone and bleep number")

n = "outlook_on_answer_lines_since_year"
add(n, N.outlook_win(P + n, top=["Answers in the form below.", "", "Aisha"], on_line={
    1: "Yes", 2: "a and b", 3: "6", 4: "4 4 3", 5: "c", 6: "d, b, a, c", 7: "Yes",
    8: "Yes - went to the district nurses in the autumn", 9: "Yes", 10: "Nov 2026", 11: "Since 2015"}),
    E(True, "ab", 6, (4, 4, 3), "c", "dbac", True, True, True, "2026-11", INF(when(n).year - 2015)),
    "Outlook for Windows, answers typed on the Answer: lines of the unquoted original: the grid as a row '4 4 3'; "
    "ranking 'd, b, a, c'; 10 'Nov 2026'; 11 'Since 2015' (counted to the reply's Date in January 2027: 12, inferred)")

n = "outlook_word_table_grid"
tbl_html, tbl_text = N.word_table([["a) Starting dose", "3"], ["b) Route (oral or subcut)", "4"], ["c) Side effects", "2"]])
top1 = ["Hello Dr Rahman,", "", "Here are my answers.", "", "1. Yes", "2. a only", "3. 5", "4. (table below)"]
top2 = ["", "5. a, c", "6. a, c, b, d", "7. No", "8. n/a", "9. Yes", "10. 02/12/2026", "11. 9", "", "Kind regards",
        "Aisha Lewis"]
add(n, N.outlook_win(P + n, top_html=N.word_paras(top1) + tbl_html + N.word_paras(top2),
                     top_text="\n".join(top1) + "\n" + tbl_text + "\n" + "\n".join(top2)),
    E(True, "a", 5, (3, 4, 2), "ac", "acbd", False, NA, True, "2026-12-02", 9),
    "Outlook for Windows, top list with the grid as a two-column Word table (item, score; an HTML table, tabs in "
    "the text part); 'a only'; 8 'n/a' after no to 7; 10 '02/12/2026' (both parts 12 or under: day first, 2 Dec)")

n = "outlook_numbered_list_rank_below"
below = {1: "Yes", 2: "All three", 3: "8", 4: "a) 5\nb) 4\nc) 4", 5: "b", 7: "Yes", 8: "Yes", 9: "No",
         10: "Last month", 11: "15 years",
         12: "Our unit uses 10 mg tds orally as a starting point and titrates from there, so a regional guide would help."}
rank_words = ["Access to the drug", "Lack of evidence", "Lack of expertise", "Side effects"]
span = lambda a: '<span style="color:#1F3864">' + esc(a).replace("\n", "<br>\n") + "</span>"
orig_html = word_original(below_answer={**{q: span(a) for q, a in below.items()}, 6: "@@LIST@@"})
list_html = ""
for i, w in enumerate(rank_words, 1):
    cls = "MsoListParagraphCxSpFirst" if i == 1 else "MsoListParagraphCxSpLast" if i == 4 else "MsoListParagraphCxSpMiddle"
    list_html += (f"<p class={cls} style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]>"
                  f"<span style='color:#1F3864'><span style='mso-list:Ignore'>{i}.<span style='font:7.0pt \"Times New Roman\"'>"
                  "&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>"
                  f"<span style='color:#1F3864'>{esc(w)}</span><o:p></o:p></p>\n")
orig_html = orig_html.replace("<p class=MsoNormal>@@LIST@@<o:p></o:p></p>", list_html)
orig_text = flat_text(below_answer={**below, 6: "\n".join(f"{i}.  {w}" for i, w in enumerate(rank_words, 1))})
top = ["Please see my answers under each question.", "", "Aisha"]
add(n, N.outlook_desktop_raw(P + n, N.word_paras(top) + OUTLOOK_FROM_HTML + orig_html,
                             "\n".join(top) + "\n\n" + OUTLOOK_FROM_TEXT + "\n" + orig_text + "\n"),
    E(True, "abc", 8, (5, 4, 4), "b", "dbac", True, True, False, INF("2026-12"), 15, below[12]),
    "Outlook for Windows, answers in their own paragraph below each Answer: of the original; the ranking as a Word "
    "numbered list of the options' words (1. Access to the drug, 2. Lack of evidence, ...; mso-list paragraphs); "
    "'All three' for 2; the grid on three lines 'a) 5' 'b) 4' 'c) 4'; 10 'Last month' (December 2026 from a January "
    "2027 reply: inferred); a comment with a dose in it")

n = "outlook_scores_beside_items_and_options"
add(n, N.outlook_win(P + n, top=["Have marked up the form below - scores next to the items for 4 and 6.", "", "Aisha"],
                     on_line={1: "Yes", 3: "6", 7: "Yes", 8: "Not sure - would have to ask our pharmacist", 9: "Yes",
                              10: "09/11/2026", 11: "20"},
                     after_option={(2, "a"): "X", (2, "c"): "X", (4, "a"): "3", (4, "b"): "3", (4, "c"): "4",
                                   (5, "b"): "X", (6, "a"): "2", (6, "b"): "1", (6, "c"): "4", (6, "d"): "3"}),
    E(True, "ac", 6, (3, 3, 4), "b", "badc", True, UNCLEAR, True, "2026-11-09", 20),
    "Outlook for Windows, the form marked up in the original: X after the chosen options of 2 and 5, a score after "
    "each grid item's text, a rank after each option of 6 (a 2, b 1, c 4, d 3); 8 'Not sure - would have to ask our "
    "pharmacist' (unclear); 10 '09/11/2026' (day first: 9 Nov)")

n = "outlook_never_used_na_words"
add(n, N.outlook_win(P + n, top=[
    "Dear Dr Rahman", "", "1. No", "2. N/A", "3. 2", "4. N/A", "5. a, b", "6. a, b, d, c", "7. No", "8. N/A",
    "9. Yes please", "10. N/A", "11. ten years", "", "Regards", "Aisha", "", "Dr Aisha Lewis",
    "Locum Consultant, Palliative Medicine", "Riverside Palliative Care Unit | Ext 4417"]),
    E(False, NA, 2, NA, "ab", "abdc", False, NA, True, SKIP, 10),
    "Outlook for Windows, top list from a doctor who has never used it: 'N/A' for 2, the grid, 8 and 10 (10 allows no "
    "n/a and does not apply: left out); 'Yes please' for 9; 11 'ten years'")

n = "outlook_trap_rank_leaves_one_out"
add(n, N.outlook_win(P + n, top=["Hi - answers below each question.", "", "Thanks", "Aisha"], below={
    1: "Yes", 2: "c", 3: "7", 4: "4, 4, 5", 5: "a, b, e - supply from community pharmacies",
    6: "b > a > d\n(side effects aren't really an issue for us so I haven't ranked them)", 7: "Yes", 8: "Yes", 9: "No",
    10: "October 2026", 11: "8"}),
    E(True, "c", 7, (4, 4, 5), ("abe", "supply from community pharmacies"), UNCLEAR, True, True, False, "2026-10", 8),
    "TRAP. Outlook for Windows, answers below each Answer:: the ranking 'b > a > d' leaves out c (side effects) on "
    "purpose, so it is not a full ranking (unclear, not guessed); 5 'a, b, e - supply from community pharmacies' "
    "(other with its text); 10 'October 2026'")

n = "outlook_ps_corrects_protocol"
add(n, N.outlook_win(P + n, top=[
    "1. yes", "2. a", "3. 8", "4. 5 5 4", "5. b, c", "6. b-c-a-d", "7. No", "8. n/a", "9. No", "10. 21/12/2026",
    "11. 14", "", "Aisha", "",
    "PS - sorry, I've just checked with our lead nurse and we do have a written protocol (on the intranet, updated "
    "in 2024). So 7 is yes, and 8 is no - it hasn't gone out to the community teams yet."]),
    E(True, "a", 8, (5, 5, 4), "bc", "bcad", True, False, False, "2026-12-21", 14),
    "Outlook for Windows, top list, then a PS correcting 7 from no to yes and answering 8 no in words (the doctor's "
    "own correction: 7 yes, 8 no); the ranking 'b-c-a-d'; the grid '5 5 4'; 10 '21/12/2026'")

n = "outlook_decline_slash_row"
add(n, N.outlook_win(P + n, top=[
    "1. Yes", "2. b, c", "3. Decline", "4. 3/3/4", "5. a", "6. A, D, B, C", "7. Yes", "8. Yes", "9. Yes",
    "10. Sept 2026", "11. 6 yrs", "", "Many thanks,", "Aisha", "", *NHS_SIG]),
    E(True, "bc", PNS, (3, 3, 4), "a", "adbc", True, True, True, "2026-09", 6),
    "Outlook for Windows, top list: 3 'Decline' (prefer not to say, allowed); the grid '3/3/4'; ranking 'A, D, B, C'; "
    "10 'Sept 2026'; '6 yrs'")

# ======================= Outlook on the web / NHSmail (6) =======================
n = "owa_top_grid_letter_lines"
add(n, C.owa(P + n, [
    "1. Yes", "2. a, b, c", "3. 9", "4.", "a) 4", "b) 4", "c) 3", "5. d", "6. d, a, b, c", "7. Yes", "8. Yes",
    "9. n/a - I run the regional ketamine teaching", "10. 03/12/2026", "11. 18 months", "", "Aisha", *NHSMAIL_FOOTER]),
    E(True, "abc", 9, (4, 4, 3), "d", "dabc", True, True, NA, "2026-12-03", 1.5),
    "Outlook on the web (NHSmail), top list with its confidentiality footer: the grid on three lines 'a) 4' 'b) 4' "
    "'c) 3' under '4.'; 5 'd' (No barriers) yet a ranking; 9 'n/a - I run the regional ketamine teaching' (not "
    "applicable, allowed); 10 '03/12/2026' (day first); 11 '18 months' (1.5)")

n = "owa_typed_into_original_earlier_today"
ans = {1: "Yes", 2: "a, c", 3: "7", 4: "3, 4, 3", 5: "a", 6: "a b d c", 7: "No", 8: "n/a", 9: "Yes",
       10: "Earlier today (CSCI on the ward)", 11: "11"}
add(n, C.owa(P + n, ["Answered below - thanks", "", "Aisha"], original=N.inv_html(on_line=ans),
             original_text=N.inv_text(on_line=ans, prefix="")),
    E(True, "ac", 7, (3, 4, 3), "a", "abdc", False, NA, True, INF(when(n).strftime("%Y-%m-%d")), 11),
    "Outlook on the web, answers typed on the Answer: lines of the unquoted original: 10 'Earlier today (CSCI on the "
    "ward)' (the day of the reply's Date header: inferred); the grid '3, 4, 3'; ranking 'a b d c'; 8 'n/a' after no "
    "to 7")

n = "owa_never_used_does_not_apply"
add(n, C.owa(P + n, [
    "1. No, never", "2. Not applicable", "3. 1", "4. Does not apply", "5. a, c", "6. a > c > b > d", "7. Yes",
    "8. Don't know", "9. Yes", "11. 4", "", "Aisha Lewis"]),
    E(False, NA, 1, NA, "ac", "acbd", True, UNCLEAR, True, SKIP, 4),
    "Outlook on the web, top list from a doctor who has never used it: 2 'Not applicable', the grid 'Does not apply' "
    "(each item not applicable), 10 skipped (absent); 8 \"Don't know\" (unclear); ranking 'a > c > b > d'")

n = "owa_trap_duration_about_ten"
add(n, C.owa(P + n, [
    "1. Yes", "2. a", "3. 5", "4. 2, 3, 3", "5. a, c", "6. a, c, d, b", "7. Yes", "8. No", "9. Yes", "10. Oct 2026",
    "11. About 10 - I'd have to check my CV", "", "Best,", "Aisha", *NHSMAIL_FOOTER]),
    E(True, "a", 5, (2, 3, 3), "ac", "acdb", True, False, True, "2026-10", UNCLEAR),
    "TRAP. Outlook on the web (NHSmail), top list: 11 'About 10 - I'd have to check my CV' (a hedge: unclear); "
    "the grid '2, 3, 3'; 10 'Oct 2026'")

n = "owa_four_for_each_words_rank"
add(n, C.owa(P + n, [
    "Hi Asha,", "", "1. Yes", "2. a+c", "3. 7", "4. 4 for each", "5. b",
    "6. evidence, then expertise, then access, then side effects", "7. yes", "8. yes", "9. yes", "10. 2 Jan", "11. 13",
    "", "Happy new year,", "Aisha"]),
    E(True, "ac", 7, (4, 4, 4), "b", "badc", True, True, True, INF("2027-01-02"), 13),
    "Outlook on the web, top list: the grid '4 for each' (every item 4); 2 'a+c'; the ranking by the options' words "
    "joined with 'then'; 10 '2 Jan' (no year: the most recent 2 January before the reply, 2027, inferred)")

n = "owa_leaves_duration_blank"
ans = {1: "Yes", 2: "c", 3: "4", 4: "2 2 3", 5: "a, b", 6: "1 a, 2 d, 3 b, 4 c", 7: "No", 8: "NA", 9: "Yes",
       10: "mid-November 2026"}
add(n, C.owa(P + n, ["See below", "A"], original=N.inv_html(after=ans), original_text=N.inv_text(answers=ans, prefix="")),
    E(True, "c", 4, (2, 2, 3), "ab", "adbc", False, NA, True, "2026-11", SKIP),
    "Outlook on the web, answers typed below each Answer: of the unquoted original; 11 left blank (missing); the "
    "ranking as rank-letter pairs '1 a, 2 d, 3 b, 4 c'; 8 'NA'; 10 'mid-November 2026' (the month)")

# ======================= Outlook for iOS / Android (4) =======================
n = "outlook_ios_trap_confidence_either"
add(n, C.outlook_mobile(P + n, ["1. Y", "2. a", "3. 6 or 7", "4. 3 4 4", "5. a b", "6. b a c d", "7. Y", "8. N", "9. Y",
                                 "10. Dec", "11. 7"]),
    E(True, "a", UNCLEAR, (3, 4, 4), "ab", "bacd", True, False, True, INF("2026-12"), 7),
    "TRAP. Outlook for iOS, terse top list: 3 '6 or 7' (either/or: unclear); 10 'Dec' without a year in a January "
    "2027 reply (December 2026, inferred); Y/N; the grid '3 4 4'; ranking 'b a c d'")

n = "outlook_ios_prefer_not_training"
add(n, C.outlook_mobile(P + n, ["1) yes", "2) b", "3) 4", "4) 5,4,4", "5) a", "6) a c b d", "7) yes", "8) yes",
                                 "9) prefer not to say", "10) 28/11/26", "11) 10 yrs"]),
    E(True, "b", 4, (5, 4, 4), "a", "acbd", True, True, PNS, "2026-11-28", 10),
    "Outlook for iOS, top list numbered '1)': 9 'prefer not to say' (allowed); the grid '5,4,4'; 10 '28/11/26' "
    "(two-digit year); '10 yrs'")

n = "outlook_android_letter_scores_since"
add(n, C.outlook_mobile(P + n, ["1 Yes", "2 a c", "3 8", "4 A4 B3 C3", "5 c", "6 c > d > a > b", "7 Yes", "8 Yes",
                                 "9 No", "10 30/12/2026", "11 Since 2010"], platform="Android"),
    E(True, "ac", 8, (4, 3, 3), "c", "cdab", True, True, False, "2026-12-30", INF(when(n).year - 2010)),
    "Outlook for Android, top list without dots: the grid 'A4 B3 C3'; ranking 'c > d > a > b'; 11 'Since 2010' "
    "(17 to the reply's Date in 2027, inferred)")

n = "outlook_ios_never_used_NA"
add(n, C.outlook_mobile(P + n, ["1. No", "2. NA", "3. 0", "4. NA", "5. a", "6. a, d, b, c", "7. No", "8. NA",
                                 "9. Yes", "11. 3 yrs"]),
    E(False, NA, 0, NA, "a", "adbc", False, NA, True, SKIP, 3),
    "Outlook for iOS, never used: 'NA' for 2, the grid and 8; 3 '0' (the scale's bottom, not missing); 10 skipped "
    "(does not apply); '3 yrs'")

# ======================= Gmail (8) =======================
n = "gmail_inline_numbered_rank_list"
add(n, N.reply(P + n, "gmail_web", top=["Answers below.", "", "Aisha"], answers={
    1: "Yes", 2: "a and c", 3: "7", 4: "a 4, b 5, c 3", 5: "a, b", 6: "1. Access\n2. Expertise\n3. Evidence\n4. Side effects",
    7: "Yes", 8: "No", 9: "Yes", 10: "Boxing Day", 11: "16"}),
    E(True, "ac", 7, (4, 5, 3), "ab", "dabc", True, False, True, INF("2026-12-26"), 16),
    "Gmail web, answers inline below each quoted Answer: (the quote split): the ranking as a numbered list of short "
    "option words (1. Access ... 4. Side effects); the grid 'a 4, b 5, c 3'; 10 'Boxing Day' (26 Dec 2026 from a "
    "January 2027 reply, inferred)")

n = "gmail_pasted_sheet_table"
rows = [["Q", "Answer"], ["1", "Yes"], ["2", "a, b"], ["3", "6"], ["4a", "4"], ["4b", "3"], ["4c", "4"], ["5", "b, c"],
        ["6", "b, d, a, c"], ["7", "Yes"], ["8", "Yes"], ["9", "Yes"], ["10", "07/10/2026"], ["11", "21"]]
td = ('<td style="overflow:hidden;padding:2px 3px;vertical-align:bottom;border:1px solid rgb(204,204,204)"'
      ' data-sheets-value="{&quot;1&quot;:2,&quot;2&quot;:&quot;{v}&quot;}">{v}</td>')
sheet = ('<google-sheets-html-origin><table xmlns="http://www.w3.org/1999/xhtml" cellspacing="0" cellpadding="0" dir="ltr" border="1" '
         'style="table-layout:fixed;font-size:10pt;font-family:Arial;width:0px;border-collapse:collapse;border:none" data-sheets-root="1">'
         '<colgroup><col width="60"><col width="140"></colgroup><tbody>'
         + "".join('<tr style="height:21px">' + "".join(td.replace("{v}", esc(c)) for c in r) + "</tr>" for r in rows)
         + "</tbody></table></google-sheets-html-origin>")
pre, post = ["Hi,", "I did this on a spreadsheet first - pasted below.", ""], ["", "Aisha"]
add(n, N.reply(P + n, "gmail_web", top=pre + ["\t".join(r) for r in rows] + post,
               top_html='<div dir="ltr">' + N._divs(pre) + sheet + N._divs(post) + "</div>"),
    E(True, "ab", 6, (4, 3, 4), "bc", "bdac", True, True, True, "2026-10-07", 21),
    "Gmail web, the answers pasted from a Google Sheet as an HTML table (Q, Answer; the grid as rows 4a/4b/4c; tabs "
    "in the text part); ranking 'b, d, a, c'; 10 '07/10/2026' (day first: 7 Oct)")

n = "gmail_inline_item_words_very_confident"
add(n, N.reply(P + n, "gmail_web", top=["Hi, inline answers.", "", "Best,", "Aisha"], answers={
    1: "Yes", 2: "c", 3: "5", 4: "starting dose 3\nroute 2\nside effects - very confident", 5: "a", 6: "a, b, c, d",
    7: "No", 8: "N/A", 9: "yes", 10: "19/10/2026", 11: "2.5"}),
    E(True, "c", 5, (3, 2, 5), "a", "abcd", False, NA, True, "2026-10-19", 2.5),
    "Gmail web, inline: the grid by item words on three lines, the last as the scale's top anchor 'very confident' "
    "(5); ranking 'a, b, c, d' (the options' own order); 11 '2.5'")

n = "gmail_trap_rank_shared_first"
add(n, N.reply(P + n, "gmail_web", top=[
    "1. Yes", "2. a", "3. 6", "4. a) 3 b) 3 c) 2", "5. a, b", "6. a 1, b 1, c 3, d 2 (honestly can't separate a and b)",
    "7. Yes", "8. Yes", "9. Yes", "10. November 2026", "11. 5", "", "Aisha"]),
    E(True, "a", 6, (3, 3, 2), "ab", UNCLEAR, True, True, True, "2026-11", 5),
    "TRAP. Gmail web, top list: the ranking 'a 1, b 1, c 3, d 2' gives a and b the same rank (a tie: unclear); "
    "the grid 'a) 3 b) 3 c) 2' on one line")

n = "gmail_never_used_grid_answered_anyway"
add(n, N.reply(P + n, "gmail_web", top=[
    "1. No", "2. n/a", "3. 3", "4. 2, 2, 3 - from watching colleagues use it", "5. a", "6. a, b, c, d", "7. Yes",
    "8. Yes", "9. Yes definitely", "11. 7", "", "Aisha"]),
    E(False, NA, 3, (2, 2, 3), "a", "abcd", True, True, True, SKIP, 7),
    "Gmail web, never used yet the grid answered '2, 2, 3 - from watching colleagues use it' (a question that does "
    "not apply, answered: kept as given); 2 'n/a'; 10 skipped; 'Yes definitely'")

n = "gmail_android_colons_lowercase"
add(n, N.reply(P + n, "gmail_android", top=[
    "1: yes", "2: a b c", "3: 8", "4: 5 4 4", "5: b", "6: b d c a", "7: yes", "8: no", "9: no", "10: sept 2026",
    "11: 10 yrs"]),
    E(True, "abc", 8, (5, 4, 4), "b", "bdca", True, False, False, "2026-09", 10),
    "Gmail for Android, lower case with colons: the grid '4: 5 4 4' (the question's number, then the row); ranking "
    "'b d c a'; 'sept 2026'; '10 yrs'")

n = "gmail_android_trap_last_spring"
add(n, N.reply(P + n, "gmail_android", top=[
    "1 Yes", "2 b", "3 3", "4 2 2 2", "5 a", "6 a > b > d > c", "7 No", "8 n/a", "9 Yes", "10 last spring I think",
    "11 since 2021", "", "Sent from my phone, sorry for brevity"]),
    E(True, "b", 3, (2, 2, 2), "a", "abdc", False, NA, True, UNCLEAR, INF(when(n).year - 2021)),
    "TRAP. Gmail for Android, top list without dots: 10 'last spring I think' (a season with a hedge: unclear); "
    "11 'since 2021' (6 to the reply's Date in 2027, inferred); the grid '4 2 2 2' (the number, then three 2s)")

n = "gmail_ios_inline_other_text"
add(n, N.reply(P + n, "gmail_ios", top=["Aisha"], answers={
    1: "Yes", 2: "a", 3: "7", 4: "4\n4\n3", 5: "c, e (no syringe drivers free in the community)", 6: "c, a, d, b",
    7: "Yes", 8: "Yes", 9: "No", 10: "12/12/2026", 11: "19"}),
    E(True, "a", 7, (4, 4, 3), ("ce", "no syringe drivers free in the community"), "cadb", True, True, False,
      "2026-12-12", 19),
    "Gmail for iOS, inline below the quoted Answer: lines: the grid as three bare lines '4' '4' '3'; 5 'c, e (no "
    "syringe drivers free in the community)' (other with its text); 10 '12/12/2026'")

# ======================= Apple Mail (7) =======================
n = "iphone_unnumbered_top_list"
add(n, C.iphone(P + n, ["Yes", "a, c", "7", "4, 3, 4", "a, b", "b, a, d, c", "Yes", "Yes", "Yes", "Nov 2026", "12"]),
    E(True, "ac", 7, (4, 3, 4), "ab", "badc", True, True, True, "2026-11", 12),
    "iPhone Mail, a top list of eleven lines without numbers, one per question in order (as the invitation asks): "
    "the grid '4, 3, 4'; ranking 'b, a, d, c'; 'Nov 2026'")

n = "iphone_inline_two_digit_year"
add(n, N.apple_reply(P + n, "iphone", answers={
    1: "Yes", 2: "b, c", 3: "6", 4: "3 3 3", 5: "a, c", 6: "d b a c", 7: "No", 8: "-", 9: "Yes", 10: "02/01/27",
    11: "8 years"}),
    E(True, "bc", 6, (3, 3, 3), "ac", "dbac", False, NA, True, "2027-01-02", 8),
    "iPhone Mail, inline below the quoted Answer: lines: 10 '02/01/27' (both parts 12 or under, day first: 2 Jan "
    "2027); 8 '-' after no to 7; the grid '3 3 3'; ranking 'd b a c'")

n = "iphone_trap_grid_item_range"
add(n, C.iphone(P + n, ["1. Yes", "2. a", "3. 5", "4. a) 3-4  b) 4  c) 4", "5. b", "6. b, a, c, d", "7. Yes", "8. Yes",
                         "9. Yes", "10. 15/12/2026", "11. 11"]),
    E(True, "a", 5, (UNCLEAR, 4, 4), "b", "bacd", True, True, True, "2026-12-15", 11),
    "TRAP. iPhone Mail, top list: the grid 'a) 3-4  b) 4  c) 4' (a range for the first item: that item unclear, "
    "the others read)")

n = "iphone_never_used_dash_decline"
add(n, C.iphone(P + n, ["1. No", "2. Not applicable", "3. 2", "4. -", "5. a, b", "6. a b d c", "7. No", "8. -",
                         "9. Decline", "10. -", "11. twelve years", "", "A Lewis"]),
    E(False, NA, 2, NA, "ab", "abdc", False, NA, PNS, SKIP, 12),
    "iPhone Mail, never used: 2 'Not applicable', '-' for the grid and 8 (not applicable), '-' under 10 (allows no "
    "n/a and does not apply: left out); 9 'Decline' (prefer not to say); 'twelve years'")

n = "apple_mac_numbers_beside_rank_options"
add(n, N.apple_reply(P + n, "apple_mac", top=["Answers in the email below.", "", "Aisha"], answers={
    1: "Yes", 2: "a", 3: "8", 4: "5, 4, 4", 5: "b, c", 7: "Yes", 8: "No", 9: "No", 10: "20th Nov 2026", 11: "22"},
    after_option={(6, "a"): "3", (6, "b"): "1", (6, "c"): "2", (6, "d"): "4"}),
    E(True, "a", 8, (5, 4, 4), "bc", "bcad", True, False, False, "2026-11-20", 22),
    "Apple Mail (macOS), inline: the ranking as a number typed after each option inside the quote (a 3, b 1, c 2, "
    "d 4); other answers below the quoted Answer: lines; 10 '20th Nov 2026'")

n = "apple_mac_q_dash_top"
add(n, N.apple_reply(P + n, "apple_mac", top=[
    "Q1 - Yes", "Q2 - a & c", "Q3 - 7", "Q4 - a 4, b 4, c 5", "Q5 - a", "Q6 - a, d, c, b", "Q7 - Yes", "Q8 - Yes",
    "Q9 - Prefer not to say", "Q10 - w/c 7th December", "Q11 - 17 years", "", "Aisha"]),
    E(True, "ac", 7, (4, 4, 5), "a", "adcb", True, True, PNS, INF("2026-12"), 17),
    "Apple Mail (macOS), top list 'Q1 - Yes': 2 'a & c'; 9 'Prefer not to say'; 10 'w/c 7th December' (week "
    "commencing, no year: December 2026 from a January 2027 reply, the month inferred)")

n = "apple_mac_plain_flowed_inline"
ans = {1: "Yes", 2: "a, b", 3: "7", 4: "dose 3, route 4, side effects 3", 5: "a", 6: "a > b > c > d", 7: "Yes", 8: "Yes",
       9: "Yes", 10: "New Year's Eve", 11: "4 years",
       12: "Would really value a regional guideline on switching from subcutaneous to oral - each of our sites does "
           "it differently at the moment."}
add(n, N.apple_mac_plain(P + n, "\n".join(["Answers below.", "", "Aisha"]) + "\n\n> " + WROTE_APPLE + "\n> \n"
                         + text_inline(answers=ans) + "\n"),
    E(True, "ab", 7, (3, 4, 3), "a", "abcd", True, True, True, INF("2026-12-31"), 4, ans[12]),
    "Apple Mail (macOS) in plain text (format=flowed, DelSp=yes), inline: the grid 'dose 3, route 4, side effects 3'; "
    "10 \"New Year's Eve\" (31 Dec 2026 from a January 2027 reply, inferred); a comment soft-wrapped")

# ======================= Others (4) =======================
n = "thunderbird_flowed_inline_comment"
ans = {1: "Yes", 2: "c", 3: "6", 4: "3, 3, 2", 5: "a, b, c", 6: "c > a > b > d", 7: "Yes",
       8: "No - only within the hospice so far", 9: "Yes", 10: "2026-11-23", 11: "9",
       12: "Happy to help with any follow-up. The biggest practical issue for us is getting it dispensed at weekends."}
add(n, C.thunderbird_flowed(P + n, "Hello,\n\nMy answers are below.\n\nAisha\n\n" + WROTE_TB + "\n" + text_inline(answers=ans) + "\n"),
    E(True, "c", 6, (3, 3, 2), "abc", "cabd", True, False, True, "2026-11-23", 9, ans[12]),
    "Thunderbird, format=flowed, inline below the quoted Answer: lines: 10 as an ISO date '2026-11-23'; 8 'No - only "
    "within the hospice so far'; ranking 'c > a > b > d'; a comment soft-wrapped")

n = "samsung_top_list_shared_without_protocol"
add(n, N.reply(P + n, "samsung", top=[
    "1 Yes", "2 a", "3 5", "4 dosing 3, routes 3, side effects 4", "5 a", "6 a, d, b, c", "7 No", "8 No", "9 Yes",
    "10 27/11/2026", "11 10"]),
    E(True, "a", 5, (3, 3, 4), "a", "adbc", False, False, True, "2026-11-27", 10),
    "Samsung Email, top list: no to 7 but 8 answered 'No' (a question that does not apply, answered: kept as given, "
    "not not-applicable); the grid by the items' ids 'dosing 3, routes 3, side effects 4'")

n = "yahoo_top_list_dash_row"
add(n, C.yahoo(P + n, ["1. Yes", "2. a, c", "3. 7", "4. 4-4-3", "5. b", "6. b, c, a, d", "7. Yes", "8. Yes", "9. Yes",
                        "10. August 2026", "11. twenty", "", "Aisha"]),
    E(True, "ac", 7, (4, 4, 3), "b", "bcad", True, True, True, "2026-08", 20),
    "Yahoo Mail, top list: the grid '4-4-3' (three scores joined by dashes); 10 'August 2026'; 11 'twenty'")

n = "tb115_inline_half_years"
add(n, N.reply(P + n, "tb115", top=["Hi, answers inline.", "", "Aisha"], answers={
    1: "Yes", 2: "a", 3: "7", 4: "4 3 3", 5: "a, b", 6: "b, a, d, c", 7: "Yes", 8: "Yes", 9: "Yes", 10: "10/12/2026",
    11: "6 and a half"}),
    E(True, "a", 7, (4, 3, 3), "ab", "badc", True, True, True, "2026-12-10", 6.5),
    "Thunderbird (HTML), inline below each quoted Answer:: 11 '6 and a half' (6.5); 10 '10/12/2026' (both parts 12 or "
    "under: day first, 10 Dec); the grid '4 3 3'")
