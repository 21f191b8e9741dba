"""What every held-back set's generator shares (scripts/heldback*/): the
real invitation of the set rendered and quoted the way each mail client
does it, with MIME written out by hand, and the cases written as the
format of tests/fixtures/replies/ (NAME.eml + NAME.json).

A set's lib.py calls configure() with its invitation, doctor, survey and
dates, then takes everything from here (`from mailgen import *`); the
set's cases and this folder's clients.py and clients_new.py take it from
that lib.py. Rerunning a set's gen.py writes the same bytes."""
import binascii, base64, datetime, email, email.policy, hashlib, html as htmlmod, json, os, re

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # the repository
SUBJECT = "Survey: ketamine use in specialist palliative care (5 minutes)"
DEFAULT = object()  # a default argument that means "the setting's"

# Set by configure().
SET = SRC = TOKEN = REPLY_TO = INV_ID = None
IDS, REQUIRED, CONDITION = [], [], {}
DOC_FIRST = DOC_LAST = DOC_ADDR = DOC_DOMAIN = None
INV_WHEN = FIXED_DATE = REPLIES = THREAD_INDEX = None
INV_TEXT = INV_HTML = INV_HTML_BODY = None
WROTE_GMAIL = WROTE_APPLE = WROTE_TB = OUTLOOK_FROM_HTML = OUTLOOK_FROM_TEXT = None


def configure(set_name, source, token, ids, required, doctor, invited, replies=None, fixed_date=None,
              thread_index="AQHcXmB4r2Vv1kP0zE6tQ8nW5yYq3A==", condition=None):
    """The set: its name (Message-IDs end `.SET@DOMAIN`), the invitation
    (a file of tests/fixtures/sources/ and its token), the survey's
    question ids and the required ones (`condition`: question -> the
    yes/no question whose yes it needs), the doctor (first, last,
    address), when the invitation was sent (naive UTC), and when the
    replies were sent: `replies` (first hour, days, hours) spreads them by
    name, or every reply has `fixed_date`."""
    global SET, SRC, TOKEN, REPLY_TO, INV_ID, IDS, REQUIRED, CONDITION, DOC_FIRST, DOC_LAST, DOC_ADDR, DOC_DOMAIN
    global INV_WHEN, FIXED_DATE, REPLIES, THREAD_INDEX, INV_TEXT, INV_HTML, INV_HTML_BODY
    global WROTE_GMAIL, WROTE_APPLE, WROTE_TB, OUTLOOK_FROM_HTML, OUTLOOK_FROM_TEXT
    SET, TOKEN = set_name, token
    SRC = os.path.join(ROOT, "tests/fixtures/sources", source)
    REPLY_TO = f"survey+{TOKEN}@survey.test"
    INV_ID = f"<invitation.1.{TOKEN}@survey.test>"
    IDS, REQUIRED, CONDITION = ids, required, condition or {}
    DOC_FIRST, DOC_LAST, DOC_ADDR = doctor
    DOC_DOMAIN = DOC_ADDR.split("@")[1]
    INV_WHEN, REPLIES, FIXED_DATE, THREAD_INDEX = invited, replies, fixed_date, thread_index
    inv = email.message_from_bytes(open(SRC, "rb").read(), policy=email.policy.default)
    INV_TEXT = inv.get_body(("plain",)).get_content().replace("\r\n", "\n").rstrip("\n")
    INV_HTML = inv.get_body(("html",)).get_content().replace("\r\n", "\n")
    INV_HTML_BODY = re.search(r"<body[^>]*>(.*)</body>", INV_HTML, re.S).group(1)
    w = invited
    WROTE_GMAIL = f"On {w:%a}, {w.day} {w:%b %Y} at {w:%H:%M}, Regional Palliative Care Audit Group <survey@survey.test> wrote:"
    WROTE_APPLE = f"On {w.day} {w:%b %Y}, at {w:%H:%M}, Regional Palliative Care Audit Group <survey@survey.test> wrote:"
    WROTE_TB = f"On {w:%d/%m/%Y %H:%M}, Regional Palliative Care Audit Group wrote:"
    OUTLOOK_FROM_HTML = f"""<div>
<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">
<p class="MsoNormal"><b><span lang="EN-US">From:</span></b><span lang="EN-US"> Regional Palliative Care Audit Group &lt;survey@survey.test&gt;
<br>
<b>Sent:</b> {w:%d %B %Y %H:%M}<br>
<b>To:</b> {DOC_LAST} {DOC_FIRST} &lt;{DOC_ADDR}&gt;<br>
<b>Subject:</b> {SUBJECT}<o:p></o:p></span></p>
</div>
</div>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
"""
    OUTLOOK_FROM_TEXT = f"""From: Regional Palliative Care Audit Group <survey@survey.test>
Sent: {w:%d %B %Y %H:%M}
To: {DOC_LAST} {DOC_FIRST} <{DOC_ADDR}>
Subject: {SUBJECT}
"""


def esc(s):
    return htmlmod.escape(s, quote=False)


def ok(value, other=None):
    a = {"status": "ok", "value": value}
    if other is not None:
        a["other"] = other
    return a


def INF(value):
    return {"status": "inferred", "value": value}


UNCLEAR = {"status": "unclear", "value": None}
INVALID = {"status": "invalid", "value": None}


# ---------- encodings ----------
def qp(text, charset="utf-8"):
    data = text.replace("\r\n", "\n").encode(charset)
    out = binascii.b2a_qp(data, quotetabs=False, istext=True, header=False).decode("ascii")
    return out


def b64(text, charset="utf-8"):
    data = text.replace("\r\n", "\n").replace("\n", "\r\n").encode(charset)
    enc = base64.b64encode(data).decode("ascii")
    return "\n".join(enc[i:i + 76] for i in range(0, len(enc), 76))


def leaf(ctype, body, cte="quoted-printable", charset="utf-8", extra=""):
    if cte == "quoted-printable":
        enc = qp(body, charset)
    elif cte == "base64":
        enc = b64(body, charset)
    else:
        enc = body
    ct = ctype if "charset" in ctype else f'{ctype}; charset="{charset}"'
    return f"Content-Type: {ct}\nContent-Transfer-Encoding: {cte}\n{extra}\n{enc}\n"


def multipart(subtype, boundary, parts):
    out = f'Content-Type: multipart/{subtype};\n\tboundary="{boundary}"\n\n'
    for p in parts:
        out += f"--{boundary}\n{p}\n"
    out += f"--{boundary}--\n"
    return out


def message(name, headers, body, frm=None, to=None, subject=None, in_reply_to=DEFAULT, date=None, msgid=None,
            crlf=False, mime_version="1.0", references=None, eightbit=False):
    frm = frm or f'"{DOC_FIRST} {DOC_LAST}" <{DOC_ADDR}>'
    to = to or f"Regional Palliative Care Audit Group <{REPLY_TO}>"
    subject = "RE: " + SUBJECT if subject is None else subject
    in_reply_to = INV_ID if in_reply_to is DEFAULT else in_reply_to
    date = date or FIXED_DATE or reply_date(name)
    subj = f"Subject: {subject}"
    if len(subj) > 78:  # folded at a space, as clients do
        cut = subj.rfind(" ", 0, 78)
        subj = subj[:cut] + "\n" + subj[cut:]
    h = [f"From: {frm}", f"To: {to}", subj, f"Date: {date}",
         f"Message-ID: {msgid or '<' + name + '.' + SET + '@' + DOC_DOMAIN + '>'}"]
    if in_reply_to:
        h += [f"In-Reply-To: {in_reply_to}", f"References: {references or in_reply_to}"]
    h += list(headers)
    h.append(f"MIME-Version: {mime_version}")
    raw = "\n".join(h) + "\n" + body
    if crlf:
        raw = raw.replace("\n", "\r\n")
    return raw.encode("utf-8" if eightbit else "ascii")


def reply_date(name, tz="+0000"):
    """A plausible reply time after the invitation, spread over the
    following days by the case's name (the setting's REPLIES: first hour,
    days, hours)."""
    import email.utils
    start, days, hours = REPLIES
    h = int(hashlib.sha1(name.encode()).hexdigest(), 16)
    d = start.replace(tzinfo=datetime.timezone.utc) + datetime.timedelta(
        days=h % days, hours=(h >> 8) % hours, minutes=(h >> 16) % 60, seconds=(h >> 24) % 60)
    return email.utils.format_datetime(d)


def boundary(prefix, name, n=28):
    return prefix + hashlib.sha1(name.encode()).hexdigest()[:n]


# ---------- text renderings ----------
def quote(text, prefix="> "):
    return "\n".join((prefix + l).rstrip() if l else prefix.rstrip() for l in text.split("\n"))


def inv_blocks():
    """The invitation's text as (question number or 0, line) pairs."""
    out, q = [], 0
    in_footer = False
    for line in INV_TEXT.split("\n"):
        m = re.match(r"^(\d+)\. ", line)
        if m:
            q = int(m.group(1))
        if line.startswith("Withdrawing:"):
            q = 0
        out.append((q, line))
    return out


def text_inline(answers=None, on_line=None, before_answer=None, prefix="> ", split_blank=True):
    """The invitation's text quoted with `prefix`; answers typed unquoted on
    the line below each quoted `Answer:` (answers), on the quoted `Answer:`
    line (on_line), or unquoted between the question and its quoted
    `Answer:` line (before_answer: the client split the quote)."""
    answers, on_line, before_answer = answers or {}, on_line or {}, before_answer or {}
    out = []
    for q, line in inv_blocks():
        if line == "Answer:" and q in before_answer:
            if split_blank:
                out.append("")
            out.extend(before_answer[q].split("\n"))
            if split_blank:
                out.append("")
        if line == "Answer:" and q in on_line:
            out.append(prefix + "Answer: " + on_line[q])
            continue
        out.append((prefix + line).rstrip() if line else prefix.rstrip())
        if line == "Answer:" and q in answers:
            out.append("")
            out.extend(answers[q].split("\n"))
            out.append("")
    return "\n".join(out)


def flow(text, width=72, delsp=False):
    """RFC 3676 format=flowed: long lines soft-broken at spaces (a trailing
    space, two with DelSp=yes), quote depth kept, space stuffing."""
    out = []
    for line in text.split("\n"):
        m = re.match(r"^(>+) ?", line)
        if m:
            depth = m.group(1)
            content = line[m.end():]
            prefix = depth + " "
        else:
            prefix, content = "", line
            if content.startswith((" ", "From ", ">")):
                content = " " + content
        if content == "-- " or (len(prefix + content) <= 78 and "\x01" not in content):
            out.append((prefix + content) if content else prefix.rstrip())
            continue
        chunks = []
        # \x01 (after a space) forces a soft break there, as a client
        # wrapping at its own width would.
        for segment in content.split("\x01"):
            words = segment.rstrip(" ").split(" ")
            cur = ""
            for w in words:
                if cur and len(prefix + cur + " " + w) > width:
                    chunks.append(cur)
                    cur = w
                else:
                    cur = (cur + " " + w) if cur else w
            chunks.append(cur)
        for i, c in enumerate(chunks):
            if i < len(chunks) - 1:
                out.append(prefix + c + ("  " if delsp else " "))
            else:
                out.append(prefix + c)
    return "\n".join(out)


# ---------- the invitation's HTML, paragraph by paragraph ----------
def inv_paragraphs():
    """(kind, question, inner html) for each <p> of the invitation:
    kind is intro, question, option, answer, footer."""
    out, q = [], 0
    for m in re.finditer(r"<p style=\"([^\"]*)\">(.*?)</p>", INV_HTML_BODY, re.S):
        style, inner = m.group(1), m.group(2)
        t = re.sub(r"<[^>]+>", "", inner)
        qm = re.match(r"(\d+)\. ", t)
        if "font-weight:bold" in style and qm:
            q = int(qm.group(1))
            out.append(("question", q, inner))
        elif inner.strip() == "Answer:":
            out.append(("answer", q, inner))
        elif "padding-left" in style:
            out.append(("option", q, inner))
        elif inner.startswith("<b>Withdrawing"):
            q = 0
            out.append(("footer", 0, inner))
        else:
            out.append(("footer" if q else "intro", 0, inner))
    return out


def html_text(inner):
    t = re.sub(r"<br>\n?", "\n", inner)
    t = re.sub(r"<[^>]+>", "", t)
    return htmlmod.unescape(t).replace("\u00a0", " ")


WORD_P = "<p class=MsoNormal style='margin-bottom:3.0pt;line-height:145%'>"
WORD_SPAN = "<span style='font-size:12.0pt;line-height:145%;font-family:\"Arial\",sans-serif;color:#222222'>"


def word_original(after_question=None, on_answer=None, below_answer=None, after_option=None):
    """The invitation as Outlook desktop keeps it in a reply (Word HTML:
    MsoNormal paragraphs, spans, <o:p>), answers inserted where the doctor
    typed them: after the question's text (in its paragraph), after
    `Answer:` in its paragraph, in a paragraph below `Answer:`, or after an
    option's text. Values are HTML (already coloured)."""
    after_question, on_answer = after_question or {}, on_answer or {}
    below_answer, after_option = below_answer or {}, after_option or {}
    out = []
    for kind, q, inner in inv_paragraphs():
        body = esc(html_text(inner)).replace("\n", "<br>\n").replace("<br>\n   ", "<br>\n&nbsp;&nbsp;&nbsp;")
        if kind == "question":
            add = after_question.get(q, "")
            out.append(f"{WORD_P}<b>{WORD_SPAN}{body}</span></b>{add}<o:p></o:p></p>")
        elif kind == "answer":
            add = on_answer.get(q, "")
            out.append(f"{WORD_P}<span style='font-size:12.0pt;line-height:145%;font-family:\"Arial\",sans-serif;color:#1A5D8F'>Answer:</span>{add}<o:p></o:p></p>")
            if q in below_answer:
                out.append(f"<p class=MsoNormal>{below_answer[q]}<o:p></o:p></p>")
        elif kind == "option":
            letter = html_text(inner)[0]
            add = after_option.get((q, letter), "")
            out.append(f"{WORD_P.replace('margin-bottom', 'margin-left:12.0pt;margin-bottom')}{WORD_SPAN}{body}</span>{add}<o:p></o:p></p>")
        else:
            out.append(f"<p class=MsoNormal style='margin-bottom:9.0pt;line-height:145%'>{WORD_SPAN}{body}</span><o:p></o:p></p>")
    return "\n".join(out)


def flat_text(after_question=None, on_answer=None, below_answer=None, after_option=None, answer_sep=" "):
    """Outlook's text/plain rendering of the same (one line per paragraph,
    question blocks apart)."""
    after_question, on_answer = after_question or {}, on_answer or {}
    below_answer, after_option = below_answer or {}, after_option or {}
    out = []
    for kind, q, inner in inv_paragraphs():
        t = html_text(inner)
        if kind == "question":
            out.append("")
            out.append(t + ((answer_sep + after_question[q]) if q in after_question else ""))
        elif kind == "answer":
            out.append("Answer:" + ((" " + on_answer[q]) if q in on_answer else ""))
            if q in below_answer:
                out.append(below_answer[q])
        elif kind == "option":
            out.append(t + ((" " + after_option[(q, t[0])]) if (q, t[0]) in after_option else ""))
        else:
            out.append("")
            out.append(t)
    return "\n".join(out).strip("\n")


OUTLOOK_HEAD = """<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta name="Generator" content="Microsoft Word 15 (filtered medium)">
<style><!--
/* Font Definitions */
@font-face
\t{font-family:"Cambria Math";
\tpanose-1:2 4 5 3 5 4 6 3 2 4;}
@font-face
\t{font-family:Calibri;
\tpanose-1:2 15 5 2 2 2 4 3 2 4;}
/* Style Definitions */
p.MsoNormal, li.MsoNormal, div.MsoNormal
\t{margin:0cm;
\tfont-size:11.0pt;
\tfont-family:"Calibri",sans-serif;
\tmso-fareast-language:EN-US;}
a:link, span.MsoHyperlink
\t{mso-style-priority:99;
\tcolor:blue;
\ttext-decoration:underline;}
span.EmailStyle20
\t{mso-style-type:personal-reply;
\tfont-family:"Calibri",sans-serif;
\tcolor:windowtext;}
.MsoChpDefault
\t{mso-style-type:export-only;
\tfont-size:10.0pt;
\tmso-ligatures:none;}
@page WordSection1
\t{size:612.0pt 792.0pt;
\tmargin:72.0pt 72.0pt 72.0pt 72.0pt;}
div.WordSection1
\t{page:WordSection1;}
--></style><!--[if gte mso 9]><xml>
<o:shapedefaults v:ext="edit" spidmax="1026" />
</xml><![endif]--><!--[if gte mso 9]><xml>
<o:shapelayout v:ext="edit">
<o:idmap v:ext="edit" data="1" />
</o:shapelayout></xml><![endif]-->
</head>
<body lang="EN-GB" link="#0563C1" vlink="#954F72" style="word-wrap:break-word">
<div class="WordSection1">
"""

def outlook_desktop(name, top_paras, original_html, top_text, original_text, frm=None, extra_headers=(), crlf=True,
                    sent_by=None):
    """Outlook 2016/365 desktop: multipart/alternative, text and Word HTML,
    the original unquoted below a From/Sent block."""
    html = OUTLOOK_HEAD + "".join(f'<p class="MsoNormal">{p}<o:p></o:p></p>\n' for p in top_paras) + \
        OUTLOOK_FROM_HTML + original_html + "\n</div>\n</body>\n</html>\n"
    text = top_text + "\n\n" + OUTLOOK_FROM_TEXT + "\n" + original_text + "\n"
    b = boundary("_000_LO2P265MB", name, 20) + "LO2P265MB5146GBRP_"
    body = multipart("alternative", b, [leaf("text/plain", text), leaf("text/html", html)])
    headers = [f"Thread-Topic: {SUBJECT}", f"Thread-Index: {THREAD_INDEX}",
               "Accept-Language: en-GB, en-US", "Content-Language: en-GB", "X-MS-Has-Attach:",
               "X-MS-TNEF-Correlator:", *extra_headers]
    kw = {"frm": frm} if frm else {}
    return message(name, headers, body, crlf=crlf, **kw)


def gmail_quote_html(inner, wrote=None):
    wrote = wrote or WROTE_GMAIL
    return ('<div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">' + esc(wrote) +
            '<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">'
            + inner + '</blockquote></div>')


def gmail(name, text, html, extra_headers=(), **kw):
    b = boundary("000000000000", name, 12)
    body = multipart("alternative", b, [leaf('text/plain; charset="UTF-8"', text),
                                        leaf('text/html; charset="UTF-8"', html)])
    h = ["X-Mailer: Gmail", *extra_headers] if False else list(extra_headers)
    kw.setdefault("subject", "Re: " + SUBJECT)
    kw.setdefault("msgid", f"<CAF{hashlib.sha1(name.encode()).hexdigest()[:24]}@mail.gmail.com>")
    return message(name, h, body, **kw)


def html_split(answers_before=None, answers_after=None, open_tag='<blockquote type="cite">', close_tag="</blockquote>",
               wrap=lambda a: "<div>" + a.replace("\n", "<br>") + "</div>"):
    """The invitation's HTML body with the quote split before (between the
    question and its Answer:) or after a question's Answer: paragraph, the
    doctor's answer unquoted in between."""
    answers_before, answers_after = answers_before or {}, answers_after or {}
    body, q, out = INV_HTML_BODY, 0, []
    parts = re.split(r"(<p[^>]*>(?:\d+\. [^<]*|Answer:)</p>)", body)
    for p in parts:
        m = re.match(r"<p[^>]*>(\d+)\. ", p)
        if m:
            q = int(m.group(1))
        if p.endswith(">Answer:</p>") and q in answers_before:
            out.append(close_tag + wrap(answers_before[q]) + open_tag)
        out.append(p)
        if p.endswith(">Answer:</p>") and q in answers_after:
            out.append(close_tag + wrap(answers_after[q]) + open_tag)
    return "".join(out)


CASES = []


def case(name, raw, answers, kind="reply", token=None, missing=None, note=""):
    token = token or TOKEN
    if missing is None:
        def applies(q):
            c = CONDITION.get(q)
            if c is None:
                return True
            a = answers.get(c)
            # an unclear or missing condition: the dependent question is not missing yet
            return a is not None and a["status"] in ("ok", "inferred") and a["value"] is True
        missing = [i for i in REQUIRED if i not in answers and applies(i)] if kind == "reply" else []
    CASES.append((name, raw, {"note": note, "kind": kind, "token": token, "bounced_recipient": None,
                              "answers": answers, "missing": missing}))


def write(outdir):
    for name, raw, expected in CASES:
        with open(os.path.join(outdir, name + ".eml"), "wb") as f:
            f.write(raw)
        with open(os.path.join(outdir, name + ".json"), "w") as f:
            json.dump(expected, f, indent=2, ensure_ascii=False)
            f.write("\n")
    print(f"{len(CASES)} cases written to {outdir}")


def write_set(folder):
    """Writes the registered cases to tests/fixtures/FOLDER, the files of
    an earlier run of the set removed first."""
    out = os.path.join(ROOT, "tests/fixtures", folder)
    os.makedirs(out, exist_ok=True)
    for f in os.listdir(out):
        if f.endswith((".eml", ".json")):
            os.remove(os.path.join(out, f))
    names = [c[0] for c in CASES]
    assert len(names) == len(set(names)), "duplicate case names"
    write(out)
