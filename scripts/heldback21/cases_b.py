"""Answers with their reasons; frequency for 'have you'; summaries;
tables and compact codes."""
from lib import *


def apple_iphone(name, text, html=None, mailer="iPhone Mail (22B83)"):
    if html is None:
        body = leaf("text/plain", text)
    else:
        b = "Apple-Mail-" + boundary("", name, 8).upper() + "-7C1D-4E2F-8A9B-C0D1E2F3A4B5"
        body = multipart("alternative", b, [leaf("text/plain", text), leaf("text/html", html)])
    return message(name, [f"X-Mailer: {mailer}"], body, subject="Re: " + SUBJECT)


def iphone_html(top_lines, tail="Sent from my iPhone"):
    return ('<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head><body dir="auto">'
            + "".join(f'<div dir="ltr">{esc(l) if l else "<br>"}</div>' for l in top_lines)
            + f'<div dir="ltr"><br></div><div dir="ltr">{tail}</div><div dir="ltr"><br><blockquote type="cite">'
            + esc(WROTE_APPLE) + '<br><br></blockquote></div><blockquote type="cite"><div dir="ltr">' + INV_HTML_BODY
            + '</div></blockquote></body></html>')


def gmail_top(name, lines, sign=("Best,", "Jack"), **kw):
    text = "\n".join(lines) + "\n\n" + "\n".join(sign) + "\n\n" + WROTE_GMAIL + "\n\n" + quote(INV_TEXT) + "\n"
    html = ('<div dir="ltr">' + "".join(f"<div>{esc(l) if l else '<br>'}</div>" for l in lines) + "<div><br></div>"
            + "".join(f"<div>{esc(l)}</div>" for l in sign) + "</div><br>" + gmail_quote_html(INV_HTML_BODY))
    return gmail(name, text, html, **kw)


# ===================== E. an answer followed by its reason =====================

lines = ["1. Yes - but only when opioids alone have not worked",
         "2. No, not early on \u2013 only once opioids have failed",
         "3. Yes, when patients became toxic on morphine",
         "4. 6 - I still check every dose with pharmacy",
         "5. b - there is no good trial evidence, expertise is not the problem",
         "6. No, we are not allowed to until pharmacy approves one",
         "7. No, none that I know of",
         "8. Yes, no formal training so far",
         "9. Yes - there is no RCT evidence at all"]
case("heldback21_reason_negations_gmail", gmail_top("e1", lines), {
    "end_of_life": ok(True), "early_adjuvant": ok(False), "opioid_sparing": ok(True), "confidence": ok(6),
    "barriers": ok(["evidence"]), "written_protocol": ok(False), "shared_guidance": ok(False), "training": ok(True),
    "research": ok(True)},
    note="each answer then its reason; the reasons carry negations ('not', 'no formal training', 'no RCT evidence') and another option's word ('expertise is not the problem')")

below = {1: "Yes \u2013 typically 100-150 mg/24h via syringe driver",
         2: "Yes, 10 mg orally three times a day alongside morphine",
         3: "No - we rotate to methadone 5 mg bd instead",
         4: "7 (I have prescribed it about 20 times)",
         5: "c \u2013 hallucinations in 2 of our last 5 patients",
         6: "Yes, version 3, reviewed 2024",
         7: "No",
         8: "Yes",
         9: "Yes, at least 1 good RCT is needed"}
ttext = "See answers below each question.\n\nJack"
case("heldback21_reason_doses_outlook_below", outlook_desktop(
    "e2", ["See answers below each question.", "&nbsp;", "Jack"],
    word_original(below_answer={q: f"<span style='color:#C00000'>{esc(a)}</span>" for q, a in below.items()}),
    ttext, flat_text(below_answer=below)), {
    "end_of_life": ok(True), "early_adjuvant": ok(True), "opioid_sparing": ok(False), "confidence": ok(7),
    "barriers": ok(["side_effects"]), "written_protocol": ok(True), "shared_guidance": ok(False), "training": ok(True),
    "research": ok(True)},
    note="Outlook desktop, answers in red below each empty Answer:, followed by doses, ranges, counts and years in the reason: the answer is the part before the reason")

lines = ["1 yes, at the very end of life with a syringe driver",
         "2 no, never as a first step",
         "3 yes, side effects were the reason every time",
         "4 5",
         "5 a, because the evidence is fine but nobody here has used it much",
         "6 yes - no community version though",
         "7 no, because the protocol is only for inpatients",
         "8 yes, definitely, we have no one trained",
         "9 yes, no doubt"]
text = "\n".join(lines) + "\n\nSent from my iPad\n\n> " + WROTE_APPLE + "\n> \n" + quote(INV_TEXT) + "\n"
case("heldback21_reason_other_options_words_ipad", apple_iphone("e3", text, iphone_html(lines, "Sent from my iPad"), mailer="iPad Mail (22B83)"), {
    "end_of_life": ok(True), "early_adjuvant": ok(False), "opioid_sparing": ok(True), "confidence": ok(5),
    "barriers": ok(["expertise"]), "written_protocol": ok(True), "shared_guidance": ok(False), "training": ok(True),
    "research": ok(True)},
    note="iPad: reasons after a comma carry other questions' and options' words ('side effects', 'evidence', 'protocol', 'community') and negations; the answer is the part before")

ans = {1: "Yes, 3 or 4 times a year", 2: "No, 0 cases in the last 2 years", 3: "Yes", 4: "8, I have used it for 10+ years",
       5: "b, only 2 small trials", 6: "No", 7: "No", 8: "No, I trained 5 years ago", 9: "Yes"}


def owa_on_answer(answers, colour="rgb(0, 120, 212)"):
    body, q, out = INV_HTML_BODY, 0, []
    for p in re.split(r"(<p[^>]*>(?:\d+\. [^<]*|Answer:)</p>)", body):
        m = re.match(r"<p[^>]*>(\d+)\. ", p)
        if m:
            q = int(m.group(1))
        if p.endswith(">Answer:</p>") and q in answers:
            p = p[:-4] + f' <span style="color: {colour};">{esc(answers[q])}</span></p>'
        out.append(p)
    return "".join(out)


html = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body dir="ltr">'
        '<div style="font-family: Aptos, sans-serif; font-size: 12pt;">Answers added after each Answer: below.</div>'
        '<div id="appendonsend"></div><hr style="display:inline-block;width:98%" tabindex="-1">'
        '<div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt" color="#000000"><b>From:</b> Regional Palliative Care Audit Group &lt;survey@survey.test&gt;<br>'
        f'<b>Sent:</b> Monday, January 5, 2026 9:00 AM<br><b>To:</b> Clarke Jack &lt;jack.clarke@north-hospice.test&gt;<br><b>Subject:</b> {SUBJECT}</font><div>&nbsp;</div></div>'
        + owa_on_answer(ans) + '</body></html>')
case("heldback21_reason_numbers_owa", message("e4", ["Thread-Topic: " + SUBJECT, "Content-Language: en-GB", "X-MS-Has-Attach:"],
     leaf("text/html", html, cte="base64"), crlf=True), {
    "end_of_life": ok(True), "early_adjuvant": ok(False), "opioid_sparing": ok(True), "confidence": ok(8),
    "barriers": ok(["evidence"]), "written_protocol": ok(False), "shared_guidance": ok(False), "training": ok(False),
    "research": ok(True)},
    note="Outlook on the web, base64 HTML: answers on the Answer: lines, each followed after a comma by a reason with numbers ('8, I have used it for 10+ years' is 8)")

# ===================== F. frequency for 'have you' =====================

lines = ["1. Once, for a patient with a neuropathic pain crisis", "2. A few times", "3. Only the once",
         "4. 5", "5. a", "6. No", "7. No", "8. Yes", "9. Yes"]
case("heldback21_frequency_once_gmail", gmail_top("f1", lines, sign=("Thanks,", "Jack")), {
    "end_of_life": ok(True), "early_adjuvant": ok(True), "opioid_sparing": ok(True), "confidence": ok(5),
    "barriers": ok(["expertise"]), "written_protocol": ok(False), "shared_guidance": ok(False), "training": ok(True),
    "research": ok(True)},
    note="'once', 'a few times', 'only the once' answer 'Have you used ...?' questions: yes")

ans = {1: "Just the once", 2: "A handful of times", 3: "Several times, mostly in the hospice", 4: "6", 5: "b, c",
       6: "Yes", 7: "No", 8: "Yes", 9: "A few times"}
text = "Answers inline.\n\n" + WROTE_GMAIL + "\n" + text_inline(answers=ans) + "\n"
case("heldback21_frequency_words_inline", message("f2", ["User-Agent: Mutt/2.2.13 (2024-03-09)"],
     leaf("text/plain; charset=us-ascii", text, cte="7bit"), subject="Re: " + SUBJECT), {
    "end_of_life": ok(True), "early_adjuvant": ok(True), "opioid_sparing": ok(True), "confidence": ok(6),
    "barriers": ok(["evidence", "side_effects"]), "written_protocol": ok(True), "shared_guidance": ok(False),
    "training": ok(True), "research": UNCLEAR},
    note="frequency words are yes to 'Have you ...' questions; 'A few times' to 'Do you feel further research ... is needed?' makes no sense: unclear")

# ===================== G. summaries =====================

lines = ["Yes to all but 2 and 7.", "Confidence 6/10, barriers a and b."]
case("heldback21_yes_all_but_with_extras_gmail", gmail_top("g1", lines, sign=("Jack",)), {
    "end_of_life": ok(True), "early_adjuvant": ok(False), "opioid_sparing": ok(True), "confidence": ok(6),
    "barriers": ok(["expertise", "evidence"]), "written_protocol": ok(True), "shared_guidance": ok(False),
    "training": ok(True), "research": ok(True)},
    note="'yes to all but 2 and 7': the exceptions are no; the scale and the choice are given apart")

html = ('<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head><body dir="auto">'
        '<div dir="ltr">Yes to all except 3 and 6</div><div dir="ltr"><br></div><div dir="ltr">Sent from my iPhone</div>'
        '<div dir="ltr"><br><blockquote type="cite">' + esc(WROTE_APPLE) + '<br><br></blockquote></div>'
        '<blockquote type="cite"><div dir="ltr">' + INV_HTML_BODY + '</div></blockquote></body></html>')
case("heldback21_yes_all_except_iphone_html", message("g2", ["X-Mailer: iPhone Mail (22B83)"], leaf("text/html", html), subject="Re: " + SUBJECT), {
    "end_of_life": ok(True), "early_adjuvant": ok(True), "opioid_sparing": ok(False), "confidence": UNCLEAR,
    "barriers": UNCLEAR, "written_protocol": ok(False), "shared_guidance": ok(True), "training": ok(True),
    "research": ok(True)},
    note="'Yes to all except 3 and 6' alone: yes/no questions read, the exceptions no; 'yes' cannot answer the scale or the choice, so those are asked about (unclear), not guessed")

lines = ["No to everything apart from 8 and 9, which are yes.", "", "4. 2", "5. a"]
text = "\n".join(lines) + "\n\nJack Clarke\n\n-----Original Message-----\n" + OUTLOOK_FROM_TEXT + "\n" + INV_TEXT + "\n"
case("heldback21_no_all_apart_from_outlook_text", message("g3", ["X-Mailer: Microsoft Outlook 16.0", "Thread-Index: AdqBcDeFgHiJ=="],
     leaf('text/plain; charset="us-ascii"', text, charset="us-ascii"), crlf=True), {
    "end_of_life": ok(False), "early_adjuvant": ok(False), "opioid_sparing": ok(False), "confidence": ok(2),
    "barriers": ok(["expertise"]), "written_protocol": ok(False), "shared_guidance": ok(False), "training": ok(True),
    "research": ok(True)},
    note="'No to everything apart from 8 and 9, which are yes' (the mirror form), with 4 and 5 answered by number")

lines = ["All yes except the community guidance one. Confidence 8, no barriers."]
text = "\n".join(lines) + "\n\nJ\n\n" + WROTE_TB + "\n" + quote(INV_TEXT) + "\n"
case("heldback21_all_yes_except_by_words_thunderbird", message("g4", ["User-Agent: Mozilla Thunderbird", "Content-Language: en-GB"],
     leaf("text/plain; charset=UTF-8; format=flowed", flow(text), cte="7bit"), subject="Re: " + SUBJECT), {
    "end_of_life": ok(True), "early_adjuvant": ok(True), "opioid_sparing": ok(True), "confidence": ok(8),
    "barriers": ok(["none"]), "written_protocol": ok(True), "shared_guidance": ok(False), "training": ok(True),
    "research": ok(True)},
    note="'All yes except the community guidance one': the exception named by the question's words; confidence and 'no barriers' given")

# ===================== H. tables =====================

table = ["| Q  | Answer                          |",
         "|----|---------------------------------|",
         "| 1  | Yes                             |",
         "| 2  | No                              |",
         "| 3  | Yes                             |",
         "| 4  | 7                               |",
         "| 5  | a, c                            |",
         "| 6  | Yes                             |",
         "| 7  | No                              |",
         "| 8  | Yes                             |",
         "| 9  | Yes                             |",
         "| 10 | Would value a regional study day |"]
text = "Hi,\n\nMy answers:\n\n" + "\n".join(table) + "\n\nJack\n\n" + WROTE_GMAIL + "\n\n" + quote(INV_TEXT) + "\n"
html = ('<div dir="ltr"><div>Hi,</div><div><br></div><div>My answers:</div><div><br></div><div><font face="monospace">'
        + "<br>".join(esc(l).replace("  ", "&nbsp; ") for l in table) + '</font></div><div><br></div><div>Jack</div></div><br>'
        + gmail_quote_html(INV_HTML_BODY))
case("heldback21_pipe_table_gmail", gmail("h1", text, html), {
    "end_of_life": ok(True), "early_adjuvant": ok(False), "opioid_sparing": ok(True), "confidence": ok(7),
    "barriers": ok(["expertise", "side_effects"]), "written_protocol": ok(True), "shared_guidance": ok(False),
    "training": ok(True), "research": ok(True), "comments": ok("Would value a regional study day")},
    note="a plain-text table drawn with pipes, header and rule line, padded cells")

table = ["Question                     | Answer",
         "-----------------------------+-------",
         "1 End of life                | Y",
         "2 Early adjuvant             | N",
         "3 Opioid dose reduction      | Y",
         "4 Confidence (0-10)          | 4",
         "5 Barriers                   | b",
         "6 Written protocol           | N",
         "7 Shared community guidance  | N",
         "8 Training                   | Y",
         "9 Research                   | Y"]
text = "\n".join(table) + "\n\nRegards\nJack Clarke\n\n-----Original Message-----\n" + OUTLOOK_FROM_TEXT + "\n" + INV_TEXT + "\n"
case("heldback21_pipe_table_labels_outlook_text", message("h2", ["X-Mailer: Microsoft Outlook 16.0"],
     leaf('text/plain; charset="us-ascii"', text, charset="us-ascii"), crlf=True), {
    "end_of_life": ok(True), "early_adjuvant": ok(False), "opioid_sparing": ok(True), "confidence": ok(4),
    "barriers": ok(["evidence"]), "written_protocol": ok(False), "shared_guidance": ok(False), "training": ok(True),
    "research": ok(True)},
    note="a pipe table with a number and short label per row and Y/N answers; the '(0-10)' in a label is not an answer")

rows = ["1\tYes", "2\tYes", "3\tNo", "4\t8", "5\ta, b", "6\tYes", "7\tNo", "8\tNo", "9\tYes"]
text = "Pasted from my spreadsheet:\n\n" + "\n".join(rows) + "\n\nJack\n\n" + WROTE_GMAIL + "\n\n" + quote(INV_TEXT) + "\n"
html = ('<div dir="ltr"><div>Pasted from my spreadsheet:</div><div><br></div><table border="0" cellpadding="0" cellspacing="0" width="128" style="border-collapse:collapse;width:96pt"><tbody>'
        + "".join(f'<tr style="height:15pt"><td height="20" align="right" style="height:15pt;width:48pt">{r.split(chr(9))[0]}</td><td style="width:48pt">{esc(r.split(chr(9))[1])}</td></tr>' for r in rows)
        + '</tbody></table><div><br></div><div>Jack</div></div><br>' + gmail_quote_html(INV_HTML_BODY))
case("heldback21_spreadsheet_paste_gmail", gmail("h3", text, html), {
    "end_of_life": ok(True), "early_adjuvant": ok(True), "opioid_sparing": ok(False), "confidence": ok(8),
    "barriers": ok(["expertise", "evidence"]), "written_protocol": ok(True), "shared_guidance": ok(False),
    "training": ok(False), "research": ok(True)},
    note="cells pasted from a spreadsheet: tab-separated in the text part, an HTML table in the other")

# ===================== I. compact codes on one line =====================

text = "1y 2n 3y 4-7 5-a,c 6n 7n 8y 9y\n\nSent from my iPhone\n\n> " + WROTE_APPLE + "\n> \n" + quote(INV_TEXT) + "\n"
case("heldback21_codes_one_line_iphone", apple_iphone("i1", text, iphone_html(["1y 2n 3y 4-7 5-a,c 6n 7n 8y 9y"])), {
    "end_of_life": ok(True), "early_adjuvant": ok(False), "opioid_sparing": ok(True), "confidence": ok(7),
    "barriers": ok(["expertise", "side_effects"]), "written_protocol": ok(False), "shared_guidance": ok(False),
    "training": ok(True), "research": ok(True)},
    note="question numbers with one-letter answers on one line ('4-7' is 7 for question 4, not a range)")

text = ("Q1 Y, Q2 Y, Q3 N, Q4 8, Q5 B, Q6 Y, Q7 N, Q8 N, Q9 Y\n\nJack\n\n-----Original Message-----\n" + OUTLOOK_FROM_TEXT
        + "\n" + INV_TEXT + "\n")
case("heldback21_codes_q_prefix_commas_outlook", message("i2", ["X-Mailer: Microsoft Outlook 16.0"],
     leaf('text/plain; charset="us-ascii"', text, charset="us-ascii"), crlf=True), {
    "end_of_life": ok(True), "early_adjuvant": ok(True), "opioid_sparing": ok(False), "confidence": ok(8),
    "barriers": ok(["evidence"]), "written_protocol": ok(True), "shared_guidance": ok(False), "training": ok(False),
    "research": ok(True)},
    note="Q-codes with one-letter answers, comma-separated on one line")

text = "yes, no, yes, 7, a c, no, no, yes, yes\n\nJack\n\n" + WROTE_GMAIL + "\n\n" + quote(INV_TEXT) + "\n"
html = '<div dir="ltr">yes, no, yes, 7, a c, no, no, yes, yes<div><br></div><div>Jack</div></div><br>' + gmail_quote_html(INV_HTML_BODY)
case("heldback21_trap_bare_one_line_gmail", gmail("i3", text, html), {
    "end_of_life": INF(True), "early_adjuvant": INF(False), "opioid_sparing": INF(True), "confidence": INF(7),
    "barriers": INF(["expertise", "side_effects"]), "written_protocol": INF(False), "shared_guidance": INF(False),
    "training": INF(True), "research": INF(True)},
    note="bare answers in order on one line, no numbers: plausible in order, but only ever inferred (confirmed by the doctor), never certain")

# G5: 'no.' meaning number inside a summary.
lines = ["Yes to all apart from no. 2 and no. 7.", "Q4: 8", "Q5: a"]
text = "\n".join(lines) + "\n\nKind regards\nJack\n\n-----Original Message-----\n" + OUTLOOK_FROM_TEXT + "\n" + INV_TEXT + "\n"
case("heldback21_yes_all_apart_from_no_dot_outlook_text", message("g5", ["X-Mailer: Microsoft Outlook 16.0"],
     leaf('text/plain; charset="us-ascii"', text, charset="us-ascii"), crlf=True), {
    "end_of_life": ok(True), "early_adjuvant": ok(False), "opioid_sparing": ok(True), "confidence": ok(8),
    "barriers": ok(["expertise"]), "written_protocol": ok(True), "shared_guidance": ok(False), "training": ok(True),
    "research": ok(True)},
    note="'Yes to all apart from no. 2 and no. 7': 'no.' is 'number' here; 2 and 7 are the exceptions (no), the rest yes")
