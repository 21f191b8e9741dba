"""The held-back cases of issue 22: grids, rankings, dates, durations and
conditions in replies to the seed-full survey (invitation-aisha.eml)."""
from clients import *
import lib

P = "heldback22_"
NA = {"reserved": "not_applicable"}
PN = {"reserved": "prefer_not_to_say"}
U = UNCLEAR


def inf(v):
    return {"status": "inferred", "value": v}


def _a(v):
    return v if isinstance(v, dict) and "status" in v else ok(v)


ABSENT = object()
BASE = dict(used=True, sit=["end_of_life", "opioid_sparing"], conf=7, grid=(4, 3, 4), bar=["evidence"],
            rank=["evidence", "expertise", "side_effects", "access"], wp=True, ps=True, tr=True, last="2025-03", yrs=10, com=ABSENT)
KEYS = [("used", "used_ketamine"), ("sit", "situations"), ("conf", "confidence"), ("grid", None), ("bar", "barriers"),
        ("rank", "barrier_rank"), ("wp", "written_protocol"), ("ps", "protocol_shared"), ("tr", "training"),
        ("last", "last_prescribed"), ("yrs", "years_in_palliative"), ("com", "comments")]
ITEMS = ["dosing", "routes", "side_effects"]


def ans(**kw):
    """The expected answers: BASE changed by keyword; ABSENT leaves one out;
    grid is a 3-tuple (ABSENT for an item left out)."""
    v = dict(BASE)
    v.update(kw)
    out = {}
    for k, qid in KEYS:
        if k == "grid":
            if v["grid"] is ABSENT:
                continue
            for item, x in zip(ITEMS, v["grid"]):
                if x is not ABSENT:
                    out[f"confidence_areas.{item}"] = _a(x)
        elif v[k] is not ABSENT:
            out[qid] = _a(v[k])
    return out


NEVER = dict(used=False, sit=ABSENT, grid=ABSENT, last=ABSENT)  # never used ketamine, the conditional ones skipped

# ===================== grids =====================

a = {1: "Yes", 2: "a, c", 3: "7", 4: "a) 4\nb) 3\nc) 5", 5: "b", 6: "b, a, c, d", 7: "Yes", 8: "Yes", 9: "Yes", 10: "03/2025", 11: "10"}
text = "Hi, answers inline.\n\nAisha\n\n" + WROTE_GMAIL + "\n\n" + text_inline(answers=a) + "\n"
html = ('<div dir="ltr">Hi, answers inline.<div><br></div><div>Aisha</div></div><br>'
        + gmail_quote_html(html_split(answers_after=a, open_tag=GMAIL_BQ, close_tag="</blockquote>",
                                      wrap=lambda x: "<div><br></div><div>" + esc(x).replace("\n", "<br>") + "</div><div><br></div>")))
case(P + "grid_letters_inline_gmail", gmail("g1", text, html), ans(grid=(4, 3, 5)),
     note="Gmail inline: the grid answered 'a) 4 / b) 3 / c) 5' on three lines below its quoted Answer:; the ranking as letters in order")

lines = ["1. Yes", "2. a", "3. 6", "4. dosing - 4, route - 2, side effects - 3", "5. a, b", "6. a > b > d > c", "7. No", "8. n/a",
         "9. Yes", "10. 05/11/2026", "11. 14"]
case(P + "grid_item_words_dash_outlook", outlook_desktop("g2", [esc(l) for l in lines] + ["&nbsp;", "Aisha"], word_original(),
                                                        "\n".join(lines) + "\n\nAisha", flat_text(),
                                                        frm='"Lewis, Aisha" <aisha.lewis@riverside-pcu.test>'),
     ans(sit=["end_of_life"], conf=6, grid=(4, 2, 3), bar=["expertise", "evidence"], rank=["expertise", "evidence", "access", "side_effects"],
         wp=False, ps=NA, last="2026-11-05", yrs=14),
     note="Outlook desktop, top list: grid items named by a word of their label ('dosing - 4, route - 2, side effects - 3'); 8 'n/a' after no to 7; 05/11/2026 is 5 November (dmy)")

lines = ["1. yes", "2. b", "3. 8", "4. 4 3 2", "5. c", "6. c > b > a > d", "7. yes", "8. no", "9. no", "10. March 2025", "11. 9"]
case(P + "grid_row_in_order_iphone", iphone("g3", lines + ["", "Aisha"]),
     ans(sit=["early_adjuvant"], conf=8, grid=(4, 3, 2), bar=["side_effects"], rank=["side_effects", "evidence", "expertise", "access"],
         ps=False, tr=False, yrs=9),
     note="iPhone, top list: the grid as a row of three numbers in the items' order ('4. 4 3 2'), next to its question number")

rows = [("a) Choosing a starting dose", "3"), ("b) Choosing the route", "4"), ("c) Side effects", "2")]
cell = "<td valign=top style='border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'><p class=MsoNormal>{}<o:p></o:p></p></td>"
tbl = ("<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none;margin-left:12.0pt'>"
       + "".join("<tr>" + cell.format(esc(q)) + cell.format(f"<span style='color:#C00000'>{a_}</span>") + "</tr>" for q, a_ in rows) + "</table>")
oa = {1: "Yes", 2: "a, b, c", 3: "5", 5: "a", 6: "a, c, b, d", 7: "Yes", 8: "No", 9: "Yes", 10: "2025-10-14", 11: "6"}
below = {4: tbl}
case(P + "grid_html_table_outlook", outlook_desktop(
    "g4", ["Answers in red below, I put the grid in a table.", "&nbsp;", "Aisha"],
    word_original(on_answer={q: f" <span style='color:#C00000'>{esc(x)}</span>" for q, x in oa.items()}, below_answer=below),
    "Answers in red below, I put the grid in a table.\n\nAisha",
    flat_text(on_answer=oa, below_answer={4: "\n".join(f"{q}\t{a_}" for q, a_ in rows)})),
    ans(sit=["end_of_life", "early_adjuvant", "opioid_sparing"], conf=5, grid=(3, 4, 2), bar=["expertise"],
        rank=["expertise", "side_effects", "evidence", "access"], ps=False, last="2025-10-14", yrs=6),
    note="Outlook desktop: the grid answered in a Word table (item | score) below its Answer: (tab-separated rows in the text part); the ranking as letters in order")

lines = ["1. No", "2. n/a", "3. 2", "4. n/a - never used it", "5. a, b", "6. a > b > c > d", "7. No", "8. n/a", "9. Yes", "10.", "11. 3"]
case(P + "grid_na_whole_never_used_owa", owa("g5", lines + ["", "Thanks,", "Aisha"]),
     ans(**{**NEVER, "sit": NA, "grid": (NA, NA, NA)}, conf=2, bar=["expertise", "evidence"], rank=["expertise", "evidence", "side_effects", "access"],
         wp=False, ps=NA, yrs=3),
     note="Outlook on the web: never used ketamine, the grid answered 'n/a' as a whole (each item not applicable), 2 and 8 n/a; 10 left empty (does not apply, not missing)")

a = {1: "Yes", 2: "c", 3: "6", 4: "a) 4\nb) 3", 5: "b, c", 6: "b > c > a > d", 7: "Yes", 8: "Yes", 9: "Yes", 10: "Nov 2026", 11: "12"}
text = WROTE_TB + "\n" + text_inline(answers=a) + "\n\n-- \nDr Aisha Lewis\nRiverside Palliative Care Unit\n"
case(P + "grid_one_item_missing_thunderbird", thunderbird_flowed("g6", text),
     ans(sit=["opioid_sparing"], conf=6, grid=(4, 3, ABSENT), bar=["evidence", "side_effects"], rank=["evidence", "side_effects", "expertise", "access"],
         last="2026-11", yrs=12),
     note="Thunderbird flowed, inline: the grid's item c left out ('a) 4 / b) 3'): that item is missing, the others read")

lines = ["1. Yes", "2. a", "3. 9", "4. a) 4, b) 3, c) 7", "5. d", "6. d > c > b > a", "7. Yes", "8. Yes", "9. No", "10. 20/11/2026", "11. 22"]
text = "\n".join(lines) + "\n\nAisha\n\n> " + WROTE_APPLE + "\n> \n" + quote(INV_TEXT) + "\n"
html = ('<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head><body style="overflow-wrap: break-word; -webkit-nbsp-mode: space; line-break: after-white-space;">'
        + divs(lines + ["", "Aisha"]) + '<div><br><blockquote type="cite"><div>' + esc(WROTE_APPLE) + '</div><br class="Apple-interchange-newline"><div>'
        + INV_HTML_BODY + '</div></blockquote></div><br></body></html>')
case(P + "grid_item_out_of_range_apple_mail", apple("g7", text, html, mailer=MAC_MAILER, mime_version=MAC_MIME),
     ans(sit=["end_of_life"], conf=9, grid=(4, 3, {"status": "invalid", "value": None}), bar=["none"],
         rank=["access", "side_effects", "evidence", "expertise"], tr=False, last="2026-11-20", yrs=22),
     note="Apple Mail, top list: grid item c is 7 on a 1-5 scale (out of range: invalid, asked again), a and b read")

lines = ["1 - yes", "2 - a", "3 - 7", "4 - 4 for all three", "5 - b", "6 - b > a > c > d", "7 - yes", "8 - yes", "9 - yes",
         "10 - 01/12/2026", "11 - 15"]
case(P + "grid_same_for_all_yahoo", yahoo("g8", lines + ["", "Aisha"]),
     ans(sit=["end_of_life"], grid=(4, 4, 4), last="2026-12-01", yrs=15),
     note="Yahoo: '4 for all three' gives each grid item 4; 01/12/2026 is 1 December (dmy), the day of the invitation")

lines = ["1 Yes", "2 a b", "3 6", "4 a) 3-4 b) 4 c) 2?", "5 a", "6 a > c > b > d", "7 Yes", "8 No", "9 Yes", "10 Sept 2026", "11 8"]
case(P + "grid_trap_range_hedge_gmail_android", gmail_top("g9", lines, sign=("A",), android=True),
     ans(sit=["end_of_life", "early_adjuvant"], conf=6, grid=(U, 4, U), bar=["expertise"], rank=["expertise", "side_effects", "evidence", "access"],
         ps=False, last="2026-09", yrs=8),
     note="trap: grid item a '3-4' (a range) and c '2?' (a question mark) are unclear; b reads 4")

oa = {1: "Yes", 2: "b, c", 3: "8", 5: "c", 6: "c, a, b, d", 7: "Yes", 8: "Yes", 9: "prefer not to say", 10: "June 2026", 11: "11"}
aopt = {(4, "a"): "5", (4, "b"): "4", (4, "c"): "4"}
case(P + "grid_numbers_after_items_outlook", outlook_desktop(
    "g10", ["Answers in green.", "&nbsp;", "Aisha"],
    word_original(on_answer={q: f" <span style='color:#00B050'>{esc(x)}</span>" for q, x in oa.items()},
                  after_option={k: f" <span style='color:#00B050'>{x}</span>" for k, x in aopt.items()}),
    "Answers in green.\n\nAisha", flat_text(on_answer=oa, after_option=aopt)),
    ans(sit=["early_adjuvant", "opioid_sparing"], conf=8, grid=(5, 4, 4), bar=["side_effects"], rank=["side_effects", "expertise", "evidence", "access"],
        tr=PN, last="2026-06", yrs=11),
    note="Outlook desktop: each grid item's score typed after the item's own text ('a) Choosing a starting dose 5'), the grid's Answer: left empty; 9 'prefer not to say' (allowed)")

# ===================== rankings =====================

a = {1: "Yes", 2: "a", 3: "7", 4: "a) 4\nb) 4\nc) 3", 5: "b, c",
     6: "1. Lack of evidence\n2. Side effects\n3. Lack of expertise\n4. Access", 7: "Yes", 8: "No", 9: "Yes", 10: "April 2026", 11: "10 yrs"}
text = "Aisha\n\n" + WROTE_GMAIL + "\n\n" + text_inline(answers=a) + "\n"
html = ('<div dir="ltr">Aisha</div><br>' + gmail_quote_html(html_split(answers_after=a, open_tag=GMAIL_BQ, close_tag="</blockquote>",
                                                                      wrap=lambda x: "<div><br></div><div>" + esc(x).replace("\n", "<br>") + "</div><div><br></div>")))
case(P + "rank_numbered_labels_inline_gmail", gmail("r1", text, html),
     ans(sit=["end_of_life"], grid=(4, 4, 3), bar=["evidence", "side_effects"], rank=["evidence", "side_effects", "expertise", "access"],
         ps=False, last="2026-04", yrs=10),
     note="Gmail inline: the ranking as a numbered list of the options' labels (shortened) below its quoted Answer:; the numbers are ranks, not question numbers; '10 yrs'")

lines = ["1. yes", "2. a, b", "3. 5", "4. a) 3 b) 3 c) 2", "5. a, b, c", "6. b > a > d > c", "7. no", "8. n/a", "9. yes", "10. 12/10/2026", "11. 7"]
text = "\n".join(lines) + "\n\nAisha\n\n" + WROTE_TB + "\n" + quote(INV_TEXT) + "\n"
case(P + "rank_gt_letters_thunderbird", thunderbird_flowed("r2", text),
     ans(sit=["end_of_life", "early_adjuvant"], conf=5, grid=(3, 3, 2), bar=["expertise", "evidence", "side_effects"],
         rank=["evidence", "expertise", "access", "side_effects"], wp=False, ps=NA, last="2026-10-12", yrs=7),
     note="Thunderbird flowed, top list: the ranking 'b > a > d > c'; 12/10/2026 is 12 October (dmy)")

oa = {1: "Yes", 2: "a", 3: "6", 4: "a) 3, b) 4, c) 3", 5: "a, b", 7: "Yes", 8: "Yes", 9: "Yes", 10: "02/2026", 11: "16"}
aopt = {(6, "a"): "3", (6, "b"): "1", (6, "c"): "2", (6, "d"): "4"}
case(P + "rank_numbers_beside_options_outlook", outlook_desktop(
    "r3", ["Please see my answers in blue.", "&nbsp;", "Aisha"],
    word_original(on_answer={q: f" <span style='color:#0070C0'>{esc(x)}</span>" for q, x in oa.items()},
                  after_option={k: f" <span style='color:#0070C0'>{x}</span>" for k, x in aopt.items()}),
    "Please see my answers in blue.\n\nAisha", flat_text(on_answer=oa, after_option=aopt)),
    ans(sit=["end_of_life"], conf=6, grid=(3, 4, 3), bar=["expertise", "evidence"], rank=["evidence", "side_effects", "expertise", "access"],
        last="2026-02", yrs=16),
    note="Outlook desktop: the ranks typed beside each option of question 6 (a 3, b 1, c 2, d 4), its Answer: line empty")

lines = ["1. Yes", "2. c", "3. 8", "4. a) 5 b) 5 c) 4", "5. b", "6. d, b, a, c", "7. Yes", "8. Yes", "9. No", "10. 30/11/2026", "11. ten years"]
text = "\n".join(lines) + "\n\nAisha\n\n> " + WROTE_APPLE + "\n> \n" + quote(INV_TEXT) + "\n"
html = ('<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head><body style="overflow-wrap: break-word; -webkit-nbsp-mode: space; line-break: after-white-space;">'
        + divs(lines + ["", "Aisha"]) + '<div><br><blockquote type="cite"><div>' + esc(WROTE_APPLE) + '</div><br class="Apple-interchange-newline"><div>'
        + INV_HTML_BODY + '</div></blockquote></div><br></body></html>')
case(P + "rank_letters_commas_apple_mail", apple("r4", text, html, mailer=MAC_MAILER, mime_version=MAC_MIME),
     ans(sit=["opioid_sparing"], conf=8, grid=(5, 5, 4), rank=["access", "evidence", "expertise", "side_effects"], tr=False,
         last="2026-11-30", yrs=10),
     note="Apple Mail, top list: the ranking as letters in order with commas ('d, b, a, c'); 'ten years' in words")

lines = ["1 - yes", "2 - b", "3 - 4", "4 - a) 2 b) 3 c) 2", "5 - a", "6 - evidence > access > expertise > side effects", "7 - no",
         "8 - n/a", "9 - yes", "10 - October 2026", "11 - 5"]
case(P + "rank_label_words_yahoo", yahoo("r5", lines + ["", "Aisha"]),
     ans(sit=["early_adjuvant"], conf=4, grid=(2, 3, 2), bar=["expertise"], rank=["evidence", "access", "expertise", "side_effects"],
         wp=False, ps=NA, last="2026-10", yrs=5),
     note="Yahoo: the ranking by a word of each option's label, joined by '>'")

lines = ["1. Yes", "2. a", "3. 7", "4. a) 4 b) 3 c) 3", "5. b", "6. a 1, b 1, c 2, d 3", "7. Yes", "8. Yes", "9. Yes", "10. 03/2026", "11. 10"]
case(P + "rank_trap_tie_iphone", iphone("r6", lines),
     ans(sit=["end_of_life"], grid=(4, 3, 3), rank=U, last="2026-03"),
     note="trap: a tie (a and b both 1) in the ranking: unclear, asked about, never guessed")

lines = ["1. Yes", "2. a, c", "3. 6", "4. a) 3 b) 4 c) 4", "5. b, c", "6. a=1 b=2 c=4 d=5", "7. No", "8. n/a", "9. Yes", "10. Aug 2026", "11. 10"]
case(P + "rank_trap_gap_owa", owa("r7", lines + ["", "Aisha"]),
     ans(conf=6, grid=(3, 4, 4), bar=["evidence", "side_effects"], rank=U, wp=False, ps=NA, last="2026-08"),
     note="trap: the ranks 1, 2, 4, 5 for four options (a gap, a rank out of 1..4): unclear")

lines = ["1 Yes", "2 a", "3 7", "4 a) 4 b) 4 c) 4", "5 b", "6 b first, then a, the others don't matter much", "7 Yes", "8 Yes", "9 Yes",
         "10 Oct 2026", "11 12"]
case(P + "rank_trap_partial_gmail_android", gmail_top("r8", lines, sign=("A",), android=True),
     ans(sit=["end_of_life"], grid=(4, 4, 4), rank=U, last="2026-10", yrs=12),
     note="trap: a partial ranking ('b first, then a, the others don't matter much'): c and d unranked, unclear")

lines = ["1. Yes", "2. b", "3. 5", "4. a) 3 b) 2 c) 3", "5. a", "6. 2 1 4 3", "7. Yes", "8. No", "9. Yes", "10. 07/2026", "11. 4"]
case(P + "rank_trap_bare_digits_gmail", gmail_top("r9", lines, sign=("Aisha",)),
     ans(sit=["early_adjuvant"], conf=5, grid=(3, 2, 3), bar=["expertise"], rank=U, ps=False, last="2026-07", yrs=4),
     note="trap: '6. 2 1 4 3' may be the ranks of a, b, c, d or the options in rank order (two different rankings): unclear")

lines = ["1. Yes", "2. a", "3. 7", "4. a) 4 b) 3 c) 4", "5. a, b", "6. a2 b1 c4 d3", "7. Yes", "8. Yes", "9. Yes", "10. 15/09/2026", "11. 10"]
text = "\n".join(lines) + "\n\nAisha Lewis\n\n" + ORIGINAL_MESSAGE + "\n" + INV_TEXT + "\n"
case(P + "rank_letter_number_pairs_outlook_text", outlook_text("r10", text),
     ans(sit=["end_of_life"], bar=["expertise", "evidence"], rank=["evidence", "expertise", "access", "side_effects"], last="2026-09-15"),
     note="Outlook plain text: the ranking as letter-rank pairs 'a2 b1 c4 d3' (b first, then a, d, c)")

# ===================== dates =====================

lines = ["1. Yes", "2. a", "3. 8", "4. a) 4 b) 4 c) 5", "5. d", "6. b > a > c > d", "7. Yes", "8. Yes", "9. No", "10. 03/2025", "11. 13"]
case(P + "date_month_slash_year_outlook_ios", outlook_mobile("d1", lines),
     ans(sit=["end_of_life"], conf=8, grid=(4, 4, 5), bar=["none"], rank=["evidence", "expertise", "side_effects", "access"], tr=False,
         last="2025-03", yrs=13),
     note="Outlook for iOS (base64): the date as month/year '03/2025'")

a = {1: "Yes", 2: "b", 3: "6", 4: "a) 3\nb) 3\nc) 3", 5: "b", 6: "b > c > a > d", 7: "No", 8: "", 9: "Yes", 10: "March 2025", 11: "9"}
a = {k: v for k, v in a.items() if v}
text = "Answers inline.\n\nAisha\n\n> " + WROTE_APPLE + "\n> \n" + text_inline(answers=a) + "\n"
case(P + "date_month_words_iphone_inline", apple("d2", text, None),
     ans(sit=["early_adjuvant"], conf=6, grid=(3, 3, 3), rank=["evidence", "side_effects", "expertise", "access"], wp=False, ps=ABSENT,
         last="2025-03", yrs=9),
     note="iPhone inline (text only): 'March 2025' is the month; 8 left empty after no to 7 (does not apply: absent, not missing)")

lines = ["1. Yes", "2. a", "3. 7", "4. a) 4 b) 3 c) 3", "5. b", "6. b > a > c > d", "7. Yes", "8. Yes", "9. Yes", "10. last spring, I think", "11. 10"]
text = "\n".join(lines) + "\n\nAisha\n\n" + WROTE_TB + "\n" + quote(INV_TEXT) + "\n"
case(P + "date_trap_last_spring_thunderbird", thunderbird_flowed("d3", text),
     ans(sit=["end_of_life"], grid=(4, 3, 3), rank=["evidence", "expertise", "side_effects", "access"], last=U),
     note="trap: 'last spring, I think' is no date (and a hedge): unclear")

lines = ["1. Yes", "2. c", "3. 7", "4. a) 3 b) 4 c) 4", "5. a", "6. a > b > c > d", "7. Yes", "8. No", "9. Yes", "10. 04/06/2025", "11. 10"]
case(P + "date_ambiguous_dmy_owa", owa("d4", lines + ["", "Aisha"]),
     ans(sit=["opioid_sparing"], grid=(3, 4, 4), bar=["expertise"], rank=["expertise", "evidence", "side_effects", "access"], ps=False,
         last="2025-06-04"),
     note="Outlook on the web: '04/06/2025', both parts 12 or under, read day first as the survey's date_order = dmy says: 4 June 2025")

lines = ["1 - yes", "2 - a, c", "3 - 9", "4 - a) 5 b) 4 c) 5", "5 - d", "6 - b > d > c > a", "7 - yes", "8 - yes", "9 - no",
         "10 - 14th October 2026", "11 - 20"]
case(P + "date_day_month_words_yahoo", yahoo("d5", lines + ["", "Aisha"]),
     ans(conf=9, grid=(5, 4, 5), bar=["none"], rank=["evidence", "access", "side_effects", "expertise"], tr=False, last="2026-10-14", yrs=20),
     note="Yahoo: the date in words with an ordinal, '14th October 2026'")

lines = ["1. Yes", "2. a", "3. 6", "4. a) 3 b) 3 c) 4", "5. c", "6. c > a > b > d", "7. Yes", "8. Yes", "9. Yes", "10. 05.11.2026", "11. 10"]
case(P + "date_dotted_gmail", gmail_top("d6", lines, sign=("Aisha",)),
     ans(sit=["end_of_life"], conf=6, grid=(3, 3, 4), bar=["side_effects"], rank=["side_effects", "expertise", "evidence", "access"], last="2026-11-05"),
     note="Gmail: the date written with dots, '05.11.2026', day first: 5 November 2026")

# ===================== durations =====================

lines = ["1. Yes", "2. a", "3. 7", "4. a) 4 b) 3 c) 4", "5. b", "6. b > a > c > d", "7. Yes", "8. Yes", "9. Yes", "10. 03/2026", "11. 10 yrs"]
paras = [esc(l) for l in lines] + ["&nbsp;", "Kind regards", "Aisha"]
case(P + "duration_yrs_outlook", outlook_desktop("y1", paras, word_original(), "\n".join(lines) + "\n\nKind regards\nAisha", flat_text()),
     ans(sit=["end_of_life"], rank=["evidence", "expertise", "side_effects", "access"], last="2026-03", yrs=10),
     note="Outlook desktop, top list: '10 yrs'")

lines = ["1. No", "2. -", "3. 3", "4. -", "5. a", "6. a > b > d > c", "7. No", "8. -", "9. Yes", "10. -", "11. ten years"]
case(P + "duration_words_iphone", iphone("y2", lines),
     ans(**{**NEVER, "sit": NA, "grid": (NA, NA, NA)}, conf=3, bar=["expertise"], rank=["expertise", "evidence", "access", "side_effects"],
         wp=False, ps=NA, yrs=10),
     note="iPhone: 'ten years' in words; never used ketamine, dashes for 2, 4 and 8 (not applicable, the grid as a whole); 10's dash: a question that does not apply and has no n/a answer, so left out of the expectation")

a = {1: "Yes", 2: "a, b", 3: "8", 4: "a) 4\nb) 4\nc) 4", 5: "c", 6: "c > b > a > d", 7: "Yes", 8: "Yes", 9: "No", 10: "Nov 2026",
     11: "since 2015"}
text = "Aisha\n\n" + WROTE_GMAIL + "\n\n" + text_inline(answers=a) + "\n"
html = ('<div dir="ltr">Aisha</div><br>' + gmail_quote_html(html_split(answers_after=a, open_tag=GMAIL_BQ, close_tag="</blockquote>",
                                                                      wrap=lambda x: "<div><br></div><div>" + esc(x).replace("\n", "<br>") + "</div><div><br></div>")))
case(P + "duration_since_year_gmail", gmail("y3", text, html, date="Thu, 03 Dec 2026 14:21:09 +0000"),
     ans(sit=["end_of_life", "early_adjuvant"], conf=8, grid=(4, 4, 4), bar=["side_effects"], rank=["side_effects", "evidence", "expertise", "access"],
         tr=False, last="2026-11", yrs=inf(11)),
     note="Gmail inline: 'since 2015' counted to the reply's Date (2026): 11, inferred (the receipt says so)")

lines = ["1. yes", "2. a", "3. 6", "4. a) 3 b) 3 c) 3", "5. b", "6. b > a > c > d", "7. yes", "8. yes", "9. yes", "10. 10/2026", "11. about 10"]
text = "\n".join(lines) + "\n\nAisha\n\n" + WROTE_TB + "\n" + quote(INV_TEXT) + "\n"
case(P + "duration_trap_about_thunderbird", thunderbird_flowed("y4", text),
     ans(sit=["end_of_life"], conf=6, grid=(3, 3, 3), rank=["evidence", "expertise", "side_effects", "access"], last="2026-10", yrs=U),
     note="trap: 'about 10' years is a hedge: unclear")

lines = ["1. Yes", "2. c", "3. 7", "4. a) 4 b) 4 c) 3", "5. a, b", "6. a > b > c > d", "7. No", "8. n/a", "9. Yes", "10. 09/2026", "11. 8-10"]
case(P + "duration_trap_range_owa", owa("y5", lines + ["", "Aisha"]),
     ans(sit=["opioid_sparing"], grid=(4, 4, 3), bar=["expertise", "evidence"], rank=["expertise", "evidence", "side_effects", "access"],
         wp=False, ps=NA, last="2026-09", yrs=U),
     note="trap: '8-10' years is a range: unclear")

lines = ["1. Yes", "2. b, c", "3. 4", "4. a) 2 b) 3 c) 2", "5. a", "6. a > c > b > d", "7. Yes", "8. No", "9. Yes", "10. 02/12/2026", "11. 18 months"]
text = "\n".join(lines) + "\n\nAisha\n\n> " + WROTE_APPLE + "\n> \n" + quote(INV_TEXT) + "\n"
html = ('<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head><body style="overflow-wrap: break-word; -webkit-nbsp-mode: space; line-break: after-white-space;">'
        + divs(lines + ["", "Aisha"]) + '<div><br><blockquote type="cite"><div>' + esc(WROTE_APPLE) + '</div><br class="Apple-interchange-newline"><div>'
        + INV_HTML_BODY + '</div></blockquote></div><br></body></html>')
case(P + "duration_months_apple_mail", apple("y6", text, html, mailer=MAC_MAILER, mime_version=MAC_MIME, date="Thu, 03 Dec 2026 08:12:44 +0000"),
     ans(sit=["early_adjuvant", "opioid_sparing"], conf=4, grid=(2, 3, 2), bar=["expertise"], rank=["expertise", "side_effects", "evidence", "access"],
         ps=False, last="2026-12-02", yrs=1.5),
     note="Apple Mail: '18 months' for a years question is 1.5; 02/12/2026 is 2 December, the day before the reply")

lines = ["1 - yes", "2 - a", "3 - 8", "4 - a) 4 b) 5 c) 4", "5 - c", "6 - c > a > b > d", "7 - yes", "8 - yes", "9 - yes", "10 - 11/2026",
         "11 - since 2019 (before that I was in general medicine)"]
case(P + "duration_since_year_reason_yahoo", yahoo("y7", lines + ["", "Aisha"], date="Fri, 04 Dec 2026 19:40:02 +0000"),
     ans(sit=["end_of_life"], conf=8, grid=(4, 5, 4), bar=["side_effects"], rank=["side_effects", "expertise", "evidence", "access"],
         last="2026-11", yrs=inf(7)),
     note="Yahoo: 'since 2019 (before that ...)' counted to the reply's Date (2026): 7, inferred; the bracketed reason is no number")

lines = ["1. Yes", "2. a", "3. 7", "4. a) 4 b) 3 c) 4", "5. b", "6. b > a > c > d", "7. Yes", "8. Yes", "9. Yes", "10. 03/2026", "11. 20+"]
case(P + "duration_trap_plus_outlook_android", outlook_mobile("y8", lines, platform="Android"),
     ans(sit=["end_of_life"], rank=["evidence", "expertise", "side_effects", "access"], last="2026-03", yrs=U),
     note="trap: '20+' years is a lower bound, not a number: unclear")

# ===================== conditions, not applicable, prefer not to say =====================

oa = {1: "No", 2: "n/a", 3: "1", 4: "N/A", 5: "a, b", 6: "a > b > c > d", 7: "No", 8: "n/a", 9: "Yes", 11: "2"}
case(P + "cond_na_for_non_applying_outlook", outlook_desktop(
    "c1", ["I haven't used ketamine so most of this doesn't apply \u2013 answers below.".replace("\u2013", "&#8211;").replace("'", "&#8217;"), "&nbsp;", "Aisha"],
    word_original(on_answer={q: f" <span style='color:#C00000'>{esc(x)}</span>" for q, x in oa.items()}),
    "I haven\u2019t used ketamine so most of this doesn\u2019t apply \u2013 answers below.\n\nAisha", flat_text(on_answer=oa)),
    ans(**{**NEVER, "sit": NA, "grid": (NA, NA, NA)}, conf=1, bar=["expertise", "evidence"], rank=["expertise", "evidence", "side_effects", "access"],
        wp=False, ps=NA, yrs=2),
    note="Outlook desktop: never used ketamine; 'n/a' to 2 and 8 and 'N/A' to the whole grid (questions whose condition is false); 10 left empty: absent, not missing")

lines = ["1. No", "3. 4", "5. b", "6. b > a > d > c", "7. No", "9. Yes", "11. 6", "", "(I've skipped the ones that only apply if you've used it)"]
case(P + "cond_skipped_not_missing_gmail", gmail_top("c2", lines, sign=("Aisha",)),
     ans(**NEVER, conf=4, rank=["evidence", "expertise", "access", "side_effects"], wp=False, ps=ABSENT, yrs=6),
     note="Gmail: never used ketamine and no protocol; 2, 4, 8 and 10 skipped: their conditions are false, so they are absent and NOT missing")

a = {1: "No", 2: "b", 3: "5", 4: "a) 2\nb) 2\nc) 1", 5: "a", 6: "a > b > c > d", 7: "No", 8: "No", 9: "Yes", 11: "4"}
text = "Aisha\n\n" + WROTE_TB + "\n" + text_inline(answers=a) + "\n"
case(P + "cond_answered_anyway_thunderbird", thunderbird_flowed("c3", text),
     ans(used=False, sit=["early_adjuvant"], conf=5, grid=(2, 2, 1), bar=["expertise"], rank=["expertise", "evidence", "side_effects", "access"],
         wp=False, ps=False, last=ABSENT, yrs=4),
     note="Thunderbird inline: 'No' to 1 and to 7, yet 2, the grid and 8 answered: answers to questions that do not apply are kept as given (flagged, not asked)")

lines = ["1. Yes", "2. a, b", "3. 6", "5. c", "6. c > b > a > d", "7. Yes", "9. Yes", "10. 01/2026", "11. 10"]
case(P + "cond_applying_skipped_missing_iphone", iphone("c4", lines),
     ans(sit=["end_of_life", "early_adjuvant"], conf=6, grid=ABSENT, bar=["side_effects"], rank=["side_effects", "evidence", "expertise", "access"],
         ps=ABSENT, last="2026-01"),
     note="iPhone: used ketamine and has a protocol, yet the grid (4) and 8 are skipped: they apply, so each grid item and protocol_shared are missing")

lines = ["1. I've supervised registrars using it but never prescribed it myself", "3. 5", "5. a", "6. a > b > c > d", "7. Yes", "8. Yes",
         "9. Yes", "11. 3"]
case(P + "cond_condition_unclear_owa", owa("c5", lines + ["", "Aisha"]),
     ans(used=U, sit=ABSENT, conf=5, grid=ABSENT, bar=["expertise"], rank=["expertise", "evidence", "side_effects", "access"], last=ABSENT, yrs=3),
     note="Outlook on the web: 1 unclear ('supervised ... never prescribed it myself'); 2 and 4 skipped are not missing yet while the answer they depend on is unclear")

a = {1: "Yes", 2: "c", 3: "Prefer not to say", 4: "a) 3\nb) 2\nc) 3", 5: "a, b", 6: "a > b > d > c", 7: "Yes", 8: "Yes",
     9: "N/A - I run the regional course", 10: "19/10/2026", 11: "25"}
text = "Aisha\n\n> " + WROTE_APPLE + "\n> \n" + text_inline(answers=a) + "\n"
html = ('<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head><body style="overflow-wrap: break-word; -webkit-nbsp-mode: space; line-break: after-white-space;">'
        '<div>Aisha</div><div><br><blockquote type="cite"><div>' + esc(WROTE_APPLE) + '</div><br class="Apple-interchange-newline"><div>'
        + html_split(answers_after=a, wrap=lambda x: "<div>" + esc(x).replace("\n", "<br>") + "</div>") + '</div></blockquote></div><br></body></html>')
case(P + "cond_prefer_not_and_na_apple_mail", apple("c6", text, html, mailer=MAC_MAILER, mime_version=MAC_MIME),
     ans(sit=["opioid_sparing"], conf=PN, grid=(3, 2, 3), bar=["expertise", "evidence"], rank=["expertise", "evidence", "access", "side_effects"],
         tr=NA, last="2026-10-19", yrs=25),
     note="Apple Mail inline: 'Prefer not to say' to 3 and 'N/A - I run the regional course' to 9, both allowed there; 19/10/2026 unambiguous")

# ===================== whole replies in other clients =====================

lines = ["1. Yes", "2. a, c", "3. 7", "4. a) 4, b) 4, c) 3", "5. b, e \u2013 the paperwork", "6. b > d > a > c", "7. Yes",
         "8. No \u2013 not yet", "9. Yes", "10. 28/11/2026", "11. 10 years"]
text = "\n".join(lines) + "\n\nAisha Lewis\n\n" + ORIGINAL_MESSAGE + "\n" + INV_TEXT + "\n"
case(P + "full_list_windows1252_outlook_text", outlook_text("m1", text, charset="windows-1252"),
     ans(grid=(4, 4, 3), bar=ok(["evidence", "other"], "the paperwork"), rank=["evidence", "access", "expertise", "side_effects"],
         ps=False, last="2026-11-28", yrs=10),
     note="Outlook plain text, windows-1252: every new type in one top list with en dashes (quoted-printable); 'e \u2013 the paperwork' is other with its text; '10 years'")

a = {1: "yes", 2: "a", 3: "8", 4: "a) 5, b) 4, c) 4", 5: "d", 6: "d > b > a > c", 7: "yes", 8: "yes", 9: "no", 10: "23/11/2026", 11: "17",
     12: "Our access problems are mainly at weekends when the community pharmacies are shut; I'd rank access higher for home patients."}
text = "Aisha\n\n" + WROTE_TB + "\n" + text_inline(answers=a) + "\n"
case(P + "flowed_inline_comment_thunderbird", thunderbird_flowed("m2", text),
     ans(sit=["end_of_life"], conf=8, grid=(5, 4, 4), bar=["none"], rank=["access", "evidence", "expertise", "side_effects"], tr=False,
         last="2026-11-23", yrs=17, com=a[12]),
     note="Thunderbird flowed, inline: all types below their quoted Answer: lines, the comment soft-wrapped")
