"""The cases of set heldback21e: replies by Jack Clarke (or for him) to the
invitation of 26 Nov 2026, weighted as a real survey lead's inbox is:
mostly Outlook (desktop, web/NHSmail, mobile), Gmail and Apple Mail."""
from lib import *
import clients as C
import clients_new as N

P = "heldback21e_"
Y, NO, U = ok(True), ok(False), UNCLEAR


def A(*vals, comment=None):
    """Expected answers to questions 1-9 in order (None: not answered),
    and the comment of question 10."""
    d = {}
    for qid, v in zip(IDS, vals):
        if v is not None:
            d[qid] = v
    if comment is not None:
        d["comments"] = ok(comment)
    return d


def B(*ids, other=None):
    return ok(list(ids), other)


def I(*vals):
    """Bare answers in order: inferred."""
    return A(*[INF(v) for v in vals])


SIG = ["Dr Jack Clarke", "Consultant in Palliative Medicine", "North Hospice, Tyneside", "Tel: 0191 496 0412 | Ext 4412"]
DISCLAIMER = ["", "North Hospice is a registered charity in England and Wales (No. 1123456) and a company limited by guarantee (No. 05432109).",
              "This email and any attachments are confidential and intended solely for the addressee. If you have received it in error please",
              "notify the sender immediately and delete it. Views expressed are those of the author and not necessarily those of North Hospice."]
NHSMAIL = ["", "*" * 80, "", "This message may contain confidential information. If you are not the intended recipient please inform the",
           "sender that you have received the message in error before deleting it.",
           "Please do not disclose, copy or distribute information in this e-mail or take any action in relation to its contents. To do so is strictly prohibited and may be unlawful. Thank you for your co-operation.",
           "", "NHSmail is the secure email and directory service available for all NHS staff in England and Scotland. NHSmail is approved for exchanging patient data and other sensitive information with NHSmail and other accredited email services.",
           "", "For more information and to find out how you can switch, https://portal.nhs.net/help/joiningnhsmail"]
SECRETARY = '"Moss, Linda" <linda.moss@north-hospice.test>'
NHS_NET = '"CLARKE, Jack (NORTH HOSPICE)" <jack.clarke3@nhs.net>'


def reg(name, raw, answers, note, **kw):
    case(P + name, raw, answers, note=note, **kw)


# ---------------- client helpers ----------------
def od_top(name, lines, **kw):
    """Outlook desktop (Word HTML), the doctor's lines above the original."""
    paras = [esc(l) if l else "&nbsp;" for l in lines]
    return C.outlook_desktop(P + name, paras, word_original(), "\n".join(lines), flat_text(), **kw)


def od_inline(name, lines, after_question=None, on_answer=None, below_answer=None, color="#0070C0", html_override=None, **kw):
    """Outlook desktop, answers typed in colour into the unquoted original."""
    span = lambda a: f' <span style="color:{color}">{esc(a)}</span>'
    html = word_original(after_question={q: (html_override or {}).get(q, span(a)) for q, a in (after_question or {}).items()},
                         on_answer={q: span(a) for q, a in (on_answer or {}).items()},
                         below_answer={q: f'<span style="color:{color}">{esc(a)}</span>' for q, a in (below_answer or {}).items()})
    text = flat_text(after_question=after_question, on_answer=on_answer, below_answer=below_answer)
    paras = [esc(l) if l else "&nbsp;" for l in lines]
    return C.outlook_desktop(P + name, paras, html, "\n".join(lines), text, **kw)


def owa_inline(name, lines, on_line=None, after=None, html_only=False, **kw):
    html = N.inv_html(on_line=on_line, after=after, color="#C00000")
    text = N.inv_text(on_line=on_line, answers=after, prefix="")
    return C.owa(P + name, lines, original=html, original_text=text, html_only=html_only, **kw)


def gmail_inline(name, top, answers, sign=("Thanks,", "Jack"), android=False):
    text = "\n".join(top) + "\n\n" + "\n".join(sign) + "\n\n" + WROTE_GMAIL + "\n\n" + text_inline(answers=answers) + "\n"
    a = ' dir="auto"' if android else ""
    html = ('<div dir="ltr">' + C.divs(top, a) + f"<div{a}><br></div>" + C.divs(sign, a) + "</div><br>"
            + gmail_quote_html(html_split(answers_after=answers, open_tag=C.GMAIL_BQ, close_tag="</blockquote>")))
    return gmail(P + name, text, html)


def iphone_inline(name, top, answers, tail="Sent from my iPhone"):
    text = "\n".join(top) + "\n\n" + tail + "\n\n> " + WROTE_APPLE + "\n> \n" + text_inline(answers=answers) + "\n"
    original = html_split(answers_after=answers, open_tag='<blockquote type="cite"><div dir="ltr">', close_tag="</div></blockquote>",
                          wrap=lambda s: '<div dir="ltr">' + esc(s).replace("\n", "<br>") + "</div>")
    return C.apple(P + name, text, C.iphone_html(top, tail, original=original))


MAC_BODY = '<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head><body style="overflow-wrap: break-word; -webkit-nbsp-mode: space; line-break: after-white-space;">'


def mac(name, lines, quoted_text=None, quoted_html=None, **kw):
    """Apple Mail on a Mac, HTML and text."""
    text = "\n".join(lines) + "\n\n" + WROTE_APPLE + "\n\n" + (quoted_text or quote(INV_TEXT)) + "\n"
    html = (MAC_BODY + C.divs(lines) + '<div><br><blockquote type="cite"><div>' + esc(WROTE_APPLE) + '</div><br class="Apple-interchange-newline"><div>'
            + (quoted_html or INV_HTML_BODY) + "</div></blockquote></div><br></body></html>")
    return C.apple(P + name, text, html, mailer=C.MAC_MAILER, mime_version=C.MAC_MIME, **kw)


def mac_flowed(name, lines, **kw):
    """Apple Mail on a Mac, plain text: format=flowed; delsp=yes."""
    text = "\n".join(lines) + "\n\n" + WROTE_APPLE + "\n\n" + quote(INV_TEXT) + "\n"
    body = leaf("text/plain; charset=utf-8; delsp=yes; format=flowed", flow(text, delsp=True))
    msgid = f"<{hashlib.sha1(name.encode()).hexdigest()[:8].upper()}-7A1B-4C2D-9E3F-{hashlib.md5(name.encode()).hexdigest()[:12].upper()}@{DOC_DOMAIN}>"
    return message(P + name, [f"X-Mailer: {C.MAC_MAILER}"], body, mime_version=C.MAC_MIME, subject="Re: " + SUBJECT, msgid=msgid, **kw)


def tb_flowed(name, top=(), bottom=()):
    parts = []
    if top:
        parts.append("\n".join(top))
    parts.append(WROTE_TB + "\n" + quote(INV_TEXT))
    if bottom:
        parts.append("\n".join(bottom))
    return C.thunderbird_flowed(P + name, "\n\n".join(parts) + "\n")


# ================= Outlook desktop (Word HTML) =================
reg("list_signature_disclaimer_outlook",
    od_top("list_signature_disclaimer_outlook",
           ["Hi Asha,", "", "1. Yes", "2. No", "3. Yes", "4. 7", "5. a, b", "6. Yes", "7. No", "8. Yes", "9. Yes", "",
            "Kind regards", "Jack", "", *SIG, *DISCLAIMER]),
    A(Y, NO, Y, ok(7), B("expertise", "evidence"), Y, NO, Y, Y),
    "Outlook desktop, a numbered list on top, a signature with a phone number and extension and a charity disclaimer with registration numbers")

reg("inline_after_question_colour_outlook",
    od_inline("inline_after_question_colour_outlook", ["Answers in blue below.", "", "Jack"],
              after_question={1: "Yes", 2: "Yes \u2013 occasionally, usually in a syringe driver", 3: "No", 4: "6",
                              5: "B & C", 6: "Yes", 7: "No \u2013 not yet", 8: "Yes", 9: "Definitely"}),
    A(Y, Y, NO, ok(6), B("evidence", "side_effects"), Y, NO, Y, Y),
    "Outlook desktop, answers typed in blue after each question's own text in the unquoted original (Answer: lines left empty); Word's en dashes before reasons; 'B & C' by letter")

CMT = '<b><i><span style="color:#7030A0">[Clarke, Jack]</span></i></b><span style="color:#7030A0"> {}</span>'
_cm = {1: "Yes", 2: "No", 3: "No", 4: "5", 5: "a", 6: "No", 7: "No", 8: "Yes", 9: "Yes",
       10: "Happy to be contacted about the regional guidance."}
reg("comment_marking_bracket_name_outlook",
    C.outlook_desktop(P + "comment_marking_bracket_name_outlook", ["Dear Dr Rahman,", "&nbsp;", "Please see my answers inline.", "&nbsp;", "Best wishes", "Jack Clarke"],
                      word_original(on_answer={q: " " + CMT.format(esc(a)) for q, a in _cm.items()}),
                      "Dear Dr Rahman,\n\nPlease see my answers inline.\n\nBest wishes\nJack Clarke",
                      flat_text(on_answer={q: "[Clarke, Jack] " + a for q, a in _cm.items()})),
    A(Y, NO, NO, ok(5), B("expertise"), NO, NO, Y, Y, comment="Happy to be contacted about the regional guidance."),
    "Outlook desktop comment marking: each Answer: line begins '[Clarke, Jack]' (the writer's label, not the answer); a comment under 10")

_ol = ["Yes", "Yes", "No", "8", "Side effects", "Yes", "Yes", "No", "Yes"]
_ol_html = ("".join(f"<p class=MsoListParagraph style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span>{i}.<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span><![endif]>{esc(a)}<o:p></o:p></p>\n"
                    for i, a in enumerate(_ol, 1)))
reg("word_autonumbered_list_outlook",
    C.outlook_desktop(P + "word_autonumbered_list_outlook",
                      ["Hello,", "&nbsp;", "My answers:", "&nbsp;<o:p></o:p></p>\n" + _ol_html + '<p class="MsoNormal">&nbsp;', "Regards<br>Jack Clarke"],
                      word_original(), "Hello,\n\nMy answers:\n\n" + "\n".join(f"{i}.      {a}" for i, a in enumerate(_ol, 1)) + "\n\nRegards\nJack Clarke",
                      flat_text()),
    A(Y, Y, NO, ok(8), B("side_effects"), Y, Y, NO, Y),
    "Outlook desktop, Word's automatic numbered list (MsoListParagraph, the numbers in conditional supportLists spans); the text part pads the numbers with spaces")

_tbl = [("1", "Yes"), ("2", "Yes"), ("3", "No"), ("4", "8"), ("5", "Lack of evidence"), ("6", "Yes"), ("7", "Yes"), ("8", "No"), ("9", "Yes")]
_tbl_html = ("<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none'>\r\n"
             + "<tr><td width=60 valign=top style='border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'><p class=MsoNormal><b>Question<o:p></o:p></b></p></td>"
             "<td width=200 valign=top style='border:solid windowtext 1.0pt;border-left:none;padding:0cm 5.4pt 0cm 5.4pt'><p class=MsoNormal><b>Answer<o:p></o:p></b></p></td></tr>\r\n"
             + "".join(f"<tr><td width=60 valign=top style='border:solid windowtext 1.0pt;border-top:none;padding:0cm 5.4pt 0cm 5.4pt'><p class=MsoNormal>{q}<o:p></o:p></p></td>"
                       f"<td width=200 valign=top style='border-top:none;border-left:none;border-bottom:solid windowtext 1.0pt;border-right:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'><p class=MsoNormal>{esc(a)}<o:p></o:p></p></td></tr>\r\n"
                       for q, a in _tbl) + "</table>\r\n")
reg("word_table_outlook",
    C.outlook_desktop(P + "word_table_outlook", ["Asha", "&nbsp;", "Easier for me in a table \u2013 hope that's ok.", "&nbsp;<o:p></o:p></p>\n" + _tbl_html + '<p class="MsoNormal">&nbsp;', "Jack"],
                      word_original(), "Asha\n\nEasier for me in a table \u2013 hope that's ok.\n\nQuestion\tAnswer\n" + "\n".join(f"{q}\t{a}" for q, a in _tbl) + "\n\nJack",
                      flat_text()),
    A(Y, Y, NO, ok(8), B("evidence"), Y, Y, NO, Y),
    "Outlook desktop, a Word table (Question | Answer); the text part has the cells tab-separated; 5 by its label")

reg("correction_ps_below_list_outlook",
    od_top("correction_ps_below_list_outlook",
           ["Dear Asha", "", "1. Yes", "2. Yes", "3. Yes", "4. 8", "5. b", "6. No", "7. No", "8. Yes", "9. Yes", "", "Best wishes", "Jack", "",
            "PS \u2013 just checked with our pharmacist and we do have a written protocol (updated last year), so 6 should be yes, not no.", "", *SIG]),
    A(Y, Y, Y, ok(8), B("evidence"), Y, NO, Y, Y),
    "Outlook desktop: a full numbered list, then a PS below the sign-off correcting 6 from no to yes (the correction wins)")

reg("reasons_after_answers_outlook",
    od_top("reasons_after_answers_outlook",
           ["Hi,", "", "1. Yes \u2013 mainly for neuropathic pain not responding to second-line agents",
            "2. No, we'd rarely start it that early",
            "3. Yes, a handful of times when patients became toxic on morphine",
            "4. 7 \u2013 would still check doses with our pharmacist",
            "5. Lack of evidence. Side effects too (hallucinations in 2 patients last year)",
            "6. Yes", "7. No \u2013 the community teams use our hospice protocol informally", "8. Yes \u2013 esp. for the registrars",
            "9. Yes, no question", "", "Jack", "", *SIG, *DISCLAIMER]),
    A(Y, NO, Y, ok(7), B("evidence", "side_effects"), Y, NO, Y, Y),
    "Outlook desktop: every answer followed by a reason (with 'second-line', 'morphine', a 2 and 'no question'); 5 two labels in two sentences")

reg("strikethrough_html_text_differs_outlook",
    od_inline("strikethrough_html_text_differs_outlook", ["See below, in red.", "", "J"],
              after_question={1: "Yes", 2: "No", 3: "Yes", 4: "8 6", 5: "a", 6: "Yes", 7: "No", 8: "Yes", 9: "Yes"}, color="#C00000",
              html_override={4: ' <span style="color:#C00000"><s>8</s> 6</span>'}),
    A(Y, NO, Y, ok(6), B("expertise"), Y, NO, Y, Y),
    "Outlook desktop: the HTML shows 4 as a struck-through 8 followed by 6 (the doctor changed his mind); the text part loses the strike and reads '8 6'. As shown: 6")

reg("secretary_own_address_outlook",
    od_top("secretary_own_address_outlook",
           ["Dear Dr Rahman,", "", "Dr Clarke has asked me to send his answers to your survey as he is on annual leave this week.", "",
            "1 - yes", "2 - yes", "3 - yes", "4 - 8", "5 - a", "6 - yes", "7 - yes", "8 - no", "9 - yes", "",
            "Kind regards", "", "Linda Moss", "PA to Dr J Clarke and Dr S Okafor", "North Hospice, Tyneside", "Tel: 0191 496 0400", *DISCLAIMER],
           frm=SECRETARY),
    A(Y, Y, Y, ok(8), B("expertise"), Y, Y, NO, Y),
    "Outlook desktop from his PA's own address, sending his answers for him ('1 - yes')")

reg("summary_all_yes_except_outlook",
    od_top("summary_all_yes_except_outlook",
           ["Asha,", "", "Yes to all except 2 and 7 (both no).", "Confidence 6/10.", "Barriers: lack of evidence.", "", "Jack", "", *SIG]),
    A(Y, NO, Y, ok(6), B("evidence"), Y, NO, Y, Y),
    "Outlook desktop: 'Yes to all except 2 and 7 (both no)', with the scale and the barriers given apart")

reg("trap_draft_protocol_na_outlook",
    od_top("trap_draft_protocol_na_outlook",
           ["1. Yes", "2. Yes", "3. No", "4. 7", "5. a", "6. In draft \u2013 should be signed off in the new year",
            "7. N/A \u2013 no community team of our own", "8. Yes", "9. Yes", "", "Jack", "", *SIG]),
    A(Y, Y, NO, ok(7), B("expertise"), U, U, Y, Y),
    "Outlook desktop: 6 'In draft' is neither yes nor no; 7 'N/A' where the survey has no not-applicable answer: both unclear")

reg("partial_below_answer_lines_outlook",
    od_inline("partial_below_answer_lines_outlook", ["Answers below \u2013 I've left 5 for now as I want to think about it.", "", "Jack"],
              below_answer={1: "Yes", 2: "No", 3: "Yes", 4: "4", 6: "No", 7: "No", 8: "Yes", 9: "Yes"}),
    A(Y, NO, Y, ok(4), None, NO, NO, Y, Y),
    "Outlook desktop, answers typed in a paragraph below each Answer: line; 5 deliberately left out (missing)")

reg("q_prefix_other_specified_outlook",
    od_top("q_prefix_other_specified_outlook",
           ["Q1: Yes", "Q2: No", "Q3: Yes", "Q4: Moderately \u2013 5/10", "Q5: a) and e) \u2013 cost and supply in the community",
            "Q6: Yes", "Q7: No", "Q8: Yes", "Q9: Yes", "", "Regards", "Jack Clarke", *DISCLAIMER]),
    A(Y, NO, Y, ok(5), B("expertise", "other", other="cost and supply in the community"), Y, NO, Y, Y),
    "Outlook desktop, 'Q1:' numbering; a word and a number for confidence ('Moderately \u2013 5/10'); 'a) and e)' with the other barrier specified after a dash")

_fw_text = ("Linda - can you send these on to the survey people please, I keep forgetting.\n\n"
            "1 yes\n2 yes\n3 no\n4 6\n5 b c\n6 yes\n7 no\n8 yes\n9 yes\n\nJ")
reg("secretary_forwards_his_answers_outlook",
    C.outlook_desktop(P + "secretary_forwards_his_answers_outlook",
                      ["Good afternoon,", "&nbsp;", "Please see Dr Clarke's answers to the ketamine survey below.", "&nbsp;", "Many thanks", "Linda Moss", "PA to Dr J Clarke"],
                      "<div><div style=\"border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm\"><p class=\"MsoNormal\"><b>From:</b> Clarke Jack &lt;jack.clarke@north-hospice.test&gt;<br><b>Sent:</b> 17 December 2026 08:02<br><b>To:</b> Moss Linda &lt;linda.moss@north-hospice.test&gt;<br><b>Subject:</b> RE: Survey: ketamine use in specialist palliative care (5 minutes)<o:p></o:p></p></div></div>\n"
                      + "".join(f'<p class="MsoNormal">{esc(l) if l else "&nbsp;"}<o:p></o:p></p>\n' for l in _fw_text.split("\n"))
                      + OUTLOOK_FROM_HTML + word_original(),
                      "Good afternoon,\n\nPlease see Dr Clarke's answers to the ketamine survey below.\n\nMany thanks\nLinda Moss\nPA to Dr J Clarke",
                      "From: Clarke Jack <jack.clarke@north-hospice.test>\nSent: 17 December 2026 08:02\nTo: Moss Linda <linda.moss@north-hospice.test>\n"
                      "Subject: RE: Survey: ketamine use in specialist palliative care (5 minutes)\n\n" + _fw_text + "\n\n" + OUTLOOK_FROM_TEXT + "\n" + flat_text(),
                      frm=SECRETARY),
    A(Y, Y, NO, ok(6), B("evidence", "side_effects"), Y, NO, Y, Y),
    "Outlook desktop: his PA forwards (as a reply to the survey) his own short email to her with the answers; Outlook leaves the earlier mails unquoted below From/Sent blocks")

# ================= Outlook on the web / NHSmail =================
reg("list_paren_nhsmail_footer_owa",
    C.owa(P + "list_paren_nhsmail_footer_owa",
          ["Hi Asha", "", "1) Yes", "2) Yes", "3) No", "4) 9", "5) d", "6) Yes", "7) Yes", "8) No", "9) Yes", "", "Jack", *NHSMAIL],
          frm=NHS_NET),
    A(Y, Y, NO, ok(9), B("none"), Y, Y, NO, Y),
    "Outlook on the web from his NHSmail address (another address: read the same), '1)' numbering, 'd' alone for no barriers, the NHSmail footer")

reg("typed_on_answer_lines_owa",
    owa_inline("typed_on_answer_lines_owa", ["Answers added to the form below.", "", "Best", "Jack"],
               on_line={1: "Yes", 2: "No", 3: "Yes", 4: "7", 5: "b", 6: "No", 7: "No", 8: "Yes", 9: "Yes",
                        10: "Would welcome a regional ketamine protocol rather than each hospice writing its own."}),
    A(Y, NO, Y, ok(7), B("evidence"), NO, NO, Y, Y, comment="Would welcome a regional ketamine protocol rather than each hospice writing its own."),
    "Outlook on the web: answers typed in red on each Answer: line of the original (unquoted in the text part); a comment under 10")

reg("html_only_below_answer_owa",
    owa_inline("html_only_below_answer_owa", ["Please find my answers below each question.", "", "Jack Clarke"],
               after={1: "Yes", 2: "Yes", 3: "Yes", 4: "8", 5: "C \u2013 dissociation mainly", 6: "Yes", 7: "No", 8: "No", 9: "Yes"}, html_only=True),
    A(Y, Y, Y, ok(8), B("side_effects"), Y, NO, NO, Y),
    "Outlook on the web sending HTML only (no text part): answers in their own red block below each Answer:; 5 'C' with a reason")

reg("forwarded_from_nhsmail_owa",
    C.owa(P + "forwarded_from_nhsmail_owa",
          ["Forwarding from my NHSmail as I can't get into the hospice account from home.", "", "1. Y", "2. N", "3. Y", "4. 6", "5. A+C", "6. Y", "7. N", "8. Y", "9. Y", "", "Jack", *NHSMAIL],
          frm=NHS_NET, subject="FW: " + SUBJECT),
    A(Y, NO, Y, ok(6), B("expertise", "side_effects"), Y, NO, Y, Y),
    "Outlook on the web, 'FW:' from his NHSmail address (he forwarded the invitation to himself), Y/N letters and 'A+C'")

reg("trap_hedges_owa",
    C.owa(P + "trap_hedges_owa",
          ["1. Yes", "2. Not that I can remember", "3. Possibly once, years ago", "4. 6-7", "5. b and maybe a", "6. Yes",
           "7. Don't know \u2013 will ask our CNS lead", "8. Yes", "9. Yes", "", "Jack"]),
    A(Y, U, U, U, U, Y, U, Y, Y),
    "Outlook on the web, hedges: 'Not that I can remember', 'Possibly once', a range '6-7', 'b and maybe a', 'Don't know': unclear")

reg("compact_equals_one_line_owa",
    C.owa(P + "compact_equals_one_line_owa", ["1=Y 2=N 3=Y 4=7 5=b 6=Y 7=N 8=Y 9=Y", "", "Sorry for the brevity, clinic overran.", "J Clarke"]),
    A(Y, NO, Y, ok(7), B("evidence"), Y, NO, Y, Y),
    "Outlook on the web: numbered compact answers on one line ('1=Y 2=N ... 4=7 5=b')")

reg("partial_first_four_owa",
    C.owa(P + "partial_first_four_owa",
          ["Answers to the first few below \u2013 will finish the rest when I'm back on Monday.", "", "1. yes", "2. no", "3. yes", "4. 5", "", "Jack"]),
    A(Y, NO, Y, ok(5)),
    "Outlook on the web, a partial reply: 1-4 only, the rest promised later (missing)")

reg("other_barrier_and_comment_owa",
    C.owa(P + "other_barrier_and_comment_owa",
          ["1. Yes", "2. Yes", "3. Yes", "4. 9", "5. e \u2013 it isn't on the community formulary here", "6. Yes", "7. Yes", "8. No", "9. Yes",
           "10. Thanks for doing this, it's overdue.", "", "Jack", "", *SIG]),
    A(Y, Y, Y, ok(9), B("other", other="it isn't on the community formulary here"), Y, Y, NO, Y, comment="Thanks for doing this, it's overdue."),
    "Outlook on the web: 5 'e' with the other barrier after a dash; a comment on 10")

# ================= Outlook iOS / Android =================
reg("short_list_outlook_ios",
    C.outlook_mobile(P + "short_list_outlook_ios", ["1 Y", "2 N", "3 Y", "4 7", "5 A", "6 N", "7 N", "8 Y", "9 Y"], "iOS"),
    A(Y, NO, Y, ok(7), B("expertise"), NO, NO, Y, Y),
    "Outlook for iOS: the shortest numbered list ('1 Y', '4 7')")

reg("typos_nk_outlook_android",
    C.outlook_mobile(P + "typos_nk_outlook_android", ["1. Yea", "2. No", "3. Yse", "4. 8", "5. b", "6. Yes", "7. Nk", "8. Yes", "9. Yes"], "Android"),
    A(Y, NO, Y, ok(8), B("evidence"), Y, U, Y, Y),
    "Outlook for Android, phone typos: 'Yea' and 'Yse' are yes; 7 'Nk' could be a slip for No or N/K (not known): unclear")

reg("summary_no_to_everything_outlook_ios",
    C.outlook_mobile(P + "summary_no_to_everything_outlook_ios",
                     ["No to everything except 8 and 9 \u2013 I've never prescribed it myself, always via the consultant.", "Confidence 2.", "", "Jack"], "iOS"),
    A(NO, NO, NO, ok(2), U, NO, NO, Y, Y),
    "Outlook for iOS: 'No to everything except 8 and 9' with the confidence given apart; the barriers question is covered by 'everything' only: unclear")

reg("bare_one_line_outlook_android",
    C.outlook_mobile(P + "bare_one_line_outlook_android", ["Yes yes no 6 a yes no yes yes"], "Android"),
    I(True, True, False, 6, ["expertise"], True, False, True, True),
    "Outlook for Android: bare answers in order on one line, no numbers: inferred")

reg("correction_after_list_outlook_ios",
    C.outlook_mobile(P + "correction_after_list_outlook_ios",
                     ["1. Yes", "2. No", "3. Yes", "4. 6", "5. a", "6. No", "7. No", "8. Yes", "9. Yes", "",
                      "Actually scrap 6 \u2013 we do have one, it's on the intranet. Sorry, typing between patients"], "iOS"),
    A(Y, NO, Y, ok(6), B("expertise"), Y, NO, Y, Y),
    "Outlook for iOS: a list, then a sentence withdrawing 6's no ('we do have one'): 6 is yes")

reg("label_words_outlook_android",
    C.outlook_mobile(P + "label_words_outlook_android",
                     ["1. yes", "2. yes", "3. yes", "4. 8/10", "5. side effects and lack of evidence", "6. yes", "7. no", "8. no", "9. yes", "",
                      "Sent between clinics so apologies for brevity"], "Android"),
    A(Y, Y, Y, ok(8), B("evidence", "side_effects"), Y, NO, NO, Y),
    "Outlook for Android: barriers by their labels in another order, '8/10'")

# ================= Gmail web =================
reg("inline_below_answer_gmail",
    gmail_inline("inline_below_answer_gmail", ["Hi, answers below."],
                 {1: "Yes", 2: "Yes, but only a couple of times", 3: "Yes", 4: "7", 5: "a & c", 6: "No", 7: "No", 8: "Yes", 9: "Yes"}),
    A(Y, Y, Y, ok(7), B("expertise", "side_effects"), NO, NO, Y, Y),
    "Gmail web, answers typed below each quoted Answer: (the quote split); 2 'Yes, but only a couple of times'")

reg("parenthesised_numbers_gmail",
    C.gmail_top(P + "parenthesised_numbers_gmail", ["Dear Asha,", "", "(1) yes", "(2) no", "(3) yes", "(4) seven", "(5) a and c", "(6) yes", "(7) no", "(8) yes", "(9) yes"],
                sign=("Best wishes,", "Jack")),
    A(Y, NO, Y, ok(7), B("expertise", "side_effects"), Y, NO, Y, Y),
    "Gmail web, '(1)' numbering; confidence as a word ('seven')")

_sheet = [("Q1", "Yes"), ("Q2", "No"), ("Q3", "No"), ("Q4", "3"), ("Q5", "a, b"), ("Q6", "No"), ("Q7", "No"), ("Q8", "Yes"), ("Q9", "Yes")]
reg("sheet_table_pasted_gmail",
    gmail(P + "sheet_table_pasted_gmail",
          "Hi Asha,\n\nI did it in a spreadsheet first, pasted below.\n\nQuestion\tAnswer\n" + "\n".join(f"{q}\t{a}" for q, a in _sheet)
          + "\n\nJack\n\n" + WROTE_GMAIL + "\n\n" + quote(INV_TEXT) + "\n",
          '<div dir="ltr"><div>Hi Asha,</div><div><br></div><div>I did it in a spreadsheet first, pasted below.</div><div><br></div>'
          '<google-sheets-html-origin><table xmlns="http://www.w3.org/1999/xhtml" cellspacing="0" cellpadding="0" dir="ltr" border="1" style="table-layout:fixed;font-size:10pt;font-family:Arial;width:0px;border-collapse:collapse;border:none">'
          '<colgroup><col width="100"><col width="100"></colgroup><tbody><tr style="height:21px"><td style="overflow:hidden;padding:2px 3px;vertical-align:bottom;font-weight:bold">Question</td><td style="overflow:hidden;padding:2px 3px;vertical-align:bottom;font-weight:bold">Answer</td></tr>'
          + "".join(f'<tr style="height:21px"><td style="overflow:hidden;padding:2px 3px;vertical-align:bottom">{q}</td><td style="overflow:hidden;padding:2px 3px;vertical-align:bottom">{esc(a)}</td></tr>' for q, a in _sheet)
          + '</tbody></table></google-sheets-html-origin><div><br></div><div>Jack</div></div><br>' + gmail_quote_html(INV_HTML_BODY)),
    A(Y, NO, NO, ok(3), B("expertise", "evidence"), NO, NO, Y, Y),
    "Gmail web: a table pasted from Google Sheets (Q1..Q9 | answer); the text part has the cells tab-separated")

_priya = "My answers below - cc'ing Jack as he said he'd do it this week too.\n\n1. Yes\n2. Yes\n3. Yes\n4. 8\n5. b\n6. Yes\n7. No\n8. Yes\n9. Yes\n\nPriya"
_priya_id = "<CAHpriya7c1e0a9b55d2f3a4e6b7c8d9e0f1a2b3@mail.gmail.com>"
_priya_wrote = "On Mon, 14 Dec 2026 at 16:20, Priya Nair <priya.nair@north-hospice.test> wrote:"
reg("trap_colleague_answers_quoted_only_gmail",
    gmail(P + "trap_colleague_answers_quoted_only_gmail",
          "Asha - Priya's answers are below. Mine will be much the same but I'll send them properly after the weekend.\n\nJack\n\n"
          + _priya_wrote + "\n\n" + quote(_priya + "\n\n" + WROTE_GMAIL + "\n\n" + quote(INV_TEXT)) + "\n",
          '<div dir="ltr"><div>Asha - Priya\'s answers are below. Mine will be much the same but I\'ll send them properly after the weekend.</div><div><br></div><div>Jack</div></div><br>'
          + gmail_quote_html('<div dir="ltr">' + esc(_priya).replace("\n", "<br>") + "<br><br>" + gmail_quote_html(INV_HTML_BODY) + "</div>", wrote=_priya_wrote),
          to=f"Regional Palliative Care Audit Group <{REPLY_TO}>, Priya Nair <priya.nair@north-hospice.test>",
          in_reply_to=_priya_id, references=f"{INV_ID} {_priya_id}"),
    A(),
    "Gmail web, reply-all to a colleague's answers (cc'd to him): her numbered answers are only in quoted text and he says his own will follow: no answers of his (all missing)")

_long = ("We use ketamine mostly as a third-line option in the hospice and almost never start it in the community, partly because district nurses "
         "are unfamiliar with it and partly because we have had two patients with troublesome dysphoria; a shared regional protocol and some "
         "joint teaching with the community teams would make a real difference.")
reg("long_comment_quoted_printable_gmail",
    C.gmail_top(P + "long_comment_quoted_printable_gmail",
                ["1. Yes", "2. No", "3. Yes", "4. 7", "5. a, c", "6. Yes", "7. No", "8. Yes", "9. Yes", "10. " + _long], sign=("Jack",)),
    A(Y, NO, Y, ok(7), B("expertise", "side_effects"), Y, NO, Y, Y, comment=_long),
    "Gmail web: a long comment on one line, soft-wrapped by quoted-printable in both parts (it contains 'third-line', 'two patients', 'no' words)")

# ================= Gmail Android =================
reg("list_one_typo_gmail_android",
    C.gmail_top(P + "list_one_typo_gmail_android", ["1 yes", "2 no", "3 yes", "4 7", "5 b", "6 yes", "7 no", "8 yws", "9 yes", "", "On my phone so excuse typos"],
                sign=("J",), android=True),
    A(Y, NO, Y, ok(7), B("evidence"), Y, NO, Y, Y),
    "Gmail Android, a numbered list with one typo ('yws' for yes)")

reg("bare_lines_gmail_android",
    C.gmail_top(P + "bare_lines_gmail_android", ["Yes", "Yes", "No", "5", "A", "Yes", "No", "Yes", "Yes"], sign=("Jack",), android=True),
    I(True, True, False, 5, ["expertise"], True, False, True, True),
    "Gmail Android: bare answers one per line, no numbers: inferred")

reg("partial_label_fits_two_gmail_android",
    C.gmail_top(P + "partial_label_fits_two_gmail_android",
                ["1. Yes", "2. Yes", "3. No", "4. 7", "5. Lack of knowledge", "", "Will do the rest later, got called to the ward"], sign=("Jack",), android=True),
    A(Y, Y, NO, ok(7), U),
    "Gmail Android, partial (6-9 missing); 5 'Lack of knowledge' fits a) expertise and b) evidence: unclear")

# ================= Gmail iOS =================
reg("inline_below_answer_gmail_ios",
    N.reply(P + "inline_below_answer_gmail_ios", "gmail_ios", top=["Done - answers in the form below", "", "Jack"],
            answers={1: "Yes", 2: "No", 3: "Yes", 4: "6", 5: "B", 6: "Yes", 7: "Yes", 8: "Yes", 9: "Yes"}),
    A(Y, NO, Y, ok(6), B("evidence"), Y, Y, Y, Y),
    "Gmail for iOS, answers below each quoted Answer: (quote split)")

reg("frequency_qualifiers_gmail_ios",
    N.reply(P + "frequency_qualifiers_gmail_ios", "gmail_ios",
            top=["1. Yes, many times", "2. Once or twice", "3. Yes", "4. 7 (more so with oral than CSCI)", "5. C", "6. Yes", "7. Not yet", "8. Yes", "9. Absolutely", "", "Jack"]),
    A(Y, Y, Y, ok(7), B("side_effects"), Y, NO, Y, Y),
    "Gmail for iOS: 'Once or twice' to 'Have you used' is yes; 'Not yet' to 'Has your service developed' is no; a bracketed qualifier after 7")

reg("all_yes_apart_from_gmail_ios",
    N.reply(P + "all_yes_apart_from_gmail_ios", "gmail_ios", top=["All yes apart from 7. Confidence 8, barriers a.", "", "Jack"]),
    A(Y, Y, Y, ok(8), B("expertise"), Y, NO, Y, Y),
    "Gmail for iOS: 'All yes apart from 7' with the scale and the barriers given")

# ================= Apple Mail iPhone =================
_ker = "Keratin is underused in our area I think"
reg("list_autocorrect_comment_iphone",
    C.iphone(P + "list_autocorrect_comment_iphone", ["1. Yes", "2. No", "3. Yes", "4. 6", "5. A", "6. Yes", "7. No", "8. Yes", "9. Yes", "10. " + _ker, "", "Jack"]),
    A(Y, NO, Y, ok(6), B("expertise"), Y, NO, Y, Y, comment=_ker),
    "iPhone Mail: a list and a comment with autocorrect's 'Keratin' for ketamine (the comment as written)")

reg("inline_split_quote_iphone",
    iphone_inline("inline_split_quote_iphone", ["Answers below"], {1: "Yes", 2: "Yes", 3: "No", 4: "7", 5: "Side effects", 6: "Yes", 7: "No", 8: "Yes", 9: "Yes"}),
    A(Y, Y, NO, ok(7), B("side_effects"), Y, NO, Y, Y),
    "iPhone Mail, answers typed below each Answer: with the quote split")

reg("trap_comment_contradicts_iphone",
    C.iphone(P + "trap_comment_contradicts_iphone",
             ["1. Yes", "2. Yes", "3. Yes", "4. 5", "5. a", "6. No", "7. No", "8. Yes", "9. Yes", "10. To be honest I've only ever used it in the last days of life."]),
    A(Y, U, Y, ok(5), B("expertise"), NO, NO, Y, Y, comment="To be honest I've only ever used it in the last days of life."),
    "iPhone Mail: 2 (early stages) says yes but his comment says he has only used it in the last days of life: 2 unclear")

reg("q_dash_words_iphone",
    C.iphone(P + "q_dash_words_iphone", ["Q1 \u2013 yes", "Q2 \u2013 no", "Q3 \u2013 no", "Q4 \u2013 3", "Q5 \u2013 A & B", "Q6 \u2013 no", "Q7 \u2013 no", "Q8 \u2013 yes please!", "Q9 \u2013 yes", "", "JC"]),
    A(Y, NO, NO, ok(3), B("expertise", "evidence"), NO, NO, Y, Y),
    "iPhone Mail, 'Q1 \u2013 yes' with autocorrect's en dash; 'yes please!'")

reg("numbers_on_one_line_iphone",
    C.iphone(P + "numbers_on_one_line_iphone", ["1 y 2 n 3 y 4 7 5 b 6 y 7 y 8 n 9 y"]),
    A(Y, NO, Y, ok(7), B("evidence"), Y, Y, NO, Y),
    "iPhone Mail: numbered answers run together on one line ('4 7 5 b')")

reg("summary_by_numbers_hedged_scale_iphone",
    C.iphone(P + "summary_by_numbers_hedged_scale_iphone",
             ["Yes to 1, 3, 6 and 9. No to 2, 7 and 8.", "Not sure how to score my confidence \u2013 middling probably.", "", "Jack"]),
    A(Y, NO, Y, U, None, Y, NO, NO, Y),
    "iPhone Mail: yes and no by question numbers; the confidence 'middling probably' is a hedge with no number (unclear); 5 not answered (missing)")

# ================= Apple Mail Mac =================
_flc = ("The main issue for us is getting it into the community: our local pharmacies needed about\x01 "
        "10 days to source it last time, and by then the patient had been admitted.")
reg("flowed_delsp_comment_mac",
    mac_flowed("flowed_delsp_comment_mac", ["Hi Asha,", "", "1. Yes", "2. No", "3. Yes", "4. 7", "5. a", "6. Yes", "7. No", "8. Yes", "9. Yes",
                                           "10. " + _flc, "", "Best,", "Jack"]),
    A(Y, NO, Y, ok(7), B("expertise"), Y, NO, Y, Y, comment=_flc.replace("\x01", "")),
    "Apple Mail (Mac) plain text, format=flowed; delsp=yes: the comment is soft-broken just before '10 days' (not an answer to 10, nor a new line)")

_mac_ans = {1: "Yes", 2: "No", 3: "No", 4: "4", 5: "b, c", 6: "Yes", 7: "No", 8: "Yes", 9: "Yes"}
reg("typed_on_quoted_answer_lines_mac",
    mac("typed_on_quoted_answer_lines_mac", ["Answers in the form below.", "", "Jack"],
        quoted_text=text_inline(on_line=_mac_ans), quoted_html=N.inv_html(on_line=_mac_ans, color="#000000")),
    A(Y, NO, NO, ok(4), B("evidence", "side_effects"), Y, NO, Y, Y),
    "Apple Mail (Mac): answers typed after each Answer: inside the quote, so the text part shows '> Answer: Yes'")

reg("letters_with_labels_mac",
    mac("letters_with_labels_mac", ["1 \u2013 Yes", "2 \u2013 Yes", "3 \u2013 Yes", "4 \u2013 8", "5 \u2013 (b) Lack of evidence; (c) Side effects", "6 \u2013 No",
                                    "7 \u2013 No", "8 \u2013 Yes", "9 \u2013 Yes", "", "Regards", "", "Jack Clarke", "Consultant, North Hospice"]),
    A(Y, Y, Y, ok(8), B("evidence", "side_effects"), NO, NO, Y, Y),
    "Apple Mail (Mac): '1 \u2013 Yes' numbering; barriers by letter and label ('(b) Lack of evidence; (c) Side effects')")

reg("trap_yes_to_all_mac",
    mac("trap_yes_to_all_mac", ["Yes to all, confidence 7.", "", "Jack"]),
    A(Y, Y, Y, ok(7), U, Y, Y, Y, Y),
    "Apple Mail (Mac): 'Yes to all' with confidence given; the barriers question is covered by 'all' only (its options include 'No barriers'): unclear")

# ================= Thunderbird =================
_tbc = ("I'd add that dosing guidance for renal impairment would be useful; we had\x01 3 patients this year where nobody was sure "
        "what to do and we ended up phoning the regional centre.")
reg("bottom_posted_flowed_thunderbird",
    tb_flowed("bottom_posted_flowed_thunderbird", bottom=["1. Yes", "2. Yes", "3. Yes", "4. 6", "5. a, b", "6. No", "7. No", "8. Yes", "9. Yes",
                                                          "10. " + _tbc, "", "Jack", "", "-- ", *SIG]),
    A(Y, Y, Y, ok(6), B("expertise", "evidence"), NO, NO, Y, Y, comment=_tbc.replace("\x01", "")),
    "Thunderbird, format=flowed, bottom-posted below the whole quote; a long comment soft-broken just before '3 patients' (a continuation line beginning with a number, not an answer to 3); a '-- ' signature")

reg("on_quoted_answer_lines_tb115",
    N.reply(P + "on_quoted_answer_lines_tb115", "tb115", top=["Hi Asha, answers inline.", "", "Jack"],
            answers={1: "Yes \u2013 in the last week of life mostly", 2: "No", 3: "Yes", 4: "7", 5: "A", 6: "Yes", 7: "No", 8: "Yes", 9: "Yes, especially on dosing"}),
    A(Y, NO, Y, ok(7), B("expertise"), Y, NO, Y, Y),
    "Thunderbird 115 HTML (flowed text part), answers below each quoted Answer: with short reasons")

reg("correction_within_answer_thunderbird",
    tb_flowed("correction_within_answer_thunderbird", top=["1. Yes", "2. No", "3. Yes", "4. 7 - no, make that 6", "5. b", "6. Yes", "7. Yes", "8. No", "9. Yes", "", "Jack"]),
    A(Y, NO, Y, ok(6), B("evidence"), Y, Y, NO, Y),
    "Thunderbird, format=flowed: a correction inside the answer ('7 - no, make that 6')")

# ================= Samsung, Yahoo, AOL, plain text =================
reg("dot_no_space_samsung",
    N.reply(P + "dot_no_space_samsung", "samsung", top=["1.yes", "2.no", "3.yes", "4.8", "5.a", "6.yes", "7.yes", "8.yes", "9.yes"]),
    A(Y, NO, Y, ok(8), B("expertise"), Y, Y, Y, Y),
    "Samsung Email: '1.yes' with no space; the original unquoted below its header block")

reg("trap_range_slash_samsung",
    N.reply(P + "trap_range_slash_samsung", "samsung", top=["1. Yes", "2. Sometimes", "3. Yes", "4. 5 or 6", "5. A/B", "6. Yes", "7. No", "8. Y", "9. Y", "", "Jack"]),
    A(Y, Y, Y, U, U, Y, NO, Y, Y),
    "Samsung Email: 'Sometimes' to 'Have you used' is yes; '5 or 6' and 'A/B' are unclear")

reg("colon_numbers_personal_yahoo",
    C.yahoo(P + "colon_numbers_personal_yahoo", ["Hi", "", "Replying from my home email, hope that's ok.", "", "1: yes", "2: yes", "3: no", "4: 6",
                                                 "5: lack of expertise", "6: no", "7: no", "8: yes", "9: yes", "", "Jack Clarke"],
            frm='"Jack Clarke" <jclarke62@yahoo.co.uk>'),
    A(Y, Y, NO, ok(6), B("expertise"), NO, NO, Y, Y),
    "Yahoo Mail from his personal address (read the same), '1:' numbering, a barrier by a shortened label")

reg("trap_na_yahoo",
    C.yahoo(P + "trap_na_yahoo", ["1. yes", "2. n/a", "3. no", "4. 7", "5. c", "6. yes", "7. yes", "8. no", "9. yes", "", "Jack"]),
    A(Y, U, NO, ok(7), B("side_effects"), Y, Y, NO, Y),
    "Yahoo Mail: 2 'n/a' where the survey has no not-applicable answer: unclear (not no)")

reg("commas_one_line_aol",
    N.aol(P + "commas_one_line_aol", ["1 Yes, 2 Yes, 3 No, 4 - 8, 5 - c, 6 Yes, 7 No, 8 No, 9 Yes", "", "Jack Clarke"],
          frm='"Jack Clarke" <drjclarke@aol.com>'),
    A(Y, Y, NO, ok(8), B("side_effects"), Y, NO, NO, Y),
    "AOL Mail from his personal address: numbered answers on one line, comma-separated ('4 - 8, 5 - c')")

reg("original_message_answer_lines_outlook_text",
    C.outlook_text(P + "original_message_answer_lines_outlook_text",
                   "Answers below.\n\nJack\n\n" + C.ORIGINAL_MESSAGE + "\n" + text_inline(on_line={1: "Yes", 2: "No", 3: "Yes", 4: "9", 5: "d", 6: "Yes", 7: "Yes", 8: "No", 9: "No"}, prefix="") + "\n"),
    A(Y, NO, Y, ok(9), B("none"), Y, Y, NO, NO),
    "Outlook plain text: answers after Answer: in the unquoted original below '-----Original Message-----'")

reg("pipe_table_mutt",
    N.reply(P + "pipe_table_mutt", "mutt",
            top=["Asha,", "", "| Q | Answer            |", "|---|-------------------|", "| 1 | yes               |", "| 2 | no                |", "| 3 | yes               |",
                 "| 4 | 7                 |", "| 5 | b                 |", "| 6 | yes               |", "| 7 | no                |", "| 8 | no                |",
                 "| 9 | yes               |", "", "-- ", "Jack Clarke"]),
    A(Y, NO, Y, ok(7), B("evidence"), Y, NO, NO, Y),
    "Mutt plain text: answers in a table drawn with pipes and dashes")

# ================= more Outlook and Gmail, as real inboxes weigh them =================
reg("followup_correction_gmail",
    gmail(P + "followup_correction_gmail",
          "Sorry Asha - one correction to what I sent this morning: question 3 should be No, not Yes. I was thinking of a different patient group.\n\nJack\n\n"
          f"On Mon, 21 Dec 2026 at 08:14, Jack Clarke <{DOC_ADDR}> wrote:\n\n"
          + quote("1. Yes\n2. Yes\n3. Yes\n4. 7\n5. a\n6. Yes\n7. No\n8. Yes\n9. Yes\n\nJack\n\n" + WROTE_GMAIL + "\n\n" + quote(INV_TEXT)) + "\n",
          '<div dir="ltr"><div>Sorry Asha - one correction to what I sent this morning: question 3 should be No, not Yes. I was thinking of a different patient group.</div><div><br></div><div>Jack</div></div><br>'
          + gmail_quote_html('<div dir="ltr"><div>1. Yes</div><div>2. Yes</div><div>3. Yes</div><div>4. 7</div><div>5. a</div><div>6. Yes</div><div>7. No</div><div>8. Yes</div><div>9. Yes</div><div><br></div><div>Jack</div></div><br>'
                             + gmail_quote_html(INV_HTML_BODY), wrote=f"On Mon, 21 Dec 2026 at 08:14, Jack Clarke <{DOC_ADDR}> wrote:"),
          in_reply_to=f"<CAFmorning{hashlib.sha1(b'21e').hexdigest()[:16]}@mail.gmail.com>",
          references=f"{INV_ID} <CAFmorning{hashlib.sha1(b'21e').hexdigest()[:16]}@mail.gmail.com>",
          date="Mon, 21 Dec 2026 13:02:41 +0000"),
    A(None, None, NO),
    "Gmail web, a follow-up to his own reply of the morning (quoted, with the invitation below it): only 3 is answered here (No); the rest missing")

reg("words_then_numbers_outlook",
    od_top("words_then_numbers_outlook",
           ["Dear Dr Rahman,", "", "Thank you for including me. My answers:", "",
            "1. Yes, regularly", "2. Rarely \u2013 perhaps twice in ten years", "3. Yes", "4. Seven out of ten", "5. Mainly side effects, maybe lack of evidence", "6. Yes",
            "7. Yes \u2013 jointly with the CCG in 2023", "8. No", "9. Yes", "", "Yours sincerely", "", *SIG, *DISCLAIMER]),
    A(Y, Y, Y, ok(7), U, Y, Y, NO, Y),
    "Outlook desktop: 'Rarely \u2013 perhaps twice in ten years' is yes; 'Seven out of ten'; 5 'Mainly side effects, maybe lack of evidence' is hedged: unclear")

reg("yes_no_capitals_owa",
    C.owa(P + "yes_no_capitals_owa", ["1. YES", "2. NO", "3. YES", "4. 8", "5. B", "6. YES", "7. NO", "8. YES", "9. YES", "", "Jack Clarke",
                                       "Consultant in Palliative Medicine", *DISCLAIMER]),
    A(Y, NO, Y, ok(8), B("evidence"), Y, NO, Y, Y),
    "Outlook on the web: answers in capitals")

reg("dash_numbers_confidence_phrase_outlook_ios",
    C.outlook_mobile(P + "dash_numbers_confidence_phrase_outlook_ios",
                     ["1- yes", "2- no", "3- yes", "4- I'd say 6", "5- a + b", "6- no", "7- no", "8- yes", "9- yes", "", "Jack"], "iOS"),
    A(Y, NO, Y, ok(6), B("expertise", "evidence"), NO, NO, Y, Y),
    "Outlook for iOS: '1-' numbering, 'I'd say 6', 'a + b'")

reg("bare_sentence_gmail",
    C.gmail_top(P + "bare_sentence_gmail",
                ["Hi Asha,", "", "Yes, yes, yes, 8, b and c, yes, no, yes, yes.", "", "Happy Christmas!"], sign=("Jack",)),
    I(True, True, True, 8, ["evidence", "side_effects"], True, False, True, True),
    "Gmail web: bare answers in order on one sentence, comma-separated, no numbers: inferred")

reg("reminder_style_short_iphone",
    C.iphone(P + "reminder_style_short_iphone",
             ["Sorry for the delay!", "", "1 Yes", "2 Yes", "3 Yes", "4 9", "5 D", "6 Yes", "7 Yes", "8 No", "9 No", "", "J"]),
    A(Y, Y, Y, ok(9), B("none"), Y, Y, NO, NO),
    "iPhone Mail: '1 Yes' numbering, 'D' alone (no barriers)")

reg("inline_after_question_trap_both_outlook",
    od_inline("inline_after_question_trap_both_outlook", ["Answers in green.", "", "Jack"], color="#00B050",
              after_question={1: "Yes", 2: "Yes and no", 3: "Yes", 4: "7", 5: "a", 6: "Yes", 7: "Partly \u2013 for some areas", 8: "Yes", 9: "Yes"}),
    A(Y, U, Y, ok(7), B("expertise"), Y, U, Y, Y),
    "Outlook desktop, answers after each question in green; 'Yes and no' and 'Partly' are unclear")
