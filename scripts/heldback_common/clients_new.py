"""Clients not used by the earlier held-back sets: how each writes a reply
(headers, attribution, quoting, HTML and MIME), for sets 21c and 22b.
Built on lib.py (the set's invitation, doctor and dates); the same file
serves both sets."""
import re, uuid
from lib import *

W = INV_WHEN  # the invitation's send time (UTC = Europe/London in winter)
FROM_SURVEY = "Regional Palliative Care Audit Group <survey@survey.test>"
DOC = f"{DOC_FIRST} {DOC_LAST}"


def h(name, n=12, salt=""):
    return hashlib.sha1((salt + name).encode()).hexdigest()[:n]


def uid(name):
    return str(uuid.UUID(hashlib.md5(name.encode()).hexdigest()))


def ampm(dt):
    return dt.strftime("%I:%M %p").lstrip("0")


def inv_html(on_line=None, after=None, before=None, after_question=None, after_option=None,
             open_tag="", close_tag="", wrap=None, color="#1F4E79", body=None):
    """The invitation's HTML with the doctor's answers: typed on the quoted
    `Answer:` paragraph (on_line), after the question's own text
    (after_question) or an option's text (after_option, keyed (q, letter)),
    all inside the quote, in colour; or in their own block between a
    question and its `Answer:` (before) or below it (after), where the
    client splits the quote (open_tag/close_tag)."""
    on_line, after, before = on_line or {}, after or {}, before or {}
    after_question, after_option = after_question or {}, after_option or {}
    wrap = wrap or (lambda a: f'<div style="color:{color}">' + esc(a).replace("\n", "<br>") + "</div>")
    span = lambda a: f' <span style="color:{color}">' + esc(a).replace("\n", "<br>") + "</span>"
    out, q = [], 0
    for p in re.split(r"(<p[^>]*>.*?</p>)", body or INV_HTML_BODY, flags=re.S):
        m = re.match(r"<p[^>]*font-weight:bold;\">(\d+)\. ", p)
        if m:
            q = int(m.group(1))
            if q in after_question:
                p = p[:-4] + span(after_question[q]) + "</p>"
        om = re.match(r"<p[^>]*padding-left[^>]*>([a-z])\) ", p)
        if om and (q, om.group(1)) in after_option:
            p = p[:-4] + span(after_option[(q, om.group(1))]) + "</p>"
        if p.endswith(">Answer:</p>"):
            if q in before:
                out.append(close_tag + wrap(before[q]) + open_tag)
            if q in on_line:
                p = p[:-4] + span(on_line[q]) + "</p>"
            out.append(p)
            if q in after:
                out.append(close_tag + wrap(after[q]) + open_tag)
            continue
        if "Withdrawing" in p:
            q = 0
        out.append(p)
    return "".join(out)


def inv_text(answers=None, on_line=None, before=None, after_question=None, after_option=None, prefix="> "):
    """The invitation's text as the client quotes it, with the doctor's
    answers (see inv_html; after_question goes on the question's last
    line)."""
    answers, on_line, before = answers or {}, on_line or {}, before or {}
    after_question, after_option = after_question or {}, after_option or {}
    lines = text_inline(answers=answers, on_line=on_line, before_answer=before, prefix=prefix).split("\n")
    if not after_question and not after_option:
        return "\n".join(lines)
    out, q, done = [], 0, set()
    pfx = prefix.rstrip()
    strip = lambda l: l[len(pfx):].lstrip() if pfx and l.startswith(pfx) else l
    for i, l in enumerate(lines):
        s = strip(l)
        m = re.match(r"(\d+)\. ", s)
        if m:
            q = int(m.group(1))
        om = re.match(r"([a-e])\) ", s)
        if om and (q, om.group(1)) in after_option:
            l = l + "  " + after_option[(q, om.group(1))]
        nxt = strip(lines[i + 1]) if i + 1 < len(lines) else ""
        if q in after_question and q not in done and not om and nxt.startswith(("Answer:", "a) ")):
            l = l + " " + after_question[q]
            done.add(q)
        out.append(l)
    return "\n".join(out)


# ---------------- each client ----------------
def _divs(lines, attr=""):
    return "".join(f"<div{attr}>{esc(l) if l else '<br>'}</div>" for l in lines)


CLIENTS = {}


def client(key, **spec):
    CLIENTS[key] = spec


# Samsung Email (Android): header block, original unquoted, base64 parts
client("samsung",
       tail=["Sent from my Galaxy"],
       attr_text=lambda: ("-------- Original message --------\n"
                          f"From: {FROM_SURVEY} \nDate: {W:%d/%m/%Y %H:%M} (GMT+00:00) \n"
                          f"To: {DOC} <{DOC_ADDR}> \nSubject: {SUBJECT} \n"),
       prefix="",
       line_html=lambda ls: _divs(ls, ' dir="auto"'),
       tail_html=lambda t: '<div dir="auto"><br></div><div id="composer_signature" dir="auto"><div style="font-size:12px;color:#575757" dir="auto">'
       + "<br>".join(map(esc, t)) + "</div></div>",
       attr_html=lambda: ('<div dir="auto"><br></div><div><br></div><div align="left" dir="auto" style="font-size:100%;color:#000000"><div>-------- Original message --------</div>'
                          f'<div>From: Regional Palliative Care Audit Group &lt;survey@survey.test&gt; </div><div>Date: {W:%d/%m/%Y  %H:%M}  (GMT+00:00) </div>'
                          f'<div>To: {DOC} &lt;{DOC_ADDR}&gt; </div><div>Subject: {esc(SUBJECT)} </div><div><br></div></div>'),
       open_q="", close_q="",
       doc=lambda body: '<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"></head><body>' + body + "</body></html>",
       cte="base64", charset="UTF-8", headers=[], subject="RE: ",
       msgid=lambda n: f"<{uid(n)}@email.android.com>", blank_before_tail=3)

# Spark (Readdle)
client("spark",
       tail=[],
       attr_text=lambda: f"On {W.day} {W:%b %Y} at {W:%H:%M} +0000, {FROM_SURVEY}, wrote:\n",
       prefix="> ",
       line_html=lambda ls: '<div name="messageBodySection"><div dir="auto">' + "<br />\n".join(esc(l) for l in ls) + "</div></div>",
       tail_html=lambda t: '<div name="messageSignatureSection"><br /><div class="matchFont">' + "<br />".join(map(esc, t)) + "</div></div>" if t else "",
       attr_html=lambda: f'<div name="messageReplySection">On {W.day} {W:%b %Y} at {W:%H:%M} +0000, Regional Palliative Care Audit Group &lt;survey@survey.test&gt;, wrote:<br />',
       open_q='<blockquote type="cite" class="spark_quote" style="margin: 5px 5px; padding-left: 10px; border-left: thin solid #1abc9c;">',
       close_q="</blockquote>", end_html="</div>",
       doc=lambda body: '<html xmlns="http://www.w3.org/1999/xhtml">\n<head>\n<title></title>\n</head>\n<body>\n' + body + "\n</body>\n</html>",
       cte="quoted-printable", charset="utf-8",
       headers=lambda n: [f"X-Readdle-Message-ID: {uid(n)}@Spark"], subject="Re: ",
       msgid=lambda n: f"<{uid(n)}@Spark>")

# Airmail (macOS / iOS)
client("airmail",
       tail=["-- ", DOC, "Sent with Airmail"],
       attr_text=lambda: f"On {W.day} {W:%B %Y} at {W:%H:%M:%S}, Regional Palliative Care Audit Group (survey@survey.test) wrote:\n",
       prefix="> ",
       line_html=lambda ls: '<div id="bloop_customfont" style="font-family:Helvetica,Arial;font-size:13px; color: rgba(0,0,0,1.0); margin: 0px; line-height: auto;">'
       + "".join(f"<div>{esc(l) if l else '<br>'}</div>" for l in ls) + "</div>",
       tail_html=lambda t: '<br><div id="bloop_sign_1796632893812345088" class="bloop_sign"><div style="font-family:helvetica,arial;font-size:13px">-- <br>'
       + "<br>".join(map(esc, t[1:])) + "</div></div>",
       attr_html=lambda: f'<br><p class="airmail_on">On {W.day} {W:%B %Y} at {W:%H:%M:%S}, Regional Palliative Care Audit Group (<a href="mailto:survey@survey.test">survey@survey.test</a>) wrote:</p> ',
       open_q='<blockquote type="cite" class="clean_bq"><span>', close_q="</span></blockquote>",
       doc=lambda body: '<html><head><style>body{font-family:Helvetica,Arial;font-size:13px}</style></head><body style="word-wrap: break-word; -webkit-nbsp-mode: space; -webkit-line-break: after-white-space;">' + body + "</body></html>",
       cte="quoted-printable", charset="utf-8", headers=["X-Mailer: Airmail (703)"], subject="Re: ",
       msgid=lambda n: f"<etPan.{h(n, 8)}.{h(n, 8, 'x')}.{h(n, 4, 'y')}@{DOC_DOMAIN}>")

# Proton Mail (web)
client("proton",
       tail=["Sent with Proton Mail secure email."],
       attr_text=lambda: f"On {W:%A}, {W.day} {W:%B %Y} at {W:%H:%M}, {FROM_SURVEY} wrote:\n",
       prefix="> ",
       line_html=lambda ls: "".join(f'<div style="font-family: Arial, sans-serif; font-size: 14px;">{esc(l) if l else "<br>"}</div>' for l in ls),
       tail_html=lambda t: '<div style="font-family: Arial, sans-serif; font-size: 14px;"><br></div><div class="protonmail_signature_block" style="font-family: Arial, sans-serif; font-size: 14px;">'
       '<div class="protonmail_signature_block-user protonmail_signature_block-empty"></div><div class="protonmail_signature_block-proton">Sent with <a target="_blank" href="https://proton.me/mail/home">Proton Mail</a> secure email.</div></div>',
       attr_html=lambda: f'<div style="font-family: Arial, sans-serif; font-size: 14px;"><br></div><div class="protonmail_quote">On {W:%A}, {W.day} {W:%B %Y} at {W:%H:%M}, Regional Palliative Care Audit Group &lt;survey@survey.test&gt; wrote:<br>',
       open_q='<blockquote class="protonmail_quote" type="cite">', close_q="</blockquote>", end_html="<br></div>",
       doc=lambda body: body, text_cte="quoted-printable", cte="base64", charset="utf-8",
       headers=lambda n: [f"X-Pm-Message-Id: {h(n, 20)}", "X-Pm-Origin: internal", "X-Pm-Content-Encryption: end-to-end"], subject="Re: ",
       msgid=lambda n: f"<{base64.b64encode(hashlib.sha1(n.encode()).digest()).decode()[:22]}{base64.b64encode(hashlib.md5(n.encode()).digest()).decode()[:22]}=@proton.me>")

# Fastmail (web)
client("fastmail",
       tail=[],
       attr_text=lambda: f"On {W:%a}, {W.day} {W:%b %Y}, at {W:%H:%M}, Regional Palliative Care Audit Group wrote:\n",
       prefix="> ",
       line_html=lambda ls: _divs(ls),
       tail_html=lambda t: "",
       attr_html=lambda: f'<div><br></div><div>On {W:%a}, {W.day} {W:%b %Y}, at {W:%H:%M}, Regional Palliative Care Audit Group wrote:<br></div>',
       open_q='<blockquote type="cite" id="qt" style="">', close_q="</blockquote>", end_html="<div><br></div>",
       doc=lambda body: '<!DOCTYPE html><html><head><title></title><style type="text/css">p.MsoNormal,p.MsoNoSpacing{margin:0}</style></head><body>' + body + "</body></html>",
       cte="quoted-printable", charset="utf-8",
       headers=["User-Agent: Cyrus-JMAP/3.11.0-alpha0-1108-g3a29173c6-fm-20261119.001-g3a29173c"], subject="Re: ",
       msgid=lambda n: f"<{uid(n)}@app.fastmail.com>")

# Zimbra web client
ZB = "border-left:2px solid #1010FF;margin-left:5px;padding-left:5px;color:#000;font-weight:normal;font-style:normal;text-decoration:none;font-family:Helvetica,Arial,sans-serif;font-size:12pt;"
client("zimbra",
       tail=[],
       attr_text=lambda: ("----- Original Message -----\n"
                          f"From: \"Regional Palliative Care Audit Group\" <survey@survey.test>\nTo: \"{DOC}\" <{DOC_ADDR}>\n"
                          f"Sent: {W:%A}, {W.day} {W:%B}, {W:%Y %H:%M:%S}\nSubject: {SUBJECT}\n"),
       prefix="> ",
       line_html=lambda ls: _divs(ls),
       tail_html=lambda t: "",
       attr_html=lambda: ('<div><br></div><hr id="zwchr" data-marker="__DIVIDER__"><div data-marker="__HEADERS__"><blockquote style="' + ZB + '">'
                          f'<b>From: </b>"Regional Palliative Care Audit Group" &lt;survey@survey.test&gt;<br><b>To: </b>"{DOC}" &lt;{DOC_ADDR}&gt;<br>'
                          f'<b>Sent: </b>{W:%A}, {W.day} {W:%B}, {W:%Y %H:%M:%S}<br><b>Subject: </b>{esc(SUBJECT)}<br></blockquote></div><div data-marker="__QUOTED_TEXT__">'),
       open_q=f'<blockquote style="{ZB}">', close_q="</blockquote>", end_html="</div>",
       doc=lambda body: '<html><body><div style="font-family: arial, helvetica, sans-serif; font-size: 12pt; color: #000000">' + body + "</div></body></html>",
       cte="quoted-printable", charset="utf-8",
       headers=lambda n: ["X-Mailer: Zimbra 10.0.6_GA_4585 (ZimbraWebClient - FF132 (Win)/10.0.6_GA_4585)", f"Thread-Topic: {SUBJECT}",
                          f"Thread-Index: {base64.b64encode(hashlib.md5(n.encode()).digest()).decode()[:20]}"], subject="Re: ",
       msgid=lambda n: f"<{int(h(n, 7), 16)}.{int(h(n, 6, 'a'), 16)}.{1796630000000 + int(h(n, 5, 'b'), 16)}.JavaMail.zimbra@{DOC_DOMAIN}>")

# Mailspring
client("mailspring",
       tail=["Sent from Mailspring"],
       attr_text=lambda: f"On {W:%b} {W.day} {W:%Y}, at {ampm(W).lower()}, {FROM_SURVEY} wrote:\n",
       prefix="> ",
       line_html=lambda ls: _divs(ls),
       tail_html=lambda t: f'<br><signature id="sig-{h(DOC, 6)}">Sent from <a href="https://link.getmailspring.com/link/{uid(DOC).upper()}/0?redirect=https%3A%2F%2Fgetmailspring.com%2F">Mailspring</a></signature>',
       attr_html=lambda: f'<br><div class="gmail_quote_attribution">On {W:%b} {W.day} {W:%Y}, at {ampm(W).lower()}, Regional Palliative Care Audit Group &lt;survey@survey.test&gt; wrote:</div>',
       open_q="<blockquote>", close_q="</blockquote>",
       doc=lambda body: body, cte="quoted-printable", charset="utf-8", headers=["X-Mailer: Mailspring"], subject="Re: ",
       msgid=lambda n: f"<{uid(n).upper()}@getmailspring.com>")

# eM Client
client("emclient",
       tail=[],
       attr_text=lambda: ("------ Original Message ------\n"
                          f"From \"Regional Palliative Care Audit Group\" <survey@survey.test>\nTo \"{DOC}\" <{DOC_ADDR}>\n"
                          f"Date {W:%d/%m/%Y %H:%M:%S}\nSubject {SUBJECT}\n"),
       prefix="",
       line_html=lambda ls: _divs(ls),
       tail_html=lambda t: "",
       attr_html=lambda: ('<div><br /></div><div>------ Original Message ------</div>'
                          '<div>From "Regional Palliative Care Audit Group" &lt;<a href="mailto:survey@survey.test">survey@survey.test</a>&gt;</div>'
                          f'<div>To "{DOC}" &lt;<a href="mailto:{DOC_ADDR}">{DOC_ADDR}</a>&gt;</div><div>Date {W:%d/%m/%Y %H:%M:%S}</div>'
                          f'<div>Subject {esc(SUBJECT)}</div><div><br /></div>'),
       open_q=f'<div id="x{h(DOC, 8)}"><blockquote cite="{INV_ID[1:-1]}" type="cite" class="cite2">', close_q="</blockquote></div>",
       doc=lambda body: ('<html><head><style id="css_styles">blockquote.cite { margin-left: 5px; margin-right: 0px; padding-left: 10px; padding-right:0px; border-left: 1px solid #cccccc }'
                         ' blockquote.cite2 {margin-left: 5px; margin-right: 0px; padding-left: 10px; padding-right:0px; border-left: 1px solid #cccccc; margin-top: 3px; padding-top: 0px; }'
                         ' body { font-family: Calibri;font-size: 11pt; }</style></head><body>' + body + "</body></html>"),
       cte="quoted-printable", charset="utf-8", headers=["User-Agent: eM_Client/10.1.4828.0"], subject="Re: ",
       msgid=lambda n: f"<em{uid(n)}@{h(n, 8, 'pc')}.north-hospice.test>".replace("north-hospice.test", DOC_DOMAIN))

# Superhuman
client("superhuman",
       tail=["Sent via Superhuman"],
       attr_text=lambda: f"On {W:%a, %b} {W.day}, {W:%Y} at {ampm(W)}, Regional Palliative Care Audit Group < survey@survey.test > wrote:\n",
       prefix="> ",
       line_html=lambda ls: "<div>" + _divs(ls) + "</div>",
       tail_html=lambda t: f'<div><br/></div><div class="gmail_signature" data-smartmail="gmail_signature">Sent via <a href="https://sprh.mn/?vip={DOC_ADDR}">Superhuman</a></div>',
       attr_html=lambda: f'<br/><div class="gmail_quote"><div dir="ltr" class="gmail_attr">On {W:%a, %b} {W.day}, {W:%Y} at {ampm(W)}, Regional Palliative Care Audit Group &lt;<a href="mailto:survey@survey.test">survey@survey.test</a>&gt; wrote:<br/></div>',
       open_q='<blockquote class="gmail_quote" style="margin:0 0 0 .8ex;border-left:1px #ccc solid;padding-left:1ex">', close_q="</blockquote>", end_html="</div>",
       doc=lambda body: "<html><head></head><body>" + body + "</body></html>",
       cte="quoted-printable", charset="UTF-8", headers=["X-Mailer: Superhuman Desktop (2026-11-20T18:02:11Z)"], subject="Re: ",
       text_tail=lambda: ["", "Sent via Superhuman ( https://sprh.mn/?vip=" + DOC_ADDR + " )"],
       msgid=lambda n: f"<{h(n, 8)}.{uid(n)}@we.are.superhuman.com>")

# GroupWise (Micro Focus / OpenText)
client("groupwise",
       tail=[],
       attr_text=lambda: f">>> \"Regional Palliative Care Audit Group\" <survey@survey.test> {W:%d/%m/%Y %H:%M} >>>\n",
       prefix="",
       line_html=lambda ls: "".join(f"<DIV>{esc(l) if l else '&nbsp;'}</DIV>" for l in ls),
       tail_html=lambda t: "",
       attr_html=lambda: f'<DIV><BR>&gt;&gt;&gt; "Regional Palliative Care Audit Group" &lt;survey@survey.test&gt; {W:%d/%m/%Y %H:%M} &gt;&gt;&gt;<BR></DIV>',
       open_q="<DIV>", close_q="</DIV>",
       doc=lambda body: '<HTML><HEAD>\n<META content="text/html; charset=iso-8859-1" http-equiv="Content-Type">\n<META name="GENERATOR" content="MSHTML 11.00.10570.1001"></HEAD>\n<BODY style="MARGIN: 4px 4px 1px; FONT: 10pt Segoe UI">' + body + "</BODY></HTML>",
       cte="quoted-printable", charset="ISO-8859-1", headers=["X-Mailer: GroupWise Internet Agent 18.5.0 ", "Content-Disposition: inline"],
       subject="Re: ", msgid=lambda n: f"<{h(n, 16).upper()}020000A1000{h(n, 5, 'g').upper()}@gw.{DOC_DOMAIN}>")

# Thunderbird 115, HTML (and its flowed text part)
client("tb115",
       tail=[],
       attr_text=lambda: f"On {W:%d/%m/%Y %H:%M}, Regional Palliative Care Audit Group wrote:\n",
       prefix="> ",
       line_html=lambda ls: "".join(f"<p>{esc(l)}</p>\n" if l else "<p><br>\n</p>\n" for l in ls),
       tail_html=lambda t: "",
       attr_html=lambda: f'<div class="moz-cite-prefix">On {W:%d/%m/%Y %H:%M}, Regional Palliative Care Audit Group wrote:<br>\n</div>\n',
       open_q=f'<blockquote type="cite" cite="mid:{INV_ID[1:-1]}">', close_q="</blockquote>",
       doc=lambda body: '<!DOCTYPE html>\n<html>\n<head>\n<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">\n</head>\n<body>\n' + body + "\n</body>\n</html>",
       cte="8bit", charset="UTF-8", flowed=True,
       headers=["User-Agent: Mozilla Thunderbird", "Content-Language: en-GB"], subject="Re: ",
       msgid=lambda n: f"<{uid(n)}@{DOC_DOMAIN}>")

# Outlook for Mac 16 (Word HTML and text)
client("outlook_mac",
       tail=[],
       attr_text=lambda: (f"From: {FROM_SURVEY}\nDate: {W:%A}, {W.day} {W:%B %Y} at {W:%H:%M}\n"
                          f"To: {DOC_LAST} {DOC_FIRST} <{DOC_ADDR}>\nSubject: {SUBJECT}\n"),
       prefix="",
       line_html=lambda ls: "".join(f'<p class="MsoNormal"><span style="font-size:11.0pt">{esc(l) if l else "&nbsp;"}<o:p></o:p></span></p>\n' for l in ls),
       tail_html=lambda t: "",
       attr_html=lambda: ('<p class="MsoNormal"><span style="font-size:11.0pt"><o:p>&nbsp;</o:p></span></p>\n<div id="mail-editor-reference-message-container">'
                          '<div><div style="border:none;border-top:solid #B5C4DF 1.0pt;padding:3.0pt 0cm 0cm 0cm"><p class="MsoNormal" style="margin-bottom:12.0pt">'
                          '<b><span style="font-size:12.0pt;color:black">From: </span></b><span style="font-size:12.0pt;color:black">Regional Palliative Care Audit Group &lt;survey@survey.test&gt;<br>'
                          f'<b>Date: </b>{W:%A}, {W.day} {W:%B %Y} at {W:%H:%M}<br><b>To: </b>{DOC_LAST} {DOC_FIRST} &lt;{DOC_ADDR}&gt;<br>'
                          f'<b>Subject: </b>{esc(SUBJECT)}<o:p></o:p></span></p></div>'),
       open_q="", close_q="", end_html="</div></div>",
       doc=lambda body: OUTLOOK_HEAD.replace("Microsoft Word 15", "Microsoft Word 15").replace('link="#0563C1" vlink="#954F72"', 'link="#467886" vlink="#96607D"') + body + "\n</div>\n</body>\n</html>\n",
       cte="quoted-printable", charset="utf-8", word=True,
       headers=lambda n: ["User-Agent: Microsoft-MacOutlook/16.91.24111020", f"Thread-Topic: {SUBJECT}",
                          f"Thread-Index: AQHc{h(n, 20)}==", "Content-Language: en-GB"], subject="Re: ",
       msgid=lambda n: f"<{uid(n).upper()}@{DOC_DOMAIN}>", crlf=True)

# Gmail for iOS
client("gmail_ios",
       tail=[],
       attr_text=lambda: f"On {W:%a}, {W.day} {W:%b %Y} at {W:%H:%M}, {FROM_SURVEY} wrote:\n",
       prefix="> ",
       line_html=lambda ls: _divs(ls, ' dir="auto"'),
       tail_html=lambda t: "",
       attr_html=lambda: (f'<div><br><div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">On {W:%a}, {W.day} {W:%b %Y} at {W:%H:%M}, '
                          'Regional Palliative Care Audit Group &lt;<a href="mailto:survey@survey.test">survey@survey.test</a>&gt; wrote:<br></div>'),
       open_q='<blockquote class="gmail_quote" style="margin:0 0 0 .8ex;border-left:1px #ccc solid;padding-left:1ex">', close_q="</blockquote>", end_html="</div></div>",
       doc=lambda body: body, cte="quoted-printable", charset="UTF-8", headers=[], subject="Re: ",
       msgid=lambda n: f"<CAJ{h(n, 20)}{h(n, 18, 'z').upper()}@mail.gmail.com>")

# Alpine (text only, flowed)
client("alpine",
       tail=[],
       attr_text=lambda: f"On {W:%a}, {W.day} {W:%b %Y}, Regional Palliative Care Audit Group wrote:\n",
       prefix="> ", text_only=True, flowed=True, cte="7bit", charset="US-ASCII",
       headers=["User-Agent: Alpine 2.26 (DEB 649 2022-06-02)"], subject="Re: ",
       msgid=lambda n: f"<alpine.DEB.2.26.{W:%y%m%d}{int(h(n, 5), 16) % 10000000:07d}.{int(h(n, 4, 'p'), 16) % 100000}@pc-{DOC_FIRST[0].lower()}{DOC_LAST.lower()}>")

# Mutt 2.2 (text only, 8bit)
client("mutt",
       tail=[],
       attr_text=lambda: f"On {W:%a, %b %d, %Y at %I:%M:%S%p} +0000, Regional Palliative Care Audit Group wrote:\n",
       prefix="> ", text_only=True, cte="8bit", charset="utf-8",
       headers=["Content-Disposition: inline", "User-Agent: Mutt/2.2.13 (2024-03-09)"], subject="Re: ",
       msgid=lambda n: f"<2026{h(n, 10)}.GA{int(h(n, 4), 16)}@pc-{DOC_FIRST[0].lower()}{DOC_LAST.lower()}.{DOC_DOMAIN}>")


def reply(name, key, top=(), answers=None, on_line=None, before=None, after_question=None, after_option=None,
          bottom=(), quote_text=None, quote_html=None, top_html=None, bottom_html=None, tail=None, color="#1F4E79",
          frm=None, to=None, subject=None, in_reply_to=INV_ID, references=None, date=None, extra=(), attr_text=None,
          attr_html=None, split=True, html=True):
    """A reply in client `key`'s form: `top` lines above the quote (the
    doctor's text and sign-off), answers typed into the quoted invitation
    (see inv_text / inv_html), `bottom` lines below the whole quote."""
    c = CLIENTS[key]
    tail = c["tail"] if tail is None else tail
    ttail = c.get("text_tail", lambda: None)() if tail == c["tail"] else None
    parts = []
    if top:
        parts.append("\n".join(top))
    if tail:
        parts.append("\n".join(ttail if ttail else tail))
    qt = quote_text if quote_text is not None else inv_text(answers, on_line, before, dict(after_question or {}), after_option, prefix=c["prefix"])
    parts.append((attr_text if attr_text is not None else c["attr_text"]()) + ("\n" if c["prefix"] else "\n") + qt)
    if bottom:
        parts.append("\n".join(bottom))
    sep = "\n\n" if not c.get("blank_before_tail") else "\n\n"
    text = sep.join(parts) + "\n"
    hdrs = c["headers"](name) if callable(c["headers"]) else list(c["headers"])
    hdrs += list(extra)
    kw = dict(subject=subject or c["subject"] + SUBJECT, msgid=c["msgid"](name), in_reply_to=in_reply_to, references=references,
              date=date)
    if frm:
        kw["frm"] = frm
    if to:
        kw["to"] = to
    charset = c["charset"]
    if c.get("text_only") or not html:
        if c.get("flowed"):
            body = leaf(f"text/plain; charset={charset}; format=flowed", flow(text), cte=c["cte"], charset=charset.lower())
        else:
            body = leaf(f"text/plain; charset={charset}", text, cte=c["cte"], charset=charset.lower())
        return message(name, hdrs, body, eightbit=c["cte"] == "8bit", crlf=c.get("crlf", False), **kw)
    if quote_html is None:
        if c.get("word"):
            quote_html = word_original(after_question={q: f' <span style="color:{color}">{esc(a)}</span>' for q, a in (after_question or {}).items()},
                                       on_answer={q: f' <span style="color:{color}">{esc(a)}</span>' for q, a in (on_line or {}).items()},
                                       below_answer={q: f'<span style="color:{color}">' + esc(a).replace(chr(10), '<br>' + chr(10)) + '</span>' for q, a in (answers or {}).items()},
                                       after_option={k: f' <span style="color:{color}">{esc(a)}</span>' for k, a in (after_option or {}).items()})
        elif split and c["open_q"]:
            quote_html = inv_html(on_line=on_line, after=answers, before=before, after_question=after_question, after_option=after_option,
                                  open_tag=c["open_q"], close_tag=c["close_q"], color=color)
        else:
            quote_html = inv_html(on_line={**(answers or {}), **(on_line or {})}, before=before, after_question=after_question,
                                  after_option=after_option, color=color)
    body_html = (top_html if top_html is not None else c["line_html"](list(top))) + (c["tail_html"](tail) if tail else "") + \
        (attr_html if attr_html is not None else c["attr_html"]()) + c["open_q"] + quote_html + c["close_q"] + c.get("end_html", "") + \
        (bottom_html if bottom_html is not None else (c["line_html"](list(bottom)) if bottom else ""))
    doc = c["doc"](body_html)
    b = {"samsung": "--_com.samsung.android.email_", "spark": "", "proton": "b1_", "groupwise": "=__Part"}.get(key, "") + boundary("", name, 24)
    tcte = c.get("text_cte", c["cte"])
    if c.get("flowed"):
        tpart = leaf(f"text/plain; charset={charset}; format=flowed", flow(text), cte=tcte, charset=charset.lower())
    else:
        tpart = leaf(f"text/plain; charset={charset}", text, cte=tcte, charset=charset.lower())
    hpart = leaf(f"text/html; charset={charset}", doc, cte=c["cte"], charset=charset.lower())
    body = multipart("alternative", b, [tpart, hpart])
    return message(name, hdrs, body, eightbit=c["cte"] == "8bit", crlf=c.get("crlf", False), **kw)


# ---------- added for set 21e ----------
# AOL Mail (web): '-----Original Message-----' block with From/To/Sent/Subject,
# the original unquoted in the text part and in an AOLMsgPart div.
AOL_SENT = f"{W:%a, %b} {W.day}, {W:%Y} {ampm(W).lower()}"


def aol(name, lines, frm=None, **kw):
    head = (f"-----Original Message-----\nFrom: {FROM_SURVEY}\nTo: {DOC_ADDR}\n"
            f"Sent: {AOL_SENT}\nSubject: {SUBJECT}\n")
    text = "\n".join(lines) + "\n\n\n\n" + head + "\n" + INV_TEXT + "\n"
    html = ('<html><head></head><body><div style="font-family: Arial, Helvetica, sans-serif; font-size: 10pt; color: black;">'
            + _divs(lines) + '<div><br></div><div><br></div><div style="font-family:Arial, Helvetica, sans-serif;font-size:10pt;color:black;">'
            + "<br>".join(esc(l) for l in head.rstrip("\n").split("\n"))
            + f'<br><div id="AOLMsgPart_2_{uid(name)}"><div class="aolmail_{h(name, 8)}">' + INV_HTML_BODY
            + "</div></div></div></div></body></html>")
    b = "----=_Part_" + str(int(h(name, 8), 16)) + "_1796630000000.1796630000001"
    body = multipart("alternative", b, [leaf("text/plain; charset=UTF-8", text), leaf("text/html; charset=UTF-8", html)])
    kw.setdefault("subject", "Re: " + SUBJECT)
    kw.setdefault("msgid", f"<{int(h(name, 9), 16)}.{int(h(name, 6, 'aol'), 16)}.1796630000000@mail.aol.com>")
    if frm:
        kw["frm"] = frm
    return message(name, ["X-Mailer: WebService/1.1.25196 AolMailNorrin"], body, **kw)

# ---------------- clients added for set 22c ----------------
# (the everyday clients again, in the generic reply() form above, so that
# answers can be typed into their quotes)

# Gmail web: the attribution wrapped at the address in the text part
client("gmail_web",
       tail=[],
       attr_text=lambda: WROTE_GMAIL.replace(" <survey@", " <\nsurvey@") + "\n",
       prefix="> ",
       line_html=lambda ls: '<div dir="ltr">' + _divs(ls) + "</div>",
       tail_html=lambda t: "",
       attr_html=lambda: '<br><div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">' + esc(WROTE_GMAIL) + "<br></div>",
       open_q='<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">',
       close_q="</blockquote>", end_html="</div>",
       doc=lambda body: body, cte="quoted-printable", charset="UTF-8", headers=[], subject="Re: ",
       msgid=lambda n: f"<CAF{h(n, 24)}{h(n, 14, 'w').upper()}@mail.gmail.com>")

# Gmail for Android: "On Tue, 1 Dec 2026, 09:00 Name, <address> wrote:"
GMAIL_ANDROID_WROTE = f"On {W:%a}, {W.day} {W:%b %Y}, {W:%H:%M} Regional Palliative Care Audit Group, <survey@survey.test> wrote:"
client("gmail_android",
       tail=[],
       attr_text=lambda: GMAIL_ANDROID_WROTE.replace(" <survey@", " <\nsurvey@") + "\n",
       prefix="> ",
       line_html=lambda ls: _divs(ls, ' dir="auto"'),
       tail_html=lambda t: "",
       attr_html=lambda: '<br><div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">' + esc(GMAIL_ANDROID_WROTE) + "<br></div>",
       open_q='<blockquote class="gmail_quote" style="margin:0 0 0 .8ex;border-left:1px #ccc solid;padding-left:1ex">',
       close_q="</blockquote>", end_html="</div>",
       doc=lambda body: '<div dir="auto">' + body + "</div>", cte="quoted-printable", charset="UTF-8", headers=[], subject="Re: ",
       msgid=lambda n: f"<CAK{h(n, 22)}{h(n, 16, 'a').upper()}@mail.gmail.com>")

# Apple Mail (macOS): the attribution quoted too
APPLE_BODY = '<body style="overflow-wrap: break-word; -webkit-nbsp-mode: space; line-break: after-white-space;">'
client("apple_mac",
       tail=[],
       attr_text=lambda: "> " + WROTE_APPLE + "\n>",
       prefix="> ",
       line_html=lambda ls: _divs(ls),
       tail_html=lambda t: "",
       attr_html=lambda: '<div><br><blockquote type="cite"><div>' + esc(WROTE_APPLE) + '</div><br class="Apple-interchange-newline"></blockquote></div>',
       open_q='<blockquote type="cite">', close_q="</blockquote>",
       doc=lambda body: '<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head>' + APPLE_BODY + body + "</body></html>",
       cte="quoted-printable", charset="utf-8", headers=["X-Mailer: Apple Mail (2.3864.100.1.2.5)"], subject="Re: ",
       mime="1.0 (Mac OS X Mail 16.0 \\(3864.100.1.2.5\\))",
       msgid=lambda n: f"<{uid(n).upper()}@{DOC_DOMAIN}>")

# iPhone Mail: "Sent from my iPhone" above the quoted attribution
client("iphone",
       tail=["Sent from my iPhone"],
       attr_text=lambda: "> " + WROTE_APPLE + "\n>",
       prefix="> ",
       line_html=lambda ls: _divs(ls, ' dir="ltr"'),
       tail_html=lambda t: '<div dir="ltr"><br></div><div dir="ltr">' + "<br>".join(map(esc, t)) + "</div>",
       attr_html=lambda: '<div dir="ltr"><br><blockquote type="cite">' + esc(WROTE_APPLE) + "<br><br></blockquote></div>",
       open_q='<blockquote type="cite"><div dir="ltr">', close_q="</div></blockquote>",
       doc=lambda body: '<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head><body dir="auto">' + body + "</body></html>",
       cte="quoted-printable", charset="utf-8", headers=["X-Mailer: iPhone Mail (23B85)"], subject="Re: ", mime="1.0 (1.0)",
       msgid=lambda n: f"<{h(n, 8).upper()}-{h(n, 4, 'i').upper()}-4D2E-A1B3-{h(n, 12, 'j').upper()}@{DOC_DOMAIN}>")


def apple_reply(name, key, **kw):
    """reply() for the Apple clients, with their MIME-Version comment."""
    raw = reply(name, key, **kw)
    return raw.replace(b"MIME-Version: 1.0\n", f"MIME-Version: {CLIENTS[key]['mime']}\n".encode(), 1)


def word_table(rows, widths=None):
    """A small Word table as Outlook for Windows writes it (MsoTableGrid),
    and its text rendering (cells separated by tabs)."""
    widths = widths or [240] + [80] * (max(len(r) for r in rows) - 1)
    td = '<td width="{w}" valign="top" style="width:{pt}pt;border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt"><p class="MsoNormal">{c}<o:p></o:p></p></td>'
    html = ('<table class="MsoTableGrid" border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse;border:none">\n'
            + "".join("<tr>" + "".join(td.format(w=w, pt=w * 3 // 4, c=esc(c)) for c, w in zip(r, widths)) + "</tr>\n" for r in rows)
            + "</table>\n")
    return html, "\n".join("\t".join(r) for r in rows)


def word_paras(lines):
    """Lines as Outlook for Windows' MsoNormal paragraphs (a blank line an
    empty paragraph)."""
    return "".join(f'<p class="MsoNormal">{esc(l)}<o:p></o:p></p>\n' if l else '<p class="MsoNormal"><o:p>&nbsp;</o:p></p>\n' for l in lines)


def outlook_win(name, top=(), below=None, on_line=None, after_question=None, after_option=None, color="#1F3864",
                top_html=None, top_text=None):
    """Outlook 365 for Windows (Word HTML and its text part): `top` lines
    above the From/Sent block, answers typed into the unquoted original
    below a question's `Answer:` (below), after it on its line (on_line),
    after the question's text or an option's (after_question,
    after_option, keyed (q, letter)), in the doctor's colour."""
    span = lambda a: f'<span style="color:{color}">' + esc(a).replace("\n", "<br>\n") + "</span>"
    below, on_line = below or {}, on_line or {}
    after_question, after_option = after_question or {}, after_option or {}
    original_html = word_original(after_question={q: " " + span(a) for q, a in after_question.items()},
                                  on_answer={q: " " + span(a) for q, a in on_line.items()},
                                  below_answer={q: span(a) for q, a in below.items()},
                                  after_option={k: " " + span(a) for k, a in after_option.items()})
    original_text = flat_text(after_question=after_question, on_answer=on_line, below_answer=below, after_option=after_option)
    if top_html is None:
        top_html = word_paras(top)
    html = OUTLOOK_HEAD + top_html + OUTLOOK_FROM_HTML + original_html + "\n</div>\n</body>\n</html>\n"
    text = (top_text if top_text is not None else "\n".join(top)) + "\n\n" + OUTLOOK_FROM_TEXT + "\n" + original_text + "\n"
    b = boundary("_000_CWLP265MB", name, 20) + "CWLP265MB3217GBRP_"
    body = multipart("alternative", b, [leaf("text/plain", text), leaf("text/html", html)])
    headers = [f"Thread-Topic: {SUBJECT}", f"Thread-Index: AQHc{h(name, 20, 'ow')}==",
               "Accept-Language: en-GB, en-US", "Content-Language: en-GB", "X-MS-Has-Attach:", "X-MS-TNEF-Correlator:"]
    return message(name, headers, body, crlf=True,
                   msgid=f"<CWLP265MB{h(name, 12).upper()}{h(name, 10, 'x').upper()}@CWLP265MB3217.GBRP265.PROD.OUTLOOK.COM>")

# ---------------- added for heldback21d (earlier sets do not call these) ----------------
APPLE_MAC_MAILER = "Apple Mail (2.3864.200.81.1.6)"
APPLE_MAC_MIME = "1.0 (Mac OS X Mail 16.0 \\(3864.200.81.1.6\\))"


def _apple_msgid(name):
    return f"<{h(name, 8).upper()}-7A1B-4C2D-9E3F-{hashlib.md5(name.encode()).hexdigest()[:12].upper()}@{DOC_DOMAIN}>"


def apple_mac_plain(name, text, **kw):
    """Apple Mail on macOS in plain-text mode: one text/plain part,
    format=flowed with DelSp=yes, quoted-printable."""
    body = leaf("text/plain; charset=utf-8; delsp=yes; format=flowed", flow(text, delsp=True))
    kw.setdefault("subject", "Re: " + SUBJECT)
    kw.setdefault("msgid", _apple_msgid(name))
    return message(name, [f"X-Mailer: {APPLE_MAC_MAILER}"], body, mime_version=APPLE_MAC_MIME, **kw)


def apple_mac_text(lines, quoted=None, wrote=None):
    """Apple Mail's text part: the reply, then the original quoted with `>`."""
    return ("\n".join(lines) + "\n\n> " + (wrote or WROTE_APPLE) + "\n> \n" + (quoted if quoted is not None else quote(INV_TEXT)) + "\n")


def apple_mac(name, lines, quote_html=None, quote_text=None, text=None, **kw):
    """Apple Mail on macOS, rich text: multipart/alternative (QP text, HTML
    with the original in `<blockquote type="cite">`)."""
    html = ('<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head>'
            '<body style="overflow-wrap: break-word; -webkit-nbsp-mode: space; line-break: after-white-space;">'
            + _divs(lines) + '<div><br><blockquote type="cite"><div>' + esc(WROTE_APPLE)
            + '</div><br class="Apple-interchange-newline">' + (quote_html if quote_html is not None else INV_HTML_BODY)
            + '</blockquote></div><br></body></html>')
    text = text if text is not None else apple_mac_text(lines, quote_text)
    b = "Apple-Mail=_" + uid(name).upper()
    body = multipart("alternative", b, [leaf("text/plain; charset=utf-8", text), leaf("text/html; charset=utf-8", html)])
    kw.setdefault("subject", "Re: " + SUBJECT)
    kw.setdefault("msgid", _apple_msgid(name))
    return message(name, [f"X-Mailer: {APPLE_MAC_MAILER}"], body, mime_version=APPLE_MAC_MIME, **kw)


AOL_WROTE = f"On {W:%A}, {W.day} {W:%B %Y} at {W:%H:%M:%S} GMT, Regional Palliative Care Audit Group <survey@survey.test> wrote:"


def aol_21d(name, lines, **kw):
    """AOL Mail (web; the same platform as Yahoo): text part indented by one
    space without `>`, HTML with `aolmail_` ids."""
    text = ("\n".join(lines) + "\n\n\n    " + AOL_WROTE + "  \n \n" + "\n".join((" " + l) if l else " " for l in INV_TEXT.split("\n")) + "\n")
    html = ('<html><head></head><body><div class="aolmail_ydpa1b2c3d4yahoo-style-wrap" style="font-family:Helvetica Neue, Helvetica, Arial, sans-serif;font-size:16px;">'
            + _divs(lines, ' dir="ltr" data-setdir="false"') + '</div><div id="aolmail_ydpa1b2c3d4yahoo_quoted_5678" class="aolmail_ydpa1b2c3d4yahoo_quoted">'
            '<div style="font-family:\'Helvetica Neue\', Helvetica, Arial, sans-serif;font-size:13px;color:#26282a;"><div>'
            + esc(AOL_WROTE) + '</div><div><br></div><div><br></div><div><div id="aolmail_ydpa1b2c3d4yiv9876543210">' + INV_HTML_BODY
            + '</div></div></div></div></body></html>')
    b = "----=_Part_" + str(int(h(name, 8), 16)) + "_2044521337.1796720000000"
    body = multipart("alternative", b, [leaf("text/plain; charset=UTF-8", text), leaf("text/html; charset=UTF-8", html)])
    kw.setdefault("subject", "Re: " + SUBJECT)
    kw.setdefault("msgid", f"<{int(h(name, 9), 16)}.{int(h(name, 6, 'aol'), 16)}.1796720000000@mail.yahoo.com>")
    return message(name, ["X-Mailer: WebService/1.1.25195 AolMailNorrin"], body, **kw)


def outlook_desktop_raw(name, html_body, text, subject=None, frm=None, extra_headers=(), **kw):
    """Outlook 2016/365 desktop with a body written out by hand (Word HTML
    inside WordSection1, and its text part), for tables, Word's numbered
    lists and forwards."""
    html = OUTLOOK_HEAD + html_body + "\n</div>\n</body>\n</html>\n"
    b = boundary("_000_LO2P265MB", name, 20) + "LO2P265MB5146GBRP_"
    body = multipart("alternative", b, [leaf("text/plain", text), leaf("text/html", html)])
    headers = [f"Thread-Topic: {SUBJECT}", f"Thread-Index: AQHcXmB4{h(name, 20)}==",
               "Accept-Language: en-GB, en-US", "Content-Language: en-GB", "X-MS-Has-Attach:",
               "X-MS-TNEF-Correlator:", *extra_headers]
    if frm:
        kw["frm"] = frm
    if subject:
        kw["subject"] = subject
    kw.setdefault("msgid", f"<LO2P265MB{h(name, 12).upper()}@LO2P265MB5146.GBRP265.PROD.OUTLOOK.COM>")
    return message(name, headers, body, crlf=True, **kw)
