"""The cases of heldback21d: replies to config/example.toml from Dr Jack
Clarke, weighted as a real survey lead's inbox is (mostly Outlook in its
forms, then Gmail and Apple Mail, a few Thunderbird, Samsung, Yahoo/AOL and
plain-text replies). See tests/fixtures/heldback21d/README.md."""
import email.utils
from lib import *
import clients as C1
import clients_new as C2

P = "heldback21d_"
Y, N, U = ok(True), ok(False), UNCLEAR
EXPERTISE, EVIDENCE, SIDE, NONE, OTHER = "expertise", "evidence", "side_effects", "none", "other"


def ans(*vals, comment=None):
    """Expected answers for questions 1..9 in order (None: not answered);
    True/False/int/list become ok values, dicts are kept as given."""
    out = {}
    for qid, v in zip(IDS, vals):
        if v is None:
            continue
        if isinstance(v, dict):
            out[qid] = v
        else:
            out[qid] = ok(v)
    if comment is not None:
        out["comments"] = ok(comment)
    return out


def when(day, hh, mm, ss=0):
    return email.utils.format_datetime(datetime.datetime(2026, 12, day, hh, mm, ss, tzinfo=datetime.timezone.utc))


def add(name, raw, answers, note):
    case(P + name, raw, answers, note=note)


def col(s, color="#0070C0"):
    return f' <span style="color:{color}">{esc(s)}</span>'


# ---------- signatures and disclaimers ----------
TRUST_DISCLAIMER = (
    "DISCLAIMER: This email and any files sent with it are confidential and intended solely for the person or "
    "organisation to whom they are addressed. If you have received it in error, please tell the sender at once "
    "and delete it. Views expressed are the author's own and not necessarily those of Northshire Community "
    "Healthcare NHS Trust. Although the Trust scans outgoing email for viruses, it accepts no liability for any "
    "damage caused. Northshire Community Healthcare NHS Trust, Trust Headquarters, 3 Station Approach, "
    "Northtown NT1 4QA. Switchboard 01632 960000.")
TRUST_DISCLAIMER_HTML = ('<p class="MsoNormal"><span style="font-size:8.0pt;font-family:&quot;Arial&quot;,sans-serif;color:gray">'
                         + esc(TRUST_DISCLAIMER) + "</span></p>")
HOSPICE_FOOTER = [
    "________________________________",
    "",
    "North Hospice is a registered charity (No. 1107733) and a company limited by guarantee registered in England "
    "and Wales (No. 05234811). Registered office: Lantern House, 22 Ferry Road, Northtown NT3 8PL.",
    "",
    "This e-mail may contain confidential or patient-identifiable information. If you are not the intended "
    "recipient, do not read, copy or forward it: please reply to the sender and delete it. Please consider the "
    "environment before printing this e-mail.",
]
HOSPICE_FOOTER_HTML = ('<div style="font-family:Arial,sans-serif;font-size:8pt;color:#808080">'
                       + "".join(f"<p>{esc(l)}</p>" for l in HOSPICE_FOOTER if l and not l.startswith("___")) + "</div>")


def od(name, lines, original_html=None, original_text=None, frm=None, footer=False):
    """Outlook desktop (Windows, Word HTML), the doctor's lines on top."""
    paras = [esc(l) if l else "&nbsp;" for l in lines]
    oh = original_html if original_html is not None else word_original()
    ot = original_text if original_text is not None else flat_text()
    if footer:
        oh += "\n" + TRUST_DISCLAIMER_HTML
        ot += "\n\n" + TRUST_DISCLAIMER
    return outlook_desktop(name, paras, oh, "\n".join(lines), ot, frm=frm)


def owa_footer(name, lines, original=None, original_text=None, **kw):
    """Outlook on the web with the hospice's transport footer below the quote."""
    return C1.owa(name, lines, original=(original or INV_HTML_BODY) + HOSPICE_FOOTER_HTML,
                  original_text=(original_text or INV_TEXT) + "\n\n" + "\n".join(HOSPICE_FOOTER), **kw)


# ======================= Outlook desktop (Windows, Word HTML) =======================
SIG_OD = ["Dr Jack Clarke MBChB FRCP", "Consultant in Palliative Medicine",
          "North Hospice | Northshire Community Healthcare NHS Trust",
          "Tel 01632 960417 (secretary) | Mob 07700 900318", "GMC 6104382"]

add("numbered_signature_disclaimer_outlook",
    od("numbered_signature_disclaimer_outlook",
       ["Hi Asha,", "", "Here you go:", "", "1. Yes", "2. No", "3. Yes", "4. 7", "5. a and c", "6. Yes", "7. No",
        "8. Yes", "9. Yes", "", "Good luck with the write-up.", "", "Jack", "", *SIG_OD], footer=True),
    ans(True, False, True, 7, [EXPERTISE, SIDE], True, False, True, True),
    "Outlook desktop, numbered '1.' list on top, a signature full of numbers (phone, GMC) and the Trust's "
    "disclaimer (address, switchboard number) appended below the quoted original")

AQ = {1: "YES", 2: "No \u2013 only once the pain is established", 3: "Yes", 4: "6",
      5: "B \u2013 the trials are tiny", 6: "No", 7: "No", 8: "Yes", 9: "Yes \u2013 a proper RCT would help"}
add("inline_after_question_blue_outlook",
    od("inline_after_question_blue_outlook", ["Answers in blue below.", "", "Thanks", "Jack"],
       word_original(after_question={q: col(a) for q, a in AQ.items()}), flat_text(after_question=AQ)),
    ans(True, False, True, 6, [EVIDENCE], False, False, True, True),
    "Outlook desktop: answers typed in blue after each question's own text inside the quoted original, the "
    "Answer: lines left empty; reasons after a dash (one with 'only', one naming a trial design)")

BA = {1: "Yes", 2: "Yes", 3: "Yes", 4: "8 out of 10", 5: "Lack of evidence", 6: "Yes", 8: "No", 9: "Yes"}
add("inline_below_answer_red_partial_outlook",
    od("inline_below_answer_red_partial_outlook",
       ["Sorry this is late \u2013 answers below in red.", "",
        "I've left 7 blank as I genuinely don't know, I'll ask our community lead.", "", "Jack"],
       word_original(below_answer={q: f'<span style="color:#C00000">{esc(a)}</span>' for q, a in BA.items()}),
       flat_text(below_answer=BA)),
    ans(True, True, True, 8, [EVIDENCE], True, None, False, True),
    "Outlook desktop: answers in red in a paragraph below each quoted Answer:, 7 left blank on purpose "
    "(missing, not unclear); confidence as '8 out of 10', barriers by the option's label")

CM = {1: "Yes", 2: "Yes", 3: "No", 4: "5", 5: "a", 6: "No", 7: "No", 8: "Yes", 9: "Yes",
      10: "Most of our ketamine use is on the advice of the pain team rather than started by us."}
MARK = "[Clarke, Jack]"
add("comment_marking_outlook",
    od("comment_marking_outlook", ["Replies inline, marked with my name.", "", "J"],
       word_original(on_answer={q: f" <b><i><span style='color:#2F5597'>{MARK}</span></i></b><span style='color:#2F5597'> {esc(a)}</span>"
                                for q, a in CM.items()}),
       flat_text(on_answer={q: f"{MARK} {a}" for q, a in CM.items()})),
    ans(True, True, False, 5, [EXPERTISE], False, False, True, True, comment=CM[10]),
    "Outlook desktop comment marking: '[Clarke, Jack]' (bold italic) before each answer typed on the quoted "
    "Answer: line, including a comment to 10; the marking labels the writer and is not part of any answer")

add("bare_numbers_with_reasons_outlook",
    od("bare_numbers_with_reasons_outlook",
       ["Dear Dr Rahman", "", "1 Yes", "2 No - we'd try a standard adjuvant first, not ketamine",
        "3 Yes, a handful of times where there was opioid toxicity", "4 6", "5 B and C", "6 Yes", "7 No, not yet",
        "8 Yes", "9 Yes - the evidence base is thin", "", "Regards", "Jack Clarke"]),
    ans(True, False, True, 6, [EVIDENCE, SIDE], True, False, True, True),
    "Outlook desktop, numbers with no punctuation ('1 Yes', '4 6'); reasons after a dash or comma that hold "
    "'not', 'toxicity' and 'thin'; letters 'B and C'")

add("correction_ps_below_signoff_outlook",
    od("correction_ps_below_signoff_outlook",
       ["Hi,", "", "1) Yes", "2) Yes", "3) Yes", "4) 7", "5) b", "6) Yes", "7) No", "8) No", "9) Yes", "",
        "Best wishes", "Jack", "",
        "P.S. I've just checked with our community CNS and we did agree shared guidance with the district nursing "
        "teams in the autumn, so 7 is a yes after all."]),
    ans(True, True, True, 7, [EVIDENCE], True, True, False, True),
    "Outlook desktop, '1)' list; a P.S. below the sign-off changes 7 from no to yes by its number: the "
    "correction wins")


def word_table(rows, head=("Question", "Answer")):
    td = "<td style='border:solid #A6A6A6 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'><p class=MsoNormal>{}<o:p></o:p></p></td>"
    out = ["<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none'>"]
    for r in [head, *rows]:
        cells = [f"<b>{esc(c)}</b>" if r is head else esc(c) for c in r]
        out.append("<tr>" + "".join(td.format(c) for c in cells) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


TABLE = [("1. End-of-life pain", "Yes"), ("2. Early adjuvant", "No"), ("3. Opioid sparing", "Yes"),
         ("4. Confidence (0-10)", "8"), ("5. Barriers", "b, c"), ("6. Written protocol", "Yes"),
         ("7. Community guidance", "Yes"), ("8. Training", "No"), ("9. Research", "Yes")]
add("word_table_outlook",
    C2.outlook_desktop_raw(
        P + "word_table_outlook",
        '<p class="MsoNormal">Asha,<o:p></o:p></p>\n<p class="MsoNormal">&nbsp;<o:p></o:p></p>\n'
        '<p class="MsoNormal">Easier for me to do it as a table:<o:p></o:p></p>\n'
        + word_table(TABLE) + '\n<p class="MsoNormal">&nbsp;<o:p></o:p></p>\n<p class="MsoNormal">Jack<o:p></o:p></p>\n'
        + OUTLOOK_FROM_HTML + word_original(),
        "Asha,\n\nEasier for me to do it as a table:\n\n" + "\n".join("\t".join(r) for r in [("Question", "Answer"), *TABLE])
        + "\n\nJack\n\n" + OUTLOOK_FROM_TEXT + "\n" + flat_text() + "\n"),
    ans(True, False, True, 8, [EVIDENCE, SIDE], True, True, False, True),
    "Outlook desktop, a Word table (question number and topic | answer) above the quote; the text part has "
    "the rows tab-separated")

add("secretary_own_address_outlook",
    od("secretary_own_address_outlook",
       ["Dear Dr Rahman,", "",
        "Dr Clarke has asked me to send his responses to the survey as he is on leave this week. He filled in a "
        "paper copy before he went:", "",
        "Q1 \u2013 Yes", "Q2 \u2013 Yes", "Q3 \u2013 No", "Q4 \u2013 4", "Q5 \u2013 a & b", "Q6 \u2013 No", "Q7 \u2013 No",
        "Q8 \u2013 Yes", "Q9 \u2013 Yes", "",
        "Any queries please let me know and I will pass them on when he is back on the 14th.", "", "Kind regards", "",
        "Karen Hughes", "Medical Secretary to Dr J Clarke and Dr P Okafor", "Palliative Care Team, North Hospice",
        "Tel: 01632 960417"],
       frm='"Hughes, Karen" <karen.hughes@north-hospice.test>'),
    ans(True, True, False, 4, [EXPERTISE, EVIDENCE], False, False, True, True),
    "his medical secretary replies from her own address with his answers from a paper copy ('Q1 \u2013 Yes', "
    "'a & b'); read the same way (the store holds it for his confirmation)")

FWD_SENT = datetime.datetime(2026, 12, 3, 17, 42)
FWD_ID = "<LO2P265MB7F3A21C9D0E4@LO2P265MB5146.GBRP265.PROD.OUTLOOK.COM>"
FWD_LINES = ["Asha \u2013 my answers:", "", "1. No", "2. No", "3. Yes", "4. 3", "5. Lack of expertise and familiarity",
             "6. No", "7. No", "8. Yes", "9. Yes", "", "Jack"]
add("forwarded_own_reply_outlook",
    C2.outlook_desktop_raw(
        P + "forwarded_own_reply_outlook",
        '<p class="MsoNormal">Forwarding my answers below \u2013 I sent them to Asha\u2019s own address by mistake last week.<o:p></o:p></p>\n'
        '<p class="MsoNormal">&nbsp;<o:p></o:p></p>\n<p class="MsoNormal">Jack<o:p></o:p></p>\n<p class="MsoNormal">&nbsp;<o:p></o:p></p>\n'
        '<div><div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">'
        f'<p class="MsoNormal"><b><span lang="EN-US">From:</span></b><span lang="EN-US"> Clarke Jack &lt;{DOC_ADDR}&gt; <br>'
        f'<b>Sent:</b> {FWD_SENT:%d %B %Y %H:%M}<br><b>To:</b> Dr Asha Rahman &lt;lead@survey.test&gt;<br>'
        f'<b>Subject:</b> RE: {SUBJECT}<o:p></o:p></span></p></div></div>\n<p class="MsoNormal">&nbsp;<o:p></o:p></p>\n'
        + "".join(f'<p class="MsoNormal">{esc(l) if l else "&nbsp;"}<o:p></o:p></p>\n' for l in FWD_LINES)
        + '<p class="MsoNormal">&nbsp;<o:p></o:p></p>\n' + OUTLOOK_FROM_HTML + word_original(),
        "Forwarding my answers below \u2013 I sent them to Asha\u2019s own address by mistake last week.\n\nJack\n\n"
        f"From: Clarke Jack <{DOC_ADDR}>\nSent: {FWD_SENT:%d %B %Y %H:%M}\nTo: Dr Asha Rahman <lead@survey.test>\n"
        f"Subject: RE: {SUBJECT}\n\n" + "\n".join(FWD_LINES) + "\n\n" + OUTLOOK_FROM_TEXT + "\n" + flat_text() + "\n",
        subject="FW: RE: " + SUBJECT, in_reply_to=FWD_ID, references=f"{INV_ID} {FWD_ID}"),
    ans(False, False, True, 3, [EXPERTISE], False, False, True, True),
    "Outlook desktop 'FW: RE:': he forwards his own earlier reply (sent to the lead's address by mistake) to "
    "the survey; the answers are his, in the forwarded message under its From/Sent block, not in a '>' quote")

add("summary_all_apart_from_outlook",
    od("summary_all_apart_from_outlook",
       ["Yes to all apart from 6 and 7 \u2013 no protocol here and nothing shared with community yet.",
        "Confidence 8/10.", "Barriers \u2013 mainly the lack of evidence.", "", "Jack", "", *SIG_OD[:3]]),
    ans(True, True, True, 8, [EVIDENCE], False, False, True, True),
    "Outlook desktop summary 'Yes to all apart from 6 and 7' (exceptions no) with the scale and the barriers "
    "given separately ('8/10', 'mainly the lack of evidence')")

add("trap_contradiction_outlook",
    od("trap_contradiction_outlook",
       ["1. Yes", "2. No", "3. No", "4. 7", "5. Side effects", "6. Yes (sort of \u2013 it's a page in the symptom control guidelines)",
        "7. No", "8. Yes", "9. Yes", "",
        "We did switch a couple of patients onto ketamine last year to bring their oxycodone down when they were "
        "getting drowsy, which worked well.", "", "Jack"]),
    ans(True, False, U, 7, [SIDE], U, False, True, True),
    "trap: 3 'No' contradicted by a later sentence (ketamine to bring the opioid down) with no word of "
    "correction, so unclear; 6 'Yes (sort of ...)' a hedge, unclear")

WORD_LIST = [("Yes", None), ("No", None), ("Yes", None), ("5", None), ("Lack of evidence", None), ("Yes", None),
             ("No", None), ("Yes", None), ("Yes", None)]


def word_numbered(items):
    out = []
    for i, (a, _) in enumerate(items, 1):
        cls = "MsoListParagraphCxSpFirst" if i == 1 else ("MsoListParagraphCxSpLast" if i == len(items) else "MsoListParagraphCxSpMiddle")
        out.append(f"<p class={cls} style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>{i}."
                   f"<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span><![endif]>{esc(a)}<o:p></o:p></p>")
    return "\n".join(out)


add("word_auto_numbered_list_outlook",
    C2.outlook_desktop_raw(
        P + "word_auto_numbered_list_outlook",
        '<p class="MsoNormal">Dear Asha,<o:p></o:p></p>\n<p class="MsoNormal">&nbsp;<o:p></o:p></p>\n'
        + word_numbered(WORD_LIST) + '\n<p class="MsoNormal">&nbsp;<o:p></o:p></p>\n<p class="MsoNormal">With best wishes<o:p></o:p></p>\n'
        '<p class="MsoNormal">Jack<o:p></o:p></p>\n' + OUTLOOK_FROM_HTML + word_original(),
        "Dear Asha,\n\n" + "\n".join(f"{i}.\t{a}" for i, (a, _) in enumerate(WORD_LIST, 1))
        + "\n\nWith best wishes\nJack\n\n" + OUTLOOK_FROM_TEXT + "\n" + flat_text() + "\n"),
    ans(True, False, True, 5, [EVIDENCE], True, False, True, True),
    "Outlook desktop, Word's automatic numbered list (MsoListParagraph, the numbers in mso-list:Ignore "
    "spans); the text part writes '1.<TAB>Yes'")


# ======================= Outlook on the web (NHS/hospice Microsoft 365) =======================
def owa_raw(name, html, text, **kw):
    """Outlook on the web with an HTML body written out by hand (and the text
    part Exchange makes of it)."""
    b = boundary("_000_", name, 10).upper() + "DB9PR07MB1234eurprd07prod_"
    body = multipart("alternative", b, [leaf('text/plain; charset="utf-8"', text), leaf('text/html; charset="utf-8"', html)])
    hd = ["Thread-Topic: " + SUBJECT, "Thread-Index: AQHcXmB4" + hashlib.sha1(name.encode()).hexdigest()[:20] + "==",
          "Accept-Language: en-GB, en-US", "Content-Language: en-GB", "X-MS-Has-Attach:", "X-MS-TNEF-Correlator:"]
    kw.setdefault("msgid", f"<DB9PR07MB{hashlib.sha1(name.encode()).hexdigest()[:12].upper()}@DB9PR07MB1234.eurprd07.prod.outlook.com>")
    return message(name, hd, body, crlf=True, **kw)


OWA_DIV = '<div class="elementToProof" style="font-family: Aptos, Aptos_EmbeddedFont, Aptos_MSFontService, Calibri, Helvetica, sans-serif; font-size: 12pt; color: rgb(0, 0, 0);">'
SIG_OWA = ["Jack Clarke", "Consultant in Palliative Medicine | North Hospice", "Working days: Mon, Tue, Thu, Fri",
           "Secretary: 01632 960417 | Bleep 2214"]

add("numbered_letters_hospice_footer_owa",
    owa_footer("numbered_letters_hospice_footer_owa",
               ["1. Y", "2. Y", "3. N", "4. 5", "5. A", "6. N", "7. N", "8. Y", "9. Y", "", *SIG_OWA]),
    ans(True, True, False, 5, [EXPERTISE], False, False, True, True),
    "Outlook on the web, '1. Y' one-letter answers on top, a signature with a bleep and phone numbers, and the "
    "hospice's footer (charity and company numbers) appended below the quoted original")

OL = {1: "Yes", 2: "No", 3: "Yes", 4: "7 out of 10", 5: "a, b", 6: "Yes", 7: "Yes", 8: "Yes", 9: "Yes",
      10: "Thanks for doing this \u2013 it'd be really useful to see what starting doses other units use."}
add("on_answer_lines_red_html_only_owa",
    C1.owa("on_answer_lines_red_html_only_owa", ["Please see my answers in red.", "", "Jack"],
           original=C2.inv_html(on_line=OL, color="#C00000"), html_only=True),
    ans(True, False, True, 7, [EXPERTISE, EVIDENCE], True, True, True, True, comment=OL[10]),
    "Outlook on the web, HTML only (no text part): answers in red typed after 'Answer:' inside the quoted "
    "invitation, a comment on 10's Answer: line")

STRUCK = ["1. Yes", "2. Yes", "3. Yes", "4. <s>5</s> 6", "5. a, <s>b,</s> c", "6. No", "7. No", "8. Yes", "9. Yes", "",
          "(changed two after reading them back)", "", "Jack"]
add("strikethrough_in_html_owa",
    owa_raw(P + "strikethrough_in_html_owa",
            '<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><style type="text/css" style="display:none;"> P {margin-top:0;margin-bottom:0;} </style></head>'
            '<body dir="ltr">' + "".join(OWA_DIV + (l.replace("(c", "(c").replace("'", "&#39;") if l else "<br>") + "</div>" for l in STRUCK)
            + C1.owa_header_html() + INV_HTML_BODY + "</body></html>",
            "\n".join(re.sub(r"</?s>", "", l) for l in STRUCK) + "\n________________________________\n"
            + OUTLOOK_FROM_TEXT.replace(f"{INV_WHEN:%d %B %Y %H:%M}", C1.owa_sent()) + "\n" + INV_TEXT + "\n"),
    ans(True, True, True, 6, [EXPERTISE, SIDE], False, False, True, True),
    "Outlook on the web: two answers changed by striking through in the HTML ('<s>5</s> 6', 'a, <s>b,</s> c'); "
    "the text part Exchange made has lost the strike-through ('5 6', 'a, b, c'): read as the doctor shows it")

add("answers_with_qualifiers_owa",
    C1.owa("answers_with_qualifiers_owa",
           ["1 - yes, fairly regularly", "2 - no, never as a first line", "3 - yes",
            "4 - 7", "5 - evidence and side effects (dysphoria mainly)", "6 - yes, updated last year", "7 - no",
            "8 - always happy to learn more, so yes", "9 - yes", "", "Jack"]),
    ans(True, False, True, 7, [EVIDENCE, SIDE], True, False, True, True),
    "Outlook on the web, '1 - yes' lines with short qualifiers after a comma ('never as a first line', "
    "'updated last year'), barriers by label words with a bracketed aside, 'always happy to learn more, so yes'")

add("summary_all_yes_bar_owa",
    C1.owa("summary_all_yes_bar_owa",
           ["All yes bar Q2 which is a no.", "Q4: 8", "Q5: (b)", "", "Jack Clarke"]),
    ans(True, False, True, 8, [EVIDENCE], True, True, True, True),
    "Outlook on the web summary 'All yes bar Q2 which is a no.' with 4 and 5 given apart ('Q4: 8', "
    "'Q5: (b)')")

add("trap_yes_to_all_owa",
    C1.owa("trap_yes_to_all_owa",
           ["Yes to all of them \u2013 we're a keen bunch here!", "", "Jack", "", *SIG_OWA[:2]]),
    ans(True, True, True, U, U, True, True, True, True),
    "trap: 'Yes to all of them' answers the yes/no questions; the confidence scale and the barriers it also "
    "covers are asked about (unclear), not guessed")

BLW = {1: "Yes", 2: "Yes", 3: "Yes", 4: "9", 5: "c, e \u2013 community supply is patchy", 6: "Yes", 7: "Yes", 8: "No", 9: "Yes"}
add("inline_below_answer_long_signature_owa",
    owa_footer("inline_below_answer_long_signature_owa",
               ["Answers below.", "", "Jack", "", "Dr Jack Clarke (he/him)", "Consultant in Palliative Medicine",
                "Clinical Lead, Hospice at Home", "North Hospice, Lantern House, 22 Ferry Road, Northtown NT3 8PL",
                "T: 01632 960417  M: 07700 900318", "", "I work part time \u2013 replies may take 2-3 days."],
               original=C2.inv_html(after=BLW, color="#1F4E79"),
               original_text=C2.inv_text(answers=BLW, prefix="")),
    ans(True, True, True, 9, [SIDE, OTHER], True, True, False, True) | {"barriers": ok([SIDE, OTHER], other="community supply is patchy")},
    "Outlook on the web: answers in a line of their own below each quoted Answer:, an 'other' barrier "
    "specified after a dash ('c, e \u2013 community supply is patchy'); a long signature with an address, "
    "phone numbers and '2-3 days', and the hospice footer below the quote")


# ======================= Outlook for iOS / Android =======================
add("one_line_numbered_outlook_ios",
    C1.outlook_mobile("one_line_numbered_outlook_ios",
                      ["1 yes 2 yes 3 no 4 7 5 b 6 no 7 no 8 yes 9 yes", "", "Between patients so excuse brevity! J"]),
    ans(True, True, False, 7, [EVIDENCE], False, False, True, True),
    "Outlook for iOS, all nine numbered answers on one line in lower case ('4 7 5 b')")

add("typos_outlook_android",
    C1.outlook_mobile("typos_outlook_android",
                      ["1.Yes", "2.Yes", "3.Tes", "4.8", "5.B,C", "6.Yes", "7.Noo", "8.Yes", "9.Yes"], platform="Android"),
    ans(True, True, True, 8, [EVIDENCE, SIDE], True, False, True, True),
    "Outlook for Android, '1.Yes' with no space, typing slips 'Tes' (yes) and 'Noo' (no), 'B,C'")

add("trap_hedges_outlook_ios",
    C1.outlook_mobile("trap_hedges_outlook_ios",
                      ["1. Yes - several times", "2. Rarely but yes", "3. Yes", "4. 6ish", "5. A",
                       "6. We have a draft, not signed off yet", "7. No", "8. Yes", "9. Yes"]),
    ans(True, True, True, U, [EXPERTISE], U, False, True, True),
    "trap: '6ish' for the scale and 'We have a draft, not signed off yet' for a written protocol are asked "
    "about; 'several times' and 'Rarely but yes' are yes")

add("partial_rest_later_outlook_ios",
    C1.outlook_mobile("partial_rest_later_outlook_ios",
                      ["1. Yes", "2. No", "3. Yes", "4. 5", "5. a", "", "Will do the rest when I'm back at my desk"]),
    ans(True, False, True, 5, [EXPERTISE]),
    "Outlook for iOS, a partial reply: 1-5 answered, 6-9 left for later (missing)")

add("bare_in_order_outlook_android",
    C1.outlook_mobile("bare_in_order_outlook_android", ["Yes yes no 7 b yes no yes yes", "", "Jack"], platform="Android"),
    {IDS[i]: INF(v) for i, v in enumerate([True, True, False, 7, [EVIDENCE], True, False, True, True])},
    "Outlook for Android, nine bare answers in order on one line with no numbers: inferred, to be confirmed")


# ======================= Gmail (web, Android, iOS) =======================
def gmail_inline(name, top, answers, sign=("Jack",), **kw):
    """Gmail web: answers typed below each quoted Answer:, the quote split
    around them (blockquote closed and reopened)."""
    lines = list(top) + [""] + list(sign)
    text = "\n".join(lines) + "\n\n" + WROTE_GMAIL + "\n\n" + text_inline(answers=answers) + "\n"
    html = ('<div dir="ltr">' + C1.divs(lines) + "</div><br>"
            + gmail_quote_html(html_split(answers_after=answers, open_tag=C1.GMAIL_BQ, close_tag="</blockquote>")))
    return gmail(name, text, html, **kw)


def gmail_wrote_self(dt):
    return f"On {dt:%a}, {dt.day} {dt:%b %Y} at {dt:%H:%M}, {DOC_FIRST} {DOC_LAST} <{DOC_ADDR}> wrote:"


def gmail_on_own(name, lines, earlier_lines, earlier_when, earlier_id, **kw):
    """Gmail web: a reply to his own earlier Gmail reply (which quoted the
    invitation), the earlier one quoted in full."""
    earlier_text = "\n".join(earlier_lines) + "\n\n" + WROTE_GMAIL + "\n\n" + quote(INV_TEXT)
    earlier_html = ('<div dir="ltr">' + C1.divs(earlier_lines) + "</div><br>" + gmail_quote_html(INV_HTML_BODY))
    wrote = gmail_wrote_self(earlier_when)
    text = "\n".join(lines) + "\n\n" + wrote + "\n\n" + quote(earlier_text) + "\n"
    html = '<div dir="ltr">' + C1.divs(lines) + "</div><br>" + gmail_quote_html(earlier_html, wrote=wrote)
    return gmail(name, text, html, in_reply_to=earlier_id, references=f"{INV_ID} {earlier_id}", **kw)


add("numbered_paren_gmail",
    C1.gmail_top("numbered_paren_gmail",
                 ["Hi Asha", "", "1) Yes", "2) Yes", "3) Yes", "4) 9", "5) d \u2013 none really", "6) Yes", "7) Yes",
                  "8) No", "9) Yes"], sign=("Best wishes,", "Jack")),
    ans(True, True, True, 9, [NONE], True, True, False, True),
    "Gmail web, '1)' list on top; 'd \u2013 none really' for the barriers (the exclusive 'No barriers')")

GI = {1: "Yes", 2: "Yes, occasionally", 3: "No", 4: "Six", 5: "Lack of expertise and familiarity, and side effects",
      6: "No", 7: "No", 8: "Yes", 9: "Yes"}
add("inline_split_quote_gmail",
    gmail_inline("inline_split_quote_gmail", ["Answers inline below."], GI),
    ans(True, True, False, 6, [EXPERTISE, SIDE], False, False, True, True),
    "Gmail web, answers typed below each quoted Answer: (the quote split around them); 'Six' in words; "
    "barriers by two labels joined with 'and'")

add("topic_labels_gmail",
    C1.gmail_top("topic_labels_gmail",
                 ["End of life: yes", "Early adjuvant: no", "Opioid sparing: yes", "Confidence: 7",
                  "Barriers: evidence, side effects", "Protocol: yes", "Community guidance: not yet",
                  "Training: yes please", "Research: definitely"], sign=("Cheers", "Jack")),
    ans(True, False, True, 7, [EVIDENCE, SIDE], True, False, True, True),
    "Gmail web, answers labelled by the questions' topics instead of numbers; 'not yet' to 'Has your service "
    "developed ...' is no; 'definitely' yes")

COMMENT_GM = ("Mostly use it as a short burst for neuropathic pain that hasn't responded to anything else; "
              "I'd like clearer guidance on when to stop it.")
add("numbered_with_comment_gmail",
    C1.gmail_top("numbered_with_comment_gmail",
                 ["1. Yes", "2. Yes", "3. Yes", "4. 6", "5. a + b", "6. Yes", "7. No", "8. Yes", "9. Yes",
                  "10. " + COMMENT_GM], sign=("Thanks,", "Jack")),
    ans(True, True, True, 6, [EXPERTISE, EVIDENCE], True, False, True, True, comment=COMMENT_GM),
    "Gmail web, numbered list with 10 answered: a comment of two clauses (a semicolon, 'hasn't')")

add("trap_hedges_range_gmail",
    C1.gmail_top("trap_hedges_range_gmail",
                 ["1. Yes", "2. Not really sure \u2013 maybe once as a registrar", "3. Yes", "4. 6-7",
                  "5. b, probably c as well", "6. I think so but I'd have to check with pharmacy", "7. No", "8. Yes",
                  "9. Yes"], sign=("Jack",)),
    ans(True, U, True, U, U, U, False, True, True),
    "trap: hedges ('Not really sure \u2013 maybe once', 'probably c as well', 'I think so but I'd have to "
    "check') and a range '6-7': all unclear")

add("forwarded_to_plain_address_gmail",
    gmail("forwarded_to_plain_address_gmail",
          "Sending this on as the reply didn't seem to go from my phone.\n\nQ1 yes\nQ2 yes\nQ3 yes\nQ4 5\nQ5 a\nQ6 no\n"
          "Q7 no\nQ8 yes\nQ9 no\n\nJack\n\n---------- Forwarded message ---------\n"
          f"From: Regional Palliative Care Audit Group <survey@survey.test>\nDate: {INV_WHEN:%a}, {INV_WHEN.day} {INV_WHEN:%b %Y} at {INV_WHEN:%H:%M}\n"
          f"Subject: {SUBJECT}\nTo: Dr Jack Clarke <{DOC_ADDR}>\n\n\n" + INV_TEXT + "\n",
          '<div dir="ltr">' + C1.divs(["Sending this on as the reply didn't seem to go from my phone.", "", "Q1 yes", "Q2 yes",
                                        "Q3 yes", "Q4 5", "Q5 a", "Q6 no", "Q7 no", "Q8 yes", "Q9 no", "", "Jack"])
          + '<br><div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">---------- Forwarded message ---------<br>'
          'From: <strong class="gmail_sendername" dir="auto">Regional Palliative Care Audit Group</strong> <span dir="auto">&lt;<a href="mailto:survey@survey.test">survey@survey.test</a>&gt;</span><br>'
          f'Date: {INV_WHEN:%a}, {INV_WHEN.day} {INV_WHEN:%b %Y} at {INV_WHEN:%H:%M}<br>Subject: {esc(SUBJECT)}<br>'
          f'To: Dr Jack Clarke &lt;<a href="mailto:{DOC_ADDR}">{DOC_ADDR}</a>&gt;<br></div><br><br>' + INV_HTML_BODY + "</div></div>",
          subject="Fwd: " + SUBJECT, to="survey@survey.test"),
    ans(True, True, True, 5, [EXPERTISE], False, False, True, False),
    "Gmail web 'Fwd:' of the invitation to the plain survey@survey.test (token only in References), 'Q1 yes' "
    "answers on top; 9 no")

FIRST_WHEN = datetime.datetime(2026, 12, 7, 9, 14, 22)
FIRST_ID = "<CAFq7Rk2mZb9Xa1c0LwNe4tY8uVQ3sHd5o6pJgK1iM@mail.gmail.com>"
FIRST_LINES = ["1. Yes", "2. No", "3. Yes", "4. 6", "5. b", "6. No", "7. No", "8. Yes", "9. Yes", "", "Jack"]
add("followup_first_list_gmail",
    gmail("followup_first_list_gmail",
          "\n".join(FIRST_LINES) + "\n\n" + WROTE_GMAIL + "\n\n" + quote(INV_TEXT) + "\n",
          '<div dir="ltr">' + C1.divs(FIRST_LINES) + "</div><br>" + gmail_quote_html(INV_HTML_BODY),
          date=email.utils.format_datetime(FIRST_WHEN.replace(tzinfo=datetime.timezone.utc)), msgid=FIRST_ID),
    ans(True, False, True, 6, [EVIDENCE], False, False, True, True),
    "Gmail web, the first of two messages: a numbered list (4 is 6 here; the next case corrects it)")

add("followup_correction_gmail",
    gmail_on_own("followup_correction_gmail",
                 ["Sorry \u2013 meant to put 8 for question 4, not 6. Everything else stands.", "", "Jack"],
                 FIRST_LINES, FIRST_WHEN, FIRST_ID, date=when(7, 11, 2, 40)),
    ans(None, None, None, 8),
    "Gmail web, a short follow-up to his own reply (quoted in full): only 4 is answered in this message (8); "
    "the quoted earlier answers are not this message's, so the other eight are missing")

EARLIER_ID = "<CAFx2Lp0Qe7Vb3n8RtY1cKm6wJ4zD9aH5sG0uE2fN@mail.gmail.com>"
EARLIER_WHEN = datetime.datetime(2026, 12, 2, 20, 31, 5)
add("quoted_answers_only_checking_gmail",
    gmail_on_own("quoted_answers_only_checking_gmail",
                 ["Hi, just checking my answers below reached you? I haven't had the confirmation email and a "
                  "colleague said she got one straight away.", "", "Jack"],
                 ["1. Yes", "2. Yes", "3. No", "4. 7", "5. a", "6. Yes", "7. No", "8. Yes", "9. Yes", "", "Jack"],
                 EARLIER_WHEN, EARLIER_ID),
    {},
    "trap: a message asking whether his earlier reply arrived, that reply quoted below: answers in quoted text "
    "only are not this message's answers (none expected; all nine missing)")

add("pipe_table_gmail",
    C1.gmail_top("pipe_table_gmail",
                 ["Asha, answers below:", "", "| Q | Answer |", "|---|--------|", "| 1 | Yes    |", "| 2 | No     |",
                  "| 3 | Yes    |", "| 4 | 4      |", "| 5 | a      |", "| 6 | No     |", "| 7 | No     |", "| 8 | Yes    |",
                  "| 9 | Yes    |"], sign=("Jack",)),
    ans(True, False, True, 4, [EXPERTISE], False, False, True, True),
    "Gmail web, a plain-text pipe table (question number | answer) with a header and a rule row")

add("typos_gmail_android",
    C1.gmail_top("typos_gmail_android",
                 ["1 yes", "2 no", "3 yes", "4 5", "5 a and b", "6 yes", "7 mo", "8 yes", "9 yes", "",
                  "Sent from my phone, excuse typos"], sign=("J",), android=True),
    ans(True, False, True, 5, [EXPERTISE, EVIDENCE], True, False, True, True),
    "Gmail for Android, '1 yes' lines in lower case, a typing slip 'mo' (no), 'a and b'")

add("summary_all_yes_except_gmail_android",
    C1.gmail_top("summary_all_yes_except_gmail_android",
                 ["All yes except 3. Confidence 6. Barriers lack of evidence"], sign=("Jack",), android=True),
    ans(True, True, False, 6, [EVIDENCE], True, True, True, True),
    "Gmail for Android, one line: 'All yes except 3.' then the scale and the barriers given apart")

add("trap_range_second_thoughts_gmail_android",
    C1.gmail_top("trap_range_second_thoughts_gmail_android",
                 ["1. Yes", "2. No", "3. Yes", "4. 7 or 8", "5. c", "6. Yes", "7. Yes", "8. No", "9. Yes", "",
                  "Actually not sure we have a protocol, it may still be in draft"], sign=("Jack",), android=True),
    ans(True, False, True, U, [SIDE], U, True, False, True),
    "trap: '7 or 8' is unclear; '6. Yes' then 'Actually not sure we have a protocol, it may still be in "
    "draft' (doubt, not a correction to a value): unclear")

add("confidence_words_gmail_ios",
    C2.reply("confidence_words_gmail_ios", "gmail_ios",
             top=["1. Yes", "2. Yes", "3. No", "4. I'd give myself a 7", "5. Evidence", "6. Yes", "7. No", "8. Yes",
                  "9. Yes", "", "Jack"]),
    ans(True, True, False, 7, [EVIDENCE], True, False, True, True),
    "Gmail for iOS, confidence in a sentence ('I'd give myself a 7'), barriers by one word of its label")

GIO = {1: "Yes", 2: "No", 3: "No", 4: "3 \u2013 I've only prescribed it a handful of times", 5: "A", 6: "Yes",
       7: "No", 8: "Yes!", 9: "Yes"}
add("inline_answers_reason_gmail_ios",
    C2.reply("inline_answers_reason_gmail_ios", "gmail_ios", top=["See below", "", "J"], answers=GIO),
    ans(True, False, False, 3, [EXPERTISE], True, False, True, True),
    "Gmail for iOS, answers below each quoted Answer:, the scale's number followed by a reason ('3 \u2013 "
    "I've only prescribed it a handful of times')")


# ======================= Apple Mail (Mac) and iPhone Mail =======================
COMMENT_AM = ("Since the regional study day I have used it much more, in the last 18 months for 3 patients on the "
              "ward, with mixed results, so I'd welcome an audit.")
AM_LINES = ["Asha,", "", "1 - Yes", "2 - Yes", "3 - Yes", "4 - 7", "5 - c", "6 - No", "7 - No", "8 - Yes", "9 - Yes",
            "10 - " + COMMENT_AM, "", "Jack"]
add("flowed_delsp_comment_apple_mail",
    C2.apple_mac_plain("flowed_delsp_comment_apple_mail", C2.apple_mac_text(AM_LINES)),
    ans(True, True, True, 7, [SIDE], False, False, True, True, comment=COMMENT_AM),
    "Apple Mail (Mac) plain text, format=flowed; DelSp=yes, quoted-printable: '1 - Yes' lines and a long "
    "comment soft-broken at the client's width so that its continuation line begins with '18 months'")

AMI = {1: "Yes", 2: "No", 3: "Yes", 4: "4", 5: "a, b and c", 6: "No", 7: "No", 8: "Yes, definitely", 9: "Yes"}
add("inline_split_html_apple_mail",
    C2.apple_mac("inline_split_html_apple_mail", ["Answers in the body of your email.", "", "Jack"],
                 quote_html=html_split(answers_after=AMI), quote_text=text_inline(answers=AMI)),
    ans(True, False, True, 4, [EXPERTISE, EVIDENCE, SIDE], False, False, True, True),
    "Apple Mail (Mac) rich text: answers typed below each Answer: in the quote, which Apple Mail splits "
    "(blockquote type=cite closed and reopened; unquoted lines in the text part)")

add("correction_same_mail_apple_mail",
    C2.apple_mac("correction_same_mail_apple_mail",
                 ["Dear Asha", "", "1. Yes", "2. No", "3. No", "4. 5", "5. a", "6. Yes", "7. No", "8. Yes", "9. Yes", "",
                  "Sorry \u2013 re-reading that, 5 should be a and b, not just a.", "", "Best", "Jack"]),
    ans(True, False, False, 5, [EXPERTISE, EVIDENCE], True, False, True, True),
    "Apple Mail (Mac): a numbered list and below it, in the same message, 'Sorry \u2013 re-reading that, 5 should "
    "be a and b, not just a.': the correction wins")

add("short_letters_iphone",
    C1.iphone("short_letters_iphone", ["1 Y", "2 Y", "3 N", "4 6", "5 B", "6 Y", "7 N", "8 Y", "9 Y"]),
    ans(True, True, False, 6, [EVIDENCE], True, False, True, True),
    "iPhone Mail, '1 Y' one-letter answers, numbers without punctuation, 'Sent from my iPhone'")

add("autocorrect_iphone",
    C1.iphone("autocorrect_iphone",
              ["1. Yes", "2. Ues", "3. Yep", "4. 7/10", "5. Lack of evidence & side effects", "6. Nope", "7. No",
               "8. Yes please", "9. Yes. ", "", "Jack"]),
    ans(True, True, True, 7, [EVIDENCE, SIDE], False, False, True, True),
    "iPhone Mail: 'Ues' (a slip for yes), 'Yep', 'Nope', '7/10', labels joined with '&', 'Yes please', "
    "the double-space full stop 'Yes. '")

add("reasons_with_numbers_iphone",
    C1.iphone("reasons_with_numbers_iphone",
              ["1. Yes - terminal agitation plus pain, maybe 2 or 3 pts a year", "2. No",
               "3. Yes, once when a pt had myoclonus on 60mg oxycodone", "4. 5", "5. a - we see so few cases",
               "6. No", "7. No - it's on the list for 2027", "8. Yes", "9. Yes"]),
    ans(True, False, True, 5, [EXPERTISE], False, False, True, True),
    "iPhone Mail: each answer clear before its reason; the reasons hold a range, a dose, a year and 'No' "
    "words ('maybe 2 or 3 pts a year', '60mg', 'on the list for 2027')")

add("trap_not_applicable_iphone",
    C1.iphone("trap_not_applicable_iphone",
              ["1. Yes", "2. N/A \u2013 I'm hospital based", "3. Yes", "4. 8", "5. n/a", "6. Yes",
               "7. N/A, we don't do community work", "8. Yes", "9. Yes!!"]),
    ans(True, U, True, 8, U, True, U, True, True),
    "trap: 'N/A' and 'n/a' where this survey has no not-applicable answer (2, 5, 7): unclear, never no")

EAR_WHEN = datetime.datetime(2026, 12, 8, 13, 5, 41)
EAR_ID = "<3C9E21AF-5B7D-4F02-A1C8-6D2E90B4F7A3@north-hospice.test>"
EAR_LINES = ["1. Yes", "2. Yes", "3. Yes", "4. 6", "5. a, c", "6. Yes", "7. No", "8. Yes", "9. Yes"]
COMMENT_IP = "It'd be great if the regional guideline included a community ketamine pathway."
WROTE_SELF_APPLE = f"On {EAR_WHEN.day} {EAR_WHEN:%b %Y}, at {EAR_WHEN:%H:%M}, {DOC_FIRST} {DOC_LAST} <{DOC_ADDR}> wrote:"
_ear_html = re.search(r'<body dir="auto">(.*)</body>', C1.iphone_html(EAR_LINES), re.S).group(1)
FU_LINES = ["Sorry, forgot the comments question:", "", "10. " + COMMENT_IP, "", "Jack"]
add("followup_comment_only_iphone",
    C1.apple("followup_comment_only_iphone",
             "\n".join(FU_LINES) + "\n\nSent from my iPhone\n\n> " + WROTE_SELF_APPLE + "\n> \n"
             + quote(C1.iphone_text(EAR_LINES).rstrip("\n")) + "\n",
             '<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head><body dir="auto">'
             + C1.divs(FU_LINES, ' dir="ltr"') + '<div dir="ltr"><br></div><div dir="ltr">Sent from my iPhone</div>'
             '<div dir="ltr"><br><blockquote type="cite">' + esc(WROTE_SELF_APPLE) + '<br><br></blockquote></div>'
             '<blockquote type="cite"><div dir="ltr">' + _ear_html + "</div></blockquote></body></html>",
             in_reply_to=EAR_ID, references=f"{INV_ID} {EAR_ID}", date=when(8, 16, 47, 9)),
    {"comments": ok(COMMENT_IP)},
    "iPhone Mail, a follow-up to his own earlier reply (quoted, with its answers) adding only '10. ...': the "
    "comment is this message's one answer; the quoted answers are not counted (1-9 missing)")

add("codes_one_line_iphone",
    C1.iphone("codes_one_line_iphone", ["1y 2y 3n 4=7 5=b 6y 7n 8y 9y", "", "J"]),
    ans(True, True, False, 7, [EVIDENCE], True, False, True, True),
    "iPhone Mail, question codes with one-letter answers on one line ('1y 2y 3n 4=7 5=b ...')")

add("none_word_barriers_iphone",
    C1.iphone("none_word_barriers_iphone",
              ["1. Yes", "2. Yes", "3. Yes", "4. 9", "5. None", "6. Yes", "7. Yes", "8. No", "9. Yes", "",
               "Jack Clarke", "Consultant, North Hospice"]),
    ans(True, True, True, 9, [NONE], True, True, False, True),
    "iPhone Mail, 'None' for 'Which barriers, if any ...' (the 'No barriers' option), a two-line signature "
    "under the list")


# ======================= Thunderbird =======================
TB_SIG = ["-- ", "Dr Jack Clarke", "Consultant in Palliative Medicine, North Hospice", "01632 960417"]
COMMENT_TB = "We rewrote the protocol in 2025 after two patients got agitated at 150 mg per day, so we now cap the starting dose."
add("bottom_posted_flowed_thunderbird",
    C1.thunderbird_flowed("bottom_posted_flowed_thunderbird",
                          WROTE_TB + "\n" + quote(INV_TEXT) + "\n\n"
                          + "\n".join(["1. Yes", "2. Yes", "3. Yes", "4. 8", "5. b", "6. Yes", "7. Yes", "8. No", "9. Yes",
                                       "10. " + COMMENT_TB, "", "Jack", "", *TB_SIG]) + "\n"),
    ans(True, True, True, 8, [EVIDENCE], True, True, False, True, comment=COMMENT_TB),
    "Thunderbird, bottom-posted below the whole quote, format=flowed: a comment soft-broken so its "
    "continuation begins with '150 mg per day'; a '-- ' signature with a phone number")

TBI = {1: "Yes", 2: "No",
       3: "Yes \u2013 switched 2 patients off high-dose morphine when toxic, one down to 30 mg a day", 4: "7", 5: "a", 6: "Yes", 7: "No", 8: "Yes", 9: "Yes"}
add("inline_flowed_reasons_thunderbird",
    C1.thunderbird_flowed("inline_flowed_reasons_thunderbird",
                          "Hi Asha, answers inline.\n\n" + WROTE_TB + "\n" + text_inline(answers=TBI) + "\n\n"
                          + "\n".join(TB_SIG[:2]) + "\n", cte="8bit", eightbit=True),
    ans(True, False, True, 7, [EXPERTISE], True, False, True, True),
    "Thunderbird, format=flowed: answers below each quoted Answer:, 3's reason soft-broken so its continuation "
    "line begins with '30 mg a day'")

add("trap_label_fits_two_thunderbird",
    C1.thunderbird_flowed("trap_label_fits_two_thunderbird",
                          "\n".join(["1. Yes", "2. Yes", "3. No", "4. 5.5", "5. Lack of familiarity with the evidence",
                                     "6. Being written", "7. No", "8. Yes", "9. Yes", "", "Jack"])
                          + "\n\n" + WROTE_TB + "\n" + quote(INV_TEXT) + "\n"),
    ans(True, True, False, U, U, U, False, True, True),
    "trap: 'Lack of familiarity with the evidence' fits a (familiarity) and b (evidence); '5.5' on a 0-10 "
    "whole-number scale; 'Being written' for a written protocol: all unclear")


# ======================= Samsung Email =======================
add("numbered_no_space_samsung",
    C2.reply("numbered_no_space_samsung", "samsung",
             top=["1.yes", "2.yes", "3.no", "4.6", "5.a", "6.no - actually yes, we do", "7.no", "8.yes", "9.yes", "", "Jack"]),
    ans(True, True, False, 6, [EXPERTISE], True, False, True, True),
    "Samsung Email, '1.yes' with no space, a correction inside the answer ('6.no - actually yes, we do': "
    "yes), 'Sent from my Galaxy', the original unquoted below its '-------- Original message --------' block")

SAO = {1: "Yes", 2: "No", 3: "Yes", 4: "8", 5: "b+c", 6: "Yes", 7: "Yes", 8: "No", 9: "Yes"}
add("answer_lines_unquoted_original_samsung",
    C2.reply("answer_lines_unquoted_original_samsung", "samsung", top=["Done below"], on_line=SAO),
    ans(True, False, True, 8, [EVIDENCE, SIDE], True, True, False, True),
    "Samsung Email: answers typed after 'Answer:' in the original, which Samsung leaves unquoted; 'b+c'")


# ======================= Yahoo / AOL =======================
add("dash_numbers_yahoo",
    C1.yahoo("dash_numbers_yahoo",
             ["1-Yes", "2-Yes", "3-Yes", "4-6", "5-c", "6-No", "7-No", "8-Yes", "9-Yes", "", "Regards", "Jack Clarke"]),
    ans(True, True, True, 6, [SIDE], False, False, True, True),
    "Yahoo Mail, '1-Yes' numbering, so '4-6' is question 4, answer 6 (not a range)")

add("qualifiers_dont_know_yahoo",
    C1.yahoo("qualifiers_dont_know_yahoo",
             ["1. Yes, a few times", "2. No", "3. Once or twice \u2013 yes", "4. Fairly confident, 7", "5. Expertise",
              "6. Yes", "7. Don't know", "8. Yes", "9. Yes", "", "Jack"]),
    ans(True, False, True, 7, [EXPERTISE], True, U, True, True),
    "Yahoo Mail: 'a few times', 'Once or twice \u2013 yes', 'Fairly confident, 7'; 'Don't know' for 7 is unclear")

add("q_numbers_aol",
    C2.aol_21d("q_numbers_aol",
           ["Q1. Yes", "Q2. Yes", "Q3. No", "Q4. 7", "Q5. B", "Q6. Yes", "Q7. No", "Q8. No", "Q9. Yes", "",
            "Dr J Clarke"]),
    ans(True, True, False, 7, [EVIDENCE], True, False, False, True),
    "AOL Mail, 'Q1. Yes' numbering, text part indented without '>'")


# ======================= plain-text clients and Outlook for Mac =======================
PTO = {1: "Yes", 2: "Yes", 3: "No", 4: "7", 5: "a, c", 6: "No", 7: "No", 8: "Yes", 9: "Yes"}
add("answer_lines_original_message_outlook_text",
    C1.outlook_text("answer_lines_original_message_outlook_text",
                    "My answers are on the Answer lines below.\n\nJack Clarke\n\n" + C1.ORIGINAL_MESSAGE + "\n"
                    + text_inline(on_line=PTO, prefix="") + "\n"),
    ans(True, True, False, 7, [EXPERTISE, SIDE], False, False, True, True),
    "Outlook desktop in plain-text mode: answers typed on the Answer: lines of the unprefixed original below "
    "'-----Original Message-----'")

MUT = {1: "yes", 2: "no", 3: "no", 4: "2 - I rarely use it and always with pharmacy advice", 5: "b, c", 6: "no",
       7: "no", 8: "yes", 9: "yes"}
add("inline_below_answer_mutt",
    C2.reply("inline_below_answer_mutt", "mutt", answers=MUT, bottom=["-- ", "Jack Clarke, North Hospice"]),
    ans(True, False, False, 2, [EVIDENCE, SIDE], False, False, True, True),
    "Mutt, plain text 8bit: lower-case answers below each quoted Answer:, the scale's number with a reason")

add("numbered_outlook_mac",
    C2.reply("numbered_outlook_mac", "outlook_mac",
             top=["Asha,", "", "1. Yes", "2. Yes", "3. Yes", "4. 8", "5. a & c", "6. Yes", "7. No", "8. No", "9. Yes", "",
                  "Jack"]),
    ans(True, True, True, 8, [EXPERTISE, SIDE], True, False, False, True),
    "Outlook for Mac, numbered list on top (Word HTML), the original unquoted below its From/Date block")
