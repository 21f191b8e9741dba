"""Later corrections; Outlook HTML answers after the question's text;
answers between a question and its split quoted Answer: line; Outlook
comment marking."""
from lib import *

RED = "<span style='font-size:12.0pt;font-family:\"Arial\",sans-serif;color:#C00000'>"
BLUE = "<span style='color:#0070C0'>"

# ===================== A. later corrections =====================

# A1: Gmail, full numbered list, sign-off, then a PS by number.
top = ["1. Yes", "2. No", "3. Yes", "4. 6", "5. a, c", "6. Yes", "7. No", "8. Yes", "9. Yes",
       "10. Good to see this being looked at regionally."]
tail = ["", "Best wishes,", "Jack", "", "PS sorry, for question 4 I meant 8, not 6 - I misread the scale."]
text = "\n".join(top + tail) + "\n\n" + WROTE_GMAIL + "\n\n" + quote(INV_TEXT) + "\n"
html = ('<div dir="ltr">' + "<br>".join(esc(l) for l in top) + '<div><br></div><div>Best wishes,</div><div>Jack</div><div><br></div>'
        '<div>PS sorry, for question 4 I meant 8, not 6 - I misread the scale.</div></div><br>' + gmail_quote_html(INV_HTML_BODY))
case("heldback21_correction_ps_by_number_gmail", gmail("a1", text, html), {
    "end_of_life": ok(True), "early_adjuvant": ok(False), "opioid_sparing": ok(True), "confidence": ok(8),
    "barriers": ok(["expertise", "side_effects"]), "written_protocol": ok(True), "shared_guidance": ok(False),
    "training": ok(True), "research": ok(True), "comments": ok("Good to see this being looked at regionally.")},
    note="a PS after the sign-off corrects question 4 of the full list above it: the correction wins (8, not the list's 6)")

# A2: Outlook desktop, list at the top, sign-off, then P.S. changing 7 by number with its reason.
top = ["1. No", "2. No", "3. Yes", "4. 5", "5. b", "6. Yes", "7. No", "8. Yes", "9. Yes"]
ps = ("P.S. Having checked with our pharmacist this afternoon, we do have shared guidance with the district nurses "
      "after all \u2013 so 7 should be yes.")
paras = [esc(l) for l in top] + ["&nbsp;", "Kind regards", "Jack", "&nbsp;", esc(ps).replace("\u2013", "&#8211;"), "&nbsp;",
         "<b><span style='color:#1F3864'>Dr Jack Clarke</span></b>", "Consultant in Palliative Medicine | North Hospice", "&nbsp;"]
ttext = "\n".join(top) + "\n\nKind regards\nJack\n\n" + ps + "\n\nDr Jack Clarke\nConsultant in Palliative Medicine | North Hospice"
case("heldback21_correction_after_signoff_outlook", outlook_desktop("a2", paras, word_original(), ttext, flat_text()), {
    "end_of_life": ok(False), "early_adjuvant": ok(False), "opioid_sparing": ok(True), "confidence": ok(5),
    "barriers": ok(["evidence"]), "written_protocol": ok(True), "shared_guidance": ok(True), "training": ok(True),
    "research": ok(True)},
    note="Outlook desktop: P.S. below the sign-off and above the signature changes question 7 by number (list said no)")

# A3: iPhone, list, then a sentence below it naming the question by its words.
top = ["1 Yes", "2 Yes", "3 No", "4 7", "5 a", "6 No", "7 No", "8 Yes", "9 Yes"]
corr = "Actually scratch what I said about the written protocol, we do have one - it was ratified in November."
text = ("\n".join(top) + "\n\n" + corr + "\n\nSent from my iPhone\n\n> " + WROTE_APPLE + "\n> \n" + quote(INV_TEXT) + "\n")
html = ('<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head><body dir="auto">'
        + "".join(f"<div dir=\"ltr\">{esc(l)}</div>" for l in top) + '<div dir="ltr"><br></div><div dir="ltr">' + esc(corr) +
        '</div><div dir="ltr"><br></div><div dir="ltr">Sent from my iPhone</div><div dir="ltr"><br><blockquote type="cite">'
        + esc(WROTE_APPLE) + '<br><br></blockquote></div><blockquote type="cite"><div dir="ltr">' + INV_HTML_BODY +
        '</div></blockquote></body></html>')
b = "Apple-Mail-" + boundary("", "a3", 8).upper() + "-1A2B-4C3D-9E8F-0123456789AB"
body = multipart("alternative", b, [leaf("text/plain", text), leaf("text/html", html)])
case("heldback21_correction_by_words_iphone", message("a3", ["X-Mailer: iPhone Mail (22B83)"], body, subject="Re: " + SUBJECT), {
    "end_of_life": ok(True), "early_adjuvant": ok(True), "opioid_sparing": ok(False), "confidence": ok(7),
    "barriers": ok(["expertise"]), "written_protocol": ok(True), "shared_guidance": ok(False), "training": ok(True),
    "research": ok(True)},
    note="iPhone: a sentence below the list corrects the written-protocol answer by the question's words (list said no)")

# A4: Thunderbird flowed, answers inline, PS at the very end below the quote.
ans = {1: "Yes", 2: "Yes", 3: "Yes", 4: "5", 5: "b, c", 6: "No", 7: "No", 8: "Yes", 9: "Yes"}
body_text = ("Answers inline below.\n\nJack\n\n" + WROTE_TB + "\n" + text_inline(answers=ans) + "\n\n"
             "PS on the confidence question, make that 7 rather than 5 - I was being too modest, I prescribe it most weeks.\n")
body = leaf("text/plain; charset=UTF-8; format=flowed", flow(body_text), cte="7bit")
case("heldback21_correction_ps_below_quote_thunderbird", message("a4", ["User-Agent: Mozilla Thunderbird", "Content-Language: en-GB"], body,
     subject="Re: " + SUBJECT), {
    "end_of_life": ok(True), "early_adjuvant": ok(True), "opioid_sparing": ok(True), "confidence": ok(7),
    "barriers": ok(["evidence", "side_effects"]), "written_protocol": ok(False), "shared_guidance": ok(False),
    "training": ok(True), "research": ok(True)},
    note="Thunderbird (flowed), inline answers; the doctor's own unquoted PS at the end changes confidence 5 -> 7")

# A5: Outlook on the web, HTML list; PS changes the barriers by the question's words and letters.
top = ["1. yes", "2. no", "3. yes", "4. 8", "5. a", "6. yes", "7. yes", "8. no", "9. yes"]
html = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><style type="text/css" style="display:none;"> P {margin-top:0;margin-bottom:0;} </style></head>'
        '<body dir="ltr"><div class="elementToProof" style="font-family: Aptos, Aptos_EmbeddedFont, Aptos_MSFontService, Calibri, Helvetica, sans-serif; font-size: 12pt; color: rgb(0, 0, 0);">'
        + "<br>".join(top) + '</div><div class="elementToProof" style="font-family: Aptos, sans-serif; font-size: 12pt;"><br></div>'
        '<div class="elementToProof" style="font-family: Aptos, sans-serif; font-size: 12pt;">Thanks, Jack</div>'
        '<div class="elementToProof" style="font-family: Aptos, sans-serif; font-size: 12pt;"><br></div>'
        '<div class="elementToProof" style="font-family: Aptos, sans-serif; font-size: 12pt;">PS for the barriers question it should be a and c, I forgot side effects.</div>'
        '<div id="appendonsend"></div><hr style="display:inline-block;width:98%" tabindex="-1">'
        '<div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt" color="#000000"><b>From:</b> Regional Palliative Care Audit Group &lt;survey@survey.test&gt;<br>'
        f'<b>Sent:</b> Monday, January 5, 2026 9:00 AM<br><b>To:</b> Clarke Jack &lt;jack.clarke@north-hospice.test&gt;<br><b>Subject:</b> {SUBJECT}</font><div>&nbsp;</div></div>'
        + INV_HTML_BODY + '</body></html>')
ttext = ("\n".join(top) + "\n\nThanks, Jack\n\nPS for the barriers question it should be a and c, I forgot side effects.\n"
         "________________________________\n" + OUTLOOK_FROM_TEXT.replace("05 January 2026 09:00", "Monday, January 5, 2026 9:00 AM") + "\n" + INV_TEXT + "\n")
b = boundary("_000_AS8PR07MB", "a5", 16) + "AS8PR07MB7_"
body = multipart("alternative", b, [leaf('text/plain; charset="iso-8859-1"', ttext, charset="iso-8859-1"), leaf("text/html", html)])
case("heldback21_correction_barriers_words_owa", message("a5", ["Thread-Topic: " + SUBJECT, "Thread-Index: AQHcfk3XaBcDeFgHiJkLmNoPqRsTuA==",
     "Accept-Language: en-GB, en-US", "Content-Language: en-GB", "X-MS-Has-Attach:", "msip_labels:"], body, crlf=True), {
    "end_of_life": ok(True), "early_adjuvant": ok(False), "opioid_sparing": ok(True), "confidence": ok(8),
    "barriers": ok(["expertise", "side_effects"]), "written_protocol": ok(True), "shared_guidance": ok(True),
    "training": ok(False), "research": ok(True)},
    note="Outlook on the web: a PS below the list names the barriers question by its words and gives a and c (list said a)")

# A6 (trap): a follow-up that quotes the doctor's own earlier answers and PS: only the new unquoted line counts.
prev = ("1. yes\n2. no\n3. yes\n4. 6\n5. a, c\n6. yes\n7. no\n8. yes\n9. yes\n\nJack\n\n"
        "PS for question 4 I meant 7.")
text = ("One more change, sorry: 8. no - on reflection our team has had plenty of training this year.\n\nJack\n\n"
        "On Tue, 6 Jan 2026 at 10:12, Jack Clarke <jack.clarke@north-hospice.test> wrote:\n\n" + quote(prev) + "\n>\n> "
        + WROTE_GMAIL + "\n>\n" + quote(quote(INV_TEXT)) + "\n")
html = ('<div dir="ltr">One more change, sorry: 8. no - on reflection our team has had plenty of training this year.<div><br></div><div>Jack</div></div><br>'
        + gmail_quote_html('<div dir="ltr">' + "<br>".join(esc(l) for l in prev.split("\n")) + '<br><br>'
                           + gmail_quote_html(INV_HTML_BODY) + '</div>',
                           wrote="On Tue, 6 Jan 2026 at 10:12, Jack Clarke <jack.clarke@north-hospice.test> wrote:"))
case("heldback21_trap_correction_in_quoted_own_mail", gmail("a6", text, html, in_reply_to="<CAFa1b2c3d4e5f60718293a4b@mail.gmail.com>",
     subject="Re: " + SUBJECT), {"training": ok(False)},
    note="trap: the doctor's earlier list and PS are quoted; only the new unquoted answer (8. no) counts, nothing from the quote")

# ===================== B. Outlook HTML: answers after the question's text =====================

# B1: Outlook desktop, answers in red at the end of each question's paragraph, Answer: lines left empty.
ans = {1: "Yes", 2: "No", 3: "Yes", 4: "6", 5: "a and b", 6: "No", 7: "No", 8: "Yes", 9: "Yes",
       10: "We badly need a regional protocol."}
aq = {q: f"{RED} {esc(a)}</span>" for q, a in ans.items()}
case("heldback21_outlook_red_after_question", outlook_desktop(
    "b1", ["Please see my answers below in red.", "&nbsp;", "Thanks", "Jack"], word_original(after_question=aq),
    "Please see my answers below in red.\n\nThanks\nJack", flat_text(after_question=ans)), {
    "end_of_life": ok(True), "early_adjuvant": ok(False), "opioid_sparing": ok(True), "confidence": ok(6),
    "barriers": ok(["expertise", "evidence"]), "written_protocol": ok(False), "shared_guidance": ok(False),
    "training": ok(True), "research": ok(True), "comments": ok("We badly need a regional protocol.")},
    note="Outlook desktop: answers typed in red at the end of each question's own paragraph of the unquoted original; every Answer: line empty")

# B2: new Outlook / OWA, HTML only, bold blue answers after the question text, some with reasons.
ans = {1: "YES \u2013 mainly for neuropathic pain", 2: "NO", 3: "YES", 4: "4", 5: "A, C", 6: "YES", 7: "NO", 8: "YES", 9: "YES"}


def owa_original(after_question):
    out, q = [], 0
    for p in re.split(r"(<p[^>]*>\d+\. [^<]*</p>)", INV_HTML_BODY):
        m = re.match(r"<p[^>]*>(\d+)\. ", p)
        if m and int(m.group(1)) in after_question:
            p = p[:-4] + after_question[int(m.group(1))] + "</p>"
        out.append(p)
    return "".join(out)


aq = {q: f'&nbsp;<b><span style="color: rgb(0, 112, 192);">{esc(a)}</span></b>' for q, a in ans.items()}
html = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><style type="text/css" style="display:none;"> P {margin-top:0;margin-bottom:0;} </style></head>'
        '<body dir="ltr"><div class="elementToProof" style="font-family: Aptos, sans-serif; font-size: 12pt; color: rgb(0, 0, 0);">Answers in blue after each question.</div>'
        '<div class="elementToProof" style="font-family: Aptos, sans-serif; font-size: 12pt;"><br></div>'
        '<div id="Signature"><p>Jack Clarke<br>Consultant, North Hospice</p></div>'
        '<div id="appendonsend"></div><hr style="display:inline-block;width:98%" tabindex="-1">'
        '<div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt" color="#000000"><b>From:</b> Regional Palliative Care Audit Group &lt;survey@survey.test&gt;<br>'
        f'<b>Sent:</b> Monday, January 5, 2026 9:00 AM<br><b>To:</b> Clarke Jack &lt;jack.clarke@north-hospice.test&gt;<br><b>Subject:</b> {SUBJECT}</font><div>&nbsp;</div></div>'
        + owa_original(aq) + '</body></html>')
body = leaf("text/html", html)
case("heldback21_owa_blue_after_question_html_only", message("b2", ["Thread-Topic: " + SUBJECT, "Accept-Language: en-GB, en-US",
     "Content-Language: en-GB", "X-MS-Has-Attach:"], body, crlf=True), {
    "end_of_life": ok(True), "early_adjuvant": ok(False), "opioid_sparing": ok(True), "confidence": ok(4),
    "barriers": ok(["expertise", "side_effects"]), "written_protocol": ok(True), "shared_guidance": ok(False),
    "training": ok(True), "research": ok(True)},
    note="new Outlook, HTML only: bold blue answers after each question's text inside the unquoted original; Answer: lines empty")

# B3: Outlook desktop, mixed: some after the question, some on the Answer: line, an arrow after an option.
aq = {1: "Yes", 2: "No", 3: "No", 6: "Yes", 7: "Yes"}
oa = {4: "8", 8: "No", 9: "Yes"}
opt = {(5, "c"): "<--"}
case("heldback21_outlook_mixed_positions", outlook_desktop(
    "b3", ["Hi Asha,", "&nbsp;", "Done \u2013 answers in green below.".replace("\u2013", "&#8211;"), "&nbsp;", "Jack"],
    word_original(after_question={q: f"<span style='color:#00B050'> {a}</span>" for q, a in aq.items()},
                  on_answer={q: f"<span style='color:#00B050'> {a}</span>" for q, a in oa.items()},
                  after_option={k: f"<span style='color:#00B050'> &lt;--</span>" for k in opt}),
    "Hi Asha,\n\nDone \u2013 answers in green below.\n\nJack",
    flat_text(after_question=aq, on_answer=oa, after_option=opt)), {
    "end_of_life": ok(True), "early_adjuvant": ok(False), "opioid_sparing": ok(False), "confidence": ok(8),
    "barriers": ok(["side_effects"]), "written_protocol": ok(True), "shared_guidance": ok(True), "training": ok(False),
    "research": ok(True)},
    note="Outlook desktop: answers in green, some after the question text, some on the Answer: line, an arrow after option c")

# ===================== C. answers between the question and its split quoted Answer: =====================

# C1: Gmail, plain + HTML: the quote split after each question, the answer typed, then '> Answer:'.
ans = {1: "Yes", 2: "No", 3: "Yes", 4: "7", 5: "b", 6: "No", 7: "No", 8: "Yes", 9: "Yes", 10: "Thanks for doing this."}
text = "Hi, answers below.\n\n" + WROTE_GMAIL + "\n\n" + text_inline(before_answer=ans) + "\n"
html = ('<div dir="ltr">Hi, answers below.</div><br>' + gmail_quote_html(html_split(
    answers_before=ans, open_tag='<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">',
    close_tag="</blockquote>", wrap=lambda a: '<div><br></div><div>' + esc(a) + '</div><div><br></div>')))
case("heldback21_split_quote_gmail", gmail("c1", text, html), {
    "end_of_life": ok(True), "early_adjuvant": ok(False), "opioid_sparing": ok(True), "confidence": ok(7),
    "barriers": ok(["evidence"]), "written_protocol": ok(False), "shared_guidance": ok(False), "training": ok(True),
    "research": ok(True), "comments": ok("Thanks for doing this.")},
    note="Gmail: the doctor split the quote after each question's text; the answer stands between the question and its quoted Answer: line")

# C2: Apple Mail, split blockquotes, answers between question and Answer:.
ans = {1: "Yes", 2: "Yes", 3: "No", 4: "9", 5: "d", 6: "Yes", 7: "Yes", 8: "No", 9: "Yes"}
text = "Jack\n\n> " + WROTE_APPLE + "\n> \n" + text_inline(before_answer=ans).replace("\n>\n", "\n> \n") + "\n"
html = ('<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head><body style="overflow-wrap: break-word; -webkit-nbsp-mode: space; line-break: after-white-space;">'
        '<div>Jack</div><div><br><blockquote type="cite"><div>' + esc(WROTE_APPLE) + '</div><br class="Apple-interchange-newline"><div><div>'
        + html_split(answers_before=ans, wrap=lambda a: '<div><br></div><div>' + esc(a) + '</div><div><br></div>')
        + '</div></div></blockquote></div><br></body></html>')
b = "Apple-Mail=_" + boundary("", "c2", 8).upper() + "-5D1E-4F7A-B2C3-D4E5F6A7B8C9"
body = multipart("alternative", b, [leaf('text/plain; charset=us-ascii', text, charset="us-ascii"), leaf('text/html; charset=us-ascii', html, charset="us-ascii")])
case("heldback21_split_quote_apple_mail", message("c2", ["X-Mailer: Apple Mail (2.3826.300.87.4.3)"], body,
     subject="Re: " + SUBJECT, mime_version="1.0 (Mac OS X Mail 16.0 \\(3826.300.87.4.3\\))"), {
    "end_of_life": ok(True), "early_adjuvant": ok(True), "opioid_sparing": ok(False), "confidence": ok(9),
    "barriers": ok(["none"]), "written_protocol": ok(True), "shared_guidance": ok(True), "training": ok(False),
    "research": ok(True)},
    note="Apple Mail: blockquote type=cite split after each question; answers between the question and its Answer:")

# C3: Thunderbird flowed, split quotes, a long comment wrapped whose continuation starts with a number.
ans = {1: "yes", 2: "no", 3: "yes", 4: "6", 5: "a, b", 6: "yes", 7: "no", 8: "yes", 9: "yes",
       10: "We audited our use last year and found it was started in hospital far more often than in the community, "
           "\x0110 of 12 starts were on the ward."}
text = WROTE_TB + "\n" + text_inline(before_answer=ans) + "\n"
body = leaf("text/plain; charset=UTF-8; format=flowed", flow(text), cte="7bit")
case("heldback21_split_quote_thunderbird_flowed", message("c3", ["User-Agent: Mozilla Thunderbird", "Content-Language: en-GB"], body,
     subject="Re: " + SUBJECT), {
    "end_of_life": ok(True), "early_adjuvant": ok(False), "opioid_sparing": ok(True), "confidence": ok(6),
    "barriers": ok(["expertise", "evidence"]), "written_protocol": ok(True), "shared_guidance": ok(False),
    "training": ok(True), "research": ok(True), "comments": ok(ans[10].replace("\x01", ""))},
    note="Thunderbird flowed: answers between each quoted question and its quoted Answer:; the comment's soft-broken continuation is not an answer to 10 or 12")

# ===================== D. Outlook comment marking =====================

MARK = "<b><i><span style='color:#7030A0'>[Clarke, Jack] </span></i></b><span style='color:#7030A0'>{}</span>"
ans = {1: "Yes", 2: "No", 3: "Yes", 4: "7", 5: "a, b", 6: "No", 7: "No", 8: "Yes", 9: "Yes",
       10: "A regional study day would help more than written guidance."}
case("heldback21_outlook_comment_marking", outlook_desktop(
    "d1", ["Answers marked below.", "&nbsp;", "Jack"],
    word_original(on_answer={q: " " + MARK.format(esc(a)) for q, a in ans.items()}),
    "Answers marked below.\n\nJack", flat_text(on_answer={q: "[Clarke, Jack] " + a for q, a in ans.items()})), {
    "end_of_life": ok(True), "early_adjuvant": ok(False), "opioid_sparing": ok(True), "confidence": ok(7),
    "barriers": ok(["expertise", "evidence"]), "written_protocol": ok(False), "shared_guidance": ok(False),
    "training": ok(True), "research": ok(True), "comments": ok("A regional study day would help more than written guidance.")},
    note="Outlook's 'mark my comments with' prefix: Answer: [Clarke, Jack] ...; the bracketed name is not part of the answer")

NAME = "[CLARKE, Jack (NORTH HOSPICE NHS FOUNDATION TRUST)]"
MARK2 = "<b><i><span style='color:#C00000'>" + esc(NAME) + "</span></i></b><span style='color:#C00000'> {}</span>"
ans = {1: "No", 2: "No", 3: "No", 4: "2", 5: "A", 6: "No", 7: "No", 8: "Yes", 9: "Yes", 10: "Never had the chance to use it."}
case("heldback21_outlook_comment_marking_trust_name", outlook_desktop(
    "d2", ["Hello,", "&nbsp;", "My replies are inline, marked with my name.", "&nbsp;", "Regards", "Jack Clarke", "Specialty Doctor"],
    word_original(below_answer={q: MARK2.format(esc(a)) for q, a in ans.items()}),
    "Hello,\n\nMy replies are inline, marked with my name.\n\nRegards\nJack Clarke\nSpecialty Doctor",
    flat_text(below_answer={q: NAME + " " + a for q, a in ans.items()})), {
    "end_of_life": ok(False), "early_adjuvant": ok(False), "opioid_sparing": ok(False), "confidence": ok(2),
    "barriers": ok(["expertise"]), "written_protocol": ok(False), "shared_guidance": ok(False), "training": ok(True),
    "research": ok(True), "comments": ok("Never had the chance to use it.")},
    note="Outlook comment marking with an NHS display name (capitals, trust in brackets) on the line below each Answer:; the label is not an answer (not 'No', not a number)")

# D3: comment marking after the question's own text (no Answer: line used).
MARK3 = " <b><i><span style='color:#0070C0'>[Clarke, Jack]</span></i></b><span style='color:#0070C0'> {}</span>"
ans = {1: "Yes", 2: "Yes", 3: "No", 4: "5", 5: "b and c", 6: "Yes", 7: "No", 8: "Yes", 9: "No"}
case("heldback21_outlook_comment_marking_after_question", outlook_desktop(
    "d3", ["Hi,", "&nbsp;", "Replies marked in the text below.", "&nbsp;", "Jack"],
    word_original(after_question={q: MARK3.format(esc(a)) for q, a in ans.items()}),
    "Hi,\n\nReplies marked in the text below.\n\nJack", flat_text(after_question={q: "[Clarke, Jack] " + a for q, a in ans.items()})), {
    "end_of_life": ok(True), "early_adjuvant": ok(True), "opioid_sparing": ok(False), "confidence": ok(5),
    "barriers": ok(["evidence", "side_effects"]), "written_protocol": ok(True), "shared_guidance": ok(False),
    "training": ok(True), "research": ok(False)},
    note="Outlook comment marking typed after each question's own text, Answer: lines empty")
