"""The cases of heldback21u (see tests/fixtures/heldback21u/README.md). Two
helpers of this set's own: expected answers in question order (`A`), and an
explicit Date header for the clients whose helper takes none (`dated`)."""
import datetime, email.utils, re
from lib import *
from clients import *
from clients_new import reply, apple_reply, inv_html, inv_text, outlook_win, word_table, word_paras, \
    apple_mac_plain, outlook_desktop_raw, h

TN = "TRAP. "


def A(*values, comments=None):
    """Expected answers in question order: a plain value is ok, a dict
    (INF(...), UNCLEAR) is kept, None leaves the question out."""
    out = {}
    for qid, v in zip(IDS, values):
        if v is None:
            continue
        out[qid] = v if isinstance(v, dict) else ok(v)
    if comments is not None:
        out["comments"] = comments if isinstance(comments, dict) else ok(comments)
    return out


def I(*values):
    return A(*[INF(v) for v in values])


def D(day, hh, mm, ss=0):
    return email.utils.format_datetime(datetime.datetime(2026, 12, day, hh, mm, ss, tzinfo=datetime.timezone.utc))


def dated(raw, date):
    """The message with its Date header replaced (the client helpers that take no date)."""
    return re.sub(rb"^Date: [^\r\n]*", b"Date: " + date.encode(), raw, count=1, flags=re.M)


Y, N = True, False
EXP, EVI, SIDE, NONE, OTHER = "expertise", "evidence", "side_effects", "none", "other"

# ======================= Outlook for Windows =======================

case("heldback21u_numbered_dots_win", outlook_win("heldback21u_numbered_dots_win", top=[
    "Dear Asha,", "", "Here you go:", "",
    "1. Yes", "2. No", "3. Yes", "4. 7", "5. b, c", "6. Yes", "7. No", "8. Yes", "9. Yes",
    "10. Would be good to see the results split by hospice vs hospital teams.", "",
    "Kind regards", "Jack", "", "Dr Jack Clarke", "Medical Director, North Hospice"]),
    A(Y, N, Y, 7, [EVI, SIDE], Y, N, Y, Y, comments="Would be good to see the results split by hospice vs hospital teams."),
    note="Outlook for Windows, a hospice medical director: the plain numbered list on top ('1. Yes', '5. b, c'), a comment on 10.")

tbl_html, tbl_text = word_table([
    ["Question", "Answer", "Notes"],
    ["1", "Yes", ""],
    ["2", "Yes", "only in a couple of myeloma patients"],
    ["3", "Yes", ""],
    ["4", "8", ""],
    ["5", "B", "small trials, mixed results"],
    ["6", "Yes", ""],
    ["7", "Yes", "shared with both community teams in 2025"],
    ["8", "No", ""],
    ["9", "Yes", ""],
], widths=[90, 70, 260])
case("heldback21u_table_win", outlook_win("heldback21u_table_win",
    top_html=word_paras(["Asha – I've put my answers in a table, quicker for me than typing under each one.", ""]) + tbl_html
    + word_paras(["", "Best wishes", "Jack", "Consultant in Palliative Medicine, City Hospital"]),
    top_text="Asha – I've put my answers in a table, quicker for me than typing under each one.\n\n" + tbl_text
    + "\n\nBest wishes\nJack\nConsultant in Palliative Medicine, City Hospital"),
    A(Y, Y, Y, 8, [EVI], Y, Y, N, Y),
    note="Outlook for Windows: a Word table (Question / Answer / Notes), question numbers in the first column, notes beside some answers (not part of them).")

LIST_ITEMS = ["Yes", "Yes", "No", "9", "d", "Yes", "Yes", "No – been doing this for twenty years", "Yes", "Thanks for doing this."]
LIST_SPACE = "<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span>"


def word_list(items):
    out = []
    for i, it in enumerate(items, 1):
        cls = "MsoListParagraphCxSpFirst" if i == 1 else ("MsoListParagraphCxSpLast" if i == len(items) else "MsoListParagraphCxSpMiddle")
        out.append(f"<p class={cls} style='margin-left:36.0pt;mso-add-space:auto;text-indent:-18.0pt;mso-list:l0 level1 lfo1'>"
                   f"<![if !supportLists]><span style='mso-list:Ignore'>{i}.{LIST_SPACE}</span><![endif]>{esc(it)}<o:p></o:p></p>\n")
    return "".join(out)


case("heldback21u_word_autolist_win", outlook_win("heldback21u_word_autolist_win",
    top_html=word_paras(["Morning Asha,", "", "Answers as requested:", ""]) + word_list(LIST_ITEMS) + word_paras(["", "Jack"]),
    top_text="Morning Asha,\n\nAnswers as requested:\n\n" + "\n".join(f"{i}.      {it}" for i, it in enumerate(LIST_ITEMS, 1)) + "\n\nJack"),
    A(Y, Y, N, 9, [NONE], Y, Y, N, Y, comments="Thanks for doing this."),
    note="Outlook for Windows: Word turned the typed list into an automatic numbered list (MsoListParagraph, the numbers in mso-list spans; '1.      Yes' in the text part); 'd' alone is No barriers; a short thanks on 10 is its comment.")

case("heldback21u_red_on_line_win", outlook_win("heldback21u_red_on_line_win",
    top=["My answers are in red below.", "", "Thanks,", "Jack"],
    on_line={1: "Yes", 2: "No", 3: "Yes", 4: "7", 5: "a, b", 6: "Yes", 7: "No", 8: "Yes", 9: "Yes"}, color="#C00000"),
    A(Y, N, Y, 7, [EXP, EVI], Y, N, Y, Y),
    note="Outlook for Windows: answers typed in red on the original's Answer: lines (unquoted Word HTML below From/Sent).")

case("heldback21u_x_marks_options_win", outlook_win("heldback21u_x_marks_options_win",
    top=["Dear Dr Rahman,", "", "I have answered beneath each question and put an x against the barriers that apply.", "",
         "Regards,", "Jack Clarke", "Consultant in Palliative Medicine"],
    below={1: "Yes", 2: "Never", 3: "Yes", 4: "4", 6: "Yes", 7: "Yes", 8: "Yes – very much so", 9: "Yes"},
    after_option={(5, "a"): "x", (5, "c"): "x"}, color="#2F5597"),
    A(Y, N, Y, 4, [EXP, SIDE], Y, Y, Y, Y),
    note="Outlook for Windows: answers in a paragraph below each Answer:, barriers marked with an 'x' after options a) and c) (nothing on 5's Answer: line); 'Never' to a 'Have you used' question is no.")

case("heldback21u_after_question_win", outlook_win("heldback21u_after_question_win",
    top=["Answered next to each question in blue.", "", "J Clarke"],
    after_question={1: "– yes, though rarely", 2: "– no", 3: "– yes", 4: "– 6", 5: "– b", 6: "– no, we borrow the acute trust's",
                    7: "– no", 8: "– yes", 9: "– yes"}, color="#0070C0"),
    A(Y, N, Y, 6, [EVI], N, N, Y, Y),
    note="Outlook for Windows: answers typed after each question's own text, in blue, with a dash; 'yes, though rarely' is yes; 'no, we borrow the acute trust's' is no.")

case("heldback21u_trap_or_seven_win", outlook_win("heldback21u_trap_or_seven_win", top=[
    "1. Yes", "2. Yes", "3. Yes", "4. 6 or 7", "5. a", "6. Yes",
    "7. Think so? Our community CNS lead would know better than me", "8. Yes", "9. Yes", "", "J"]),
    A(Y, Y, Y, UNCLEAR, [EXP], Y, UNCLEAR, Y, Y),
    note=TN + "Outlook for Windows: '6 or 7' for 4 (two numbers: ask) and 'Think so?' with a colleague who would know better for 7 (a guess: ask); the rest plain.")

CHAIN = ["Asha,", "",
         "1. Yes", "2. No", "3. No", "4. 5", "5. a, b",
         "6 and 7 – wasn't sure so I asked our registrar, her reply is below.",
         "8. Yes", "9. Yes", "", "Jack", ""]
CHAIN_MAIL = ["From: Priya Shah <priya.shah@north-hospice.test>", "Sent: 15 December 2026 16:02",
              "To: Jack Clarke <jack.clarke@north-hospice.test>", "Subject: RE: quick q", "",
              "Yes to the first – the ketamine protocol went through governance in March. No to the second, we've talked about community guidance but nothing has been written.",
              "", "From: Jack Clarke <jack.clarke@north-hospice.test>", "Sent: 15 December 2026 15:40",
              "To: Priya Shah <priya.shah@north-hospice.test>", "Subject: quick q", "",
              "Priya – do we have a written ketamine protocol? And have we ever done shared guidance on it for the community teams?"]


def inner_from_html(lines):
    head = lines[:4]
    return ('<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm"><p class="MsoNormal">'
            + "<br>\n".join(f"<b>{esc(l.split(': ', 1)[0])}:</b> {esc(l.split(': ', 1)[1])}" for l in head) + "<o:p></o:p></p></div>\n")


chain_html = (word_paras(CHAIN) + inner_from_html(CHAIN_MAIL[0:4]) + word_paras(CHAIN_MAIL[4:7])
              + inner_from_html(CHAIN_MAIL[7:11]) + word_paras(CHAIN_MAIL[11:]) + word_paras([""]))
case("heldback21u_registrar_chain_win", dated(outlook_win("heldback21u_registrar_chain_win",
    top_html=chain_html, top_text="\n".join(CHAIN + CHAIN_MAIL)), D(15, 17, 26, 41)),
    A(Y, N, N, 5, [EXP, EVI], Y, N, Y, Y),
    note="Outlook for Windows: his list with 6 and 7 left to his registrar, whose forwarded reply (with his own question to her below it) sits between his text and the invitation: 'Yes to the first' (the protocol) and 'No to the second' (community guidance) are his service's answers to 6 and 7.")

FWD_TOP = ["Asha – I think I forwarded this rather than replying, hopefully it still gets to you.", "",
           "1 Yes", "2 No", "3 Yes", "4 8", "5 C", "6 Yes", "7 Yes", "8 No", "9 Yes", "", "Jack"]
case("heldback21u_forward_not_reply_win", outlook_desktop_raw("heldback21u_forward_not_reply_win",
    word_paras(FWD_TOP) + OUTLOOK_FROM_HTML + word_original(),
    "\n".join(FWD_TOP) + "\n\n" + OUTLOOK_FROM_TEXT + "\n" + flat_text() + "\n",
    subject="FW: " + SUBJECT),
    A(Y, N, Y, 8, [SIDE], Y, Y, N, Y),
    note="Outlook for Windows: forwarded (FW:) to the survey address instead of replied; a list without punctuation ('1 Yes', '4 8', '5 C').")

A1_TOP = ["1. Yes", "2. No", "3. Yes", "4. 6", "", "Will do the rest when I'm back at a computer"]
case("heldback21u_first_four_iphone", iphone("heldback21u_first_four_iphone", A1_TOP, date=D(17, 7, 22, 9)),
    A(Y, N, Y, 6),
    note="iPhone Mail, the morning half of a pair (with rest_evening_win): 1-4 answered, the rest promised; 5-9 missing.")

A2_TOP = ["Rest of my answers, following on from the ones I sent from my phone this morning:", "",
          "5. b", "6. Yes", "7. No", "8. Yes", "9. Yes",
          "10. Our biggest problem is getting hold of it out of hours, rather than the prescribing itself.", "", "Jack"]
case("heldback21u_rest_evening_win", dated(outlook_win("heldback21u_rest_evening_win", top=A2_TOP), D(17, 20, 14, 52)),
    A(None, None, None, None, [EVI], Y, N, Y, Y, comments="Our biggest problem is getting hold of it out of hours, rather than the prescribing itself."),
    note="Outlook for Windows, the evening half of a pair (with first_four_iphone): 5-10 only; 1-4 missing from this message.")

# ======================= Outlook on the web / NHSmail =======================

case("heldback21u_reasons_after_owa", owa("heldback21u_reasons_after_owa", [
    "Hi,", "",
    "1. Yes – mainly for neuropathic pelvic pain in the last days",
    "2. No, we'd never start it that early",
    "3. Yes, a handful of times when morphine was causing myoclonus",
    "4. 6 – much happier with oral than with a syringe driver",
    "5. a and c",
    "6. Yes, updated last spring",
    "7. No – it's on the list for 2027",
    "8. Yes definitely",
    "9. Yes", "",
    "Jack", "Consultant, Hospital Palliative Care Team"]),
    A(Y, N, Y, 6, [EXP, SIDE], Y, N, Y, Y),
    note="Outlook on the web: the numbered list with a reason after most answers (not part of them).")

ON_LINE = {1: "yes", 2: "no", 3: "no", 4: "5", 5: "a", 6: "no", 7: "no", 8: "yes", 9: "yes",
           10: "We don't have a hospital pain team so it tends to fall to us."}
case("heldback21u_on_answer_lines_owa", owa("heldback21u_on_answer_lines_owa",
    ["Answers typed in below – hope that works.", "", "Jack"],
    original=inv_html(on_line=ON_LINE, color="#0B5394"), original_text=inv_text(on_line=ON_LINE, prefix="")),
    A(Y, N, N, 5, [EXP], N, N, Y, Y, comments="We don't have a hospital pain team so it tends to fall to us."),
    note="Outlook on the web: answers typed after 'Answer:' on each line of the (unquoted) original, a comment on 10's line.")

case("heldback21u_mdt_team_owa", owa("heldback21u_mdt_team_owa", [
    "Hi Asha,", "",
    "We went through this at Tuesday's team meeting and agreed to send a single reply for the hospital team (three consultants and two CNSs):", "",
    "1. Yes", "2. No", "3. Yes", "4. 6 – that's where we landed between us", "5. a and c", "6. Yes", "7. Yes", "8. Yes", "9. Yes",
    "10. Happy for you to contact any of us.", "",
    "Jack Clarke", "on behalf of the Hospital Specialist Palliative Care Team"]),
    A(Y, N, Y, 6, [EXP, SIDE], Y, Y, Y, Y, comments="Happy for you to contact any of us."),
    note="Outlook on the web: one reply agreed for a hospital team; the single confidence figure they settled on is the answer.")

case("heldback21u_trap_depends_route_owa", owa("heldback21u_trap_depends_route_owa", [
    "1. Yes", "2. No", "3. Yes",
    "4. Depends entirely on the route – fine with oral, much less so with subcut",
    "5. a? maybe c as well", "6. Yes", "7. No", "8. Yes", "9. Yes", "", "Jack"]),
    A(Y, N, Y, UNCLEAR, UNCLEAR, Y, N, Y, Y),
    note=TN + "Outlook on the web: 4 answered with 'depends' and no number; 5 'a?' with 'maybe c' (a question mark and a maybe: ask).")

case("heldback21u_gp_nhsmail_owa", owa("heldback21u_gp_nhsmail_owa", [
    "Dear Dr Rahman,", "",
    "I'm a GP with a special interest rather than a specialist, but for what it's worth:", "",
    "1. No", "2. No", "3. No", "4. 2", "5. a", "6. No", "7. No", "8. Yes, very much", "9. Yes", "",
    "Dr Jack Clarke", "GP Partner, Riverside Medical Practice"],
    html_only=True, frm='"CLARKE, Jack (RIVERSIDE MEDICAL PRACTICE)" <jack.clarke2@nhs.net>'),
    A(N, N, N, 2, [EXP], N, N, Y, Y),
    note="Outlook on the web (NHSmail), HTML only, from his nhs.net address (read as his own): a GP with a special interest, all 'no' to use.")

case("heldback21u_keywords_owa", owa("heldback21u_keywords_owa", [
    "Asha, my answers:", "",
    "End of life – yes",
    "Early on with opioids – no",
    "To cut the opioid dose – yes",
    "Confidence – 7",
    "Barriers – evidence, side effects",
    "Written protocol – yes",
    "Community guidance – no",
    "Training – yes",
    "Research – yes", "",
    "Jack"]),
    A(Y, N, Y, 7, [EVI, SIDE], Y, N, Y, Y),
    note="Outlook on the web: no question numbers, each answer labelled with a word or two of its question's topic (in order); barriers named in words.")

# ======================= Outlook mobile, Mac, plain text =======================

case("heldback21u_terse_ios_outlook", outlook_mobile("heldback21u_terse_ios_outlook",
    ["1.Y", "2.N", "3.Y", "4.8", "5.C", "6.Y", "7.Y", "8.N", "9.Y", "", "Jack"], platform="iOS"),
    A(Y, N, Y, 8, [SIDE], Y, Y, N, Y),
    note="Outlook for iOS: number, dot and a letter without a space ('1.Y'); '4.8' in the list is question 4: 8.")

case("heldback21u_trap_slash_ios_outlook", outlook_mobile("heldback21u_trap_slash_ios_outlook",
    ["1. Yes", "2. No", "3. Can't remember, possibly once years ago", "4. 5/6", "5. b", "6. Yes", "7. Yes", "8. Yes", "9. Yes"],
    platform="iOS"),
    A(Y, N, UNCLEAR, UNCLEAR, [EVI], Y, Y, Y, Y),
    note=TN + "Outlook for iOS: 3 'Can't remember, possibly once' (ask) and 4 '5/6' (two numbers: ask).")

case("heldback21u_ranges_android_outlook", outlook_mobile("heldback21u_ranges_android_outlook",
    ["1 to 3 – yes to all three", "4 – 7", "5 – a & b", "6 – yes, 7 – no", "8 & 9 – yes", "", "Jack"], platform="Android"),
    A(Y, Y, Y, 7, [EXP, EVI], Y, N, Y, Y),
    note="Outlook for Android: questions taken together ('1 to 3 – yes to all three', '8 & 9 – yes'), two answers on one line ('6 – yes, 7 – no'), 'a & b'.")

case("heldback21u_below_outlook_mac", reply("heldback21u_below_outlook_mac", "outlook_mac",
    top=["Answers under each question.", "", "Jack"],
    answers={1: "Yes", 2: "Yes", 3: "No", 4: "8", 5: "b", 6: "Yes", 7: "Yes", 8: "No", 9: "Yes",
             10: "The evidence base needs a proper multicentre trial, not more case series."}),
    A(Y, Y, N, 8, [EVI], Y, Y, N, Y, comments="The evidence base needs a proper multicentre trial, not more case series."),
    note="Outlook for Mac: answers in a paragraph below each Answer: of the unquoted original; a comment below 10's.")

PLAIN_TOP = ["Q1 - Yes", "Q2 - No", "Q3 - No", "Q4 - 3", "Q5 - A, B", "Q6 - No", "Q7 - No", "Q8 - Yes", "Q9 - Yes",
             "Q10 - We see very few patients who need it, perhaps two a year.", "", "Dr J Clarke", "GP, Millbrook Surgery"]
case("heldback21u_q_dash_plain_outlook", outlook_text("heldback21u_q_dash_plain_outlook",
    "\n".join(PLAIN_TOP) + "\n\n" + ORIGINAL_MESSAGE + "\n" + INV_TEXT + "\n"),
    A(Y, N, N, 3, [EXP, EVI], N, N, Y, Y, comments="We see very few patients who need it, perhaps two a year."),
    note="Outlook plain text (-----Original Message-----), a GP: 'Q1 - Yes' labels, capital letters for barriers, a comment on Q10.")

# ======================= Gmail =======================

case("heldback21u_paren_list_gmail", gmail_top("heldback21u_paren_list_gmail", [
    "Hello Asha,", "",
    "1) yes", "2) no", "3) yes", "4) 7", "5) a - we use it so rarely it's hard to stay familiar", "6) yes", "7) yes", "8) yes", "9) yes",
    "10) I'd be interested in a regional study day on ketamine if one is planned."], sign=("Best,", "Jack")),
    A(Y, N, Y, 7, [EXP], Y, Y, Y, Y, comments="I'd be interested in a regional study day on ketamine if one is planned."),
    note="Gmail web: '1) yes' list, a reason after the barrier letter, a comment on 10).")

case("heldback21u_trap_contradiction_gmail", gmail_top("heldback21u_trap_contradiction_gmail", [
    "1. No", "2. No", "3. Yes", "4. 5", "5. b, c", "6. Yes", "7. No", "8. Yes", "9. Yes", "",
    "For what it's worth, the few times I've prescribed it were all for patients in their last week or so with bone pain that "
    "wasn't touched by the diamorphine in the driver, which is why I'm only middling on confidence."], sign=("Thanks,", "Jack")),
    A(UNCLEAR, N, Y, 5, [EVI, SIDE], Y, N, Y, Y),
    note=TN + "Gmail web: '1. No', then a paragraph describing exactly question 1 (ketamine for dying patients with pain on top of diamorphine) without correcting it: ask about 1.")

case("heldback21u_skipped_seven_gmail", gmail_top("heldback21u_skipped_seven_gmail", [
    "1. Yes", "2. Yes", "3. Yes", "4. 8", "5. c", "6. Yes", "8. No", "9. Yes"], sign=("Cheers,", "Jack"), date=D(19, 13, 40, 17)),
    A(Y, Y, Y, 8, [SIDE], Y, None, N, Y),
    note="Gmail web, the first of a pair (with seven_only_gmail): 7 skipped (missing).")

case("heldback21u_seven_only_gmail", gmail_top("heldback21u_seven_only_gmail", [
    "Sorry, I skipped 7 – the answer is yes, we wrote guidance with the district nursing teams last year."],
    sign=("Jack",), date=D(19, 14, 5, 33)),
    A(None, None, None, None, None, None, Y),
    note="Gmail web, the second of a pair (with skipped_seven_gmail): only 7 answered, in a sentence; the rest missing from this message.")

SHEET = [("Q1 end of life", "Yes"), ("Q2 early adjuvant", "No"), ("Q3 opioid sparing", "Yes"), ("Q4 confidence", "6"),
         ("Q5 barriers", "A, C"), ("Q6 protocol", "Yes"), ("Q7 community guidance", "No"), ("Q8 training", "Yes"), ("Q9 research", "Yes")]
TD = 'style="overflow:hidden;padding:2px 3px;vertical-align:bottom;border:1px solid rgb(204,204,204)"'
sheet_html = ('<div dir="ltr"><div>Pasted from the spreadsheet I filled in for our audit meeting:</div><div><br></div>'
              '<google-sheets-html-origin><table xmlns="http://www.w3.org/1999/xhtml" cellspacing="0" cellpadding="0" dir="ltr" border="1" '
              'style="table-layout:fixed;font-size:10pt;font-family:Arial;width:0px;border-collapse:collapse;border:none" data-sheets-root="1">'
              '<colgroup><col width="170"><col width="100"></colgroup><tbody>'
              + "".join(f'<tr style="height:21px"><td {TD}>{esc(a)}</td><td {TD}>{esc(b)}</td></tr>' for a, b in SHEET)
              + '</tbody></table></google-sheets-html-origin><div><br></div><div>Jack</div></div><br>' + gmail_quote_html(INV_HTML_BODY))
sheet_text = ("Pasted from the spreadsheet I filled in for our audit meeting:\n\n" + "\n".join(f"{a}\t{b}" for a, b in SHEET)
              + "\n\nJack\n\n" + WROTE_GMAIL + "\n\n" + quote(INV_TEXT) + "\n")
case("heldback21u_sheet_table_gmail", gmail("heldback21u_sheet_table_gmail", sheet_text, sheet_html),
    A(Y, N, Y, 6, [EXP, SIDE], Y, N, Y, Y),
    note="Gmail web: a table pasted from Google Sheets (question number and a short label in one column, the answer in the next; tab-separated in the text part).")

case("heldback21u_ps_change_gmail", gmail_top("heldback21u_ps_change_gmail", [
    "Hi Asha", "",
    "1. Yes", "2. No", "3. No", "4. 5", "5. a", "6. Yes", "7. No", "8. Yes", "9. Yes", "",
    "PS – on reflection put me down as a 6 for question 4, I think I'm underselling myself."], sign=("Jack",)),
    A(Y, N, N, 6, [EXP], Y, N, Y, Y),
    note="Gmail web: '4. 5' in the list, then a PS changing question 4 to 6 (his own later word wins).")

case("heldback21u_gp_short_gmail_android", reply("heldback21u_gp_short_gmail_android", "gmail_android", top=[
    "1 no", "2 no", "3 no", "4 1", "5 a and b", "6 no - practice relies on the hospice advice line", "7 no", "8 yes", "9 yes", "",
    "Jack", "GP, Castle Street Surgery"]),
    A(N, N, N, 1, [EXP, EVI], N, N, Y, Y),
    note="Gmail for Android, a GP: lowercase list without punctuation ('4 1' is question 4: 1), a reason after 6.")

case("heldback21u_comma_bare_gmail_android", reply("heldback21u_comma_bare_gmail_android", "gmail_android", top=[
    "Yes, yes, no, 7, a and c, yes, no, yes, yes", "", "Sorry – on my phone between patients"]),
    I(Y, Y, N, 7, [EXP, SIDE], Y, N, Y, Y),
    note="Gmail for Android: nine bare answers on one line separated by commas, no question numbers: read in order, to be confirmed (inferred).")

case("heldback21u_none_barrier_gmail_ios", reply("heldback21u_none_barrier_gmail_ios", "gmail_ios", top=[
    "1: Yes", "2: Yes", "3: Yes", "4: 9", "5: d - nothing holds me back, we use it a lot", "6: Yes", "7: Yes", "8: No", "9: Yes", "", "Jack"]),
    A(Y, Y, Y, 9, [NONE], Y, Y, N, Y),
    note="Gmail for iOS: '1: Yes' list; 5 'd' with a reason is No barriers.")

# ======================= Apple =======================

case("heldback21u_autocorrect_iphone", iphone("heldback21u_autocorrect_iphone", [
    "1. Yse", "2. No", "3. Yes", "4. Seven", "5. B and C", "6. Yes", "7. No", "8. Yes", "9. Yes!", "",
    "Apologies for typos – thumbs and a ward round"]),
    A(Y, N, Y, 7, [EVI, SIDE], Y, N, Y, Y),
    note="iPhone Mail: a typo ('Yse' for yes), a number in words ('Seven'), 'B and C', 'Yes!'; the apology is not a comment.")

case("heldback21u_bare_lines_iphone", iphone("heldback21u_bare_lines_iphone", [
    "Yes", "No", "No", "4", "A", "No", "No", "Yes", "Yes", "", "Jack"]),
    I(Y, N, N, 4, [EXP], N, N, Y, Y),
    note="iPhone Mail: nine bare answers one per line, no numbers and no heading: read in order, to be confirmed (inferred).")

case("heldback21u_trap_asks_back_iphone", iphone("heldback21u_trap_asks_back_iphone", [
    "1 yes", "2 no", "3 yes", "4 7", "5 d, although c sometimes", "6 does a one-page flowchart on the intranet count?", "7 no", "8 yes", "9 yes"]),
    A(Y, N, Y, 7, UNCLEAR, UNCLEAR, N, Y, Y),
    note=TN + "iPhone Mail: 5 'd' (No barriers, exclusive) with 'although c sometimes' (ask); 6 answered with a question back (ask).")

case("heldback21u_split_inline_iphone", apple_reply("heldback21u_split_inline_iphone", "iphone",
    answers={1: "Yes", 2: "Yes occasionally", 3: "Yes", 4: "8", 5: "B", 6: "Yes", 7: "Yes", 8: "Yes", 9: "Yes"}),
    A(Y, Y, Y, 8, [EVI], Y, Y, Y, Y),
    note="iPhone Mail: nothing above the quote, the quote split after each Answer: with the answer unquoted below it; 'Yes occasionally' is yes.")

case("heldback21u_inline_apple_mac", apple_reply("heldback21u_inline_apple_mac", "apple_mac",
    top=["Replies inline.", "", "Jack"],
    answers={1: "Yes", 2: "No", 3: "Yes", 4: "6", 5: "a, b and c", 6: "No", 7: "No", 8: "Yes", 9: "Yes"}),
    A(Y, N, Y, 6, [EXP, EVI, SIDE], N, N, Y, Y),
    note="Apple Mail (macOS, rich text): answers below each quoted Answer: (the quote split), 'a, b and c'.")

EVENING = [
    "Dear Asha,", "",
    "Apologies for the slow reply – December has been relentless. A few thoughts with each answer:", "",
    "1. Yes. Mostly in the final days for patients whose pain kept escalating despite rapidly rising opioid doses, usually in a syringe driver alongside the diamorphine.",
    "2. No. I've never felt the evidence supports bringing it in that early, and I'd rather optimise the opioid and the usual adjuvants first.",
    "3. Yes, on a few occasions, where the opioid was causing intolerable drowsiness or hallucinations and we needed another way to hold the pain.",
    "4. I'd rate myself a 7. Comfortable with the common regimens, less so with unusual routes or very high doses.",
    "5. b and c. The trial data are thin and I have seen distressing psychotomimetic effects in older patients.",
    "6. Yes, we have one, reviewed this year.",
    "7. No, although the community teams do ring us for advice.",
    "8. Yes – particularly around monitoring and when to stop.",
    "9. Yes, definitely.",
    "10. Thank you for organising this. It would be really helpful if the regional guidance covered how long to continue ketamine once the pain has settled, which is where I see the most variation.",
    "", "With best wishes,", "Jack"]
EVENING_10 = ("Thank you for organising this. It would be really helpful if the regional guidance covered how long to continue ketamine "
              "once the pain has settled, which is where I see the most variation.")
case("heldback21u_evening_plain_apple_mac", apple_mac_plain("heldback21u_evening_plain_apple_mac",
    "\n".join(EVENING) + "\n\n> " + WROTE_APPLE + "\n> \n" + quote(INV_TEXT) + "\n", date=D(20, 21, 37, 4)),
    A(Y, N, Y, 7, [EVI, SIDE], Y, N, Y, Y, comments=EVENING_10),
    note="Apple Mail (macOS, plain text, format=flowed DelSp=yes): a long evening reply, a sentence or two after each answer ('I'd rate myself a 7'), a long comment soft-broken over several lines (one line).")

# ======================= Thunderbird, Samsung, Yahoo =======================

TB_10 = ("Our hospice is small (ten beds) and we might see one patient a year who needs ketamine, so keeping skills up is the "
         "real issue rather than any single barrier.")
TB_BOTTOM = ["My answers:", "", "1. yes", "2. no", "3. yes", "4. 4", "5. a, b", "6. no", "7. no", "8. yes", "9. yes", "10. " + TB_10,
             "", "-- ", "Jack Clarke", "Medical Director, Fellside Hospice"]
case("heldback21u_bottom_posted_thunderbird", thunderbird_flowed("heldback21u_bottom_posted_thunderbird",
    WROTE_TB + "\n" + quote(INV_TEXT) + "\n\n" + "\n".join(TB_BOTTOM) + "\n"),
    A(Y, N, Y, 4, [EXP, EVI], N, N, Y, Y, comments=TB_10),
    note="Thunderbird, text only, format=flowed: bottom-posted, the list below the whole quote; a long comment soft-broken (one line); the signature after '-- ' is not part of it.")

case("heldback21u_colon_list_tb115", reply("heldback21u_colon_list_tb115", "tb115", top=[
    "Dear Asha,", "", "1: yes", "2: no", "3: yes", "4: 8", "5: c", "6: yes", "7: yes", "8: no", "9: yes", "", "Regards, Jack"]),
    A(Y, N, Y, 8, [SIDE], Y, Y, N, Y),
    note="Thunderbird, HTML with a flowed text part: '1: yes' list in <p> paragraphs.")

case("heldback21u_spaces_samsung", reply("heldback21u_spaces_samsung", "samsung", top=[
    "1 yes", "2 yes", "3 no", "4 6", "5 a c", "6 yes", "7 no", "8 yes", "9 yes"]),
    A(Y, Y, N, 6, [EXP, SIDE], Y, N, Y, Y),
    note="Samsung Email: number and answer separated by a space only, barriers 'a c'.")

case("heldback21u_trap_all_of_them_samsung", reply("heldback21u_trap_all_of_them_samsung", "samsung", top=[
    "1. Yes", "2. No", "3. Yes", "4. 5", "5. All of them tbh", "6. Yes", "7. Yes", "8. Maybe", "9. Yes"]),
    A(Y, N, Y, 5, UNCLEAR, Y, Y, UNCLEAR, Y),
    note=TN + "Samsung Email: 5 'All of them' (the list includes No barriers and Other: ask) and 8 'Maybe' (ask).")

case("heldback21u_gp_yahoo", yahoo("heldback21u_gp_yahoo", [
    "Hi, answers below.", "",
    "1. No", "2. No", "3. No", "4. 3", "5. a and b", "6. No", "7. No", "8. Yes", "9. Yes",
    "10. As a GP I'd mostly want to know when to ask the hospice for help.", "", "Jack Clarke (GP)"]),
    A(N, N, N, 3, [EXP, EVI], N, N, Y, Y, comments="As a GP I'd mostly want to know when to ask the hospice for help."),
    note="Yahoo Mail, a GP: the numbered list, a comment on 10.")
