#!/usr/bin/env python3
"""Writes tests/fixtures/replies/NAME.eml + NAME.json: replies to a REAL
invitation (tests/fixtures/sources/invitation-jack.eml, from `mailsurvey
preview --survey config/example.toml --recipient jack.clarke@north-hospice.test`)
quoted the way each mail client quotes, plus auto-replies and bounces (one
a real Postfix DSN from the local mail stack, sources/postfix-dsn.eml).

The generated files are committed; rerun only to change the corpus:
    python3 scripts/make-reply-fixtures.py
It writes only its own cases: the corpus holds the cases of the other
make-reply-fixtures-*.py scripts (which reuse its helpers, `write_cases`
and `flowed` among them) and some written by hand, so a case renamed here
leaves its old files to delete by hand.
"""
import email, email.policy, json, os, re, shutil
from email.message import EmailMessage
from email.utils import format_datetime
import datetime

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SRC = os.path.join(ROOT, "tests/fixtures/sources")
OUT = os.path.join(ROOT, "tests/fixtures/replies")
TOKEN = "kv2h4aqxmvoeav4e7oxmo74mkeafjul6"
REPLY_TO = f"survey+{TOKEN}@survey.test"
INV_ID = f"<invitation.1.{TOKEN}@survey.test>"
SUBJECT = "Survey: ketamine use in specialist palliative care (5 minutes)"
DOCTOR = '"Dr Jack Clarke" <jack.clarke@north-hospice.test>'
SURVEY = '"Regional Palliative Care Audit Group" <survey@survey.test>'
IDS = ["end_of_life", "early_adjuvant", "opioid_sparing", "confidence", "barriers",
       "written_protocol", "shared_guidance", "training", "research", "comments"]
REQUIRED = IDS[:9]

inv = email.message_from_bytes(open(os.path.join(SRC, "invitation-jack.eml"), "rb").read(), policy=email.policy.default)
INV_TEXT = inv.get_body(("plain",)).get_content().replace("\r\n", "\n")
INV_HTML = inv.get_body(("html",)).get_content().replace("\r\n", "\n")
INV_HTML_BODY = re.search(r"<body[^>]*>(.*)</body>", INV_HTML, re.S).group(1)
DATE = "Mon, 5 Jan 2026 09:00:00 +0000"
WROTE = "On Mon, 5 Jan 2026 at 09:00, Regional Palliative Care Audit Group <survey@survey.test> wrote:"

def quote(text, prefix="> "):
    return "\n".join((prefix + l).rstrip() if l else prefix.rstrip() for l in text.split("\n"))

def text_inline(answers, on_line=False, prefix="> "):
    """The invitation's text, quoted, with the doctor's answers typed below
    (or on) each `Answer:` line."""
    out, q = [], 0
    for line in INV_TEXT.split("\n"):
        m = re.match(r"^(\d+)\. ", line)
        if m:
            q = int(m.group(1))
        if line == "Answer:" and q in answers:
            if on_line:
                out.append(prefix + "Answer: " + answers[q])
            else:
                out.append(prefix.rstrip() + " Answer:" if prefix.strip() else "Answer:")
                out.extend(answers[q].split("\n"))
                out.append("")
            continue
        out.append((prefix + line).rstrip() if line else prefix.rstrip())
    return "\n".join(out)

def html_inline_split(answers, open_tag, close_tag):
    """The invitation's HTML with the quote split after each answered
    `Answer:` paragraph, the answer unquoted between (Gmail, Thunderbird)."""
    body, q, out = INV_HTML_BODY, 0, []
    parts = re.split(r"(<p[^>]*>(?:\d+\. [^<]*|Answer:)</p>)", body)
    for p in parts:
        m = re.match(r"<p[^>]*>(\d+)\. ", p)
        if m:
            q = int(m.group(1))
        out.append(p)
        if p.endswith(">Answer:</p>") and q in answers:
            out.append(close_tag + "<div>" + answers[q].replace("\n", "<br>") + "</div>" + open_tag)
    return "".join(out)

def html_inline_same_paragraph(answers, style="color:#C00000"):
    body, q, out = INV_HTML_BODY, 0, []
    for p in re.split(r"(<p[^>]*>(?:\d+\. [^<]*|Answer:)</p>)", body):
        m = re.match(r"<p[^>]*>(\d+)\. ", p)
        if m:
            q = int(m.group(1))
        if p.endswith(">Answer:</p>") and q in answers:
            p = p[:-4] + f' <span style="{style}">{answers[q]}</span></p>'
        out.append(p)
    return "".join(out)

def text_top(lines):
    return "\n".join(lines)

OUTLOOK_HEADER_TEXT = f"""From: Regional Palliative Care Audit Group <survey@survey.test>
Sent: 05 January 2026 09:00
To: Clarke Jack <jack.clarke@north-hospice.test>
Subject: {SUBJECT}
"""
OUTLOOK_HEADER_HTML = f"""<div id="divRplyFwdMsg" dir="ltr"><hr style="display:inline-block;width:98%">
<font face="Calibri, sans-serif" style="font-size:11pt" color="#000000"><b>From:</b> Regional Palliative Care Audit Group &lt;survey@survey.test&gt;<br>
<b>Sent:</b> Monday, January 5, 2026 9:00 AM<br><b>To:</b> Clarke Jack &lt;jack.clarke@north-hospice.test&gt;<br>
<b>Subject:</b> {SUBJECT}</font><div>&nbsp;</div></div>"""

def message(name, *, frm=DOCTOR, to=f'"Regional Palliative Care Audit Group" <{REPLY_TO}>', subject="Re: " + SUBJECT,
            in_reply_to=INV_ID, text=None, html=None, charset="utf-8", cte="quoted-printable", headers=(),
            attachments=(), mailer=None):
    m = EmailMessage(policy=email.policy.SMTP)
    m["From"] = frm
    m["To"] = to
    m["Subject"] = subject
    m["Date"] = "Tue, 6 Jan 2026 10:12:00 +0000"
    m["Message-ID"] = f"<{name}.fixture@north-hospice.test>"
    if in_reply_to:
        m["In-Reply-To"] = in_reply_to
        m["References"] = in_reply_to
    if mailer:
        m["X-Mailer"] = mailer
    for k, v in headers:
        m[k] = v
    if text is not None:
        m.set_content(text, charset=charset, cte=cte)
        if html is not None:
            m.add_alternative(html, subtype="html", charset=charset, cte=cte)
    elif html is not None:
        m.set_content(html, subtype="html", charset=charset, cte=cte)
    for data, maintype, subtype, filename in attachments:
        m.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
    # Fixed boundaries, so regenerating changes only what changed.
    for i, part in enumerate(p for p in m.walk() if p.is_multipart()):
        part.set_boundary(f"=_{name}_{i}")
    return m.as_bytes()

CASES = []

def case(name, raw, kind="reply", token=TOKEN, answers=None, missing=None, bounced=None, note=""):
    answers = answers or {}
    if missing is None:
        missing = [i for i in REQUIRED if i not in answers] if kind == "reply" else []
    CASES.append((name, raw, {"note": note, "kind": kind, "token": token, "bounced_recipient": bounced,
                              "answers": answers, "missing": missing}))

def ok(value, other=None):
    a = {"status": "ok", "value": value}
    if other is not None:
        a["other"] = other
    return a

UNCLEAR = {"status": "unclear", "value": None}
INVALID = {"status": "invalid", "value": None}

FULL = {1: "Yes", 2: "No", 3: "Yes, frequently", 4: "7", 5: "a, c", 6: "yes", 7: "no", 8: "Yes", 9: "yes",
        10: "Useful survey, thanks."}
FULL_EXPECT = {"end_of_life": ok(True), "early_adjuvant": ok(False), "opioid_sparing": ok(True, "frequently"),
               "confidence": ok(7), "barriers": ok(["expertise", "side_effects"]), "written_protocol": ok(True),
               "shared_guidance": ok(False), "training": ok(True), "research": ok(True),
               "comments": ok("Useful survey, thanks.")}
NINE = {k: v for k, v in FULL.items() if k < 10}
NINE_EXPECT = {k: v for k, v in FULL_EXPECT.items() if k != "comments"}

def gmail_html(top_html, quoted_html):
    return (f'<div dir="ltr">{top_html}</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">'
            f'{WROTE.replace("<", "&lt;").replace(">", "&gt;")}<br></div><blockquote class="gmail_quote" '
            f'style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">{quoted_html}</blockquote></div>')

# ---- Gmail ----
text = "Answers below.\n\n" + WROTE + "\n\n" + text_inline(FULL) + "\n"
html = gmail_html("Answers below.", html_inline_split(FULL, '<blockquote class="gmail_quote">', "</blockquote>"))
case("gmail_inline", message("gmail_inline", text=text, html=html), answers=FULL_EXPECT, note="Gmail: answers typed below each quoted Answer: line")

top = ["1. yes", "2. no", "3. Yes, frequently", "4. 7/10", "5. a and c", "6. yes", "7. no", "8. yes", "9. yes", "10. Useful survey, thanks."]
text = "\n".join(top) + "\n\nBest wishes,\nJack\n\n" + WROTE + "\n\n" + quote(INV_TEXT) + "\n"
html = gmail_html("<br>".join(top) + "<br><br>Best wishes,<br>Jack", INV_HTML_BODY)
case("gmail_top_list", message("gmail_top_list", text=text, html=html), answers=FULL_EXPECT, note="answers listed at the top, quoted original below")

top = ["1 yes", "2 no", "3 yes, frequently", "4 7", "5 a c", "6 yes", "7 no", "8 yes", "9 yes"]
text = "Hi,\n\n" + "\n".join(top) + "\n\nJack\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n"
case("gmail_top_bare_numbers", message("gmail_top_bare_numbers", text=text, html=gmail_html("<br>".join(top), INV_HTML_BODY)),
     answers=NINE_EXPECT, note="`1 yes` form without punctuation")

top = ["Q1: yes", "Q2: no", "Q3: yes, frequently", "Q4: 7 out of 10", "Q5: A C", "Q6: Yes", "Q7: No", "Q8: Yes", "Q9: Yes", "Q10: Useful survey, thanks."]
text = "\n".join(top) + "\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n"
case("gmail_q_prefix", message("gmail_q_prefix", text=text, html=gmail_html("<br>".join(top), INV_HTML_BODY)), answers=FULL_EXPECT)

top = ["1) y", "2 - n", "3) yes - frequently", "4 - 7", "5) a & c", "6) Y", "7 - N", "8) yes", "9 - yes"]
e = dict(NINE_EXPECT); e["opioid_sparing"] = ok(True, "frequently")
text = "\n".join(top) + "\n\nThanks\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n"
case("gmail_top_mixed_punctuation", message("gmail_top_mixed_punctuation", text=text, html=gmail_html("<br>".join(top), INV_HTML_BODY)), answers=e)

text = WROTE + "\n" + text_inline(FULL, on_line=True) + "\n"
case("answer_on_quoted_line", message("answer_on_quoted_line", text=text, mailer="Mutt/2.2.12"), answers=FULL_EXPECT,
     note="answers typed onto the quoted `> Answer:` line")

lines = WROTE.split(" <")
text = "Here you go.\n\n" + lines[0] + " <\n" + lines[1] + "\n\n" + text_inline(NINE) + "\n"
case("gmail_wrote_two_lines", message("gmail_wrote_two_lines", text=text), answers=NINE_EXPECT, note="attribution broken over two lines")

yn = {1: "y", 2: "N", 3: "never", 4: "10/10", 5: "d", 6: "YES please", 7: "Nope", 8: "no thanks", 9: "Yes - definitely"}
text = WROTE + "\n" + text_inline(yn) + "\n"
case("yes_no_variants", message("yes_no_variants", text=text), answers={
    "end_of_life": ok(True), "early_adjuvant": ok(False), "opioid_sparing": ok(False), "confidence": ok(10),
    "barriers": ok(["none"]), "written_protocol": ok(True), "shared_guidance": ok(False), "training": ok(False, "thanks"),
    "research": ok(True, "definitely")})

# ---- Outlook ----
html = ('<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{margin:0cm}</style></head>'
        '<body lang="EN-GB"><div class="WordSection1"><p class="MsoNormal">Please see my answers below in red.<o:p></o:p></p>'
        '<p class="MsoNormal"><o:p>&nbsp;</o:p></p><p class="MsoNormal">Kind regards<o:p></o:p></p><p class="MsoNormal">Jack Clarke<o:p></o:p></p>'
        '<p class="MsoNormal">Consultant in Palliative Medicine<o:p></o:p></p>'
        '<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm"><p class="MsoNormal"><b>From:</b> Regional Palliative Care Audit Group &lt;survey@survey.test&gt; <br>'
        f'<b>Sent:</b> 05 January 2026 09:00<br><b>To:</b> Clarke Jack &lt;jack.clarke@north-hospice.test&gt;<br><b>Subject:</b> {SUBJECT}<o:p></o:p></p></div>'
        + html_inline_same_paragraph(FULL) + '</div></body></html>')
case("outlook_desktop_html_inline", message("outlook_desktop_html_inline", html=html, mailer="Microsoft Outlook 16.0",
     headers=[("X-Auto-Response-Suppress", "All"), ("Thread-Index", "AdqAbCdEfGh==")]), answers=FULL_EXPECT,
     note="Outlook desktop, HTML only (.WordSection1), unquoted original, answers typed after Answer: in red; the original's unsubscribe instructions are not an opt-out")

orig = INV_TEXT
for q, a in FULL.items():
    pass
def unquoted_with_answers(answers):
    return text_inline(answers, on_line=True, prefix="")
text = ("Answers in the questionnaire below.\n\nJack\n\n-----Original Message-----\n" + OUTLOOK_HEADER_TEXT + "\n" + unquoted_with_answers(NINE) + "\n")
case("outlook_original_message_text", message("outlook_original_message_text", text=text, mailer="Microsoft Outlook 14.0"), answers=NINE_EXPECT,
     note="-----Original Message----- with answers on the Answer: lines; empty Answer: line for 10 and the footer are not answers")

html = ('<html><head><style type="text/css" style="display:none;"> P {margin-top:0;margin-bottom:0;} </style></head><body dir="ltr">'
        '<div style="font-family: Aptos, sans-serif; font-size: 12pt;">1. yes<br>2. no<br>3. yes, frequently<br>4. 7<br>5. a, c<br>6. yes<br>7. no<br>8. yes<br>9. yes<br>10. Useful survey, thanks.</div>'
        '<div id="Signature"><p>Dr Jack Clarke<br>North Hospice<br>Tel 01234 567890</p></div>'
        + OUTLOOK_HEADER_HTML + INV_HTML_BODY + '</body></html>')
case("outlook_web_top_list", message("outlook_web_top_list", html=html), answers=FULL_EXPECT,
     note="Outlook on the web: answers at the top, #Signature with a phone number, divRplyFwdMsg original")

part = {1: "No", 2: "No", 4: "3", 6: "No"}
html = ('<html><body><div>Some answers, will finish the rest later.</div>' + OUTLOOK_HEADER_HTML + html_inline_same_paragraph(part, "color:blue") + '</body></html>')
case("outlook_web_partial", message("outlook_web_partial", html=html), answers={
    "end_of_life": ok(False), "early_adjuvant": ok(False), "confidence": ok(3), "written_protocol": ok(False)},
    note="only some questions answered: the rest are missing")

text = "Answers below\r\n\r\n" + "-----Original Message-----\r\n" + OUTLOOK_HEADER_TEXT + "\n" + unquoted_with_answers({1: "Yes", 2: "No", 3: "No", 4: "5", 5: "b – cost is also an issue", 6: "No", 7: "No", 8: "Yes", 9: "Yes", 10: "Côte d’Ivoire colleagues use it “off label”."})
case("outlook_windows1252_qp", message("outlook_windows1252_qp", text=text, charset="windows-1252", cte="quoted-printable"), answers={
    "end_of_life": ok(True), "early_adjuvant": ok(False), "opioid_sparing": ok(False), "confidence": ok(5),
    "barriers": UNCLEAR, "written_protocol": ok(False), "shared_guidance": ok(False), "training": ok(True), "research": ok(True),
    "comments": ok("Côte d’Ivoire colleagues use it “off label”.")}, note="windows-1252, quoted-printable; a letter with a non-other explanation is unclear")

text = "Hello,\n\n" + WROTE + "\n" + text_inline(FULL) + "\n"
case("reply_with_x_auto_response_suppress", message("reply_with_x_auto_response_suppress", text=text, headers=[("X-Auto-Response-Suppress", "All")]),
     answers=FULL_EXPECT, note="X-Auto-Response-Suppress alone is not automatic")

# ---- Apple ----
apple_wrote = "On 5 Jan 2026, at 09:00, Regional Palliative Care Audit Group <survey@survey.test> wrote:"
text = "Answers inline.\n\nJack\n\n> " + apple_wrote + "\n> \n" + text_inline(FULL, prefix="> ") + "\n"
html = ('<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head><body dir="auto"><div>Answers inline.</div><div><br></div><div>Jack</div>'
        '<div><br><blockquote type="cite">' + apple_wrote.replace("<", "&lt;").replace(">", "&gt;") + '<br><br></blockquote></div><blockquote type="cite"><div>'
        + html_inline_split(FULL, '<blockquote type="cite">', "</blockquote>") + '</div></blockquote></body></html>')
case("apple_mail_inline", message("apple_mail_inline", text=text, html=html, mailer="Apple Mail (2.3774.600.62)"), answers=FULL_EXPECT)

top = ["1 Yes", "2 Yes", "3 No", "4 8", "5 b", "6 Yes", "7 Yes", "8 No", "9 Yes"]
text = "\n".join(top) + "\n\nSent from my iPhone\n\n> " + apple_wrote + "\n> \n" + quote(INV_TEXT) + "\n"
case("iphone_top_list", message("iphone_top_list", text=text, mailer="iPhone Mail (21F90)"), answers={
    "end_of_life": ok(True), "early_adjuvant": ok(True), "opioid_sparing": ok(False), "confidence": ok(8),
    "barriers": ok(["evidence"]), "written_protocol": ok(True), "shared_guidance": ok(True), "training": ok(False), "research": ok(True)},
    note="iPhone: short answers on top, 'Sent from my iPhone', quoted original")

html = ('<html><body dir="auto">Yes to all except 2 and 7<br><br><div dir="ltr">Sent from my iPhone</div><div dir="ltr"><br><blockquote type="cite">'
        + apple_wrote.replace("<", "&lt;").replace(">", "&gt;") + '</blockquote></div><blockquote type="cite"><div dir="ltr">' + INV_HTML_BODY + '</div></blockquote></body></html>')
case("iphone_vague_summary", message("iphone_vague_summary", html=html, mailer="iPhone Mail (21F90)"),
     answers={i: UNCLEAR if i in ("confidence", "barriers") else ok(i not in ("early_adjuvant", "shared_guidance"))
              for i in IDS[:9]}, missing=[],
     note="'Yes to all except 2 and 7' (issue 21): yes to the yes/no questions, no to 2 and 7; the scale and the choice it covers are asked, not guessed")

# ---- Thunderbird ----
tb_prefix = "On 05/01/2026 09:00, Regional Palliative Care Audit Group wrote:"
text = tb_prefix + "\n" + text_inline({**FULL, 10: "We use it mostly in the\nhospice, rarely in the\ncommunity."}) + "\n"
html = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"></head><body>'
        f'<div class="moz-cite-prefix">{tb_prefix}<br></div><blockquote type="cite" cite="mid:invitation.1.{TOKEN}@survey.test">'
        + html_inline_split({**FULL, 10: "We use it mostly in the\nhospice, rarely in the\ncommunity."}, '<blockquote type="cite">', "</blockquote>")
        + '</blockquote></body></html>')
e = dict(FULL_EXPECT); e["comments"] = ok("We use it mostly in the\nhospice, rarely in the\ncommunity.")
case("thunderbird_inline", message("thunderbird_inline", text=text, html=html, mailer="Mozilla Thunderbird"), answers=e,
     note="Thunderbird, multi-line free text")
case("thunderbird_html_only", message("thunderbird_html_only", html=html, mailer="Mozilla Thunderbird"), answers=e,
     note="HTML only: blockquote type=cite, moz-cite-prefix")

# ---- encodings and attachments ----
text = "Réponses ci-dessous.\n\n" + WROTE + "\n" + text_inline({**NINE, 10: "Très utile — merci ✓"}) + "\n"
e = dict(NINE_EXPECT); e["comments"] = ok("Très utile — merci ✓")
case("base64_utf8", message("base64_utf8", text=text, cte="base64"), answers=e)

text = "Answers below, and our protocol attached.\n\n" + WROTE + "\n" + text_inline(FULL) + "\n"
pdf = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n% 1. no 2. no 4. 12\n%%EOF\n"
case("attachment_pdf", message("attachment_pdf", text=text, attachments=[(pdf, "application", "pdf", "ketamine-protocol.pdf")]), answers=FULL_EXPECT)
case("attachment_text_ignored", message("attachment_text_ignored", text="1. yes\n2. no\n\nThe rest in the attached notes.\n", in_reply_to=INV_ID,
     attachments=[(b"1. no\n2. yes\n4. 12\n", "text", "plain", "notes.txt")]), answers={"end_of_life": ok(True), "early_adjuvant": ok(False)},
     note="a text attachment is not read")

# ---- auto-replies ----
ooo = "I am out of the office until 12 January with no access to email. For urgent matters call 01234 567890.\n\n1. Patients: contact the ward."
case("auto_outlook_ooo", message("auto_outlook_ooo", subject="Automatic reply: " + SUBJECT, text=ooo, in_reply_to=None,
     headers=[("Auto-Submitted", "auto-replied"), ("X-Auto-Response-Suppress", "All"), ("X-MS-Exchange-Inbox-Rules-Loop", "jack.clarke@north-hospice.test")]),
     kind="auto_reply")
case("auto_x_autoreply", message("auto_x_autoreply", subject="Re: " + SUBJECT, text="Thank you for your email. I will reply on my return.\n", headers=[("X-Autoreply", "yes")]), kind="auto_reply")
case("auto_precedence_bulk", message("auto_precedence_bulk", subject="Away: " + SUBJECT, text="Away until Monday.\n", headers=[("Precedence", "bulk")]), kind="auto_reply")
case("auto_german_subject", message("auto_german_subject", subject="Abwesenheitsnotiz: " + SUBJECT, text="Ich bin bis 12.01. nicht im Büro.\n", in_reply_to=None), kind="auto_reply")
case("auto_french_subject", message("auto_french_subject", subject="Réponse automatique : " + SUBJECT, text="Je suis absent jusqu'au 12 janvier.\n", in_reply_to=None), kind="auto_reply")
case("auto_x_autorespond", message("auto_x_autorespond", subject="Re: " + SUBJECT, text="Yes, I received your message.\n", headers=[("X-Autorespond", "Auto Reply")]), kind="auto_reply",
     note="an auto-responder whose text says yes: headers win")

# ---- bounces ----
real = open(os.path.join(SRC, "postfix-dsn.eml"), "rb").read()
case("bounce_postfix_real", real, kind="bounce", bounced="bounce-jack.clarke@north-hospice.test",
     note="a real DSN from the local Postfix; Final-Recipient is not the listed address, the token comes from the returned Message-ID")

headers_only = real.decode()
headers_only = re.sub(r"Content-Description: Undelivered Message\nContent-Type: message/rfc822\n\n(.*?)\n\n.*?(\n--[^\n]*--)",
                      lambda m: "Content-Description: Undelivered Message Headers\nContent-Type: text/rfc822-headers\n\n" + m.group(1) + "\n" + m.group(2), headers_only, flags=re.S)
case("bounce_postfix_headers_only", headers_only.encode(), kind="bounce", bounced="bounce-jack.clarke@north-hospice.test",
     note="as the real DSN, with only the returned headers (text/rfc822-headers)")

delayed = real.decode().replace("Action: failed", "Action: delayed").replace("Status: 5.1.1", "Status: 4.2.0").replace(
    "Subject: Undelivered Mail Returned to Sender", "Subject: Delayed Mail (still being retried)").replace("550 5.1.1", "450 4.2.0")
case("dsn_delayed", delayed.encode(), kind="auto_reply", token=None, note="Action: delayed is not a failure: auto_reply")

inv_bytes = open(os.path.join(SRC, "invitation-jack.eml"), "rb").read()
exch = EmailMessage(policy=email.policy.SMTP)
exch["From"] = "postmaster@north-hospice.test"
exch["To"] = "survey@survey.test"
exch["Subject"] = "Undeliverable: " + SUBJECT
exch["Date"] = "Mon, 5 Jan 2026 09:01:00 +0000"
exch["Message-ID"] = "<exch-ndr-1@north-hospice.test>"
exch.set_content("Your message to jack.clarke@north-hospice.test couldn't be delivered.\n\njack.clarke wasn't found at north-hospice.test.\n\n"
                 "Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'\n")
exch.add_alternative("<html><body><p>Your message to <b>jack.clarke@north-hospice.test</b> couldn't be delivered.</p></body></html>", subtype="html")
exch.add_attachment(inv_bytes, maintype="message", subtype="rfc822") if False else None
raw = exch.as_bytes()
# Attach the original as message/rfc822 by hand (EmailMessage re-encodes it otherwise).
b = "ndr-boundary-1"
raw = (f"From: postmaster@north-hospice.test\r\nTo: survey@survey.test\r\nSubject: Undeliverable: {SUBJECT}\r\nDate: Mon, 5 Jan 2026 09:01:00 +0000\r\n"
       f"Message-ID: <exch-ndr-1@north-hospice.test>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"{b}\"\r\n\r\n--{b}\r\n"
       "Content-Type: text/plain; charset=us-ascii\r\n\r\nYour message to jack.clarke@north-hospice.test couldn't be delivered.\r\n\r\n"
       "jack.clarke wasn't found at north-hospice.test.\r\n\r\nRemote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'\r\n"
       f"\r\n--{b}\r\nContent-Type: message/rfc822\r\n\r\n").encode() + inv_bytes.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n") + f"\r\n--{b}--\r\n".encode()
case("bounce_exchange_undeliverable", raw, kind="bounce", bounced="jack.clarke@north-hospice.test", note="Exchange-style NDR, not RFC 3464, original attached")

gm = (f"From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>\r\nTo: survey@survey.test\r\nSubject: Delivery Status Notification (Failure)\r\n"
      "Date: Mon, 5 Jan 2026 09:02:00 +0000\r\nMessage-ID: <gm-dsn-1@mx.google.com>\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
      "** Address not found **\r\n\r\nYour message wasn't delivered to aisha.lewis@riverside-pcu.test because the address couldn't be found, or is unable to receive mail.\r\n\r\n"
      "The response from the remote server was:\r\n550 5.1.1 The email account that you tried to reach does not exist.\r\n\r\n"
      "----- Original message -----\r\n\r\nFrom: Regional Palliative Care Audit Group <survey@survey.test>\r\nTo: Dr Aisha Lewis <aisha.lewis@riverside-pcu.test>\r\n"
      f"Subject: {SUBJECT}\r\nMessage-ID: <invitation.1.{TOKEN}@survey.test>\r\nReply-To: survey+{TOKEN}@survey.test\r\n\r\nDear Dr Aisha Lewis,\r\n").encode()
case("bounce_gmail_text_only", gm, kind="bounce", bounced="aisha.lewis@riverside-pcu.test", note="non-standard text DSN; token quoted in the text")

qmail = ("From: MAILER-DAEMON@mx.valley-sps.test\r\nTo: survey@survey.test\r\nSubject: failure notice\r\nDate: Mon, 5 Jan 2026 09:03:00 +0000\r\n\r\n"
         "Hi. This is the qmail-send program at mx.valley-sps.test.\r\nI'm afraid I wasn't able to deliver your message to the following addresses.\r\n"
         "This is a permanent error; I've given up. Sorry it didn't work out.\r\n\r\n<nobody@valley-sps.test>:\r\nSorry, no mailbox here by that name. (#5.1.1)\r\n\r\n"
         "--- Below this line is a copy of the message.\r\n\r\n" f"Message-ID: <reminder.2.{TOKEN}@survey.test>\r\nSubject: Reminder: {SUBJECT}\r\n").encode()
case("bounce_qmail_failure_notice", qmail, kind="bounce", bounced="nobody@valley-sps.test", note="qmail failure notice")

# ---- opt-outs and withdrawals ----
text = "Unsubscribe\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n"
case("optout_unsubscribe_word", message("optout_unsubscribe_word", text=text), kind="unsubscribe")
text = "Please remove me from your mailing list, I retired last month.\n\nJack\n\n________________________________\n" + OUTLOOK_HEADER_TEXT + "\n" + INV_TEXT
case("optout_remove_me_outlook", message("optout_remove_me_outlook", text=text), kind="unsubscribe", note="the unquoted original's own unsubscribe text is not counted; the doctor's is")
case("optout_list_unsubscribe_address", message("optout_list_unsubscribe_address", to=f"survey+unsubscribe.{TOKEN}@survey.test", subject="unsubscribe",
     text="This message was automatically generated by Gmail.\n", in_reply_to=None), kind="unsubscribe", note="mail to the List-Unsubscribe address (Gmail's unsubscribe button)")
text = "STOP\n"
case("optout_stop_alone", message("optout_stop_alone", text=text), kind="unsubscribe")
text = "\n".join(top) + "\n\nAnd please don't email me again about this.\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n"
case("answers_plus_stop_request", message("answers_plus_stop_request", text=text), answers={
    "end_of_life": ok(True), "early_adjuvant": ok(True), "opioid_sparing": ok(False), "confidence": ok(8),
    "barriers": ok(["evidence"]), "written_protocol": ok(True), "shared_guidance": ok(True), "training": ok(False), "research": ok(True)},
    note="answers and a stop request: a reply (flagged), answers kept")
text = "Please delete my answers, I no longer wish to take part.\n\nJack\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n"
case("withdraw_delete_answers", message("withdraw_delete_answers", text=text), kind="unsubscribe", note="withdrawal without answers: unsubscribe kind, withdraw flag")
text = WROTE + "\n" + text_inline({1: "We stopped using it last year", 2: "No", 3: "No", 4: "4", 5: "b, c", 6: "No", 7: "No", 8: "Yes", 9: "Yes"}) + "\n"
case("stopped_using_it", message("stopped_using_it", text=text), answers={
    "end_of_life": UNCLEAR, "early_adjuvant": ok(False), "opioid_sparing": ok(False), "confidence": ok(4),
    "barriers": ok(["evidence", "side_effects"]), "written_protocol": ok(False), "shared_guidance": ok(False), "training": ok(True), "research": ok(True)},
    note="'we stopped using it' is an answer (unclear for yes/no), not an opt-out")

# ---- forwards and corrections ----
fwd = ("---------- Forwarded message ---------\nFrom: Regional Palliative Care Audit Group <survey@survey.test>\nDate: Mon, 5 Jan 2026 at 09:00\n"
       f"Subject: {SUBJECT}\nTo: Dr Jack Clarke <jack.clarke@north-hospice.test>\n\n" + INV_TEXT)
text = "Jack asked me to answer for our team:\n\n1. yes\n2. yes\n3. no\n4. 6\n5. b\n6. yes\n7. no\n8. yes\n9. yes\n\nDr Priya Nair\n\n" + WROTE.replace("Regional Palliative Care Audit Group <survey@survey.test>", "Jack Clarke <jack.clarke@north-hospice.test>") + "\n" + quote(fwd) + "\n"
case("forward_colleague_answers", message("forward_colleague_answers", frm='"Dr Priya Nair" <priya.nair@north-hospice.test>', text=text, in_reply_to=None), answers={
    "end_of_life": ok(True), "early_adjuvant": ok(True), "opioid_sparing": ok(False), "confidence": ok(6),
    "barriers": ok(["evidence"]), "written_protocol": ok(True), "shared_guidance": ok(False), "training": ok(True), "research": ok(True)},
    note="a colleague answers a forwarded invitation; the token is in To (flagging the sender is the store's job)")
text = "Jack asked me to answer for our team:\n\nFwd below.\n\n" + fwd.replace("\nAnswer:\n", "\nAnswer: \n")
case("forward_unanswered", message("forward_unanswered", frm='"Dr Priya Nair" <priya.nair@north-hospice.test>', subject="Fwd: " + SUBJECT, to="priya.nair@gmail.com", text=text, in_reply_to=None),
     token=None, answers={}, note="a plain forward to someone else: no answers, nothing counted; still about the survey")
text = "Sorry, for question 4 I meant 8, not 7.\n\nJack\n"
case("correction_question_4", message("correction_question_4", subject="Re: Your answers to the ketamine survey", in_reply_to=f"<receipt.1.{TOKEN}@survey.test>", text=text),
     answers={"confidence": ok(8)}, note="a short correction in a later reply, matched by the receipt's Message-ID")
text = "Q5 should be a, b\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n"
case("correction_q5_should_be", message("correction_q5_should_be", text=text), answers={"barriers": ok(["expertise", "evidence"])})
text = "Thanks. Actually for question 2 I meant yes, and question 9: no.\n"
case("correction_inline_sentence", message("correction_inline_sentence", text=text, in_reply_to=f"<clarification.1.{TOKEN}@survey.test>"),
     answers={"early_adjuvant": ok(True)}, note="the first correction in a sentence; the second after 'and' is not read")

# ---- ambiguity and validity ----
text = WROTE + "\n" + text_inline({1: "yes and no", 2: "No", 3: "Yes", 4: "6 or 7", 5: "a, d", 6: "Yes", 7: "maybe", 8: "Yes", 9: "Yes"}) + "\n"
case("ambiguous_answers", message("ambiguous_answers", text=text), answers={
    "end_of_life": UNCLEAR, "early_adjuvant": ok(False), "opioid_sparing": ok(True), "confidence": UNCLEAR, "barriers": UNCLEAR,
    "written_protocol": ok(True), "shared_guidance": UNCLEAR, "training": ok(True), "research": ok(True)})
text = WROTE + "\n" + text_inline({1: "Yes", 2: "Yes", 3: "Yes", 4: "12", 5: "f", 6: "Yes", 7: "Yes", 8: "Yes", 9: "Yes"}) + "\n"
case("out_of_range", message("out_of_range", text=text), answers={
    "end_of_life": ok(True), "early_adjuvant": ok(True), "opioid_sparing": ok(True), "confidence": INVALID, "barriers": INVALID,
    "written_protocol": ok(True), "shared_guidance": ok(True), "training": ok(True), "research": ok(True)})
text = "4. 7\n\n" + WROTE + "\n" + text_inline({4: "5"}) + "\n"
case("conflicting_top_and_inline", message("conflicting_top_and_inline", text=text), answers={"confidence": UNCLEAR})
text = WROTE + "\n" + text_inline({**NINE, 5: "Lack of evidence; side effects, other: cost of the drug"}) + "\n"
e = dict(NINE_EXPECT); e["barriers"] = ok(["evidence", "side_effects", "other"], "cost of the drug")
case("choices_by_label", message("choices_by_label", text=text), answers=e)
text = WROTE + "\n" + text_inline({**NINE, 5: "e - cost of the drug"}) + "\n"
e = dict(NINE_EXPECT); e["barriers"] = ok(["other"], "cost of the drug")
case("other_option_with_text", message("other_option_with_text", text=text), answers=e)
# A closing parenthesis the doctor's own text opened is kept (it was dropped).
text = "1. yes\n2. no\n3. yes\n4. 7\n5. a, e - @SUM(A1:A9)\n6. no\n7. no\n8. yes\n9. yes\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n"
e = dict(NINE_EXPECT); e.update({"opioid_sparing": ok(True), "barriers": ok(["expertise", "other"], "@SUM(A1:A9)"),
                                 "written_protocol": ok(False)})
case("other_text_closing_parenthesis", message("other_text_closing_parenthesis", text=text), answers=e,
     note="other text ending in its own ')' (a spreadsheet formula) is kept whole")
text = WROTE + "\n" + text_inline({**NINE, 5: "Side effects, other (please specify): cost (of the drug)"}) + "\n"
e = dict(NINE_EXPECT); e["barriers"] = ok(["side_effects", "other"], "cost (of the drug)")
case("other_text_by_label_parenthesis", message("other_text_by_label_parenthesis", text=text), answers=e,
     note="other text by label, ending in a parenthesis it opened")
text = WROTE + "\n" + text_inline({**NINE, 4: "7 out of 10", 5: "LACK OF EXPERTISE AND FAMILIARITY"}) + "\n"
e = dict(NINE_EXPECT); e["barriers"] = ok(["expertise"])
case("scale_out_of_and_label_caps", message("scale_out_of_and_label_caps", text=text), answers=e)

# ---- signatures and footers ----
text = (WROTE + "\n" + text_inline({**NINE, 10: "Ketamine is useful but we need a regional protocol.\nHappy to help draft one."}) +
        "\n\nKind regards,\nJack\n\n--\nDr Jack Clarke | Consultant | North Hospice\nTel: 01234 567890 | Bleep 1234\n\n"
        "This email is confidential and intended for the named recipient only. If you are not the intended recipient, say yes to deleting it. Registered in England No. 1234567.\n")
e = dict(NINE_EXPECT); e["comments"] = ok("Ketamine is useful but we need a regional protocol.\nHappy to help draft one.")
case("signature_and_legal_footer", message("signature_and_legal_footer", text=text), answers=e, note="signature and legal footer with numbers and 'yes' are not answers")
top = ["1. No", "2. No", "3. No", "4. 2", "5. a", "6. No", "7. No", "8. Yes", "9. Yes"]
text = ("\n".join(top) + "\n\n-- \nDr Jack Clarke\n1. North Hospice, 2 Hill Road\n\nDISCLAIMER: 1. yes 2. yes. This message may contain confidential information.\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n")
case("top_list_then_numbered_signature", message("top_list_then_numbered_signature", text=text), answers={
    "end_of_life": ok(False), "early_adjuvant": ok(False), "opioid_sparing": ok(False), "confidence": ok(2), "barriers": ok(["expertise"]),
    "written_protocol": ok(False), "shared_guidance": ok(False), "training": ok(True), "research": ok(True)},
    note="numbered lines after the '-- ' signature marker are not answers")

# ---- unrelated and empty ----
case("unrelated_colleague_mail", message("unrelated_colleague_mail", frm='"Tom Baker" <tom.baker@citygeneral.test>', to="survey@survey.test", subject="Lunch on Friday?",
     text="Are you free for lunch on Friday? 1 pm at the usual place.\n", in_reply_to=None), kind="unrelated", token=None)
case("reply_without_answers", message("reply_without_answers", text="I will answer next week, busy on call.\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n"), answers={},
     note="a reply with no answers: all required questions missing")
text = "Yes\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n"
case("single_yes_at_top", message("single_yes_at_top", text=text), answers={}, note="a bare 'Yes' on top names no question: nothing guessed")

# ---- more clients ----
yahoo_wrote = "On Monday, 5 January 2026 at 09:00:00 GMT, Regional Palliative Care Audit Group <survey@survey.test> wrote:"
text = "1. yes\n2. yes\n3. yes\n4. 9\n5. d\n6. yes\n7. yes\n8. no\n9. no\n\n" + yahoo_wrote + "\n\n" + INV_TEXT + "\n"
html = ('<html><body><div class="ydp1"><div>1. yes<br>2. yes<br>3. yes<br>4. 9<br>5. d<br>6. yes<br>7. yes<br>8. no<br>9. no</div></div>'
        '<div id="yahoo_quoted_1" class="yahoo_quoted"><div style="font-family:Helvetica;font-size:13px;color:#26282a"><div>'
        + yahoo_wrote.replace("<", "&lt;").replace(">", "&gt;") + '</div><div><br></div>' + INV_HTML_BODY + '</div></div></body></html>')
case("yahoo_unquoted_original", message("yahoo_unquoted_original", text=text, html=html, mailer="YahooMailAndroid"), answers={
    "end_of_life": ok(True), "early_adjuvant": ok(True), "opioid_sparing": ok(True), "confidence": ok(9), "barriers": ok(["none"]),
    "written_protocol": ok(True), "shared_guidance": ok(True), "training": ok(False), "research": ok(False)},
    note="Yahoo: the original follows 'wrote:' without '>' quoting; its unsubscribe text is not an opt-out")
html = ('<html><body><div dir="ltr">1 no<br>2 no<br>3 no<br>4 1<br>5 a, b<br>6 no<br>7 no<br>8 yes<br>9 yes</div>'
        '<div id="ms-outlook-mobile-signature"><div dir="ltr">Get <a href="https://aka.ms/o0ukef">Outlook for iOS</a></div></div>'
        '<hr style="display:inline-block;width:98%" tabindex="-1"><div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt">'
        f'<b>From:</b> Regional Palliative Care Audit Group &lt;survey@survey.test&gt;<br><b>Sent:</b> Monday, January 5, 2026 9:00:00 AM<br><b>To:</b> Clarke Jack<br><b>Subject:</b> {SUBJECT}</font><div>&nbsp;</div></div>'
        + INV_HTML_BODY + '</body></html>')
case("outlook_ios_top_list", message("outlook_ios_top_list", html=html), answers={
    "end_of_life": ok(False), "early_adjuvant": ok(False), "opioid_sparing": ok(False), "confidence": ok(1), "barriers": ok(["expertise", "evidence"]),
    "written_protocol": ok(False), "shared_guidance": ok(False), "training": ok(True), "research": ok(True)},
    note="Outlook for iOS leaves the original after divRplyFwdMsg (talon #153)")
html = ('<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head><body dir="auto"><div>See below</div><div><br></div>'
        '<div dir="ltr"><br><blockquote type="cite">' + apple_wrote.replace("<", "&lt;").replace(">", "&gt;") + '<br><br></blockquote></div><blockquote type="cite"><div dir="ltr">'
        + html_inline_split({1: "N/A", 2: "No idea", 3: "Yes", 4: "5", 5: "c", 6: "Yes", 7: "No", 8: "Yes", 9: "Yes"}, '<blockquote type="cite">', "</blockquote>") + '</div></blockquote></body></html>')
case("apple_html_only_na", message("apple_html_only_na", html=html, mailer="iPad Mail (21F90)"), answers={
    "end_of_life": UNCLEAR, "early_adjuvant": UNCLEAR, "opioid_sparing": ok(True), "confidence": ok(5), "barriers": ok(["side_effects"]),
    "written_protocol": ok(True), "shared_guidance": ok(False), "training": ok(True), "research": ok(True)},
    note="iPad, HTML only; 'N/A' and 'No idea' are not yes/no")
text = "Answers:\n\n1. Yes\n2. No\n3. Yes\n4. 7\n5. a, e - cost of the drug and lack of staff\n6. Yes\n7. No\n8. Yes\n9. Yes\n10. We would welcome a regional\nprotocol and a study day.\nThis e-mail and any attachments are confidential. Registered office: 1 Hill Road. Company No. 123.\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n"
case("top_list_multiline_comment_and_footer", message("top_list_multiline_comment_and_footer", text=text), answers={
    **{k: v for k, v in FULL_EXPECT.items() if k not in ("opioid_sparing", "barriers", "comments")}, "opioid_sparing": ok(True),
    "barriers": ok(["expertise", "other"], "cost of the drug and lack of staff"), "comments": ok("We would welcome a regional\nprotocol and a study day.")},
    note="a listed free-text answer spanning lines, then a legal footer with numbers, no blank line between")

text = WROTE + "\n" + text_inline({**NINE, 10: "Good luck with the audit.\n\nJack"}) + "\n"
e = dict(NINE_EXPECT); e["comments"] = ok("Good luck with the audit.")
case("name_below_last_answer", message("name_below_last_answer", text=text), answers=e, note="a bare name after the last inline answer signs the reply")

# ==== Issue 12: what a careful human reads (development half) ====
# Written before the rules were tuned; the held-back half below was
# written and scored only once at the end (see docs/replies.md).

def INF(value):
    """An inferred answer: read from prose, bare lines in order or
    formatting; stored, not counted until the doctor confirms it."""
    return {"status": "inferred", "value": value}

def unquoted_below(answers):
    """The invitation's text unquoted (Outlook plain text), each answer
    typed on the line below its empty `Answer:`."""
    out, q = [], 0
    for line in INV_TEXT.split("\n"):
        m = re.match(r"^(\d+)\. ", line)
        if m:
            q = int(m.group(1))
        out.append(line)
        if line == "Answer:" and q in answers:
            out.extend(answers[q].split("\n"))
    return "\n".join(out)

def html_below_paragraph(answers, style="color:#C00000"):
    """The invitation's HTML with each answer in its own coloured
    paragraph after the `Answer:` paragraph (Outlook desktop)."""
    body, q, out = INV_HTML_BODY, 0, []
    for p in re.split(r"(<p[^>]*>(?:\d+\. [^<]*|Answer:)</p>)", body):
        m = re.match(r"<p[^>]*>(\d+)\. ", p)
        if m:
            q = int(m.group(1))
        out.append(p)
        if p.endswith(">Answer:</p>") and q in answers:
            out.append(f'<p class="MsoNormal"><span style="{style}">{answers[q]}</span></p>')
    return "".join(out)

def ticked_text(ticks, form, prefix="> "):
    """The invitation's text quoted, with options of question 5 marked
    (`form` takes the option line and gives the marked line)."""
    out = []
    for line in INV_TEXT.split("\n"):
        m = re.match(r"^([a-e])\) ", line)
        if m and m.group(1) in ticks:
            line = form(line)
        out.append((prefix + line).rstrip() if line else prefix.rstrip())
    return "\n".join(out)

def outlook_html(top_html, original_html):
    return ('<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{margin:0cm}</style></head>'
            f'<body lang="EN-GB"><div class="WordSection1">{top_html}'
            '<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm"><p class="MsoNormal"><b>From:</b> Regional Palliative Care Audit Group &lt;survey@survey.test&gt; <br>'
            f'<b>Sent:</b> 05 January 2026 09:00<br><b>To:</b> Clarke Jack &lt;jack.clarke@north-hospice.test&gt;<br><b>Subject:</b> {SUBJECT}<o:p></o:p></p></div>'
            + original_html + '</div></body></html>')

SIG = "\n\nBest wishes,\nJack\n\n--\nDr Jack Clarke, Consultant in Palliative Medicine\nNorth Hospice | Tel 01234 567890 | Bleep 4471\n"

# -- labels: a word or phrase of the question instead of its number --
top = ["End of life - yes", "Early adjuvant - no", "Dose reduction: yes", "Confidence = 6",
       "Barriers: expertise mainly, not evidence", "Protocol - yes", "Community guidance: none",
       "Training? yes please", "More research? Yes"]
text = "Hi,\n\n" + "\n".join(top) + SIG + "\n" + WROTE + "\n" + quote(INV_TEXT) + "\n"
case("labels_gmail_top", message("labels_gmail_top", text=text, html=gmail_html("<br>".join(top), INV_HTML_BODY)), answers={
    "end_of_life": ok(True), "early_adjuvant": ok(False), "opioid_sparing": ok(True), "confidence": ok(6),
    "barriers": ok(["expertise"]), "written_protocol": ok(True), "shared_guidance": ok(False), "training": ok(True), "research": ok(True)},
    note="answers labelled by words of each question; a phone number in the signature is not an answer")

top = ["Intractable pain at end of life: Yes", "Adjuvant early on: Yes", "Opioid dose reduction - No",
       "How confident: 8/10", "Written protocol? No, we're drafting one", "Shared community guidance - not yet",
       "Further training and education: absolutely", "Research needed - yes"]
html = ('<html><head><style type="text/css" style="display:none;"> P {margin-top:0;margin-bottom:0;} </style></head><body dir="ltr">'
        '<div style="font-family: Aptos, sans-serif; font-size: 12pt;">' + "<br>".join(top) + '</div>'
        '<div id="Signature"><p>Dr Jack Clarke<br>North Hospice</p></div>' + OUTLOOK_HEADER_HTML + INV_HTML_BODY + '</body></html>')
case("labels_outlook_web", message("labels_outlook_web", html=html), answers={
    "end_of_life": ok(True), "early_adjuvant": ok(True), "opioid_sparing": ok(False), "confidence": ok(8),
    "written_protocol": ok(False, "we're drafting one"), "shared_guidance": ok(False), "training": ok(True), "research": ok(True)},
    note="Outlook on the web, labels in the HTML top; question 5 skipped")

top = ["Ketamine use: yes", "Side effects: yes", "Confidence: 7", "Training and research: yes"]
text = "\n".join(top) + "\n\nJack\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n"
case("labels_trap_two_questions", message("labels_trap_two_questions", text=text), answers={"confidence": ok(7)},
     note="trap: labels that fit several questions (or none) are not read; only the confidence label is")

# -- answers on the line below an unquoted Answer: --
ans = {1: "Yes", 2: "No", 3: "Yes, occasionally", 4: "7", 5: "a, c", 6: "No", 7: "No", 8: "Yes", 9: "Yes"}
text = "See my answers below.\n\nJack\n\n-----Original Message-----\n" + OUTLOOK_HEADER_TEXT + "\n" + unquoted_below(ans) + "\n"
e = dict(NINE_EXPECT); e.update({"opioid_sparing": ok(True, "occasionally"), "written_protocol": ok(False)})
case("below_answer_outlook_text", message("below_answer_outlook_text", text=text, mailer="Microsoft Outlook 16.0"), answers=e,
     note="Outlook plain text, original not quoted, each answer on the line below Answer:")

ans = {1: "Yes", 2: "Yes", 3: "No", 4: "5", 5: "b", 6: "Yes", 7: "No", 8: "No", 9: "Yes", 10: "We audit its use yearly."}
html = outlook_html('<p class="MsoNormal">Please see my answers below in red.<o:p></o:p></p><p class="MsoNormal">Jack<o:p></o:p></p>',
                    html_below_paragraph(ans))
case("below_answer_outlook_html", message("below_answer_outlook_html", html=html, mailer="Microsoft Outlook 16.0"), answers={
    "end_of_life": ok(True), "early_adjuvant": ok(True), "opioid_sparing": ok(False), "confidence": ok(5), "barriers": ok(["evidence"]),
    "written_protocol": ok(True), "shared_guidance": ok(False), "training": ok(False), "research": ok(True), "comments": ok("We audit its use yearly.")},
    note="Outlook desktop HTML, unquoted original, answers in red paragraphs below each Answer:")

ans = {1: "No", 2: "No", 4: "2"}
text = "Only the first few for now.\n\n-----Original Message-----\n" + OUTLOOK_HEADER_TEXT + "\n" + unquoted_below(ans) + "\n"
case("below_answer_trap_unanswered", message("below_answer_trap_unanswered", text=text), answers={
    "end_of_life": ok(False), "early_adjuvant": ok(False), "confidence": ok(2)},
    note="trap: below the unanswered Answer: lines of an unquoted original come our own lines, never answers")

# -- everyday yes and no --
yn = {1: "Yep", 2: "Nah", 3: "Absolutely", 4: "six", 5: "a", 6: "Not that I'm aware of", 7: "I don't believe so", 8: "Of course", 9: "Definitely"}
text = WROTE + "\n" + text_inline(yn) + "\n"
case("everyday_yes_no_gmail", message("everyday_yes_no_gmail", text=text), answers={
    "end_of_life": ok(True), "early_adjuvant": ok(False), "opioid_sparing": ok(True), "confidence": ok(6), "barriers": ok(["expertise"]),
    "written_protocol": UNCLEAR, "shared_guidance": UNCLEAR, "training": ok(True), "research": ok(True)},
    note="everyday yes and no; 'Not that I'm aware of' and 'I don't believe so' are hedges (issue 21), asked, never no")

yn = {1: "Yes, though rarely", 2: "Occasionally", 3: "Not really", 4: "7", 5: "b, c", 6: "No, we're drafting one", 7: "Not yet", 8: "Sure", 9: "Sometimes"}
tb = "On 05/01/2026 09:00, Regional Palliative Care Audit Group wrote:"
text = tb + "\n" + text_inline(yn) + "\n"
case("everyday_qualifiers_thunderbird", message("everyday_qualifiers_thunderbird", text=text, mailer="Mozilla Thunderbird"), answers={
    "end_of_life": ok(True, "though rarely"), "early_adjuvant": ok(True, "Occasionally"), "opioid_sparing": UNCLEAR, "confidence": ok(7),
    "barriers": ok(["evidence", "side_effects"]), "written_protocol": ok(False, "we're drafting one"), "shared_guidance": ok(False),
    "training": ok(True), "research": UNCLEAR},
    note="qualifiers after yes/no; 'occasionally' is yes to 'Have you ...'; 'sometimes' to 'Do you feel ...' is unclear; 'Not really' is a hedge (issue 21), asked")

top = ["1. yes", "2. no", "3. no"]
text = ("\n".join(top) + "\n\nMore later.\n\n-- \nJack Clarke\nYes, we are a smoke-free site.\n\n"
        "DISCLAIMER: No liability is accepted for viruses. Confidence in this email cannot be guaranteed: 0 out of 10.\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n")
case("trap_yes_no_in_signature", message("trap_yes_no_in_signature", text=text), answers={
    "end_of_life": ok(True), "early_adjuvant": ok(False), "opioid_sparing": ok(False)},
    note="trap: yes/no words and a 'confidence' number in the signature and disclaimer are not answers")

# -- numbers in words, fractions, ranges, self-corrections --
num = {**NINE, 4: "roughly eight out of ten"}
text = WROTE + "\n" + text_inline(num) + "\n"
e = dict(NINE_EXPECT); e["confidence"] = ok(8)
case("number_words_fraction", message("number_words_fraction", text=text), answers=e)

num = {**NINE, 4: "8 - no, make that 9"}
text = "Answers below.\n\n" + WROTE + "\n" + text_inline(num) + "\n"
e = dict(NINE_EXPECT); e["confidence"] = ok(9)
case("number_self_correction", message("number_self_correction", text=text), answers=e, note="the corrected number, never the first")

num = {**NINE, 4: "5 to 6"}
text = WROTE + "\n" + text_inline(num) + "\n"
e = dict(NINE_EXPECT); e["confidence"] = UNCLEAR
case("number_range_unclear", message("number_range_unclear", text=text), answers=e, note="a range is unclear")

num = {**NINE, 4: "7 (as of 06/01/2026)"}
text = WROTE + "\n" + text_inline(num) + "\n"
e = dict(NINE_EXPECT); e["confidence"] = ok(7, "(as of 06/01/2026)")
case("trap_number_beside_date", message("trap_number_beside_date", text=text), answers=e, note="trap: a date beside the answer is not a second number")

# -- choices ticked or in words --
text = WROTE + "\n" + ticked_text("ac", lambda l: "[x] " + l) + "\n"
case("ticked_brackets_gmail", message("ticked_brackets_gmail", text=text), answers={"barriers": ok(["expertise", "side_effects"])},
     note="[x] typed before options in the quoted questionnaire; nothing else answered")

text = "Done, see below.\n\n-----Original Message-----\n" + OUTLOOK_HEADER_TEXT + "\n" + "\n".join(
    (l + "   X") if l.startswith("b) ") else l for l in unquoted_below({1: "Yes", 2: "No", 3: "No", 4: "4", 6: "No", 7: "No", 8: "Yes", 9: "Yes"}).split("\n")) + "\n"
case("ticked_x_outlook_text", message("ticked_x_outlook_text", text=text), answers={
    "end_of_life": ok(True), "early_adjuvant": ok(False), "opioid_sparing": ok(False), "confidence": ok(4), "barriers": ok(["evidence"]),
    "written_protocol": ok(False), "shared_guidance": ok(False), "training": ok(True), "research": ok(True)},
    note="an X after an option line of an unquoted original, answers below Answer:")

ch = {**NINE, 5: "everything except evidence"}
text = WROTE + "\n" + text_inline(ch) + "\n"
e = dict(NINE_EXPECT); e["barriers"] = ok(["expertise", "side_effects"])
case("choices_everything_except", message("choices_everything_except", text=text), answers=e)

top = ["1. yes", "2. yes", "3. yes", "4. 9", "5 - none", "6. yes", "7. yes", "8. no", "9. yes"]
text = "\n".join(top) + "\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n"
case("choices_none_separator", message("choices_none_separator", text=text), answers={
    "end_of_life": ok(True), "early_adjuvant": ok(True), "opioid_sparing": ok(True), "confidence": ok(9), "barriers": ok(["none"]),
    "written_protocol": ok(True), "shared_guidance": ok(True), "training": ok(False), "research": ok(True)})

ch = {**NINE, 5: "not side effects, mostly lack of evidence"}
text = WROTE + "\n" + text_inline(ch) + "\n"
e = dict(NINE_EXPECT); e["barriers"] = ok(["evidence"])
case("trap_not_before_option", message("trap_not_before_option", text=text), answers=e, note="trap: a negated option is never chosen")

def html_bold_options(letters, body, tag=("<b>", "</b>")):
    """The invitation's HTML with option paragraphs of `letters` wrapped in
    `tag` (bold, or a coloured span)."""
    def mark(m):
        return m.group(1) + tag[0] + m.group(2) + tag[1] + m.group(3)
    return re.sub(r"(<p[^>]*padding-left[^>]*>)(([%s])\) [^<]*)(</p>)" % letters,
                  lambda m: m.group(1) + tag[0] + m.group(2) + tag[1] + m.group(4), body)

ans = {1: "Yes", 2: "No", 3: "Yes", 4: "6", 6: "Yes", 7: "No", 8: "Yes", 9: "Yes"}
html = outlook_html('<p class="MsoNormal">Answers below, I have put the barriers in bold.<o:p></o:p></p>',
                    html_bold_options("bc", html_below_paragraph(ans)))
case("marked_bold_outlook_html", message("marked_bold_outlook_html", html=html, mailer="Microsoft Outlook 16.0"), answers={
    "end_of_life": ok(True), "early_adjuvant": ok(False), "opioid_sparing": ok(True), "confidence": ok(6), "barriers": INF(["evidence", "side_effects"]),
    "written_protocol": ok(True), "shared_guidance": ok(False), "training": ok(True), "research": ok(True)},
    note="options marked only by bold in HTML: inferred, never certain")

# -- prose --
prose = ("Hi Asha,\n\nI've used it for terminal agitation-related pain alongside a syringe driver of opioids, but never as an early adjuvant. "
         "My confidence is about 5. We have no written protocol and I'm not aware of any shared community guidance. "
         "I would certainly benefit from more training, and more research is definitely needed.\n\nJack")
text = prose + "\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n"
case("prose_gmail", message("prose_gmail", text=text), answers={
    "early_adjuvant": INF(False), "confidence": INF(5), "written_protocol": INF(False), "shared_guidance": INF(False),
    "training": INF(True), "research": INF(True)},
    missing=["end_of_life", "opioid_sparing", "barriers"],
    note="prose: sentences tied by distinctive words, negation read; all inferred")

html = outlook_html('<p class="MsoNormal">Dear Asha,</p><p class="MsoNormal">We have used ketamine to reduce the opioid dose when side effects were a problem, '
                    'and my confidence prescribing it is 7 out of 10. The main barrier for us is lack of evidence, not expertise. '
                    'Our service has a written protocol.</p><p class="MsoNormal">Kind regards</p><p class="MsoNormal">Jack</p>', INV_HTML_BODY)
case("prose_outlook_html", message("prose_outlook_html", html=html, mailer="Microsoft Outlook 16.0"), answers={
    "opioid_sparing": INF(True), "confidence": INF(7), "barriers": INF(["evidence"]), "written_protocol": INF(True)},
    missing=["end_of_life", "early_adjuvant", "shared_guidance", "training", "research"])

prose = ("Thanks for the survey, good luck with the research.\n\nI don't use ketamine early as an adjuvant. "
         "Confidence would be 3.\n\nJack")
text = prose + "\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n"
case("trap_prose_good_luck", message("trap_prose_good_luck", text=text), answers={"early_adjuvant": INF(False), "confidence": INF(3)},
     missing=["end_of_life", "opioid_sparing", "barriers", "written_protocol", "shared_guidance", "training", "research"],
     note="trap: 'good luck with the research' says nothing about whether research is needed")

# -- bare answers in order --
lines = ["yes", "no", "yes", "7", "a, c", "yes", "no", "yes", "yes"]
text = "Hi,\n\n" + "\n".join(lines) + "\n\nJack\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n"
case("bare_in_order_gmail", message("bare_in_order_gmail", text=text, html=gmail_html("<br>".join(lines), INV_HTML_BODY)),
     answers={k: INF(v["value"]) for k, v in NINE_EXPECT.items()}, missing=[],
     note="nine bare lines, as many as required questions (the optional one is last): inferred in order")

lines = ["Yes", "Yes", "No", "8", "b", "Yes", "Yes", "No"]
text = "\n".join(lines) + "\n\nSent from my iPhone\n\n> " + "On 5 Jan 2026, at 09:00, Regional Palliative Care Audit Group <survey@survey.test> wrote:" + "\n> \n" + quote(INV_TEXT) + "\n"
case("trap_bare_lines_count", message("trap_bare_lines_count", text=text, mailer="iPhone Mail (21F90)"), answers={},
     note="trap: eight bare lines for nine required questions: not read in order")

# ==== Issue 12: the held-back half ====
# Written after the rules above were final and scored once, unchanged, as
# the estimate of performance on replies not seen while building them
# (docs/replies.md gives the score). Expected values are what a careful
# human reads, whether or not the parser manages.
APPLE_WROTE = "On 5 Jan 2026, at 09:00, Regional Palliative Care Audit Group <survey@survey.test> wrote:"

top = ["End-of-life use: yes", "Early/adjuvant: no", "Reducing opioid dose: yes", "Confidence - 7/10", "Barriers - lack of evidence",
       "Written protocol: yes", "Community guidance - no", "More training - yes please", "Further research - yes"]
text = "\n".join(top) + "\n\nSent from my iPhone\n\n> " + APPLE_WROTE + "\n> \n" + quote(INV_TEXT) + "\n"
case("heldout_labels_iphone", message("heldout_labels_iphone", text=text, mailer="iPhone Mail (21F90)"), answers={
    "end_of_life": ok(True), "early_adjuvant": ok(False), "opioid_sparing": ok(True), "confidence": ok(7), "barriers": ok(["evidence"]),
    "written_protocol": ok(True), "shared_guidance": ok(False), "training": ok(True), "research": ok(True)})

top = ["Intractable pain / end of life = Yes", "Adjuvant in early pain = No", "Opioid-sparing = Yes", "Confidence = 4",
       "Barriers = expertise and side effects", "Protocol = No", "Shared guidance = No", "Training = Yes", "Research = Yes"]
text = "\n".join(top) + "\n\nJ Clarke\n\n-----Original Message-----\n" + OUTLOOK_HEADER_TEXT + "\n" + INV_TEXT + "\n"
case("heldout_labels_outlook_text", message("heldout_labels_outlook_text", text=text, mailer="Microsoft Outlook 16.0"), answers={
    "end_of_life": ok(True), "early_adjuvant": ok(False), "opioid_sparing": ok(True), "confidence": ok(4), "barriers": ok(["expertise", "side_effects"]),
    "written_protocol": ok(False), "shared_guidance": ok(False), "training": ok(True), "research": ok(True)})

top = ["Use: yes", "Pain: yes", "Opioids and side effects: yes", "Confidence: 8"]
text = "Quick answers:\n" + "\n".join(top) + "\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n"
case("heldout_labels_trap", message("heldout_labels_trap", text=text), answers={"confidence": ok(8)},
     note="trap: labels of words several questions share say nothing a careful reader can place")

sep = "________________________________\n"
ans = {1: "Yes - mostly in the hospice", 2: "No", 3: "Yes", 4: "8", 5: "c", 6: "Yes", 7: "Yes", 8: "No", 9: "Yes",
       10: "Our protocol is being revised this year.\nHappy to share it."}
text = "My answers are below.\n\nRegards\nJack\n\n" + sep + OUTLOOK_HEADER_TEXT + "\n" + unquoted_below(ans) + "\n"
case("heldout_below_answer_outlook_separator", message("heldout_below_answer_outlook_separator", text=text, mailer="Microsoft Outlook 16.0"), answers={
    "end_of_life": ok(True, "mostly in the hospice"), "early_adjuvant": ok(False), "opioid_sparing": ok(True), "confidence": ok(8), "barriers": ok(["side_effects"]),
    "written_protocol": ok(True), "shared_guidance": ok(True), "training": ok(False), "research": ok(True),
    "comments": ok("Our protocol is being revised this year.\nHappy to share it.")})

ans = {1: "YES", 2: "NO", 3: "NO", 4: "3", 5: "A", 6: "NO", 7: "NO", 8: "YES", 9: "YES"}
html = outlook_html('<p class="MsoNormal">Hi Asha, answers in blue below.<o:p></o:p></p>',
                    html_below_paragraph({k: "<b>" + v + "</b>" for k, v in ans.items()}, "color:#2F5597"))
case("heldout_below_answer_outlook_blue", message("heldout_below_answer_outlook_blue", html=html, mailer="Microsoft Outlook 16.0"), answers={
    "end_of_life": ok(True), "early_adjuvant": ok(False), "opioid_sparing": ok(False), "confidence": ok(3), "barriers": ok(["expertise"]),
    "written_protocol": ok(False), "shared_guidance": ok(False), "training": ok(True), "research": ok(True)})

ans = {1: "Yes", 2: "Yes", 3: "No"}
html = outlook_html('<p class="MsoNormal">First three done, rest to follow.<o:p></o:p></p>', html_below_paragraph(ans))
case("heldout_below_answer_trap_partial", message("heldout_below_answer_trap_partial", html=html), answers={
    "end_of_life": ok(True), "early_adjuvant": ok(True), "opioid_sparing": ok(False)},
    note="trap: the unanswered Answer: lines of an HTML original are followed by our own text")

yn = {1: "Yup", 2: "No, never early on", 3: "Yes indeed", 4: "about 6", 5: "a and b", 6: "Nope - drafting one now", 7: "No", 8: "Yes, definitely", 9: "Certainly"}
text = "Answers inline.\n\n> " + APPLE_WROTE + "\n> \n" + text_inline(yn) + "\n"
case("heldout_everyday_apple", message("heldout_everyday_apple", text=text, mailer="Apple Mail (2.3774.600.62)"), answers={
    "end_of_life": ok(True), "early_adjuvant": ok(False, "never early on"), "opioid_sparing": ok(True), "confidence": ok(6),
    "barriers": ok(["expertise", "evidence"]), "written_protocol": ok(False, "drafting one now"), "shared_guidance": ok(False),
    "training": ok(True, "definitely"), "research": ok(True)})

yn = {1: "Yes - occasionally", 2: "Not really", 3: "Rarely", 4: "7", 5: "c", 6: "We do", 7: "Not as far as I know", 8: "Yes please!", 9: "I think so"}
html = '<html><body><div>Answers in the text below.</div>' + OUTLOOK_HEADER_HTML + html_inline_same_paragraph(yn, "color:#0078D4") + '</body></html>'
case("heldout_everyday_outlook_web", message("heldout_everyday_outlook_web", html=html), answers={
    "end_of_life": ok(True, "occasionally"), "early_adjuvant": UNCLEAR, "opioid_sparing": ok(True), "confidence": ok(7),
    "barriers": ok(["side_effects"]), "written_protocol": ok(True), "shared_guidance": UNCLEAR, "training": ok(True), "research": UNCLEAR},
    note="held out (issue 12); 'Not really', 'Not as far as I know' and 'I think so' are hedges (issue 21), asked, never no or yes")

top = ["1. no", "2. no", "3. yes", "4. 5", "5. b", "6. no", "7. no", "8. yes", "9. yes"]
text = ("\n".join(top) + "\n\nJack\n--\nDr Jack Clarke | Yes Team award 2024\nNo-reply: please use 01632 960123\n"
        "CONFIDENTIAL: if you received this in error reply 'no' and delete it.\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n")
case("heldout_trap_signature_words", message("heldout_trap_signature_words", text=text), answers={
    "end_of_life": ok(False), "early_adjuvant": ok(False), "opioid_sparing": ok(True), "confidence": ok(5), "barriers": ok(["evidence"]),
    "written_protocol": ok(False), "shared_guidance": ok(False), "training": ok(True), "research": ok(True)})

ans = {**NINE, 4: "Seven out of ten"}
text = "On 05/01/2026 09:00, Regional Palliative Care Audit Group wrote:\n" + text_inline(ans) + "\n"
case("heldout_number_words_thunderbird", message("heldout_number_words_thunderbird", text=text, mailer="Mozilla Thunderbird"), answers={**NINE_EXPECT, "confidence": ok(7)})

top = ["1. yes", "2. no", "3. yes", "4. 6 (sorry, I mean 7)", "5. a, c", "6. yes", "7. no", "8. yes", "9. yes"]
text = "\n".join(top) + "\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n"
# (The expected "other" of question 3 was written wrong at first, copied
# from NINE_EXPECT: the doctor wrote a bare "yes". Corrected after scoring;
# the value itself was read right.)
case("heldout_number_correction", message("heldout_number_correction", text=text),
     answers={**NINE_EXPECT, "opioid_sparing": ok(True), "confidence": ok(7)})

ans = {**NINE, 4: "6, 7 on a good day"}
text = WROTE + "\n" + text_inline(ans) + "\n"
case("heldout_number_two_numbers", message("heldout_number_two_numbers", text=text), answers={**NINE_EXPECT, "confidence": UNCLEAR},
     note="two numbers: unclear, never the first")

ans = {**NINE, 4: "5 - call me on 01632 960123 to discuss"}
text = WROTE + "\n" + text_inline(ans) + "\n"
case("heldout_number_phone_trap", message("heldout_number_phone_trap", text=text), answers={**NINE_EXPECT, "confidence": ok(5)},
     note="trap: a telephone number beside the answer")

orig = html_below_paragraph({1: "Yes", 2: "No", 3: "Yes", 4: "7", 6: "Yes", 7: "No", 8: "Yes", 9: "Yes"})
orig = re.sub(r"(<p[^>]*padding-left[^>]*>)(b\) )", r"\1(x) \2", orig)
html = '<html><body><div>Done - see below.</div>' + OUTLOOK_HEADER_HTML + orig + '</body></html>'
case("heldout_ticked_outlook_web", message("heldout_ticked_outlook_web", html=html), answers={
    "end_of_life": ok(True), "early_adjuvant": ok(False), "opioid_sparing": ok(True), "confidence": ok(7), "barriers": ok(["evidence"]),
    "written_protocol": ok(True), "shared_guidance": ok(False), "training": ok(True), "research": ok(True)})

text = WROTE + "\n" + ticked_text("ae", lambda l: l + "  ✓") + "\n"
case("heldout_ticked_gmail_check", message("heldout_ticked_gmail_check", text=text), answers={"barriers": ok(["expertise", "other"])},
     note="ticks after options; 'other' ticked without its text")

top = ["1. yes", "2. yes", "3. no", "4. 6", "5. all of the above except side effects", "6. no", "7. no", "8. yes", "9. yes"]
yahoo_wrote = "On Monday, 5 January 2026 at 09:00:00 GMT, Regional Palliative Care Audit Group <survey@survey.test> wrote:"
text = "\n".join(top) + "\n\n" + yahoo_wrote + "\n\n" + INV_TEXT + "\n"
case("heldout_choices_all_except_yahoo", message("heldout_choices_all_except_yahoo", text=text, mailer="YahooMailAndroid"), answers={
    "end_of_life": ok(True), "early_adjuvant": ok(True), "opioid_sparing": ok(False), "confidence": ok(6),
    "barriers": ok(["expertise", "evidence"]), "written_protocol": ok(False), "shared_guidance": ok(False), "training": ok(True), "research": ok(True)})

top = ["Q1: Yes", "Q2: No", "Q3: No", "Q4: 9", "Q5: None", "Q6: Yes", "Q7: Yes", "Q8: No", "Q9: No"]
text = "\n".join(top) + "\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n"
case("heldout_choices_none_q_prefix", message("heldout_choices_none_q_prefix", text=text), answers={
    "end_of_life": ok(True), "early_adjuvant": ok(False), "opioid_sparing": ok(False), "confidence": ok(9), "barriers": ok(["none"]),
    "written_protocol": ok(True), "shared_guidance": ok(True), "training": ok(False), "research": ok(False)})

ans = {**NINE, 5: "evidence, but not expertise"}
text = WROTE + "\n" + text_inline(ans) + "\n"
case("heldout_trap_not_option", message("heldout_trap_not_option", text=text), answers={**NINE_EXPECT, "barriers": ok(["evidence"])})

body = html_bold_options("a", INV_HTML_BODY, ('<span style="background-color:yellow">', "</span>"))
html = gmail_html("I've highlighted my answer to 5, will do the rest tomorrow.", body)
case("heldout_highlight_gmail_html", message("heldout_highlight_gmail_html", html=html), answers={"barriers": INF(["expertise"])},
     note="an option highlighted in the quoted HTML: inferred")

prose = ("I have used ketamine at the end of life for intractable pain, but not early as an adjuvant. "
         "Yes to using it to cut the opioid dose when side effects are bad. Confidence 6/10. Main barrier is evidence. "
         "We don't have a written protocol or community guidance. I would like more training and yes, more research is needed.")
text = prose + "\n\nSent from my iPhone\n\n> " + APPLE_WROTE + "\n> \n" + quote(INV_TEXT) + "\n"
case("heldout_prose_iphone", message("heldout_prose_iphone", text=text, mailer="iPhone Mail (21F90)"), answers={
    "end_of_life": INF(True), "early_adjuvant": INF(False), "opioid_sparing": INF(True), "confidence": INF(6), "barriers": INF(["evidence"]),
    "written_protocol": INF(False), "shared_guidance": INF(False), "training": INF(True), "research": INF(True)}, missing=[])

html = outlook_html('<p class="MsoNormal">Dear Asha,</p><p class="MsoNormal">To be honest I have never used ketamine outside end-of-life care. '
                    'At the end of life I use it fairly often alongside strong opioids. I\'d rate my confidence at 4. '
                    'Barriers are lack of expertise and familiarity. We don\'t have any shared guidance with the community teams. '
                    'Training would be very welcome.</p><p class="MsoNormal">Best wishes, Jack</p>', INV_HTML_BODY)
case("heldout_prose_outlook", message("heldout_prose_outlook", html=html, mailer="Microsoft Outlook 16.0"), answers={
    "end_of_life": INF(True), "confidence": INF(4), "barriers": INF(["expertise"]), "shared_guidance": INF(False), "training": INF(True)},
    missing=["early_adjuvant", "opioid_sparing", "written_protocol", "research"])

prose = "Hope the research goes well. I'm not sure about a protocol, I'd have to check with pharmacy.\n\nJack"
text = prose + "\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n"
case("heldout_prose_trap", message("heldout_prose_trap", text=text), answers={},
     note="trap: well-wishing and uncertainty are not answers")

lines = ["no", "no", "no", "2", "a", "no", "no", "yes", "yes", "Would welcome a study day"]
html = ('<html><body><div dir="ltr">' + "<br>".join(lines) + '</div>'
        '<div id="ms-outlook-mobile-signature"><div dir="ltr">Get <a href="https://aka.ms/o0ukef">Outlook for iOS</a></div></div>'
        '<hr style="display:inline-block;width:98%" tabindex="-1"><div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt">'
        f'<b>From:</b> Regional Palliative Care Audit Group &lt;survey@survey.test&gt;<br><b>Sent:</b> Monday, January 5, 2026 9:00:00 AM<br><b>To:</b> Clarke Jack<br><b>Subject:</b> {SUBJECT}</font><div>&nbsp;</div></div>'
        + INV_HTML_BODY + '</body></html>')
case("heldout_bare_in_order_outlook_ios", message("heldout_bare_in_order_outlook_ios", html=html), answers={
    "end_of_life": INF(False), "early_adjuvant": INF(False), "opioid_sparing": INF(False), "confidence": INF(2), "barriers": INF(["expertise"]),
    "written_protocol": INF(False), "shared_guidance": INF(False), "training": INF(True), "research": INF(True), "comments": INF("Would welcome a study day")},
    missing=[])

lines = ["yes", "no", "yes", "no"]
text = "\n".join(lines) + "\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n"
case("heldout_trap_bare_partial", message("heldout_trap_bare_partial", text=text), answers={},
     note="trap: four bare lines for nine questions cannot be placed")

def write_cases(cases):
    """Writes each (name, raw, expected) of `cases` as OUT/NAME.eml and
    OUT/NAME.json, and says how many; the other scripts' cases are left."""
    for name, raw, expected in cases:
        with open(os.path.join(OUT, name + ".eml"), "wb") as f:
            f.write(raw)
        with open(os.path.join(OUT, name + ".json"), "w") as f:
            json.dump(expected, f, indent=2, ensure_ascii=False)
            f.write("\n")
    print(f"{len(cases)} cases written to {OUT}")

def reply_case_into(cases):
    """A `case(name, raw, answers, note, missing=None)` for the other
    scripts: appends the doctor's reply under the invitation's token to
    `cases`; `missing` is the required questions not in `answers` unless
    given."""
    def case(name, raw, answers, note, missing=None):
        if missing is None:
            missing = [i for i in REQUIRED if i not in answers]
        cases.append((name, raw, {"note": note, "kind": "reply", "token": TOKEN, "bounced_recipient": None,
                                  "answers": answers, "missing": missing}))
    return case

def one_changed_into(case, frm, name_signed):
    """A `one_changed(name, number, answer, expected, client, mailer, note,
    sign=...)` for the other scripts: a full numbered list (`LISTED`) with
    `answer` on line `number`, signed `name_signed` after a blank line
    unless `sign` says otherwise, expected as `LISTED_EXPECT` with
    `expected` for that line (`None`: not answered)."""
    def one_changed(name, number, answer, expected, client, mailer, note, sign=None):
        body = listed({**LISTED, number: answer}) + (f"\n\n{name_signed}" if sign is None else sign)
        wanted = {**LISTED_EXPECT, number: expected}
        if expected is None:
            del wanted[number]
        case(name, message(name, text=client(body), frm=frm, mailer=mailer), expect(wanted), note)
    return one_changed

def expect(values, **changes):
    """Expected answers from {question number: value or answer} plus
    changes by question id."""
    out = {IDS[q - 1]: (v if isinstance(v, dict) else ok(v)) for q, v in values.items()}
    out.update(changes)
    return out

def flowed(name, text, **kw):
    """Thunderbird's format=flowed: a line ending in a space goes on."""
    raw = message(name, text=text, cte="7bit" if text.isascii() else "quoted-printable", mailer="Mozilla Thunderbird", **kw)
    return raw.replace(b"Content-Type: text/plain; charset=\"utf-8\"", b"Content-Type: text/plain; charset=UTF-8; format=flowed")

TB_WROTE = "On 05/01/2026 09:00, Regional Palliative Care Audit Group wrote:"


# Plain-text replies below the invitation as each client quotes it: the
# doctor's `body`, then Gmail's attribution and "> " quote, Thunderbird's,
# Apple Mail's, or Outlook's rule, header block and unquoted original.
def gmail(body):
    return body + "\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n"


def thunderbird(body):
    return body + "\n\n" + TB_WROTE + "\n" + quote(INV_TEXT) + "\n"


def apple(body):
    return body + "\n\n> " + APPLE_WROTE + "\n> \n" + quote(INV_TEXT) + "\n"


def outlook(body):
    return body + "\n\n________________________________\n" + OUTLOOK_HEADER_TEXT + "\n" + INV_TEXT + "\n"


# The mailers, the plain numbered list and its expectation that the
# issue-21 miss generators (21k, 21l, 21n, 21o, 21p) build their cases on.
THUNDERBIRD = "Mozilla Thunderbird 128.5.0"
SAMSUNG = "Samsung Email"
APPLE_MAIL = "Apple Mail (2.3774.300.61.1.2)"


def listed(values):
    return "\n".join(f"{n}. {v}" for n, v in values.items())


inferred = INF

LISTED = {1: "yes", 2: "no", 3: "no", 4: "6", 5: "b", 6: "yes", 7: "no", 8: "yes", 9: "no"}
LISTED_EXPECT = {1: True, 2: False, 3: False, 4: 6, 5: ["evidence"], 6: True, 7: False, 8: True, 9: False}
WITHOUT_7 = {k: v for k, v in LISTED.items() if k != 7}
WITHOUT_7_EXPECT = {k: v for k, v in LISTED_EXPECT.items() if k != 7}

if __name__ == "__main__":
    write_cases(CASES)
