#!/usr/bin/env python3
"""Writes tests/fixtures/sources/invitation-aisha-seed-full.eml: the invitation of the seed-full survey
(tests/fixtures/heldback22/CONTRACT.md; config/seed-full.toml did not exist when this set was
written) as the daemon lays invitations out (src/survey/questionnaire.rs:
numbered questions wrapped at 72 with a 3-space indent, hints in brackets,
lettered options/items/ranking options, `Answer:` alone after each), built
from the real invitation tests/fixtures/sources/invitation-jack.eml with
its question block replaced. The hints of the new types (grid, ranking,
duration) are this writer's guess of what the renderer will say."""
import email, email.policy, html as htmlmod, os, quopri, re

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SRC = os.path.join(ROOT, "tests/fixtures/sources/invitation-jack.eml")
TOKEN = "kqzspgmacb4z5aaaz6kdsuzxwjh5znlp"

SITUATIONS = ["To control intractable pain in end-of-life situations, in addition to strong opioids",
              "As an adjuvant with opioids in the early stages of pain relief",
              "To reduce the opioid dose because of opioid side effects"]
BARRIERS = ["Lack of expertise and familiarity", "Lack of evidence", "Side effects", "No barriers", "Other (please specify)"]
GRID = ["Choosing a starting dose", "Choosing the route (oral or subcutaneous)", "Recognising and managing side effects"]
RANK = ["Lack of expertise and familiarity", "Lack of evidence", "Side effects", "Access to the drug (supply and licensing)"]
NA = "n/a if it does not apply"
QUESTIONS = [
    ("Have you used ketamine for pain in palliative care?", []),
    ("If you have used ketamine: in which situations? (answer only if you answered yes to 1; choose all that apply; " + NA + ")", SITUATIONS),
    ("How confident are you in prescribing ketamine? (0 = not at all confident, 10 = fully confident) (or \"prefer not to say\")", []),
    ("How confident are you in each of these? (1 = not at all confident, 5 = very confident) (answer only if you answered yes to 1; "
     "a number from 1 to 5 for each; " + NA + ")", GRID),
    ("Which barriers, if any, limit your use of ketamine? (choose all that apply, or d alone)", BARRIERS),
    ("Rank these barriers from 1 (the biggest) to 4 (the smallest). (a different number for each)", RANK),
    ("Does your service have a written protocol for the use of ketamine?", []),
    ("If your service has a written protocol: has it been shared with community teams? (answer only if you answered yes to 7; " + NA + ")", []),
    ("Would you benefit from further training and education in the use of ketamine? (" + NA + ", or \"prefer not to say\")", []),
    ("If you have used ketamine: when did you last prescribe it? (answer only if you answered yes to 1; a date, such as March 2025 "
     "or 05/03/2025; optional)", []),
    ("How many years have you worked in palliative care? (a number of years)", []),
    ("Any other comments? (optional)", []),
]


def wrap(line, width=72, indent="   "):
    out, cur = [], ""
    for w in line.split():
        limit = width if not out else width - len(indent)
        if cur and len(cur) + 1 + len(w) > limit:
            out.append(cur)
            cur = ""
        cur = (cur + " " + w) if cur else w
    out.append(cur)
    return "\n".join([out[0]] + [indent + l for l in out[1:]])


def text_block():
    out = []
    for n, (q, opts) in enumerate(QUESTIONS, 1):
        out.append(wrap(f"{n}. {q}"))
        for i, o in enumerate(opts):
            out.append(wrap(f"{chr(97 + i)}) {o}"))
        out.append("Answer:\n")
    return "\n".join(out)


P = "margin:0 0 4px 0;font-size:16px;line-height:1.45;"


def esc(s):
    return htmlmod.escape(s, quote=True).replace("&#x27;", "&#39;")


def html_block():
    out = []
    for n, (q, opts) in enumerate(QUESTIONS, 1):
        out.append(f'<div style="margin:0 0 20px 0;">\n<p style="{P}font-weight:bold;">{esc(f"{n}. {q}")}</p>\n')
        for i, o in enumerate(opts):
            out.append(f'<p style="{P}padding-left:16px;">{chr(97 + i)}) {esc(o)}</p>\n')
        out.append(f'<p style="{P}color:#1a5d8f;">Answer:</p>\n</div>\n')
    return "".join(out)


def main():
    inv = email.message_from_bytes(open(SRC, "rb").read(), policy=email.policy.default)
    text = inv.get_body(("plain",)).get_content().replace("\r\n", "\n")
    html = inv.get_body(("html",)).get_content().replace("\r\n", "\n")
    text = text.replace("Dear Dr Jack Clarke,", "Dear Dr Aisha Lewis,")
    html = html.replace("Dear Dr Jack Clarke,", "Dear Dr Aisha Lewis,")
    text = re.sub(r"1\. Have you used.*?10\. Any other comments\? \(optional\)\nAnswer:\n", lambda m: text_block(), text, flags=re.S)
    html = re.sub(r'<div style="margin:0 0 20px 0;">\n<p[^>]*>1\. Have you used.*10\. Any other comments\? \(optional\)</p>\n<p[^>]*>Answer:</p>\n</div>\n',
                  lambda m: html_block(), html, flags=re.S)
    assert "12. Any other comments" in text and "12. Any other comments" in html
    b = "Yc4Rq8ZpW2nLx7TfHd0sKm3VbJ9eGu6AiNo1lE5S"
    qp = lambda s: quopri.encodestring(s.encode("utf-8")).decode("ascii")
    raw = f"""From: "Regional Palliative Care Audit Group" <survey@survey.test>
To: "Dr Aisha Lewis" <aisha.lewis@riverside-pcu.test>
Subject: Survey: ketamine use in specialist palliative care (5 minutes)
Message-ID: <invitation.1.{TOKEN}@survey.test>
Date: Tue, 01 Dec 2026 09:00:00 +0000
Auto-Submitted: auto-generated
X-Auto-Response-Suppress: OOF, AutoReply
Reply-To: survey+{TOKEN}@survey.test
List-Unsubscribe: <mailto:survey+unsubscribe.{TOKEN}@survey.test?subject=unsubscribe>
MIME-Version: 1.0
Content-Type: multipart/alternative;
 boundary="{b}"

--{b}
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: quoted-printable

{qp(text)}
--{b}
Content-Type: text/html; charset=utf-8
Content-Transfer-Encoding: quoted-printable

{qp(html)}
--{b}--
"""
    open(os.path.join(ROOT, "tests/fixtures/sources/invitation-aisha-seed-full.eml"), "w").write(raw)


if __name__ == "__main__":
    main()
