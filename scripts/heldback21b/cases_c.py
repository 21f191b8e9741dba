"""Set 21b, part C: misspellings and N/A; a secretary on the doctor's
behalf; what must not be guessed; other forms found in real clients."""
import lib
from clients import *
from cases_a import std, Y, N, U, P, owa_after_question, after_heading_text


def inf(v):
    return {"status": "inferred", "value": v}


# ===================== misspellings; N/A never no =====================

lines = ["1. Yse", "2. Nop", "3. yess", "4. 6", "5. lack of expertese, side-affects", "6. Noo", "7. No", "8. Yeh", "9. Ye"]
case(P + "misspellings_outlook_ios", outlook_mobile("p1", lines + ["", "Jack"]),
     std(confidence=ok(6), barriers=ok(["expertise", "side_effects"]), written_protocol=N),
     note="Outlook for iOS: thumb-typed 'Yse', 'Nop', 'yess', 'Noo', 'Yeh', 'Ye' and labels 'expertese', 'side-affects'")

lines = ["1. Yes", "2. No", "3. Yes", "4. 5", "5. Lack of evidense, lack of experience and familiarity", "6. Yes", "7. No", "8. Yes", "9. Yes"]
case(P + "misspellings_labels_gmail", gmail_top("p2", lines, sign=("Thanks", "Jack")),
     std(confidence=ok(5), barriers=ok(["expertise", "evidence"])),
     note="option labels written from memory: 'evidense' (one letter off) and 'lack of experience and familiarity' (expertise's label with one word changed)")

lines = ["1. N/A", "2. na", "3. n.a.", "4. N/a", "5. NA - retired from clinical work in June", "6. No", "7. Nope", "8. No", "9. Yes"]
case(P + "na_forms_never_no_yahoo", yahoo("p3", lines + ["", "Jack"]),
     std(end_of_life=U, early_adjuvant=U, opioid_sparing=U, confidence=U, barriers=U, written_protocol=N, training=N),
     note="Yahoo: N/A, na, n.a., N/a, NA are not applicable, never 'no' (this survey has no n/a answer: unclear); 'Nope' and 'No' stay no")

# ===================== a secretary on the doctor's behalf =====================

top = ["This is Margaret, Dr Clarke's secretary \u2013 he dictated his answers and asked me to send them from his account:", "",
       "1. Yes", "2. Yes", "3. No", "4. 8", "5. b", "6. Yes", "7. Yes", "8. No", "9. Yes", "", "Kind regards", "Margaret Ellis",
       "Medical Secretary to Dr J Clarke"]
paras = [esc(l).replace("\u2013", "&#8211;") if l else "&nbsp;" for l in top]
case(P + "secretary_from_doctors_account_outlook", outlook_desktop("se1", paras, word_original(), "\n".join(top), flat_text()),
     std(early_adjuvant=Y, opioid_sparing=N, confidence=ok(8), barriers=ok(["evidence"]), shared_guidance=Y, training=N),
     note="the doctor's secretary sends his dictated answers from his own account (From is the doctor): read as his")

lines = ["Dear Survey Team,", "", "On behalf of Dr Jack Clarke, who is on leave, please find his answers below.", "",
         "1. No", "2. No", "3. Yes", "4. 4", "5. a", "6. No", "7. No", "8. Yes", "9. Yes", "",
         "Kind regards", "Palliative Care Secretaries", "North Hospice"]
case(P + "secretary_team_mailbox_owa",
     owa("se2", lines, frm='"Palliative Care Secretaries" <palliative.secretaries@north-hospice.test>'),
     std(end_of_life=N, confidence=ok(4), written_protocol=N),
     note="a shared secretaries' mailbox (another address) sends the doctor's answers: read the same way, held for the doctor's confirmation")

# ===================== must not be guessed =====================

lines = ["1. I believe so", "2. Probably not", "3. Yes", "4. 5ish", "5. mostly a, maybe c", "6. Not that I'm aware of", "7. No",
         "8. Yes I think", "9. Yes"]
case(P + "trap_hedges_owa", owa("tr1", lines + ["", "Jack"]),
     std(end_of_life=U, early_adjuvant=U, confidence=U, barriers=U, written_protocol=U, training=U),
     note="trap: 'I believe so', 'Probably not', '5ish', 'mostly a, maybe c', 'Not that I'm aware of', 'Yes I think' are hedges: unclear")

lines = ["1. Yes", "2. Y/N", "3. Yes", "4. 6/7", "5. a/b", "6. Yes", "7. No", "8. Yes", "9. Yes"]
case(P + "trap_slashes_gmail", gmail_top("tr2", lines, sign=("Jack",)),
     std(early_adjuvant=U, confidence=U, barriers=U),
     note="trap: 'Y/N', '6/7' (six or seven on a 0-10 scale) and 'a/b' (one or the other, or both?) are either/or: unclear")

top = ["1. Yes", "2. No", "3. No", "4. 7", "5. c", "6. Yes and no", "7. No", "8. Yes", "9. Yes", "", "Jack"]
ans_after = {3: "Yes"}
text = "\n".join(top) + "\n\n> " + WROTE_APPLE + "\n> \n" + text_inline(answers=ans_after) + "\n"
html = ('<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head><body style="overflow-wrap: break-word; -webkit-nbsp-mode: space; line-break: after-white-space;">'
        + divs(top) + '<div><br><blockquote type="cite"><div>' + esc(WROTE_APPLE) + '</div><br class="Apple-interchange-newline"><div>'
        + html_split(answers_after=ans_after, wrap=lambda a: "<div>" + esc(a) + "</div>") + '</div></blockquote></div><br></body></html>')
case(P + "trap_list_contradicts_inline_apple_mail", apple("tr3", text, html, mailer=MAC_MAILER, mime_version=MAC_MIME),
     std(opioid_sparing=U, barriers=ok(["side_effects"]), written_protocol=U),
     note="trap: 3 is no in the list at the top and yes below its quoted Answer: (no word of correction); 6 'Yes and no': unclear")

lines = ["1 yes", "2 no", "3 yes", "4 high", "5 lack of knowledge", "6 yes", "7 n", "8 y", "9 y"]
case(P + "trap_label_fits_two_options_owa", owa("tr4", lines),
     std(confidence=U, barriers=U),
     note="trap: 'lack of knowledge' fits expertise and evidence alike; 'high' is no number on the 0-10 scale: unclear; 'n', 'y' with numbers are no/yes")

case(P + "trap_bare_one_line_outlook_ios", outlook_mobile("tr5", ["Y N Y 6 A Y N Y Y"]),
     {"end_of_life": inf(True), "early_adjuvant": inf(False), "opioid_sparing": inf(True), "confidence": inf(6),
      "barriers": inf(["expertise"]), "written_protocol": inf(True), "shared_guidance": inf(False), "training": inf(True),
      "research": inf(True)},
     note="trap: bare one-letter answers in order on one line, no numbers: inferred (to be confirmed), never certain")

lines = ["1. Yes", "2. Depends on the patient", "3. Ask my registrar, she does most of it", "4. 6", "5. a",
         "6. Don't know", "7. ?", "8. TBC", "9. Yes"]
text = "\n".join(lines) + "\n\nJack\n\n" + WROTE_TB + "\n" + quote(INV_TEXT) + "\n"
case(P + "trap_dont_know_tbc_thunderbird", thunderbird_flowed("tr6", text),
     std(early_adjuvant=U, opioid_sparing=U, confidence=ok(6), written_protocol=U, shared_guidance=U, training=U),
     note="trap: 'Depends on the patient', 'Ask my registrar', 'Don't know', '?', 'TBC' are no answers a careful reader would count: unclear")

# ===================== other forms of real clients =====================

# 1. Forwarded to the survey address (Gmail 'Forward') with the answers on top.
fwd_hdr = ("---------- Forwarded message ---------\nFrom: Regional Palliative Care Audit Group <survey@survey.test>\n"
           "Date: Thu, 26 Nov 2026 at 00:48\nSubject: " + SUBJECT + "\nTo: Dr Jack Clarke <jack.clarke@north-hospice.test>\n")
lines = ["Sorry, forwarded rather than replied - answers:", "", "1. yes", "2. no", "3. yes", "4. 7", "5. a, c", "6. no", "7. no", "8. yes", "9. yes"]
text = "\n".join(lines) + "\n\nJack\n\n" + fwd_hdr + "\n\n" + INV_TEXT + "\n"
html = ('<div dir="ltr">' + divs(lines) + '<div><br></div><div>Jack</div><br><div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">'
        '---------- Forwarded message ---------<br>From: <b class="gmail_sendername" dir="auto">Regional Palliative Care Audit Group</b> <span dir="auto">&lt;<a href="mailto:survey@survey.test">survey@survey.test</a>&gt;</span><br>'
        f'Date: Thu, 26 Nov 2026 at 00:48<br>Subject: {SUBJECT}<br>To: Dr Jack Clarke &lt;<a href="mailto:jack.clarke@north-hospice.test">jack.clarke@north-hospice.test</a>&gt;<br></div><br><br>'
        + INV_HTML_BODY + '</div></div>')
case(P + "forwarded_invitation_gmail",
     gmail("n1", text, html, subject="Fwd: " + SUBJECT, to='"Regional Palliative Care Audit Group" <survey@survey.test>'),
     std(barriers=ok(["expertise", "side_effects"]), written_protocol=N),
     note="Gmail 'Forward' instead of reply (Fwd: subject, the forwarded invitation unquoted below its header block), answers on top, sent to the group's plain address (autocompleted, no token in it); Gmail keeps In-Reply-To/References to the invitation")

# 2. A signature full of numbers.
top = ["1. Yes", "2. No", "3. No", "4. 7", "5. b", "6. Yes", "7. No", "8. Yes", "9. Yes", "", "Best wishes", "", "Dr Jack Clarke MBChB MRCP",
       "Consultant in Palliative Medicine | GMC 7012345", "North Hospice, 12 Church Lane, Newtown NT1 2AB",
       "Tel 01632 960 123 | Bleep 2234 | Ext 4471", "Working days: Mon, Tue, Thu (0.8 WTE)", "Pronouns: he/him"]
paras = [esc(l) if l else "&nbsp;" for l in top]
case(P + "signature_numbers_outlook", outlook_desktop("n2", paras, word_original(), "\n".join(top), flat_text()),
     std(opioid_sparing=N, barriers=ok(["evidence"])),
     note="Outlook desktop: a signature full of numbers (GMC 7012345, postcode, phone, bleep 2234, Ext 4471, 0.8 WTE) below the list: none is an answer")

# 3. A gateway disclaimer appended below the quoted original.
disc = ("**********************************************************************\n"
        "This message may contain confidential information. If you are not the intended recipient please inform the sender "
        "that you have received the message in error before deleting it. Please do not disclose, copy or distribute information "
        "in this e-mail or take any action in reliance on its contents: to do so is strictly prohibited and may be unlawful.\n"
        "1. No liability is accepted for any harm that may be caused by viruses.\n"
        "2. Yes, emails may be monitored for the purposes of security and staff training.\n"
        "North Hospice is a registered charity no. 1012345.\n"
        "**********************************************************************")
lines = ["1. No", "2. No", "3. Yes", "4. 5", "5. a, b", "6. Yes", "7. No", "8. Yes", "9. No", "", "Jack"]
text = owa_text(lines) + "\n" + disc + "\n"
html = owa_top_html(lines).replace("</body></html>", "<div><pre>" + esc(disc) + "</pre></div></body></html>")
b = boundary("_000_", "n3", 10).upper() + "DB9PR07MB1234eurprd07prod_"
body = multipart("alternative", b, [leaf('text/plain; charset="utf-8"', text), leaf('text/html; charset="utf-8"', html)])
case(P + "disclaimer_numbered_lines_owa",
     message("n3", ["Thread-Topic: " + SUBJECT, "Accept-Language: en-GB, en-US", "Content-Language: en-GB", "X-MS-Has-Attach:",
                    "X-MS-Exchange-Transport-Rule: Disclaimer"], body, crlf=True,
             msgid="<DB9PR07MB5A6B7C8D9E0F@DB9PR07MB1234.eurprd07.prod.outlook.com>"),
     std(end_of_life=N, confidence=ok(5), barriers=ok(["expertise", "evidence"]), research=N),
     note="a transport-rule disclaimer appended below the quoted original, with its own numbered lines '1. No liability ...', '2. Yes, emails may be monitored ...': not answers")

# 4. The answers in the subject line, nothing typed in the body.
case(P + "answers_in_subject_iphone",
     apple("n4", iphone_text([""], "Sent from my iPhone").lstrip("\n"), iphone_html([], "Sent from my iPhone"),
           subject="Re: " + SUBJECT + " - 1 yes, 2 no, 3 yes, 4 7, 5 a, 6 yes, 7 no, 8 yes, 9 yes"),
     std(),
     note="iPhone: the doctor typed the answers into the subject line ('Re: Survey ... - 1 yes, 2 no, ...') and sent an empty body; a careful reader reads them")

# 5. Gmail in French: auto-translated attribution, answers inline.
WROTE_FR = "Le jeu. 26 nov. 2026 \u00e0 00:48, Regional Palliative Care Audit Group <survey@survey.test> a \u00e9crit :"
ans = {1: "Yes", 2: "Yes", 3: "Yes", 4: "8", 5: "c", 6: "Yes", 7: "No", 8: "No", 9: "Yes"}
text = "Hello, answers below.\n\nJack\n\n" + WROTE_FR + "\n\n" + text_inline(answers=ans) + "\n"
html = ('<div dir="ltr">Hello, answers below.<div><br></div><div>Jack</div></div><br>'
        + gmail_quote_html(html_split(answers_after=ans, open_tag=GMAIL_BQ, close_tag="</blockquote>",
                                      wrap=lambda a: "<div><br></div><div>" + esc(a) + "</div><div><br></div>"), wrote=WROTE_FR))
case(P + "french_attribution_gmail_inline", gmail("n5", text, html),
     std(early_adjuvant=Y, confidence=ok(8), barriers=ok(["side_effects"]), training=N),
     note="Gmail with a French interface: the quote header 'Le jeu. 26 nov. 2026 \u00e0 00:48, ... a \u00e9crit :'; answers below each quoted Answer:")

# 6. Outlook desktop in German: Von/Gesendet/An/Betreff block, answers on the Answer: lines of the unquoted original.
DE_HTML = lib.OUTLOOK_FROM_HTML.replace(">From:<", ">Von:<").replace("<b>Sent:</b> 26 November 2026 00:48", "<b>Gesendet:</b> Donnerstag, 26. November 2026 00:48") \
    .replace("<b>To:</b>", "<b>An:</b>").replace("<b>Subject:</b>", "<b>Betreff:</b>")
DE_TEXT = lib.OUTLOOK_FROM_TEXT.replace("From:", "Von:").replace("Sent: 26 November 2026 00:48", "Gesendet: Donnerstag, 26. November 2026 00:48") \
    .replace("To:", "An:").replace("Subject:", "Betreff:")
ans = {1: "Yes", 2: "No", 3: "Yes", 4: "6", 5: "a", 6: "No", 7: "No", 8: "Yes", 9: "Yes"}
saved = (lib.OUTLOOK_FROM_HTML, lib.OUTLOOK_FROM_TEXT)
lib.mailgen.OUTLOOK_FROM_HTML, lib.mailgen.OUTLOOK_FROM_TEXT = DE_HTML, DE_TEXT
raw = outlook_desktop("n6", ["Answers below (sorry, my Outlook is in German).", "&nbsp;", "Jack"],
                      word_original(on_answer={q: f" <span style='color:#0070C0'>{esc(a)}</span>" for q, a in ans.items()}),
                      "Answers below (sorry, my Outlook is in German).\n\nJack", flat_text(on_answer=ans))
lib.mailgen.OUTLOOK_FROM_HTML, lib.mailgen.OUTLOOK_FROM_TEXT = saved
case(P + "german_header_outlook_desktop", raw,
     std(confidence=ok(6), written_protocol=N),
     note="Outlook desktop with a German interface: the original below 'Von: / Gesendet: / An: / Betreff:', answers in blue on its Answer: lines")

# 7. Outlook plain text: '-----Original Message-----', no prefix, answers marked '==>' below each Answer:.
ans = {1: "==> Yes", 2: "==> No", 3: "==> No", 4: "==> 3", 5: "==> a and b", 6: "==> No", 7: "==> No", 8: "==> Yes", 9: "==> Yes"}
text = "Answers marked with ==> below.\n\nJack Clarke\n\n" + ORIGINAL_MESSAGE + "\n" + text_inline(answers=ans, prefix="") + "\n"
case(P + "arrow_markers_original_message_outlook_text", outlook_text("n7", text),
     std(opioid_sparing=N, confidence=ok(3), barriers=ok(["expertise", "evidence"]), written_protocol=N),
     note="Outlook plain text: the original unprefixed below '-----Original Message-----', each answer marked '==> ' on the line below Answer:")

# 8. Lotus Notes / HCL Notes: tab-separated header block, no '>' marks.
notes_hdr = ("\n\n\n\nFrom:\t\"Regional Palliative Care Audit Group\" <survey@survey.test>\nTo:\tjack.clarke@north-hospice.test\n"
             "Date:\t26/11/2026 00:48\nSubject:\t" + SUBJECT + "\n\n\n\n")
lines = ["1 Yes", "2 Yes", "3 Yes", "4 7", "5 b, c", "6 Yes", "7 No", "8 Yes", "9 Yes", "", "Jack Clarke", "Consultant, North Hospice"]
text = "\n".join(lines) + notes_hdr + INV_TEXT + "\n"
body = leaf('text/plain; charset="US-ASCII"', text, cte="7bit", charset="us-ascii")
case(P + "lotus_notes_header_block",
     message("n8", ["X-Mailer: HCL Notes Release 12.0.2 November 03, 2022", "X-MIMETrack: Serialize by Router on NHMAIL01/NorthHospice at 27/11/2026 09:41:07",
                    "X-KeepSent: 5C3A2B1D:E4F5A6B7-00258C2E:0041A2B3; type=4; name=$KeepSent"], body,
             frm="Jack Clarke <jack.clarke@north-hospice.test>", subject="Re: " + SUBJECT, msgid="<OF5C3A2B1D.E4F5A6B7-ON00258C2E.0041A2B3-80258C2E.0041C8D9@north-hospice.test>"),
     std(early_adjuvant=Y, barriers=ok(["evidence", "side_effects"])),
     note="HCL (Lotus) Notes: answers on top, the original below a tab-separated From:/To:/Date:/Subject: block with no quote marks")

# 9. Gmail's numbered-list button: <ol> in HTML, indented '1. ' lines in the text part.
vals = ["Yes", "No", "Yes", "8", "a", "Yes", "Yes", "No", "Yes"]
text = "My answers:\n\n" + "\n".join(f"   {i}. {v}" for i, v in enumerate(vals, 1)) + "\n\nJack\n\n" + WROTE_GMAIL + "\n\n" + quote(INV_TEXT) + "\n"
html = ('<div dir="ltr"><div>My answers:</div><div><ol>' + "".join(f'<li style="margin-left:15px">{v}</li>' for v in vals)
        + '</ol><div>Jack</div></div></div><br>' + gmail_quote_html(INV_HTML_BODY))
case(P + "ordered_list_html_gmail", gmail("n9", text, html),
     std(confidence=ok(8), shared_guidance=Y, training=N),
     note="Gmail's numbered-list button: <ol><li> in HTML (no numbers in the markup), indented '   1. Yes' lines in the text part")

# 10. Answers labelled by topic, no numbers.
lines = ["End of life - yes", "Early adjuvant - no", "Opioid sparing - yes", "Confidence - 6", "Barriers - evidence",
         "Written protocol - no", "Community guidance - no", "Training - yes", "Research - yes"]
case(P + "topic_labels_outlook_android", outlook_mobile("n10", lines, platform="Android"),
     std(confidence=ok(6), barriers=ok(["evidence"]), written_protocol=N),
     note="Outlook for Android: each answer labelled by a short name of its question (each fits one question only), no numbers")

# 11. Bottom-posted: the answers typed below the whole quote.
lines = ["1. yes", "2. no", "3. yes", "4. 5", "5. a", "6. yes", "7. yes", "8. yes", "9. yes", "", "Jack"]
text = WROTE_TB + "\n" + quote(INV_TEXT) + "\n\n" + "\n".join(lines) + "\n"
case(P + "bottom_posted_below_quote_thunderbird", thunderbird_flowed("n11", text),
     std(confidence=ok(5), shared_guidance=Y),
     note="Thunderbird, bottom-posting: the whole invitation quoted first, the numbered answers typed below it")

# 12. A reply to the reminder, not the invitation; numbers in words.
REM_ID = f"<reminder.2.{TOKEN}@survey.test>"
rem_text = INV_TEXT.replace("Dear Dr Jack Clarke,\n", "Dear Dr Jack Clarke,\n\nThis is a reminder: we have not had your answers yet, and the survey closes "
                            "on Thursday 31 December 2026 at 17:00 (Europe/London) (7 days left). If you have already replied, thank you, and please ignore this email.\n", 1)
lines = ["Apologies for the delay.", "", "1. Yes.", "2. Nope.", "3. Yes.", "4. Seven out of ten.", "5. Side effects.", "6. Yes.", "7. No.",
         "8. Yes.", "9. Yes."]
wrote = "On 24 Dec 2026, at 17:00, Regional Palliative Care Audit Group <survey@survey.test> wrote:"
text = "\n".join(lines) + "\n\nJack\n\n> " + wrote + "\n> \n" + quote(rem_text) + "\n"
html = ('<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head><body style="overflow-wrap: break-word; -webkit-nbsp-mode: space; line-break: after-white-space;">'
        + divs(lines + ["", "Jack"]) + '<div><br><blockquote type="cite"><div>' + esc(wrote) + '</div><br class="Apple-interchange-newline"><div>'
        + INV_HTML_BODY.replace("<p style=\"margin:0 0 12px 0;\">We are surveying", "<p style=\"margin:0 0 12px 0;\">This is a reminder: we have not had your answers yet, and the survey closes on Thursday 31 December 2026 at 17:00 (Europe/London) (7 days left). If you have already replied, thank you, and please ignore this email.</p>\n<p style=\"margin:0 0 12px 0;\">We are surveying", 1)
        + '</div></blockquote></div><br></body></html>')
case(P + "reply_to_reminder_words_apple_mail",
     apple("n12", text, html, mailer=MAC_MAILER, mime_version=MAC_MIME, in_reply_to=REM_ID, references=f"{INV_ID} {REM_ID}",
           subject="Re: Reminder: " + SUBJECT + " (7 days left)", date="Thu, 24 Dec 2026 21:17:40 +0000"),
     std(confidence=ok(7), barriers=ok(["side_effects"])),
     note="Apple Mail: a reply to the reminder (not the invitation) quoting it; 'Nope.', 'Seven out of ten.' and the label 'Side effects.' with full stops")
