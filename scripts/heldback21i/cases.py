"""The cases of heldback21i (see tests/fixtures/heldback21i/README.md), with
three small helpers of this set's own: Word's automatic numbered list in
Outlook for Windows, a Gmail follow-up quoting his own earlier Gmail
reply, and an iPhone follow-up quoting his own earlier iPhone reply. The
clients are those of scripts/heldback_common/, unchanged."""
from lib import *
import clients as C
import clients_new as N

U = "U"  # unclear
M = "M"  # not answered (missing)
LET = {"a": "expertise", "b": "evidence", "c": "side_effects", "d": "none", "e": "other"}


def B(letters, other=None):
    """Barriers by their letters: 'bc' -> [evidence, side_effects]."""
    return ("B", [LET[x] for x in letters], other)


def A(*vals, comment=None, inferred=False):
    """The expected answers of questions 1-9 in order (U unclear, M
    missing), and the comment on 10."""
    out = {}
    for qid, v in zip(IDS[:9], vals):
        if v == M:
            continue
        if v == U:
            out[qid] = UNCLEAR
        elif isinstance(v, tuple) and v[0] == "B":
            out[qid] = ok(v[1], v[2]) if not inferred else INF(v[1])
        else:
            out[qid] = INF(v) if inferred else ok(v)
    if comment:
        out["comments"] = ok(comment)
    return out


SECRETARY = '"Pollard, Sarah" <sarah.pollard@north-hospice.test>'
SIG = ["Dr Jack Clarke", "Consultant in Palliative Medicine", "North Hospice, 14 Moorside Road, Leeds LS17 6QH",
       "Tel 0113 496 0723 | Bleep 2291 | GMC 7034518"]


# ---------- helpers of this set ----------
def word_auto_list(name, before, items, after):
    """Outlook for Windows, the answers in Word's automatic numbered list:
    the numbers only in mso-list:Ignore spans of MsoListParagraph
    paragraphs (`1.<TAB>` in the text part)."""
    lis = []
    for i, it in enumerate(items, 1):
        cls = "MsoListParagraphCxSpFirst" if i == 1 else ("MsoListParagraphCxSpLast" if i == len(items) else "MsoListParagraphCxSpMiddle")
        lis.append(f"<p class=\"{cls}\" style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]>"
                   f"<span style='mso-list:Ignore'>{i}.<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span>"
                   f"<![endif]>{esc(it)}<o:p></o:p></p>\n")
    html = N.word_paras(before) + "".join(lis) + N.word_paras(after) + OUTLOOK_FROM_HTML + word_original()
    text = ("\n".join(before) + "\n\n" + "\n".join(f"{i}.\t{it}" for i, it in enumerate(items, 1)) + "\n\n"
            + "\n".join(after) + "\n\n" + OUTLOOK_FROM_TEXT + "\n" + flat_text() + "\n")
    return N.outlook_desktop_raw(name, html, text)


def gmail_followup(name, first_lines, first_date, lines, date):
    """A Gmail web follow-up to his own earlier Gmail reply (which quoted
    the invitation), the earlier reply quoted below."""
    first_id = f"<CAF{hashlib.sha1((name + '-first').encode()).hexdigest()[:24]}@mail.gmail.com>"
    wrote1 = f"On {first_date}, Jack Clarke <{DOC_ADDR}> wrote:"
    first_text = "\n".join(first_lines) + "\n\n" + WROTE_GMAIL + "\n\n" + quote(INV_TEXT)
    text = "\n".join(lines) + "\n\n" + wrote1 + "\n\n" + quote(first_text) + "\n"
    first_html = ('<div dir="ltr">' + C.divs(first_lines) + "</div><br>" + gmail_quote_html(INV_HTML_BODY))
    html = '<div dir="ltr">' + C.divs(lines) + "</div><br>" + gmail_quote_html(first_html, wrote=wrote1)
    return gmail(name, text, html, in_reply_to=first_id, references=f"{INV_ID} {first_id}", date=date)


def iphone_followup(name, first_lines, first_when, lines, date):
    """An iPhone follow-up to his own earlier iPhone reply, quoted below."""
    first_id = f"<{hashlib.sha1((name + '-first').encode()).hexdigest()[:8].upper()}-1C2D-4E5F-8A9B-{hashlib.md5(name.encode()).hexdigest()[:12].upper()}@{DOC_DOMAIN}>"
    wrote1 = f"On {first_when}, Jack Clarke <{DOC_ADDR}> wrote:"
    first_text = "\n".join(first_lines) + "\n\nSent from my iPhone\n\n> " + WROTE_APPLE + "\n> \n" + quote(INV_TEXT)
    text = "\n".join(lines) + "\n\nSent from my iPhone\n\n> " + wrote1 + "\n> \n" + quote(first_text) + "\n"
    html = C.iphone_html(lines, original=C.divs(first_lines, ' dir="ltr"') + '<div dir="ltr"><br></div><div dir="ltr">Sent from my iPhone</div>'
                         + '<blockquote type="cite">' + INV_HTML_BODY + "</blockquote>").replace(esc(WROTE_APPLE), esc(wrote1), 1)
    return C.apple(name, text, html, in_reply_to=first_id, references=f"{INV_ID} {first_id}", date=date)



# =====================================================================
# Outlook for Windows
# =====================================================================
n = "heldback21i_numbered_signature_outlook"
case(n, N.outlook_win(n, top=["Hi Asha,", "", "Here you go:", "",
                              "1. Yes", "2. No", "3. Yes", "4. 6", "5. b, c", "6. Yes", "7. No", "8. Yes", "9. Yes", "",
                              "Best wishes,", "Jack", ""] + SIG),
     A(True, False, True, 6, B("bc"), True, False, True, True),
     note="Outlook for Windows: a plain `1.` list on top, then a signature full of numbers (postcode, phone, bleep, GMC).")

n = "heldback21i_on_answer_lines_reasons_outlook"
case(n, N.outlook_win(n, top=["Answers typed in below.", "", "Jack"], color="#C00000", on_line={
    1: "Yes, mostly in a syringe driver over the last 48 hours or so",
    2: "No - only once the opioid has been optimised, never as a first step",
    3: "Yes, twice this year (one on 240 mg/24h oxycodone)",
    4: "7 - more at ease with the subcut route than oral",
    5: "c - agitation and vivid dreams in 2 patients",
    6: "Yes, revised March 2025",
    7: "No, it's still being drafted with the ICB",
    8: "Yes please",
    9: "Yes, definitely - especially randomised trials"}),
     A(True, False, True, 7, B("c"), True, False, True, True),
     note="Outlook for Windows: answers in red on the Answer: lines of the unquoted original, each followed by a reason holding negations, counts, doses and a year.")

n = "heldback21i_below_answer_blue_comment_outlook"
case(n, N.outlook_win(n, top=["Dear Dr Rahman,", "", "I have put my answers under each question.", "", "Kind regards", "Jack Clarke"],
                      color="#0070C0", below={1: "Yes", 2: "Yes", 3: "No", 4: "8", 5: "d", 6: "Yes", 7: "Yes", 8: "No", 9: "Yes",
                                              10: "Good luck with the write-up - happy to share our protocol if it helps."}),
     A(True, True, False, 8, B("d"), True, True, False, True, comment="Good luck with the write-up - happy to share our protocol if it helps."),
     note="Outlook for Windows: answers in blue paragraphs below each Answer: of the unquoted original, a comment on 10.")

n = "heldback21i_after_question_outlook"
case(n, N.outlook_win(n, top=["See my answers in green next to each question.", "", "J"], color="#00B050",
                      after_question={1: "YES", 2: "NO", 3: "YES", 4: "5", 5: "A and B", 6: "NO", 7: "NO", 8: "YES", 9: "YES"}),
     A(True, False, True, 5, B("ab"), False, False, True, True),
     note="Outlook for Windows: answers in capitals in green after each question's own text, the Answer: lines left empty.")

n = "heldback21i_ps_change_below_signoff_outlook"
case(n, N.outlook_win(n, top=["Hello,", "", "1) Yes", "2) Yes", "3) Yes", "4) 7", "5) b", "6) No", "7) No", "8) Yes", "9) Yes", "",
                              "Regards,", "Jack", "", "PS on reflection change 8 to a no - I did the regional ketamine module in the autumn and it covered what I need."]),
     A(True, True, True, 7, B("b"), False, False, False, True),
     note="Outlook for Windows: `1)` list; a PS below the sign-off changes 8 to no, its reason holding the word 'need'.")

n = "heldback21i_correction_later_paragraph_outlook"
case(n, N.outlook_win(n, top=["Hi,", "",
                              "1. Yes", "2. No", "3. Yes", "4. 8", "5. a", "6. Yes", "7. No", "8. Yes", "9. Yes", "",
                              "Actually, thinking about it again, number 6 should be no - what we have is the trust's general syringe driver policy, which doesn't mention ketamine at all.",
                              "", "Thanks", "Jack"]),
     A(True, False, True, 8, B("a"), False, False, True, True),
     note="Outlook for Windows: a later paragraph of the same mail corrects 6 to no ('number 6 should be no').")

n = "heldback21i_secretary_on_behalf_outlook"
top = ["Dear Dr Rahman,", "", "Dr Clarke is on nights this week and has asked me to send his replies to your survey:", "",
       "1 - Yes", "2 - No", "3 - No", "4 - 6", "5 - Lack of evidence", "6 - Yes", "7 - Yes", "8 - Yes", "9 - Yes", "",
       "Kind regards", "", "Sarah Pollard", "Medical Secretary to Dr J Clarke", "North Hospice | Ext 4412"]
case(n, outlook_desktop(n, [esc(l) if l else "&nbsp;" for l in top], word_original(), "\n".join(top), flat_text(), frm=SECRETARY),
     A(True, False, False, 6, B("b"), True, True, True, True),
     note="Outlook for Windows from his secretary's own address, sending his answers on his behalf: a `1 - ` list, barriers by words; an extension number below.")

n = "heldback21i_word_table_outlook"
tbl_html, tbl_text = N.word_table([["Q", "Answer"], ["1", "Yes"], ["2", "Yes"], ["3", "No"], ["4", "7"], ["5", "b and c"],
                                   ["6", "Yes"], ["7", "No"], ["8", "No"], ["9", "Yes"]], widths=[60, 200])
before = ["Dear Asha,", "", "My answers in the table below.", ""]
after = ["", "Regards", "Jack Clarke"]
case(n, N.outlook_desktop_raw(n, N.word_paras(before) + tbl_html + N.word_paras(after) + OUTLOOK_FROM_HTML + word_original(),
                              "\n".join(before) + "\n" + tbl_text + "\n" + "\n".join(after) + "\n\n" + OUTLOOK_FROM_TEXT + "\n" + flat_text() + "\n"),
     A(True, True, False, 7, B("bc"), True, False, False, True),
     note="Outlook for Windows: a two-column Word table (Q, Answer) with a header row; tab-separated cells in the text part.")

n = "heldback21i_summary_bar_outlook"
case(n, N.outlook_win(n, top=["Hi Asha,", "", "Everything's a yes bar 2 and 6 (no to those).", "Confidence 7.", "Barriers - lack of evidence.", "", "Cheers", "Jack"]),
     A(True, False, True, 7, B("b"), False, True, True, True),
     note="Outlook for Windows: a summary 'Everything's a yes bar 2 and 6 (no to those)', the scale and the barriers given apart.")

n = "heldback21i_word_auto_list_outlook"
case(n, word_auto_list(n, ["Dear Dr Rahman,", "", "Please find my answers below."],
                       ["Yes", "Yes", "Yes", "6", "a, c", "No", "No", "Yes", "Yes", "We use it far less since the ketamine shortage last year."],
                       ["", "With best wishes", "Jack"]),
     A(True, True, True, 6, B("ac"), False, False, True, True, comment="We use it far less since the ketamine shortage last year."),
     note="Outlook for Windows: Word's automatic numbered list (numbers only in mso-list:Ignore spans, `1.<TAB>` in the text part), item 10 a comment.")

n = "heldback21i_compact_colon_codes_outlook"
case(n, N.outlook_win(n, top=["1:Y 2:Y 3:N 4:7 5:B/C 6:Y 7:N 8:Y 9:Y", "", "Jack"]),
     A(True, True, False, 7, B("bc"), True, False, True, True),
     note="Outlook for Windows: compact codes on one line `1:Y 2:Y ... 4:7 5:B/C` (B/C is both options).")

n = "heldback21i_trap_contradiction_outlook"
case(n, N.outlook_win(n, top=["Hi,", "", "1. Yes", "2. No", "3. Yes", "4. 7", "5. a, possibly b", "6. Yes", "7. No", "8. Yes", "9. Yes", "",
                              "To be honest I've never had a patient where we brought the opioid down because ketamine had been started - it's always been added on top.",
                              "", "Jack"]),
     A(True, False, U, 7, U, True, False, True, True),
     note="TRAP. Outlook for Windows: 3 is yes in the list but a later sentence says the opioid was never reduced, with no word of correction (unclear); 'a, possibly b' is a hedge (unclear).")

n = "heldback21i_trap_top_and_inline_disagree_outlook"
case(n, N.outlook_win(n, top=["Answers:", "1 yes", "2 no", "3 yes", "4 6", "5 c", "6 yes", "7 no", "8 yes", "9 yes", "", "Jack"],
                      on_line={1: "yes", 2: "yes - once, for a young man with bone pain", 3: "yes", 4: "6", 5: "c", 6: "yes", 7: "no", 8: "yes", 9: "yes"}),
     A(True, U, True, 6, B("c"), True, False, True, True),
     note="TRAP. Outlook for Windows: answers both in a list on top and on the Answer: lines of the unquoted original; they agree except 2 (no on top, yes below with a reason): unclear.")

# =====================================================================
# Outlook on the web, Outlook for Mac, Outlook plain text
# =====================================================================
ON = {1: "Yes", 2: "No", 3: "Yes", 4: "5", 5: "a, b", 6: "Yes", 7: "No", 8: "Yes", 9: "Yes"}
n = "heldback21i_on_answer_lines_owa"
case(n, C.owa(n, ["Answered in the email below.", "", "Jack"], original=N.inv_html(on_line=ON, color="#7030A0"),
              original_text=N.inv_text(on_line=ON, prefix="")),
     A(True, False, True, 5, B("ab"), True, False, True, True),
     note="Outlook on the web: answers in purple on the Answer: lines of the unquoted original (HTML and text).")

AF = {1: "Yes", 2: "No - we wait for the opioid to be titrated", 3: "No", 4: "Six", 5: "Side effects mainly",
      6: "No", 7: "No", 8: "Yes", 9: "Yes", 10: "Would be good to see the results presented at the regional meeting in spring."}
n = "heldback21i_html_only_below_answer_owa"
case(n, C.owa(n, ["Hi - answers below in blue.", "", "Jack"], original=N.inv_html(after=AF, color="#0F6FC6"), html_only=True),
     A(True, False, False, 6, B("c"), False, False, True, True, comment="Would be good to see the results presented at the regional meeting in spring."),
     note="Outlook on the web, HTML only (no text part): answers in blue below each Answer:, 'Six' in words, 'Side effects mainly' = c alone, a comment on 10.")

n = "heldback21i_misspellings_owa"
case(n, C.owa(n, ["1. Yse", "2. Noo", "3. Yeas", "4. 7", "5. lak of evidence and sid effects", "6. Yes", "7. No", "8. yse", "9. Yes", "", "Sorry, typing between patients!", "Jack"]),
     A(True, False, True, 7, B("bc"), True, False, True, True),
     note="Outlook on the web: misspellings a human reads at once ('Yse', 'Noo', 'Yeas', 'lak of evidence and sid effects').")

n = "heldback21i_pa_from_his_account_owa"
case(n, C.owa(n, ["Dear Dr Rahman,", "", "This is Maria, Dr Clarke's PA, replying from his account as he is on annual leave - he went through the questions with me before he left:", "",
                  "1. Yes", "2. Yes", "3. Yes", "4. 9", "5. None", "6. Yes", "7. Yes", "8. No", "9. Yes", "",
                  "Kind regards,", "Maria Booth", "PA to Dr Jack Clarke"]),
     A(True, True, True, 9, B("d"), True, True, False, True),
     note="Outlook on the web: his PA writes from his account with the answers he gave her; 'None' = d) No barriers.")

n = "heldback21i_yes_to_ranges_owa"
case(n, C.owa(n, ["Hi Asha,", "", "Yes to 1-3 and 8-9, no to 6 and 7.", "4: 6", "5: expertise", "", "Thanks, Jack"]),
     A(True, True, True, 6, B("a"), False, False, True, True),
     note="Outlook on the web: a summary with ranges 'Yes to 1-3 and 8-9, no to 6 and 7.', then `4: 6` and barriers by the word 'expertise'.")

n = "heldback21i_trap_ps_doubt_owa"
case(n, C.owa(n, ["1. Yes", "2. No", "3. No", "4. 6", "5. b", "6. Yes", "7. No", "8. Yes", "9. Yes", "", "Jack", "",
                  "P.S. Not sure I've got 7 right - our community team may have put something out. Let me get back to you on that one."]),
     A(True, False, False, 6, B("b"), True, U, True, True),
     note="TRAP. Outlook on the web: a P.S. casts doubt on 7 without giving another answer ('Let me get back to you on that one'): unclear.")

n = "heldback21i_trap_secretary_unsure_owa"
case(n, C.owa(n, ["Hello,", "", "Dr Clarke asked me to send on his answers from the paper copy he filled in:", "",
                  "1. Yes", "2. No", "3. Yes", "4. 6 (or 7 - he said he couldn't decide between them)", "5. a", "6. Yes", "7. Yes",
                  "8. He said probably not", "9. Yes", "", "Many thanks", "Sarah Pollard", "Medical Secretary"], frm=SECRETARY),
     A(True, False, True, U, B("a"), True, True, U, True),
     note="TRAP. Outlook on the web from his secretary's address: 4 '6 (or 7 ...couldn't decide)' and 8 'He said probably not' are not settled (unclear); the rest are his.")

n = "heldback21i_followup_changes_confidence_owa"
prior = ["1. Yes", "2. No", "3. Yes", "4. 8", "5. c", "6. Yes", "7. No", "8. Yes", "9. Yes", "", "Jack"]
prior_id = "<DB9PR07MBF1RST21I0001@DB9PR07MB1234.eurprd07.prod.outlook.com>"
prior_html = "".join(f"<div>{esc(l) if l else '<br>'}</div>" for l in prior)
fu_html = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body dir="ltr">'
           '<div class="elementToProof">Sorry - having slept on it, please put me down as 5 for confidence, not 8. The rest stands.</div><div class="elementToProof"><br></div><div class="elementToProof">Jack</div>'
           '<div id="appendonsend"></div><hr style="display:inline-block;width:98%" tabindex="-1"><div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt" color="#000000">'
           f'<b>From:</b> Clarke Jack &lt;{DOC_ADDR}&gt;<br><b>Sent:</b> Thursday, December 17, 2026 10:14 PM<br><b>To:</b> Regional Palliative Care Audit Group &lt;{REPLY_TO}&gt;<br>'
           f'<b>Subject:</b> RE: {SUBJECT}</font><div>&nbsp;</div></div>' + prior_html + C.owa_header_html() + INV_HTML_BODY + "</body></html>")
fu_text = ("Sorry - having slept on it, please put me down as 5 for confidence, not 8. The rest stands.\n\nJack\n________________________________\n"
           f"From: Clarke Jack <{DOC_ADDR}>\nSent: Thursday, December 17, 2026 10:14 PM\nTo: Regional Palliative Care Audit Group <{REPLY_TO}>\n"
           f"Subject: RE: {SUBJECT}\n\n" + "\n".join(prior) + "\n________________________________\n"
           + OUTLOOK_FROM_TEXT.replace(f"{C.W:%d %B %Y %H:%M}", C.owa_sent()) + "\n" + INV_TEXT + "\n")
b = boundary("_000_", n, 10).upper() + "DB9PR07MB1234eurprd07prod_"
case(n, message(n, ["Thread-Topic: " + SUBJECT, "Thread-Index: AQHcXmB4" + hashlib.sha1(n.encode()).hexdigest()[:20] + "==",
                    "Accept-Language: en-GB, en-US", "Content-Language: en-GB", "X-MS-Has-Attach:", "X-MS-TNEF-Correlator:"],
                multipart("alternative", b, [leaf('text/plain; charset="utf-8"', fu_text), leaf('text/html; charset="utf-8"', fu_html)]),
                in_reply_to=prior_id, references=f"{INV_ID} {prior_id}", date="Fri, 18 Dec 2026 07:52:40 +0000", crlf=True,
                msgid=f"<DB9PR07MB{hashlib.sha1(n.encode()).hexdigest()[:12].upper()}@DB9PR07MB1234.eurprd07.prod.outlook.com>"),
     A(M, M, M, 5, M, M, M, M, M),
     note="Outlook on the web: a follow-up to his own earlier reply (quoted below, then the invitation) changing only 4 ('put me down as 5 for confidence, not 8'); the quoted answers are not this message's, so the rest are missing.")

ML = {1: "Yes", 2: "No", 3: "Yes", 4: "7", 5: "b", 6: "Yes", 7: "Yes", 8: "Yes", 9: "Yes"}
n = "heldback21i_on_answer_lines_outlook_mac"
case(n, N.reply(n, "outlook_mac", top=["Answers added after each Answer: below.", "", "Jack"], on_line=ML, color="#C00000"),
     A(True, False, True, 7, B("b"), True, True, True, True),
     note="Outlook for Mac 16: answers on the Answer: lines of the unquoted original (Word HTML, red) and in the text part.")

n = "heldback21i_colon_list_outlook_text"
case(n, C.outlook_text(n, "Asha,\n\n1: yes\n2: no\n3: yes\n4: 6\n5: a + b\n6: no\n7: no\n8: yes\n9: yes\n10: Our consultants vary a lot in how comfortable they are with it.\n\nJack\n\n"
                       + C.ORIGINAL_MESSAGE + "\n" + INV_TEXT + "\n"),
     A(True, False, True, 6, B("ab"), False, False, True, True, comment="Our consultants vary a lot in how comfortable they are with it."),
     note="Outlook in plain-text mode (`-----Original Message-----`, the original unquoted): a `1:` list, 'a + b', a comment on 10.")

# =====================================================================
# Outlook for iOS / Android
# =====================================================================
n = "heldback21i_one_line_lowercase_outlook_ios"
case(n, C.outlook_mobile(n, ["1 y 2 y 3 y 4 8 5 a 6 n 7 n 8 y 9 y"], platform="iOS"),
     A(True, True, True, 8, B("a"), False, False, True, True),
     note="Outlook for iOS: all nine on one line, number and one-letter answer, `4 8` the scale.")

n = "heldback21i_fat_fingers_outlook_ios"
case(n, C.outlook_mobile(n, ["1 Yesd", "2 N0", "3 Yep", "4 7", "5 b", "6 Yeh", "7 Nope", "8 Yes", "9 Yes", "", "Jack"], platform="iOS"),
     A(True, False, True, 7, B("b"), True, False, True, True),
     note="Outlook for iOS: slips of the thumb and casual forms a human reads at once ('Yesd', 'N0' with a zero, 'Yep', 'Yeh', 'Nope').")

n = "heldback21i_ps_flip_outlook_android"
case(n, C.outlook_mobile(n, ["1. Yes", "2. No", "3. No", "4. 6", "5. c", "6. Yes", "7. No", "8. Yes", "9. Yes", "", "Jack", "",
                             "PS ignore my answer to 3 - it's a yes, I'd forgotten the lady we switched in October"], platform="Android"),
     A(True, False, True, 6, B("c"), True, False, True, True),
     note="Outlook for Android: a PS reverses 3 ('ignore my answer to 3 - it's a yes').")

n = "heldback21i_trap_range_check_outlook_android"
case(n, C.outlook_mobile(n, ["1. Yes", "2. Yes", "3. No", "4. anything from 5 to 8 depending on the indication", "5. b",
                             "6. I'd have to check with pharmacy - I think so", "7. No", "8. Yes", "9. Yes"], platform="Android"),
     A(True, True, False, U, B("b"), U, False, True, True),
     note="TRAP. Outlook for Android: 'anything from 5 to 8' for the scale and 'I'd have to check with pharmacy - I think so' are unclear.")

# =====================================================================
# Gmail
# =====================================================================
n = "heldback21i_no_punctuation_reasons_gmail"
case(n, C.gmail_top(n, ["Hi Asha,", "", "1 Yes, a handful of times on the ward", "2 No", "3 Yes though only with specialist input", "4 6",
                        "5 a and c", "6 No, we borrow the acute trust's one", "7 No", "8 Yes", "9 Yes"], sign=("Thanks,", "Jack")),
     A(True, False, True, 6, B("ac"), False, False, True, True),
     note="Gmail web: a `1 ` list without punctuation, reasons after commas (6 'No, we borrow the acute trust's one' is no).")

INL = {1: "Yes", 2: "Yes", 3: "Yes", 4: "9", 5: "d - no real barriers here", 6: "Yes", 7: "Yes", 8: "No", 9: "Yes"}
n = "heldback21i_inline_split_gmail"
case(n, N.reply(n, "gmail_web", top=["Answers inline.", "", "Jack"], answers=INL),
     A(True, True, True, 9, B("d"), True, True, False, True),
     note="Gmail web: answers typed below each Answer: with the quote split; 'd - no real barriers here'.")

n = "heldback21i_spaced_table_gmail"
case(n, C.gmail_top(n, ["Asha - in table form:", "", "Q    Answer", "1    Yes", "2    No", "3    Yes", "4    7", "5    b + c",
                        "6    Yes", "7    No", "8    No", "9    Yes"], sign=("Best,", "Jack")),
     A(True, False, True, 7, B("bc"), True, False, False, True),
     note="Gmail web: a plain-text table aligned with spaces under a `Q    Answer` header row.")

n = "heldback21i_summary_no_apart_from_gmail"
case(n, C.gmail_top(n, ["Hi,", "", "No to everything apart from 1 and 9, which are yes.", "Confidence: 3", "Barriers: expertise and evidence",
                        "", "We don't use much ketamine here."], sign=("Cheers,", "Jack")),
     A(True, False, False, 3, B("ab"), False, False, False, True),
     note="Gmail web: 'No to everything apart from 1 and 9, which are yes.'; the scale and the barriers apart; a remark not on 10.")

n = "heldback21i_followup_comment_only_gmail"
case(n, gmail_followup(n, ["1. Yes", "2. No", "3. Yes", "4. 7", "5. b", "6. Yes", "7. No", "8. Yes", "9. Yes", "", "Jack"],
                       "Wed, 16 Dec 2026 at 19:22", ["Forgot to add a comment for 10:", "",
                                                     "10. A regional ketamine protocol would save every unit writing its own.", "", "Jack"],
                       "Thu, 17 Dec 2026 08:03:11 +0000"),
     A(M, M, M, M, M, M, M, M, M, comment="A regional ketamine protocol would save every unit writing its own."),
     note="Gmail web: a follow-up to his own earlier reply (quoted) adding only a comment on 10; the quoted answers are not this message's (all nine missing).")

n = "heldback21i_trap_either_or_gmail"
case(n, C.gmail_top(n, ["1. yes", "2. yes", "3. no", "4. 7 or 8", "5. a, maybe c too", "6. yes", "7. no", "8. yes", "9. yes"], sign=("J",)),
     A(True, True, False, U, U, True, False, True, True),
     note="TRAP. Gmail web: '7 or 8' for the scale and 'a, maybe c too' for the barriers are unclear.")

n = "heldback21i_comma_codes_gmail_android"
case(n, N.reply(n, "gmail_android", top=["1y, 2y, 3n, 4 6, 5 b&c, 6y, 7y, 8n, 9y"]),
     A(True, True, False, 6, B("bc"), True, True, False, True),
     note="Gmail for Android: codes on one line separated by commas (`4 6` the scale, `5 b&c`).")

n = "heldback21i_first_three_gmail_android"
case(n, N.reply(n, "gmail_android", top=["1 - Yes", "2 - Yes", "3 - Yes", "4 - 4", "5 - the first three", "6 - No", "7 - No", "8 - Yes", "9 - Yes", "", "Jack"]),
     A(True, True, True, 4, B("abc"), False, False, True, True),
     note="Gmail for Android: `1 - ` list; 'the first three' for the barriers = a, b and c; `4 - 4`.")

n = "heldback21i_bare_commas_gmail_android"
case(n, N.reply(n, "gmail_android", top=["Y, Y, N, 6, A+C, Y, Y, N, Y"]),
     A(True, True, False, 6, B("ac"), True, True, False, True, inferred=True),
     note="Gmail for Android: nine bare answers in order on one line with no question numbers (inferred).")

n = "heldback21i_reasons_dash_gmail_ios"
case(n, N.reply(n, "gmail_ios", top=["1. Yes - usually alongside methadone", "2. No - not until other adjuvants have failed", "3. Yes - 3 patients in 2026",
                                     "4. 8 - I trained at a unit that used it a lot", "5. b - the trials are small", "6. Yes", "7. No",
                                     "8. No - I teach it", "9. Yes"]),
     A(True, False, True, 8, B("b"), True, False, False, True),
     note="Gmail for iOS: every answer followed by a reason after a dash (other drugs, 'No - not until ...', '3 patients in 2026', 'I teach it').")

# =====================================================================
# Apple
# =====================================================================
n = "heldback21i_autocorrect_iphone"
case(n, C.iphone(n, ["1. Tes", "2. Np", "3. Yes", "4. 7", "5. Side effetcs", "6. Yes", "7. Np", "8. Yes", "9. Yes"]),
     A(True, False, True, 7, B("c"), True, False, True, True),
     note="iPhone Mail: keyboard slips a human reads at once ('Tes' for yes, 'Np' for no, 'Side effetcs').")

n = "heldback21i_ps_score_iphone"
case(n, C.iphone(n, ["1. Yes", "2. No", "3. Yes", "4. 8", "5. a", "6. No", "7. No", "8. Yes", "9. Yes", "",
                     "P.S. 4 should have been a 6, typed too fast"]),
     A(True, False, True, 6, B("a"), False, False, True, True),
     note="iPhone Mail: a P.S. changes 4 ('4 should have been a 6').")

IP = {1: "Yes", 2: "No", 3: "Yes", 4: "6/10", 5: "Lack of evidence", 6: "Yes", 7: "No", 8: "Yes", 9: "Yes"}
n = "heldback21i_inline_split_iphone"
case(n, N.reply(n, "iphone", top=["Answers in the email"], answers=IP),
     A(True, False, True, 6, B("b"), True, False, True, True),
     note="iPhone Mail: answers below each Answer: with the quote split, '6/10'.")

n = "heldback21i_followup_rest_iphone"
case(n, iphone_followup(n, ["1. Yes", "2. No", "3. Yes", "4. 7", "", "Rest to follow"], "16 Dec 2026, at 13:40",
                        ["5. b and c", "6. Yes", "7. No", "8. Yes", "9. Yes"], "Wed, 16 Dec 2026 20:17:05 +0000"),
     A(M, M, M, M, B("bc"), True, False, True, True),
     note="iPhone Mail: the second half (5-9) in a follow-up to his own earlier reply with 1-4 (quoted, not counted: missing).")

AM = {1: "Yes", 2: "Yes", 3: "No", 4: "7", 5: "b", 6: "Yes", 7: "No", 8: "Yes", 9: "Yes"}
n = "heldback21i_inline_apple_mail"
case(n, N.apple_reply(n, "apple_mac", top=["Hi Asha,", "", "Answers below each question.", "", "Jack"], answers=AM),
     A(True, True, False, 7, B("b"), True, False, True, True),
     note="Apple Mail (macOS) rich text: answers below each Answer: with the quote split.")

n = "heldback21i_flowed_comment_apple_mail"
cm = ("We are a small unit (8 beds) and see ketamine used perhaps three or four times a year, so our experience is limited and \x01"
      "12 months ago we had to send a patient to the acute trust for it.")
case(n, N.apple_mac_plain(n, "Dear Asha,\n\n1. Yes\n2. No\n3. No\n4. 4\n5. a\n6. No\n7. No\n8. Yes\n9. Yes\n10. " + cm + "\n\nBest wishes,\nJack\n\n> "
                          + WROTE_APPLE + "\n> \n" + quote(INV_TEXT) + "\n"),
     A(True, False, False, 4, B("a"), False, False, True, True,
       comment="We are a small unit (8 beds) and see ketamine used perhaps three or four times a year, so our experience is limited and 12 months ago we had to send a patient to the acute trust for it."),
     note="Apple Mail (macOS) plain text, format=flowed DelSp=yes: the comment on 10 soft-broken over lines, one continuation beginning '12 months ago'.")

n = "heldback21i_trap_hedges_iphone"
case(n, C.iphone(n, ["1. Yes", "2. No", "3. Probably, can't remember for sure", "4. 7", "5. c", "6. Sort of", "7. No", "8. Yes", "9. Yes"]),
     A(True, False, U, 7, B("c"), U, False, True, True),
     note="TRAP. iPhone Mail: 'Probably, can't remember for sure' and 'Sort of' are hedges (unclear).")

# =====================================================================
# Thunderbird, Samsung, Yahoo
# =====================================================================
TB = {1: "Yes, for a few patients with neuropathic pain who were already on high doses of morphine and still in pain",
      2: "No", 3: "Yes", 4: "7", 5: "b, and to a lesser degree c",
      6: "Yes - we wrote one in 2024 after two patients on ketamine were readmitted with \x01"
         "30 mg doses given at the wrong interval", 7: "No", 8: "Yes", 9: "Yes"}
n = "heldback21i_inline_flowed_thunderbird"
case(n, C.thunderbird_flowed(n, "Hi Asha,\n\nMy answers are in the text below.\n\nJack\n\n" + WROTE_TB + "\n" + text_inline(answers=TB) + "\n"),
     A(True, False, True, 7, B("bc"), True, False, True, True),
     note="Thunderbird, plain text format=flowed: answers below each quoted Answer:, long reasons soft-broken (a continuation line begins '30 mg doses'); 'b, and to a lesser degree c' is both.")

n = "heldback21i_grouped_ranges_thunderbird"
case(n, C.thunderbird_flowed(n, "1-3: yes, yes, no\n4: 8\n5: a\n6-9: yes, no, yes, yes\n\n-- \nJack Clarke\nNorth Hospice, 0113 496 0723\n\n"
                             + WROTE_TB + "\n" + quote(INV_TEXT) + "\n"),
     A(True, True, False, 8, B("a"), True, False, True, True),
     note="Thunderbird, format=flowed: answers grouped by ranges ('1-3: yes, yes, no', '6-9: yes, no, yes, yes'), a `-- ` signature with a phone number.")

n = "heldback21i_dot_no_space_samsung"
case(n, N.reply(n, "samsung", top=["1.yes", "2.no", "3.yes", "4.6", "5.c", "6.yes", "7.no", "8.yes", "9.yes"]),
     A(True, False, True, 6, B("c"), True, False, True, True),
     note="Samsung Email: a `1.yes` list with no spaces, so `4.6` is question 4, answer 6; the original unquoted below.")

n = "heldback21i_summary_yes_for_yahoo"
case(n, C.yahoo(n, ["Yes for 1, 2, 3, 8 and 9", "No for 6 and 7", "Confidence 5", "Barriers: evidence and side effects", "", "Jack"]),
     A(True, True, True, 5, B("bc"), False, False, True, True),
     note="Yahoo Mail: summaries by lists of question numbers ('Yes for 1, 2, 3, 8 and 9' / 'No for 6 and 7'), the scale and barriers apart.")
