"""The cases of heldback21n (see tests/fixtures/heldback21n/README.md): 42
replies from Dr Jack Clarke to the example survey's invitation, written
without knowledge of the parser's rules. The clients come from
scripts/heldback_common/ (clients.py, clients_new.py); the few helpers
below (answers in question order, Outlook's Word numbered list, a
follow-up that quotes his own earlier reply) are this set's own."""
import datetime, email.utils, hashlib, re
from lib import *
import clients as C
import clients_new as CN

UTC = datetime.timezone.utc
GMAIL_ADDR = "jack.clarke.pallmed@gmail.com"
NHS_FROM = '"Clarke Jack (LEEDS TEACHING HOSPITALS NHS TRUST)" <jack.clarke7@nhs.net>'


def A(*vals, comment=None):
    """Expected answers in question order (1-9, None: not answered); a
    plain value is ok, a dict is used as given; comment is question 10."""
    out = {}
    for qid, v in zip(IDS[:9], vals):
        if v is None:
            continue
        out[qid] = v if isinstance(v, dict) else ok(v)
    if comment is not None:
        out["comments"] = ok(comment)
    return out


def when(day, hh, mm, ss=0):
    return datetime.datetime(2026, 12, day, hh, mm, ss, tzinfo=UTC)


def rfc(dt):
    return email.utils.format_datetime(dt)


T, F = True, False
EXP, EVI, SIDE, NONE, OTHER = "expertise", "evidence", "side_effects", "none", "other"

# =====================================================================
# Outlook 365 for Windows (Word HTML + text, original unquoted below)
# =====================================================================

case("heldback21n_numbered_signature_outlook", CN.outlook_win(
    "heldback21n_numbered_signature_outlook",
    top=["Hello,", "", "1. Yes", "2. No", "3. Yes", "4. 6", "5. b, c", "6. Yes", "7. No", "8. Yes", "9. Yes", "",
         "Kind regards", "Jack", "", "Dr Jack Clarke MB ChB FRCP", "Consultant in Palliative Medicine",
         "North Hospice, 14 Moor Road, Leeds LS7 4QP", "Tel 0113 496 0321 | Switchboard bleep 2247",
         "Secretary: Margaret Hollis, ext 4410"]),
    A(T, F, T, 6, [EVI, SIDE], T, F, T, T),
    note="Outlook for Windows: a plain numbered list `1. Yes` on top, then a signature with an address, postcode, "
         "phone, bleep and extension numbers (not answers).")

case("heldback21n_paren_reasons_outlook", CN.outlook_win(
    "heldback21n_paren_reasons_outlook",
    top=["Hi,", "", "Here you go:", "",
         "1) Yes (nearly always as a CSCI over 24 hours, in the last week or two of life)",
         "2) No \u2013 not before morphine plus a gabapentinoid has had a proper go",
         "3) Yes, a few times; one man came down from 240 mg to 120 mg oxycodone a day",
         "4) 7",
         "5) a and c",
         "6) Yes (third revision, approved by D&T in Sept 2024)",
         "7) No, not so far",
         "8) Yes",
         "9) Absolutely",
         "", "Jack"]),
    A(T, F, T, 7, [EXP, SIDE], T, F, T, T),
    note="Outlook for Windows: `1)` list, answers followed by reasons holding doses, durations and a date "
         "('240 mg to 120 mg', 'Sept 2024'); 'Absolutely' is yes.")

case("heldback21n_answer_lines_green_outlook", CN.outlook_win(
    "heldback21n_answer_lines_green_outlook",
    top=["Answers in green on the form below. Thanks for organising this.", "", "Jack"],
    on_line={1: "Yes", 2: "Yes", 3: "No", 4: "5", 5: "b", 6: "No", 7: "No", 8: "Yes", 9: "Yes",
             10: "It would help if the regional formulary listed a standard oral ketamine starting dose."},
    color="#00B050"),
    A(T, T, F, 5, [EVI], F, F, T, T,
      comment="It would help if the regional formulary listed a standard oral ketamine starting dose."),
    note="Outlook for Windows: answers typed in green on each Answer: line of the unquoted original, a comment on 10's.")

case("heldback21n_below_answer_caps_outlook", CN.outlook_win(
    "heldback21n_below_answer_caps_outlook",
    top=["Please see my answers in capitals under each question.", "", "Regards", "Jack Clarke"],
    below={1: "YES", 2: "NO", 3: "YES", 4: "8", 5: "C", 6: "YES", 7: "YES",
           8: "NO \u2013 I DID THE APM KETAMINE MODULE IN THE SPRING", 9: "YES"},
    color="#C00000"),
    A(T, F, T, 8, [SIDE], T, T, F, T),
    note="Outlook for Windows: answers in red capitals in a paragraph below each Answer:; 8 is 'NO' with a reason.")

case("heldback21n_dictated_secretary_outlook", CN.outlook_win(
    "heldback21n_dictated_secretary_outlook",
    top=["Dear Survey Team,", "",
         "Dr Clarke has asked me to send you his answers, which he dictated this morning:", "",
         "1. Yes.", "2. Yes.", "3. No.", "4. Seven.", "5. Lack of evidence.", "6. Yes.", "7. Yes.", "8. No.", "9. Yes.", "",
         "Dictated by Dr J Clarke and sent in his absence to avoid delay.", "",
         "Kind regards,", "", "Margaret Hollis", "Medical Secretary to Dr J Clarke", "North Hospice | ext 4410"]),
    A(T, T, F, 7, [EVI], T, T, F, T),
    note="Outlook for Windows: his secretary sends his dictated answers from his mailbox (read as his own); every "
         "answer ends in a full stop, 4 is the word 'Seven', 5 the option's words.")

case("heldback21n_ps_confidence_change_outlook", CN.outlook_win(
    "heldback21n_ps_confidence_change_outlook",
    top=["Morning,", "", "1 \u2013 yes", "2 \u2013 yes", "3 \u2013 yes", "4 \u2013 7", "5 \u2013 a, b", "6 \u2013 no",
         "7 \u2013 no", "8 \u2013 yes", "9 \u2013 yes", "", "Best wishes", "Jack", "",
         "PS Having slept on it, put 4 down as 5 rather than 7 \u2013 I haven't written an oral ketamine "
         "prescription in over a year."]),
    A(T, T, T, 5, [EXP, EVI], F, F, T, T),
    note="Outlook for Windows: `1 \u2013 yes` (en dash) list; a PS below the sign-off changes 4 from 7 to 5, which wins.")

_table_html, _table_text = CN.word_table(
    [["Q", "Answer", "Notes"], ["1", "Yes", ""], ["2", "No", "only after first-line adjuvants"], ["3", "Yes", ""],
     ["4", "6", ""], ["5", "b + c", ""], ["6", "Yes", "v2, 2023"], ["7", "No", ""], ["8", "Yes", ""], ["9", "Yes", ""]],
    widths=[40, 80, 240])
case("heldback21n_word_table_notes_outlook", CN.outlook_win(
    "heldback21n_word_table_notes_outlook",
    top_html=CN.word_paras(["Hi \u2013 I've put my answers in a table, hope that's OK.", ""]) + _table_html
    + CN.word_paras(["", "Jack"]),
    top_text="Hi \u2013 I've put my answers in a table, hope that's OK.\n\n" + _table_text + "\n\nJack"),
    A(T, F, T, 6, [EVI, SIDE], T, F, T, T),
    note="Outlook for Windows: a three-column Word table (Q | Answer | Notes; tab-separated in the text part); the "
         "notes ('only after first-line adjuvants', 'v2, 2023') are not answers; `b + c`.")

case("heldback21n_arrows_after_question_outlook", CN.outlook_win(
    "heldback21n_arrows_after_question_outlook",
    top=["Answers after each question (arrows). J"],
    after_question={1: "\u2192 yes", 2: "\u2192 yes", 3: "\u2192 no", 4: "\u2192 4", 5: "\u2192 a + b",
                    6: "\u2192 yes", 7: "\u2192 no", 8: "\u2192 yes",
                    9: "\u2192 no \u2013 we have trials enough, what we lack is audit of what we already do"},
    color="#7030A0"),
    A(T, T, F, 4, [EXP, EVI], T, F, T, F),
    note="Outlook for Windows: answers in purple after an arrow at the end of each question's own text (4's after "
         "'10 = fully confident)'); 9 is no with a reason.")

case("heldback21n_see_below_blue_reasons_outlook", CN.outlook_win(
    "heldback21n_see_below_blue_reasons_outlook",
    top=["See below \u2013 sorry for the slow reply, we've been two consultants down.", "", "Jack"],
    on_line={1: "Yes, regularly", 2: "Rarely \u2013 perhaps twice in ten years", 3: "Not personally", 4: "3/10",
             5: "Mainly (a), also (b)", 6: "We do", 7: "We don't", 8: "Would be really useful", 9: "Certainly",
             10: "I'd value a named ketamine lead for the region that we could phone for advice."},
    color="#0070C0"),
    A(T, T, F, 3, [EXP, EVI], T, F, T, T,
      comment="I'd value a named ketamine lead for the region that we could phone for advice."),
    note="Outlook for Windows: 'See below', answers in blue on the Answer: lines in words: 'Rarely \u2013 perhaps twice "
         "in ten years' has used it (yes), 'Not personally' (no), '3/10', 'Mainly (a), also (b)', 'We do'/'We don't', "
         "'Would be really useful', 'Certainly'; a comment.")

case("heldback21n_self_correction_line_outlook", CN.outlook_win(
    "heldback21n_self_correction_line_outlook",
    top=["1. Yes", "2. No", "3. Yes", "4. 7", "5. b", "6. Yes",
         "7. Yes \u2013 no, hang on, that's the acute trust's guidance, not ours. No.",
         "8. Yes", "9. Yes", "", "J Clarke"]),
    A(T, F, T, 7, [EVI], T, F, T, T),
    note="Outlook for Windows: he changes his mind on 7's own line ('Yes \u2013 no, hang on, ... not ours. No.'): no.")


def word_list_html(items):
    cls = ["MsoListParagraphCxSpFirst"] + ["MsoListParagraphCxSpMiddle"] * (len(items) - 2) + ["MsoListParagraphCxSpLast"]
    return "".join(
        f'<p class="{c}" style="margin-left:36.0pt;mso-add-space:auto;text-indent:-18.0pt;mso-list:l0 level1 lfo1">'
        f'<![if !supportLists]><span style="mso-list:Ignore">{i}.<span style="font:7.0pt &quot;Times New Roman&quot;">'
        f'&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span><![endif]>{esc(t)}<o:p></o:p></p>\n'
        for i, (c, t) in enumerate(zip(cls, items), 1))


_items = ["Yes", "No", "Yes", "6", "Lack of evidence and side effects", "Yes", "Yes", "Yes", "Yes"]
case("heldback21n_word_numbered_list_outlook", CN.outlook_desktop_raw(
    "heldback21n_word_numbered_list_outlook",
    CN.word_paras(["Dear Dr Rahman,", ""]) + word_list_html(_items) + CN.word_paras(["", "Best wishes,", "Jack"])
    + OUTLOOK_FROM_HTML + word_original(),
    "Dear Dr Rahman,\n\n" + "\n".join(f"  {i}.  {t}" for i, t in enumerate(_items, 1)) + "\n\nBest wishes,\nJack\n\n"
    + OUTLOOK_FROM_TEXT + "\n" + flat_text() + "\n"),
    A(T, F, T, 6, [EVI, SIDE], T, T, T, T),
    note="Outlook for Windows: Word turned his typed `1.` into an automatic numbered list (MsoListParagraph with the "
         "number in a supportLists span; `  1.  Yes` in the text part); 5 in words: b and c.")

case("heldback21n_trap_list_and_form_disagree_outlook", CN.outlook_win(
    "heldback21n_trap_list_and_form_disagree_outlook",
    top=["Answers below, and I've also filled in the form underneath in case that's easier for you.", "",
         "1. Yes", "2. No", "3. Yes", "4. 7", "5. a, b", "6. Yes", "7. No", "8. Yes", "9. Yes", "", "Jack"],
    on_line={1: "Yes", 2: "No", 3: "Yes", 4: "6", 5: "a, b", 6: "Yes", 7: "No", 8: "Yes", 9: "Yes"},
    color="#C00000"),
    A(T, F, T, UNCLEAR, [EXP, EVI], T, F, T, T),
    note="TRAP. Outlook for Windows: the same answers twice, as a list on top and in red on the form's Answer: lines, "
         "but 4 is 7 in the list and 6 on the form: which one is meant has to be asked; the rest agree.")

case("heldback21n_equals_plain_text_outlook", C.outlook_text(
    "heldback21n_equals_plain_text_outlook",
    "1 = Y\n2 = N\n3 = Y\n4 = 5\n5 = A, C\n6 = Y\n7 = N\n8 = Y\n9 = Y\n"
    "10 = Oral ketamine is the thing I'm least sure about, the conversion from subcut in particular.\n\n"
    "Jack Clarke\nNorth Hospice\n\n" + C.ORIGINAL_MESSAGE + "\n" + INV_TEXT + "\n"),
    A(T, F, T, 5, [EXP, SIDE], T, F, T, T,
      comment="Oral ketamine is the thing I'm least sure about, the conversion from subcut in particular."),
    note="Outlook plain text (-----Original Message-----): `1 = Y` list with Y/N letters, `5 = A, C`, a comment as `10 = ...`.")

case("heldback21n_trap_either_conditional_outlook", CN.outlook_win(
    "heldback21n_trap_either_conditional_outlook",
    top=["Hi Asha,", "", "1. Yes", "2. No", "3. Yes", "4. Five or six", "5. b, and c if you count the dysphoria",
         "6. Yes", "7. Yes", "8. No", "9. Yes", "", "Jack"]),
    A(T, F, T, UNCLEAR, UNCLEAR, T, T, F, T),
    note="TRAP. Outlook for Windows: 4 is 'Five or six' (either/or) and 5 'b, and c if you count the dysphoria' "
         "(c only on a condition): both asked; the rest clear.")

# =====================================================================
# Outlook on the web / NHSmail
# =====================================================================

NHS_DISCLAIMER = [
    "*" * 100,
    "This message may contain confidential information. If you are not the intended recipient please inform the "
    "sender that you have received the message in error before deleting it. Please do not disclose, copy or "
    "distribute information in this e-mail or take any action in relation to its contents. To do so is strictly "
    "prohibited and may be unlawful. Thank you for your co-operation.",
    "",
    "NHSmail is the secure email and directory service available for all NHS staff in England and Scotland.",
    "*" * 100]

case("heldback21n_nhsmail_lowercase_disclaimer_owa", C.owa(
    "heldback21n_nhsmail_lowercase_disclaimer_owa",
    ["1. yes", "2. yes", "3. yes", "4. 8", "5. c", "6. yes", "7. yes", "8. no", "9. yes", "",
     "Jack Clarke", "Consultant, Specialist Palliative Care Team", "Leeds Teaching Hospitals", ""] + NHS_DISCLAIMER,
    frm=NHS_FROM),
    A(T, T, T, 8, [SIDE], T, T, F, T),
    note="NHSmail (Outlook on the web) from his nhs.net address: a lower-case `1. yes` list, a signature and the "
         "NHSmail confidentiality footer below it.")

_on = {1: "Yes", 2: "No", 3: "No", 4: "6", 5: "a", 6: "Yes", 7: "No", 8: "Yes", 9: "Yes",
       10: "Happy to help with the regional guideline if you need volunteers."}
case("heldback21n_inline_orange_owa", C.owa(
    "heldback21n_inline_orange_owa", ["Answers inline.", "", "Jack"],
    original=CN.inv_html(on_line=_on, color="#E97132"), original_text=text_inline(on_line=_on, prefix="")),
    A(T, F, F, 6, [EXP], T, F, T, T, comment="Happy to help with the regional guideline if you need volunteers."),
    note="Outlook on the web: 'Answers inline.', each answer in orange on the Answer: line of the original below "
         "divRplyFwdMsg (and on the Answer: lines of the text part); a comment.")

case("heldback21n_summary_bar_owa", C.owa(
    "heldback21n_summary_bar_owa",
    ["Hi,", "", "Quick version: yes to all the yes/no ones bar 2 and 7, which are no.", "Confidence 6/10.",
     "Barriers \u2013 just the evidence (b).", "", "Thanks", "Jack"]),
    A(T, F, T, 6, [EVI], T, F, T, T),
    note="Outlook on the web: a summary 'yes to all the yes/no ones bar 2 and 7, which are no', then 4 and 5 by topic.")

# --- a reply and, the same afternoon, a follow-up changing 7 (OWA) ---
FIRST_OWA = "heldback21n_first_of_two_owa"
_first_lines = ["1. Yes", "2. No", "3. Yes", "4. 7", "5. a and b", "6. Yes", "7. No", "8. Yes", "9. Yes", "", "Jack"]
_first_when = when(2, 8, 14, 37)
_first_id = f"<DB9PR07MB{hashlib.sha1(FIRST_OWA.encode()).hexdigest()[:12].upper()}@DB9PR07MB1234.eurprd07.prod.outlook.com>"
case(FIRST_OWA, C.owa(FIRST_OWA, _first_lines, date=rfc(_first_when)),
     A(T, F, T, 7, [EXP, EVI], T, F, T, T),
     note="Outlook on the web: a plain numbered list (his first of two messages; the second, "
          "heldback21n_followup_changes_7_owa, changes 7).")


def owa_followup(name, lines, prev_lines, prev_when, prev_id, date):
    """Outlook on the web replying to his own sent reply: the new lines, then
    his earlier message below its own divRplyFwdMsg block, then the
    invitation below the earlier one's."""
    t = prev_when.strftime("%I:%M %p").lstrip("0")
    sent = f"{prev_when:%A, %B} {prev_when.day}, {prev_when.year} {t}"
    prev_full = C.owa_top_html(prev_lines)
    prev_body = re.search(r'<body dir="ltr">(.*)</body>', prev_full, re.S).group(1)
    p = ('<div class="elementToProof" style="font-family: Aptos, Aptos_EmbeddedFont, Aptos_MSFontService, Calibri, '
         'Helvetica, sans-serif; font-size: 12pt; color: rgb(0, 0, 0);">')
    html = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><style type="text/css" '
            'style="display:none;"> P {margin-top:0;margin-bottom:0;} </style></head><body dir="ltr">'
            + "".join(p + (esc(l) if l else "<br>") + "</div>" for l in lines)
            + '<div id="appendonsend"></div><hr style="display:inline-block;width:98%" tabindex="-1">'
            '<div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt" color="#000000">'
            f'<b>From:</b> {DOC_FIRST} {DOC_LAST} &lt;{DOC_ADDR}&gt;<br><b>Sent:</b> {sent}<br>'
            f'<b>To:</b> Regional Palliative Care Audit Group &lt;{REPLY_TO}&gt;<br><b>Subject:</b> RE: {SUBJECT}</font>'
            '<div>&nbsp;</div></div>' + prev_body + '</body></html>')
    text = ("\n".join(lines) + "\n________________________________\n"
            f"From: {DOC_FIRST} {DOC_LAST} <{DOC_ADDR}>\nSent: {sent}\nTo: Regional Palliative Care Audit Group <{REPLY_TO}>\n"
            f"Subject: RE: {SUBJECT}\n\n" + C.owa_text(prev_lines))
    b = boundary("_000_", name, 10).upper() + "DB9PR07MB1234eurprd07prod_"
    body = multipart("alternative", b, [leaf('text/plain; charset="utf-8"', text), leaf('text/html; charset="utf-8"', html)])
    h = ["Thread-Topic: " + SUBJECT, "Thread-Index: AQHcXmB4" + hashlib.sha1(FIRST_OWA.encode()).hexdigest()[:20] + "AAGLs0g=",
         "Accept-Language: en-GB, en-US", "Content-Language: en-GB", "X-MS-Has-Attach:", "X-MS-TNEF-Correlator:"]
    return message(name, h, body, crlf=True, date=rfc(date), in_reply_to=prev_id, references=f"{INV_ID} {prev_id}",
                   msgid=f"<DB9PR07MB{hashlib.sha1(name.encode()).hexdigest()[:12].upper()}@DB9PR07MB1234.eurprd07.prod.outlook.com>")


case("heldback21n_followup_changes_7_owa", owa_followup(
    "heldback21n_followup_changes_7_owa",
    ["Quick update to what I sent this morning \u2013 our community guidance was signed off at the county-wide "
     "medicines group yesterday, so please make 7 a yes.", "", "Everything else stands.", "", "Jack"],
    _first_lines, _first_when, _first_id, when(2, 15, 41, 9)),
    A(None, None, None, None, None, None, T, None, None),
    note="Outlook on the web: a follow-up to his own reply of the same morning (quoted below it, not counted) "
         "changing 7 to yes ('please make 7 a yes'); 'Everything else stands' gives nothing new, so the other "
         "questions are missing from this message.")

case("heldback21n_trap_unsure_owa", C.owa(
    "heldback21n_trap_unsure_owa",
    ["Hi,", "", "1. Yes", "2. No",
     "3. Yes \u2013 though thinking about it, it may have been the pain team's call rather than mine",
     "4. 6", "5. a", "6. We had one; I think it lapsed when the old pharmacist left", "7. No", "8. Yes", "9. Yes", "",
     "Jack"]),
    A(T, F, UNCLEAR, 6, [EXP], UNCLEAR, F, T, T),
    note="TRAP. Outlook on the web: 3 'Yes \u2013 though ... it may have been the pain team's call rather than mine' "
         "doubts its own yes, and 6 'We had one; I think it lapsed' does not say whether there is one now: both asked.")

# =====================================================================
# Outlook for iOS / Android, Outlook for Mac
# =====================================================================

case("heldback21n_corridor_typo_outlook_ios", C.outlook_mobile(
    "heldback21n_corridor_typo_outlook_ios",
    ["1 yes", "2 Ni", "3 yes", "4 5", "5 a", "6 yes", "7 yes", "8 Yes", "9 yes", "",
     "Sorry \u2013 thumbs and a corridor. J"], platform="iOS"),
    A(T, F, T, 5, [EXP], T, T, T, T),
    note="Outlook for iOS: `1 yes` typed in a corridor; 'Ni' for no (i beside o); `4 5` is 4 \u2192 5 and `5 a` is 5 \u2192 a.")

case("heldback21n_post_nights_outlook_android", C.outlook_mobile(
    "heldback21n_post_nights_outlook_android",
    ["Post nights so apologies if this is garbled", "", "1.Y", "2.N", "3.Y", "4.4", "5.a,b,c", "6.Y", "7.N", "8.Y", "9.Y"],
    platform="Android"),
    A(T, F, T, 4, [EXP, EVI, SIDE], T, F, T, T),
    note="Outlook for Android after a night shift: `1.Y` without spaces; `4.4` is question 4, answer 4; `5.a,b,c`.")

case("heldback21n_addition_below_list_outlook_ios", C.outlook_mobile(
    "heldback21n_addition_below_list_outlook_ios",
    ["1. Yes", "2. No", "3. No", "4. 7", "5. a", "6. Yes", "7. No", "8. Yes", "9. Yes", "",
     "Oh and 5 should have c in it as well \u2013 the hallucinations put a lot of our nurses off.", "", "Jack"],
    platform="iOS"),
    A(T, F, F, 7, [EXP, SIDE], T, F, T, T),
    note="Outlook for iOS: a list, then a line adding c to 5 ('5 should have c in it as well'): 5 is a and c.")

case("heldback21n_em_dash_outlook_mac", CN.reply(
    "heldback21n_em_dash_outlook_mac", "outlook_mac",
    top=["Dear colleagues,", "", "1 \u2014 Yes",
         "2 \u2014 Yes, for neuropathic pain where I expect opioids to struggle", "3 \u2014 Yes", "4 \u2014 8",
         "5 \u2014 None (d)", "6 \u2014 Yes", "7 \u2014 Yes", "8 \u2014 No", "9 \u2014 Yes", "",
         "With best wishes,", "Jack"]),
    A(T, T, T, 8, [NONE], T, T, F, T),
    note="Outlook for Mac: `1 \u2014 Yes` (em dash) list; 2 yes with a reason; 5 'None (d)' is no barriers.")

# =====================================================================
# Gmail (web, Android, iOS; a reply and a follow-up from his own Gmail)
# =====================================================================

case("heldback21n_dash_reasons_gmail", C.gmail_top(
    "heldback21n_dash_reasons_gmail",
    ["Hi there,", "", "1 - yes, though only via syringe driver", "2 - no",
     "3 - yes, mostly in renal impairment where the morphine was accumulating", "4 - 6", "5 - b and c", "6 - yes",
     "7 - no, still in progress", "8 - yes", "9 - yes"], sign=("Best,", "Jack")),
    A(T, F, T, 6, [EVI, SIDE], T, F, T, T),
    note="Gmail web: `1 - yes` list with reasons ('only via syringe driver', 'in renal impairment ...'); "
         "7 'no, still in progress' is no.")

case("heldback21n_inline_other_gmail", CN.reply(
    "heldback21n_inline_other_gmail", "gmail_web", top=["Answers under each question :)", "", "Jack"],
    answers={1: "Yes", 2: "No", 3: "Yes", 4: "7",
             5: "a, e \u2013 no out-of-hours medical cover to review patients once it's started",
             6: "No", 7: "No", 8: "Yes", 9: "Yes"}),
    A(T, F, T, 7, ok([EXP, OTHER], other="no out-of-hours medical cover to review patients once it's started"),
      F, F, T, T),
    note="Gmail web: the quote split below each quoted Answer: with his answer unquoted; 5 is a and e) other "
         "with its text after the dash.")

case("heldback21n_changed_mind_in_line_gmail", C.gmail_top(
    "heldback21n_changed_mind_in_line_gmail",
    ["1. Yes", "2. No", "3. Yes", "4. 8 \u2013 no, let's be honest, 6", "5. a", "6. Yes", "7. Yes", "8. Yes", "9. Yes"],
    sign=("Cheers,", "Jack")),
    A(T, F, T, 6, [EXP], T, T, T, T),
    note="Gmail web: he revises 4 on its own line ('8 \u2013 no, let's be honest, 6'): 6.")

case("heldback21n_topic_labels_gmail", C.gmail_top(
    "heldback21n_topic_labels_gmail",
    ["My answers:", "", "End of life \u2013 yes", "Early on with opioids \u2013 no", "Opioid dose reduction \u2013 yes",
     "Confidence \u2013 7", "Barriers \u2013 evidence", "Written protocol \u2013 yes", "Community guidance \u2013 no",
     "Training \u2013 yes", "Research \u2013 yes"], sign=("Thanks,", "Jack")),
    A(T, F, T, 7, [EVI], T, F, T, T),
    note="Gmail web: answers labelled by topic instead of number ('Early on with opioids', 'Opioid dose reduction', "
         "'Community guidance'); 'Barriers \u2013 evidence' is b.")

# --- from his own Gmail: a reply without 9, then a follow-up giving 9 ---
FIRST_GMAIL = "heldback21n_forgot_nine_gmail"
_g_lines = ["1 Yes", "2 Yes", "3 No", "4 5", "5 a b", "6 No", "7 No", "8 Yes"]
_g_sign = ("Jack",)
_g_when = when(3, 10, 2, 17)
_g_id = f"<CAF{hashlib.sha1(FIRST_GMAIL.encode()).hexdigest()[:24]}@mail.gmail.com>"
_g_from = f'"Jack Clarke" <{GMAIL_ADDR}>'
case(FIRST_GMAIL, C.gmail_top(FIRST_GMAIL, _g_lines, sign=_g_sign, frm=_g_from, date=rfc(_g_when)),
     A(T, T, F, 5, [EXP, EVI], F, F, T, None),
     note="Gmail web from his personal address: `1 Yes` list stopping at 8 (9 missing); `5 a b` is a and b. "
          "His follow-up is heldback21n_followup_nine_gmail.")


def gmail_followup(name, lines, sign, prev_lines, prev_sign, prev_when, prev_id, date, frm):
    """Gmail web replying to his own sent reply: the earlier message (with
    its own quote of the invitation) quoted below an attribution."""
    prev_text = "\n".join(prev_lines) + "\n\n" + "\n".join(prev_sign) + "\n\n" + WROTE_GMAIL + "\n\n" + quote(INV_TEXT)
    prev_html = ('<div dir="ltr">' + C.divs(prev_lines) + "<div><br></div>" + C.divs(prev_sign) + "</div><br>"
                 + gmail_quote_html(INV_HTML_BODY))
    wrote = f"On {prev_when:%a}, {prev_when.day} {prev_when:%b %Y} at {prev_when:%H:%M}, Jack Clarke <{GMAIL_ADDR}> wrote:"
    text = "\n".join(lines) + "\n\n" + "\n".join(sign) + "\n\n" + wrote + "\n\n" + quote(prev_text) + "\n"
    html = ('<div dir="ltr">' + C.divs(lines) + "<div><br></div>" + C.divs(sign) + "</div><br>"
            + gmail_quote_html(prev_html, wrote=wrote))
    return gmail(name, text, html, frm=frm, date=rfc(date), in_reply_to=prev_id, references=f"{INV_ID} {prev_id}")


case("heldback21n_followup_nine_gmail", gmail_followup(
    "heldback21n_followup_nine_gmail",
    ["Just noticed I skipped number 9 \u2013 yes, research is badly needed, especially on oral dosing."], ("Jack",),
    _g_lines, _g_sign, _g_when, _g_id, when(3, 13, 47, 5), _g_from),
    A(None, None, None, None, None, None, None, None, T),
    note="Gmail web: a follow-up to his own reply (quoted, with the invitation nested inside it; not counted) "
         "giving only the question he skipped: 9 yes. The other questions are missing from this message.")

case("heldback21n_prose_gmail_android", C.gmail_top(
    "heldback21n_prose_gmail_android",
    ["Hi,", "",
     "I've used ketamine at the end of life and to bring opioid doses down when people were toxic, but never as an "
     "early adjuvant. I'd put my confidence at 7. The main thing holding me back is the lack of evidence. We have a "
     "written protocol but nothing shared with the community teams yet. I'd welcome more training, and yes, more "
     "research please."], sign=("Jack", "", "Sent from my phone, excuse brevity"), android=True),
    A(T, F, T, 7, [EVI], T, F, T, T),
    note="Gmail for Android: one paragraph of prose answering every question in order, by topic: end of life and "
         "bringing opioid doses down (yes), never early (no), confidence 7, the lack of evidence, a written protocol "
         "(yes) but nothing shared with community teams (no), training and research yes.")

case("heldback21n_trap_none_but_gmail_ios", CN.reply(
    "heldback21n_trap_none_but_gmail_ios", "gmail_ios",
    top=["1 yes", "2 no", "3 yes", "4 7", "5 none really, apart from the odd patient who gets vivid dreams on it",
         "6 yes", "7 no", "8 no", "9 yes", "", "Jack"]),
    A(T, F, T, 7, UNCLEAR, T, F, F, T),
    note="TRAP. Gmail for iOS: 5 'none really, apart from the odd patient who gets vivid dreams on it' names no "
         "barriers and then a side effect: asked; the rest clear.")

# =====================================================================
# Apple: iPhone Mail, Apple Mail on macOS
# =====================================================================

case("heldback21n_numbered_iphone", C.iphone(
    "heldback21n_numbered_iphone",
    ["1. Yes", "2. No", "3. Yes", "4. 6", "5. B", "6. Yes", "7. No", "8. Yes", "9. Yes"]),
    A(T, F, T, 6, [EVI], T, F, T, T),
    note="iPhone Mail: a plain `1. Yes` list above 'Sent from my iPhone'; `5. B` (capital letter).")

case("heldback21n_inline_split_iphone", CN.apple_reply(
    "heldback21n_inline_split_iphone", "iphone", top=["Answered below"],
    answers={1: "Yes", 2: "Yes", 3: "Yes", 4: "9", 5: "D", 6: "Yes", 7: "Yes", 8: "No", 9: "Yes",
             10: "Keen to see the results \u2013 please share them with the hospice too."}),
    A(T, T, T, 9, [NONE], T, T, F, T, comment="Keen to see the results \u2013 please share them with the hospice too."),
    note="iPhone Mail: 'Answered below', the quote split below each quoted Answer: with his answer; `D` is no "
         "barriers; a comment under 10.")

case("heldback21n_bare_in_order_iphone", C.iphone(
    "heldback21n_bare_in_order_iphone",
    ["Yes", "No", "Yes", "7", "b c", "Yes", "No", "Yes", "Yes"]),
    A(INF(T), INF(F), INF(T), INF(7), INF([EVI, SIDE]), INF(T), INF(F), INF(T), INF(T)),
    note="iPhone Mail: nine bare answers, one a line, without question numbers: read in order, to be confirmed (inferred).")

case("heldback21n_trap_once_maybe_iphone", C.iphone(
    "heldback21n_trap_once_maybe_iphone",
    ["1 Yes", "2 Once, maybe? A long time ago as an SpR", "3 Yes", "4 6", "5 a", "6 Yes", "7 No", "8 Possibly",
     "9 Yes"]),
    A(T, UNCLEAR, T, 6, [EXP], T, F, UNCLEAR, T),
    note="TRAP. iPhone Mail: 2 'Once, maybe? A long time ago' is unsure whether it happened, 8 'Possibly' is a hedge: "
         "both asked.")

case("heldback21n_ditto_apple_mac", CN.apple_mac(
    "heldback21n_ditto_apple_mac",
    ["Dear Asha,", "", "1. Yes", "2. No", "3. Yes", "4. 7", "5. A and B", "6. Yes", "7. Yes", "8. Yes", "9. Ditto", "",
     "All the best", "Jack"]),
    A(T, F, T, 7, [EXP, EVI], T, T, T, T),
    note="Apple Mail on macOS (rich text): a numbered list; `5. A and B`; 9 'Ditto' repeats 8's yes.")

_long10 = ("10 We mainly use it in the inpatient unit; the barrier in the community is less the drug than having "
           "someone experienced to titrate it and watch for side effects overnight.")
case("heldback21n_flowed_comment_apple_mail", CN.apple_mac_plain(
    "heldback21n_flowed_comment_apple_mail",
    CN.apple_mac_text(["1 Yes", "2 No", "3 Yes", "4 5", "5 b, c", "6 No", "7 No", "8 Yes", "9 Yes", _long10, "",
                       "Jack"])),
    A(T, F, T, 5, [EVI, SIDE], F, F, T, T, comment=_long10[3:]),
    note="Apple Mail on macOS, plain text format=flowed DelSp=yes: `1 Yes` list; the comment `10 ...` soft-broken "
         "over lines (one line once unflowed).")

# =====================================================================
# Thunderbird (format=flowed), Samsung Email, Yahoo Mail
# =====================================================================

case("heldback21n_inline_flowed_thunderbird", C.thunderbird_flowed(
    "heldback21n_inline_flowed_thunderbird",
    "Answers inline below.\n\nJack\n\n" + WROTE_TB + "\n" + text_inline(answers={
        1: "Yes", 2: "No", 3: "Yes \u2013 mainly in patients with a morphine-induced delirium", 4: "6", 5: "a and b",
        6: "Yes", 7: "No", 8: "Yes", 9: "Yes"}) + "\n", cte="8bit", eightbit=True),
    A(T, F, T, 6, [EXP, EVI], T, F, T, T),
    note="Thunderbird, format=flowed: the invitation quoted with `>`, each answer typed unquoted on the line below "
         "its quoted Answer:; 3 yes with a reason.")

case("heldback21n_trap_range_policy_thunderbird", C.thunderbird_flowed(
    "heldback21n_trap_range_policy_thunderbird",
    "1 - yes\n2 - no\n3 - yes\n4 - 4-5\n5 - b\n"
    "6 - partly: there's a page on it in our syringe driver policy, nothing standalone\n"
    "7 - no\n8 - yes\n9 - yes\n\nJack\n-- \nDr Jack Clarke\nNorth Hospice\n\n" + WROTE_TB + "\n" + quote(INV_TEXT) + "\n"),
    A(T, F, T, UNCLEAR, [EVI], UNCLEAR, F, T, T),
    note="TRAP. Thunderbird, format=flowed: `1 - yes` list over a `-- ` signature; 4 is a range '4-5' and 6 "
         "'partly: there's a page on it in our syringe driver policy, nothing standalone' (is that a written "
         "protocol?): both asked.")

case("heldback21n_grouped_first_three_samsung", CN.reply(
    "heldback21n_grouped_first_three_samsung", "samsung",
    top=["1-3 yes", "4 7", "5 b c", "6 yes", "7 no", "8 yes", "9 yes"]),
    A(T, T, T, 7, [EVI, SIDE], T, F, T, T),
    note="Samsung Email: the first three grouped ('1-3 yes', all three yes), then one a line; `5 b c`.")

case("heldback21n_trap_all_but_d_yahoo", C.yahoo(
    "heldback21n_trap_all_but_d_yahoo",
    ["1. Yes", "2. Yes", "3. Yes", "4. Better than I was", "5. All but d", "6. Yes", "7. No", "8. Yes", "9. Yes", "",
     "Jack"]),
    A(T, T, T, UNCLEAR, UNCLEAR, T, F, T, T),
    note="TRAP. Yahoo Mail: 4 'Better than I was' gives no number; 5 'All but d' would include e) Other without "
         "saying what it is: both asked.")
