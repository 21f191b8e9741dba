"""Set 21b, part A: later corrections; format=flowed; answers after the
question's text in HTML; split quotes; Outlook comment marking."""
from clients import *

Y, N, U = ok(True), ok(False), UNCLEAR
P = "heldback21b_"


def std(**over):
    """A full set of answers, changed by keyword."""
    base = {"end_of_life": Y, "early_adjuvant": N, "opioid_sparing": Y, "confidence": ok(7), "barriers": ok(["expertise"]),
            "written_protocol": Y, "shared_guidance": N, "training": Y, "research": Y}
    base.update(over)
    return {k: v for k, v in base.items() if v is not None}


# ===================== later corrections =====================

# Yahoo: list with dashes, sign-off, P.S. by 'Q3'.
lines = ["1 - yes", "2 - yes", "3 - no", "4 - 7", "5 - a", "6 - no", "7 - no", "8 - yes", "9 - yes", "",
         "Regards,", "Jack", "", "P.S. Q3 should have been a yes, not a no - I forgot a patient we switched in October."]
case(P + "correction_ps_q_number_yahoo", yahoo("c1", lines),
     std(early_adjuvant=Y, opioid_sparing=Y, written_protocol=N),
     note="Yahoo: a P.S. after the sign-off changes Q3 from the list's no to yes; Yahoo's text part indents the original with a space, no '>'")

# Gmail for Android: correction naming the question as 'number five' in words.
lines = ["1 Yes", "2 No", "3 Yes", "4 6", "5 a", "6 Yes", "7 Yes", "8 No", "9 Yes", "", "Jack", "",
         "Oops, number five should be a and c, I forgot side effects."]
case(P + "correction_number_in_words_gmail_android",
     gmail_top("c2", lines, sign=(), android=True),
     std(confidence=ok(6), barriers=ok(["expertise", "side_effects"]), shared_guidance=Y, training=N),
     note="Gmail for Android: below the list and the name, 'number five should be a and c' corrects question 5 (list said a)")

# Outlook on the web: 'Ignore my answer to 8 - make it a yes' after the sign-off.
lines = ["1. No", "2. No", "3. No", "4. 3", "5. a, b", "6. No", "7. No", "8. No", "9. Yes", "", "Thanks,", "Jack", "",
         "Ignore my answer to 8 \u2013 make it a yes. Clearly I need the training if I'm scoring myself a 3!"]
case(P + "correction_ignore_my_answer_owa", owa("c3", lines),
     std(end_of_life=N, opioid_sparing=N, confidence=ok(3), barriers=ok(["expertise", "evidence"]), written_protocol=N, training=Y),
     note="Outlook on the web: after the sign-off, 'Ignore my answer to 8 - make it a yes' (list said no); the 3 in the reason is the confidence already given")

# Thunderbird flowed: list at top, then a sentence correcting the research answer by its words.
top = ["1. yes", "2. yes", "3. yes", "4. 8", "5. c", "6. yes", "7. yes", "8. no", "9. yes", "",
       "Having re-read the questions, the research one is a no from me: there are two trials running already and I would rather we waited for them.",
       "", "Jack"]
text = "\n".join(top) + "\n\n" + WROTE_TB + "\n" + quote(INV_TEXT) + "\n"
case(P + "correction_research_by_words_thunderbird", thunderbird_flowed("c4", text),
     std(early_adjuvant=Y, confidence=ok(8), barriers=ok(["side_effects"]), shared_guidance=Y, training=N, research=N),
     note="Thunderbird (flowed): below the list, 'the research one is a no from me' corrects question 9 by its words (list said yes); 'two trials' is not an answer")

# Apple Mail (Mac): list at top, quote, then an unquoted correction typed below the quote.
top = ["1. Yes", "2. No", "3. Yes", "4. 4", "5. b", "6. Yes", "7. No", "8. Yes", "9. Yes", "", "Jack"]
corr = "Just noticed I put 4 for confidence \u2013 it should be 6. Apologies."
text = "\n".join(top) + "\n\n> " + WROTE_APPLE + "\n> \n" + quote(INV_TEXT) + "\n\n" + corr + "\n"
html = ('<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head><body style="overflow-wrap: break-word; -webkit-nbsp-mode: space; line-break: after-white-space;">'
        + divs(top) + '<div><br><blockquote type="cite"><div>' + esc(WROTE_APPLE) + '</div><br class="Apple-interchange-newline"><div>'
        + INV_HTML_BODY + '</div></blockquote></div><br><div>' + esc(corr) + '</div></body></html>')
case(P + "correction_below_quote_apple_mail", apple("c5", text, html, mailer=MAC_MAILER, mime_version=MAC_MIME),
     std(confidence=ok(6), barriers=ok(["evidence"])),
     note="Apple Mail: the doctor's own unquoted line below the whole quote changes confidence 4 -> 6")

# Outlook for iOS: an addition to the barriers by the option's words.
lines = ["1. Yes", "2. Yes", "3. No", "4. 5", "5. Lack of evidence", "6. No", "7. No", "8. Yes", "9. Yes", "",
         "Actually, add side effects to the barriers as well please.", "", "Jack"]
case(P + "correction_add_option_outlook_ios", outlook_mobile("c6", lines),
     std(early_adjuvant=Y, opioid_sparing=N, confidence=ok(5), barriers=ok(["evidence", "side_effects"]), written_protocol=N),
     note="Outlook for iOS (base64): 'add side effects to the barriers as well' below the list adds an option to question 5")

# Trap: a colleague's quoted advice to change 6 does not count; the doctor's own answers do.
top = ["Replying to the survey, with Priya copied in.", "", "1. Yes", "2. No", "3. Yes", "4. 7", "5. a", "6. No", "7. No",
       "8. Yes", "9. Yes", "", "Priya - I've left 6 as no, ours is still only a draft until pharmacy sign it off.", "", "Jack"]
colleague = ("Jack,\n\nFor Q6 you should say yes, we ratified ours at the June governance meeting. And 7 is yes too.\n\n"
             "Priya\n\n-----Original Message-----\n" + OUTLOOK_FROM_TEXT.replace("To: Clarke Jack", "To: Patel Priya") + "\n(the survey)")
text = ("\n".join(top) + "\n\nOn 27/11/2026 09:14, Priya Patel wrote:\n" + quote(colleague) + "\n>\n> " + WROTE_TB + "\n" + quote(quote(INV_TEXT)) + "\n")
case(P + "trap_correction_in_quoted_colleague_thunderbird",
     thunderbird_flowed("c7", text, in_reply_to="<a91c-77e2-priya.patel@north-hospice.test>", extra=["Cc: Priya Patel <priya.patel@north-hospice.test>"], date="Fri, 27 Nov 2026 11:02:13 +0000",
                        references=f"{INV_ID} <a91c-77e2-priya.patel@north-hospice.test>"),
     std(written_protocol=N, shared_guidance=N),
     note="trap: a colleague's quoted advice ('For Q6 you should say yes ... And 7 is yes too') is quoted text and never counts; the doctor keeps 6 no, 7 no")

# ===================== format=flowed =====================

top = ["1. Yes - mostly on our inpatient unit, rather than in the community, as 2 of us are confident enough to start it", "2. No", "3. Yes", "4. 6",
       "5. a, c", "6. No", "7. No", "8. Yes", "9. Yes",
       "10. Happy to be contacted. We audited our own prescribing last year: in 3 patients out of 12 it was started by us rather than by the pain team."]
text = "\n".join(top) + "\n\nJack\n\n" + WROTE_TB + "\n" + quote(INV_TEXT) + "\n"
case(P + "flowed_continuations_start_with_numbers_thunderbird", thunderbird_flowed("f1", text),
     std(confidence=ok(6), barriers=ok(["expertise", "side_effects"]), written_protocol=N,
         comments=ok(top[9][4:].replace("\x01", ""))),
     note="Thunderbird format=flowed: answer 1's reason and the comment are soft-broken, their continuations begin '2 of us' and '3 patients out of 12' (not answers to 2 or 3)")

top = ["1. Yes", "2. No", "3. Yes", "4. 7",
       "5. a and e - supply: the community pharmacies around here need at least 3 days' notice to order it in",
       "6. Yes", "7. No", "8. No", "9. Yes"]
text = "\n".join(top) + "\n\nBest\nJack\n\n> " + WROTE_APPLE + "\n> \n" + quote(INV_TEXT) + "\n"
body = leaf("text/plain; charset=utf-8; format=flowed; delsp=yes", flow(text, delsp=True), cte="quoted-printable")
case(P + "flowed_delsp_other_text_apple_mail",
     message("f2", [f"X-Mailer: {MAC_MAILER}"], body, subject="Re: " + SUBJECT, mime_version=MAC_MIME,
             msgid="<7D3A2E1F-6B4C-4F8E-A1D2-C3B4A5968778@north-hospice.test>"),
     std(barriers=ok(["expertise", "other"], "supply: the community pharmacies around here need at least 3 days' notice to order it in"), training=N),
     note="Apple Mail format=flowed; delsp=yes: the 'other' text of question 5 is soft-broken before '3 days'' (not an answer to 3); unwrapped whole")

ans = {1: "Yes", 2: "Yes", 3: "Yes", 4: "9", 5: "d", 6: "Yes", 7: "Yes", 8: "No", 9: "Yes",
       10: "Costs have gone up from \u00a34 to about \u00a312 an ampoule in two years, and now "
           "5 of our 6 consultants prescribe it without asking the pain team."}
text = WROTE_TB.replace("On 26/11/2026 00:48,", "On 26.11.2026 00:48,") + "\n" + text_inline(answers=ans) + "\n\n-- \nDr Jack Clarke\nNorth Hospice\n"
body = leaf("text/plain; charset=ISO-8859-1; format=flowed", flow(text), cte="quoted-printable", charset="iso-8859-1")
case(P + "flowed_roundcube_latin1_inline",
     message("f3", ["User-Agent: Roundcube Webmail/1.6.9"], body, subject="Re: " + SUBJECT,
             msgid="<3b9e0f6d2a1c4e58b7a6d5c4e3f2a1b0@north-hospice.test>"),
     std(early_adjuvant=Y, confidence=ok(9), barriers=ok(["none"]), shared_guidance=Y, training=N,
         comments=ok(ans[10].replace("\x01", ""))),
     note="Roundcube webmail: format=flowed, ISO-8859-1, quoted-printable (the pound signs), answers below the quoted Answer: lines; the comment's continuation starts '5 of our 6'")

# ===================== answers after the question's text (HTML) =====================

# Outlook for Mac: answers highlighted in yellow at the end of each question's paragraph.
MAC_HEAD = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><style>'
            '<!-- /* Style Definitions */ p.MsoNormal, li.MsoNormal, div.MsoNormal {margin:0cm; font-size:12.0pt; font-family:"Aptos",sans-serif;} --></style></head>'
            '<body lang="EN-GB" link="#467886" vlink="#96607D" style="word-wrap:break-word">'
            '<div class="WordSection1">')


def owa_after_question(after_question, body=INV_HTML_BODY):
    out = []
    for p in re.split(r"(<p[^>]*>\d+\. [^<]*</p>)", body):
        m = re.match(r"<p[^>]*>(\d+)\. ", p)
        if m and int(m.group(1)) in after_question:
            p = p[:-4] + after_question[int(m.group(1))] + "</p>"
        out.append(p)
    return "".join(out)


ans = {1: "Yes", 2: "Yes", 3: "No", 4: "5", 5: "b, c", 6: "No", 7: "No", 8: "Yes", 9: "Yes"}
aq = {q: f' <span style="background:yellow;mso-highlight:yellow">{esc(a)}</span>' for q, a in ans.items()}
mac_from = ('<div id="mail-editor-reference-message-container"><div class="ms-outlook-mobile-reference-message skipProofing">'
            '<div style="border:none;border-top:solid #B5C4DF 1.0pt;padding:3.0pt 0cm 0cm 0cm"><p class="MsoNormal" style="margin-bottom:12.0pt">'
            '<b><span style="color:black">From: </span></b><span style="color:black">Regional Palliative Care Audit Group &lt;survey@survey.test&gt;<br>'
            '<b>Date: </b>Thursday, 26 November 2026 at 00:48<br><b>To: </b>Clarke Jack &lt;jack.clarke@north-hospice.test&gt;<br>'
            f'<b>Subject: </b>{SUBJECT}<o:p></o:p></span></p></div>')
html = (MAC_HEAD + '<p class="MsoNormal">Highlighted my answers in yellow.<o:p></o:p></p><p class="MsoNormal"><o:p>&nbsp;</o:p></p>'
        '<p class="MsoNormal">Jack<o:p></o:p></p><p class="MsoNormal"><o:p>&nbsp;</o:p></p>' + mac_from + owa_after_question(aq) + '</div></div></div></body></html>')
mac_text_from = ("From: Regional Palliative Care Audit Group <survey@survey.test>\nDate: Thursday, 26 November 2026 at 00:48\n"
                 f"To: Clarke Jack <jack.clarke@north-hospice.test>\nSubject: {SUBJECT}\n")
text = "Highlighted my answers in yellow.\n\nJack\n\n" + mac_text_from + "\n" + flat_text(after_question=ans) + "\n"
b = "B_" + str(3_960_000_000 + int(hashlib.sha1(b"h1").hexdigest()[:6], 16)) + "_1853741236"
body = multipart("alternative", b, [leaf('text/plain; charset="UTF-8"', text), leaf('text/html; charset="UTF-8"', html)])
case(P + "outlook_mac_highlight_after_question",
     message("h1", ["User-Agent: Microsoft-MacOutlook/16.91.24111020", "Thread-Topic: " + SUBJECT, "Thread-Index: AQHcXmB4mac9Qa1bV0y2nA==",
                    "Content-Language: en-GB"], body, msgid="<C0F3E2A1-5B6D-4C7E-8F9A-0B1C2D3E4F5A@north-hospice.test>"),
     std(early_adjuvant=Y, opioid_sparing=N, confidence=ok(5), barriers=ok(["evidence", "side_effects"]), written_protocol=N),
     note="Outlook for Mac: answers highlighted in yellow at the end of each question's own paragraph in the unquoted original; the 4's answer stands after '10 = fully confident)'")

# Gmail: answers typed inside the quote after each question's text, bold red; Gmail's text part shows *Yes*.
ans = {1: "No", 2: "No", 3: "No", 4: "2", 5: "a", 6: "Yes", 7: "No", 8: "Yes", 9: "Yes"}
aq = {q: f' <b><font color="#ff0000">{esc(a)}</font></b>' for q, a in ans.items()}
html = ('<div dir="ltr">Answers typed into your email in red, hope that works.<div><br></div><div>Jack</div></div><br>'
        + gmail_quote_html(owa_after_question(aq)))


def after_heading_text(ans, fmt="{line} {a}"):
    """The invitation's text with each answer appended to the last line of
    its question's heading (before the options or Answer:)."""
    out, q, in_heading = [], 0, False
    lines_inv = INV_TEXT.split("\n")
    for i, line in enumerate(lines_inv):
        m = re.match(r"^(\d+)\. ", line)
        if m:
            q, in_heading = int(m.group(1)), True
        nxt = lines_inv[i + 1] if i + 1 < len(lines_inv) else ""
        if in_heading and q in ans and (nxt == "Answer:" or nxt.startswith("a)")):
            line = fmt.format(line=line, a=ans[q])
            in_heading = False
        out.append(line)
    return "\n".join(out)


out = after_heading_text(ans, "{line} *{a}*").split("\n")
text = "Answers typed into your email in red, hope that works.\n\nJack\n\n" + WROTE_GMAIL + "\n\n" + quote("\n".join(out)) + "\n"
case(P + "gmail_typed_inside_quote_after_question", gmail("h2", text, html),
     std(end_of_life=N, opioid_sparing=N, confidence=ok(2), barriers=ok(["expertise"])),
     note="Gmail web: the doctor typed each answer, bold red, inside the quoted invitation after the question's text (the text part shows them as *No* inside '> ' lines); a careful reader reads them")

# New Outlook, HTML only: capitals after the question's text, each with a reason.
ans = {1: "YES \u2013 via syringe driver, usually 100 mg over 24 hours", 2: "NO \u2013 never as a first step", 3: "YES",
       4: "8", 5: "B \u2013 expertise is fine here", 6: "YES", 7: "NO", 8: "NO \u2013 did the regional course in 2024", 9: "YES"}
aq = {q: f'&nbsp;<span style="color: rgb(192, 0, 0);">{esc(a)}</span>' for q, a in ans.items()}
html = owa_top_html(["My answers are in red after each question.", "", "Jack Clarke", "Consultant, North Hospice"], owa_after_question(aq))
case(P + "new_outlook_after_question_with_reasons",
     message("h3", ["Thread-Topic: " + SUBJECT, "Accept-Language: en-GB, en-US", "Content-Language: en-GB", "X-MS-Has-Attach:"],
             leaf("text/html", html), crlf=True, msgid="<AS8PR07MB9C1D2E3F4A5B@AS8PR07MB9999.eurprd07.prod.outlook.com>"),
     std(confidence=ok(8), barriers=ok(["evidence"]), training=N),
     note="new Outlook, HTML only: red capitals after each question's text with reasons ('100 mg over 24 hours', 'expertise is fine here', 'in 2024'); Answer: lines empty")

# ===================== split quotes =====================

# Thunderbird HTML (with its flowed text alternative): blockquote cite split after each question.
ans = {1: "Yes", 2: "No", 3: "No", 4: "6", 5: "a", 6: "Yes", 7: "Yes", 8: "Yes", 9: "No"}
text = "Hi,\n\nanswers in between.\n\nJack\n\n" + WROTE_TB + "\n" + text_inline(before_answer=ans) + "\n"
html = ('<!DOCTYPE html>\n<html>\n  <head>\n    <meta http-equiv="Content-Type" content="text/html; charset=UTF-8">\n  </head>\n  <body>\n'
        '    <p>Hi,</p>\n    <p>answers in between.</p>\n    <p>Jack</p>\n    <div class="moz-cite-prefix">' + esc(WROTE_TB) + '<br>\n    </div>\n'
        '    <blockquote type="cite" cite="mid:' + INV_ID[1:-1] + '">'
        + html_split(answers_before=ans, open_tag='<blockquote type="cite">', wrap=lambda a: "<p>" + esc(a) + "</p>")
        + '</blockquote>\n  </body>\n</html>\n')
b = "------------" + hashlib.sha1(b"s1").hexdigest()[:24].upper()
body = multipart("alternative", b, [leaf("text/plain; charset=UTF-8; format=flowed", flow(text), cte="7bit"),
                                    leaf("text/html; charset=UTF-8", html, cte="7bit")])
case(P + "split_quote_thunderbird_html", message("s1", ["User-Agent: Mozilla Thunderbird", "Content-Language: en-GB"], body,
                                                  subject="Re: " + SUBJECT, msgid="<5e1f0c2b-8d4a-4b3e-9f60-1a2b3c4d5e6f@north-hospice.test>"),
     std(opioid_sparing=N, confidence=ok(6), shared_guidance=Y, research=N),
     note="Thunderbird HTML with flowed text: the quote split between each question and its Answer:, the answer in its own paragraph")

# mutt: plain text, the answer on the line right after the question's text, no blank lines around it.
ans = {1: "yes", 2: "yes", 3: "yes", 4: "7", 5: "b", 6: "no", 7: "no", 8: "yes", 9: "yes"}
text = ("* Regional Palliative Care Audit Group <survey@survey.test> [2026-11-26 00:48]:\n" + text_inline(before_answer=ans, split_blank=False)
        + "\n\n-- \nJack Clarke\n")
case(P + "split_quote_mutt_tight", message("s2", ["User-Agent: NeoMutt/20241002"], leaf("text/plain; charset=us-ascii", text, cte="7bit", charset="us-ascii"),
                                            subject="Re: " + SUBJECT, msgid="<20261127T081522.GA4411@north-hospice.test>"),
     std(early_adjuvant=Y, barriers=ok(["evidence"]), written_protocol=N),
     note="NeoMutt: the answer on the unquoted line directly between the question's quoted text and its quoted Answer:, no blank lines around it")

# iPhone: split blockquotes, answers between each question and its Answer:.
ans = {1: "No", 2: "No", 3: "Yes", 4: "4", 5: "a b", 6: "No", 7: "No", 8: "Yes", 9: "Yes"}
text = "Sent from my iPhone\n\n> " + WROTE_APPLE + "\n> \n" + text_inline(before_answer=ans) + "\n"
html = ('<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head><body dir="auto">'
        '<div dir="ltr"><br></div><div dir="ltr">Sent from my iPhone</div><div dir="ltr"><br><blockquote type="cite">' + esc(WROTE_APPLE)
        + '<br><br></blockquote></div><blockquote type="cite"><div dir="ltr">'
        + html_split(answers_before=ans, open_tag='<blockquote type="cite"><div dir="ltr">', close_tag="</div></blockquote>",
                     wrap=lambda a: '<div dir="ltr"><br></div><div dir="ltr">' + esc(a) + '</div><div dir="ltr"><br></div>')
        + '</div></blockquote></body></html>')
case(P + "split_quote_iphone", apple("s3", text, html),
     std(end_of_life=N, confidence=ok(4), barriers=ok(["expertise", "evidence"]), written_protocol=N),
     note="iPhone Mail: the quote split after each question, the answer between the question and its Answer:; 'a b' is two options")

# ===================== Outlook comment marking =====================

MARK = "<b><i><span style='color:#00B050'>[JC] </span></i></b><span style='color:#00B050'>{}</span>"
ans = {1: "Yes", 2: "No", 3: "Yes", 4: "6", 5: "c", 6: "Yes", 7: "No", 8: "Yes", 9: "Yes",
       10: "Our pharmacist would be keen to join any regional working group."}
case(P + "comment_marking_initials_outlook", outlook_desktop(
    "m1", ["See below.", "&nbsp;", "J"], word_original(on_answer={q: " " + MARK.format(esc(a)) for q, a in ans.items()}),
    "See below.\n\nJ", flat_text(on_answer={q: "[JC] " + a for q, a in ans.items()})),
    std(confidence=ok(6), barriers=ok(["side_effects"]), comments=ok(ans[10])),
    note="Outlook comment marking with initials: 'Answer: [JC] Yes'; the bracketed initials are not part of any answer or of the comment")

ans = {1: "No", 2: "No", 3: "No", 4: "1", 5: "a, b", 6: "No", 7: "No", 8: "Yes", 9: "Yes"}
quoted = text_inline(answers={q: "[Dr Jack Clarke] " + a for q, a in ans.items()}, prefix="> ")
text = "Replies marked below.\n\nJack\n\n-----Original Message-----\n" + quote(OUTLOOK_FROM_TEXT.strip()) + "\n>\n" + quoted + "\n"
case(P + "comment_marking_prefixed_text_outlook", outlook_text("m2", text),
     std(end_of_life=N, opioid_sparing=N, confidence=ok(1), barriers=ok(["expertise", "evidence"]), written_protocol=N),
     note="Outlook plain text with 'prefix each line of the original' and comment marking '[Dr Jack Clarke] No' below each quoted Answer:; '[Dr ...]' is a label, not an answer")

MARK3 = " <b><span style='color:#7030A0'>[Clarke, Jack Dr.]</span></b><span style='color:#7030A0'> {}</span>"
ans = {1: "Yes", 2: "Yes", 3: "Yes", 4: "10", 5: "d", 6: "Yes", 7: "Yes", 8: "No", 9: "No"}
case(P + "comment_marking_title_after_question_outlook", outlook_desktop(
    "m3", ["Hello,", "&nbsp;", "My comments are marked in the text.", "&nbsp;", "Jack"],
    word_original(after_question={q: MARK3.format(esc(a)) for q, a in ans.items()}),
    "Hello,\n\nMy comments are marked in the text.\n\nJack", flat_text(after_question={q: "[Clarke, Jack Dr.] " + a for q, a in ans.items()})),
    std(early_adjuvant=Y, confidence=ok(10), barriers=ok(["none"]), shared_guidance=Y, training=N, research=N),
    note="Outlook comment marking '[Clarke, Jack Dr.]' after each question's own text (Answer: lines empty); 'Dr.' in the label is no answer")
