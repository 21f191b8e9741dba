"""How each client of sets 21b and 22 writes a reply: headers, quoting,
HTML and MIME. Built on the set's lib.py (its invitation, doctor and
dates; see mailgen.py)."""
from lib import *

W = INV_WHEN  # the invitation's send time (UTC = Europe/London in winter)


def owa_sent(seconds=False):
    """The invitation's send time as Outlook on the web writes it."""
    t = W.strftime("%I:%M:%S %p" if seconds else "%I:%M %p").lstrip("0")
    return f"{W:%A, %B} {W.day}, {W.year} {t}"

GMAIL_BQ = '<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">'


def divs(lines, attr=""):
    return "".join(f"<div{attr}>{esc(l) if l else '<br>'}</div>" for l in lines)


# ---------- Gmail web / Android ----------
def gmail_top(name, lines, sign=DEFAULT, wrote=DEFAULT, android=False, **kw):
    sign = ("Best,", DOC_FIRST) if sign is DEFAULT else sign
    wrote = WROTE_GMAIL if wrote is DEFAULT else wrote
    text = "\n".join(lines) + "\n\n" + "\n".join(sign) + "\n\n" + wrote + "\n\n" + quote(INV_TEXT) + "\n"
    a = ' dir="auto"' if android else ""
    html = (f'<div dir="{"auto" if android else "ltr"}">' + divs(lines, a) + f"<div{a}><br></div>" + divs(sign, a) + "</div><br>"
            + gmail_quote_html(INV_HTML_BODY, wrote=wrote))
    return gmail(name, text, html, **kw)


# ---------- Apple: iPhone / iPad / Mac ----------
def apple(name, text, html=None, mailer="iPhone Mail (23B85)", mime_version="1.0 (1.0)", charset="utf-8", cte="quoted-printable", **kw):
    if html is None:
        body = leaf(f"text/plain; charset={charset}", text, cte=cte, charset=charset)
    else:
        b = "Apple-Mail-" + boundary("", name, 8).upper() + "-2F4E-4B1A-9C3D-7E6F5A4B3C2D"
        body = multipart("alternative", b, [leaf(f"text/plain; charset={charset}", text, cte=cte, charset=charset),
                                            leaf(f"text/html; charset={charset}", html, cte=cte, charset=charset)])
    kw.setdefault("subject", "Re: " + SUBJECT)
    kw.setdefault("msgid", f"<{hashlib.sha1(name.encode()).hexdigest()[:8].upper()}-1C2D-4E5F-8A9B-{hashlib.md5(name.encode()).hexdigest()[:12].upper()}@{DOC_DOMAIN}>")
    return message(name, [f"X-Mailer: {mailer}"], body, mime_version=mime_version, **kw)


def iphone_text(lines, tail="Sent from my iPhone"):
    return "\n".join(lines) + "\n\n" + tail + "\n\n> " + WROTE_APPLE + "\n> \n" + quote(INV_TEXT) + "\n"


def iphone_html(lines, tail="Sent from my iPhone", original=None):
    return ('<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head><body dir="auto">'
            + divs(lines, ' dir="ltr"') + f'<div dir="ltr"><br></div><div dir="ltr">{tail}</div><div dir="ltr"><br><blockquote type="cite">'
            + esc(WROTE_APPLE) + '<br><br></blockquote></div><blockquote type="cite"><div dir="ltr">' + (original or INV_HTML_BODY)
            + '</div></blockquote></body></html>')


def iphone(name, lines, tail="Sent from my iPhone", **kw):
    return apple(name, iphone_text(lines, tail), iphone_html(lines, tail), **kw)


MAC_MAILER = "Apple Mail (2.3864.100.1.2.5)"
MAC_MIME = "1.0 (Mac OS X Mail 16.0 \\(3864.100.1.2.5\\))"


# ---------- Outlook on the web / new Outlook ----------
def owa_header_html(sent=None):
    sent = sent or owa_sent()
    return ('<div id="appendonsend"></div><hr style="display:inline-block;width:98%" tabindex="-1">'
            '<div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt" color="#000000"><b>From:</b> Regional Palliative Care Audit Group &lt;survey@survey.test&gt;<br>'
            f'<b>Sent:</b> {sent}<br><b>To:</b> {DOC_LAST} {DOC_FIRST} &lt;{DOC_ADDR}&gt;<br><b>Subject:</b> {SUBJECT}</font><div>&nbsp;</div></div>')


def owa_top_html(lines, original=None):
    p = '<div class="elementToProof" style="font-family: Aptos, Aptos_EmbeddedFont, Aptos_MSFontService, Calibri, Helvetica, sans-serif; font-size: 12pt; color: rgb(0, 0, 0);">'
    return ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><style type="text/css" style="display:none;"> P {margin-top:0;margin-bottom:0;} </style></head>'
            '<body dir="ltr">' + "".join(p + (esc(l) if l else "<br>") + "</div>" for l in lines) + owa_header_html()
            + (original or INV_HTML_BODY) + '</body></html>')


def owa_text(lines, original_text=None):
    return ("\n".join(lines) + "\n________________________________\n"
            + OUTLOOK_FROM_TEXT.replace(f"{W:%d %B %Y %H:%M}", owa_sent()) + "\n"
            + (original_text or INV_TEXT) + "\n")


def owa(name, lines, original=None, original_text=None, html_only=False, frm=None, text_charset="utf-8", extra=(), **kw):
    html = owa_top_html(lines, original)
    if html_only:
        body = leaf("text/html", html)
    else:
        b = boundary("_000_", name, 10).upper() + "DB9PR07MB1234eurprd07prod_"
        body = multipart("alternative", b, [leaf(f'text/plain; charset="{text_charset}"', owa_text(lines, original_text), charset=text_charset),
                                            leaf('text/html; charset="utf-8"', html)])
    h = ["Thread-Topic: " + SUBJECT, "Thread-Index: AQHcXmB4" + hashlib.sha1(name.encode()).hexdigest()[:20] + "==",
         "Accept-Language: en-GB, en-US", "Content-Language: en-GB", "X-MS-Has-Attach:", "X-MS-TNEF-Correlator:", *extra]
    if frm:
        kw["frm"] = frm
    kw.setdefault("msgid", f"<DB9PR07MB{hashlib.sha1(name.encode()).hexdigest()[:12].upper()}@DB9PR07MB1234.eurprd07.prod.outlook.com>")
    return message(name, h, body, crlf=True, **kw)


# ---------- Outlook for iOS / Android ----------
def outlook_mobile(name, lines, platform="iOS", extra_text_top=None):
    link = "https://aka.ms/o0ukef" if platform == "iOS" else "https://aka.ms/AAb9ysg"
    sent = owa_sent(seconds=True)
    text = ("\n".join(lines) + f"\n\nGet Outlook for {platform}<{link}>\n________________________________\n"
            f"From: Regional Palliative Care Audit Group <survey@survey.test>\nSent: {sent}\n"
            f"To: {DOC_LAST} {DOC_FIRST} <{DOC_ADDR}>\nSubject: {SUBJECT}\n\n" + INV_TEXT + "\n")
    html = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>'
            '<div dir="auto" style="font-family: Aptos, sans-serif; font-size: 12pt; color: rgb(0, 0, 0);">'
            + "<br>".join(esc(l) for l in lines) + '</div><div dir="auto" style="font-family: Aptos, sans-serif; font-size: 12pt;"><br></div>'
            f'<div id="ms-outlook-mobile-body-separator-line" dir="auto"></div><div id="ms-outlook-mobile-signature" dir="auto">Get <a href="{link}">Outlook for {platform}</a></div>'
            '<div id="mail-editor-reference-message-container" class="ms-outlook-mobile-reference-message"><hr style="display:inline-block;width:98%" tabindex="-1">'
            '<div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt" color="#000000"><b>From:</b> Regional Palliative Care Audit Group &lt;survey@survey.test&gt;<br>'
            f'<b>Sent:</b> {sent}<br><b>To:</b> {DOC_LAST} {DOC_FIRST} &lt;{DOC_ADDR}&gt;<br><b>Subject:</b> {SUBJECT}</font><div>&nbsp;</div></div>'
            + INV_HTML_BODY + '</div></body></html>')
    b = boundary("_000_", name, 10).upper() + "AM9PR07MB7777eurprd07prod_"
    body = multipart("alternative", b, [leaf('text/plain; charset="utf-8"', text, cte="base64"), leaf('text/html; charset="utf-8"', html, cte="base64")])
    h = ["Thread-Topic: " + SUBJECT, "Thread-Index: AQHcXmB4" + hashlib.sha1(name.encode()).hexdigest()[:20] + "==",
         "Accept-Language: en-GB, en-US", "Content-Language: en-GB", "X-MS-Has-Attach:", "X-MS-TNEF-Correlator:"]
    return message(name, h, body, crlf=True, subject="Re: " + SUBJECT, msgid=f"<AM9PR07MB{hashlib.sha1(name.encode()).hexdigest()[:12].upper()}@AM9PR07MB7777.eurprd07.prod.outlook.com>")


# ---------- Yahoo Mail ----------
YAHOO_WROTE = f"On {W:%A}, {W.day} {W:%B %Y} at {W:%H:%M:%S} GMT, Regional Palliative Care Audit Group <survey@survey.test> wrote:"


def yahoo(name, lines, **kw):
    # Yahoo's text part: the original indented by one space, no '>' marks.
    text = ("\n".join(lines) + "\n\n\n    " + YAHOO_WROTE + "  \n \n" + "\n".join((" " + l) if l else " " for l in INV_TEXT.split("\n")) + "\n")
    html = ('<html><head></head><body><div class="ydp3f1e2a9cyahoo-style-wrap" style="font-family:Helvetica Neue, Helvetica, Arial, sans-serif;font-size:13px;">'
            + divs(lines, ' dir="ltr" data-setdir="false"') + '</div><div id="ydp3f1e2a9cyahoo_quoted_1234" class="ydp3f1e2a9cyahoo_quoted">'
            '<div style="font-family:\'Helvetica Neue\', Helvetica, Arial, sans-serif;font-size:13px;color:#26282a;"><div>'
            + esc(YAHOO_WROTE) + '</div><div><br></div><div><br></div><div><div id="ydp3f1e2a9cyiv1234567890">' + INV_HTML_BODY
            + '</div></div></div></div></body></html>')
    b = "----=_Part_" + str(int(hashlib.sha1(name.encode()).hexdigest()[:8], 16)) + "_1796352841.1796630000000"
    body = multipart("alternative", b, [leaf("text/plain; charset=UTF-8", text), leaf("text/html; charset=UTF-8", html)])
    kw.setdefault("subject", "Re: " + SUBJECT)
    kw.setdefault("msgid", f"<{int(hashlib.sha1(name.encode()).hexdigest()[:9], 16)}.{int(hashlib.md5(name.encode()).hexdigest()[:6], 16)}.1796630000000@mail.yahoo.com>")
    return message(name, ["X-Mailer: WebService/1.1.25195 YMailNorrin"], body, **kw)


# ---------- Thunderbird ----------
def thunderbird_flowed(name, text, charset="UTF-8", cte="7bit", extra=(), **kw):
    body = leaf(f"text/plain; charset={charset}; format=flowed", flow(text), cte=cte, charset=charset.lower())
    kw.setdefault("subject", "Re: " + SUBJECT)
    kw.setdefault("msgid", f"<{hashlib.sha1(name.encode()).hexdigest()[:8]}-{hashlib.md5(name.encode()).hexdigest()[:4]}-4c1e-9a2b-{hashlib.md5(name.encode()).hexdigest()[4:16]}@{DOC_DOMAIN}>")
    return message(name, ["User-Agent: Mozilla Thunderbird", "Content-Language: en-GB", *extra], body, **kw)


# ---------- Outlook desktop plain text (-----Original Message-----) ----------
def outlook_text(name, text, charset="us-ascii", cte="quoted-printable", frm=None, **kw):
    body = leaf(f'text/plain; charset="{charset}"', text, cte=cte, charset=charset)
    if frm:
        kw["frm"] = frm
    return message(name, ["X-Mailer: Microsoft Outlook 16.0", "Thread-Index: AdxeYz" + hashlib.sha1(name.encode()).hexdigest()[:16] + "==",
                          "Content-Language: en-gb"], body, crlf=True, **kw)


ORIGINAL_MESSAGE = "-----Original Message-----\n" + OUTLOOK_FROM_TEXT
