#!/usr/bin/env python3
"""Writes the reply-corpus cases for issue 21's misses (forms a careful
human reads that the parser missed): tables pasted from Word or Excel
(cells between tabs in the text part; cells of an HTML table), question
codes between slashes, "N = answer" pieces on one line, "yes to 1-3 and 6,
no to 7" lists, "everything's a yes apart from ..." summaries and bare
one-word answers in order on one line. Each is written in its own words
and client, not copied from a held-back case. Reuses the helpers of
make-reply-fixtures.py and make-reply-fixtures-21.py; writes only its own
cases (it never deletes others):
    python3 scripts/make-reply-fixtures-21-misses.py
"""
import json, os, re, runpy

here = os.path.dirname(os.path.abspath(__file__))
base = runpy.run_path(os.path.join(here, "make-reply-fixtures.py"), run_name="fixtures")
globals().update({k: v for k, v in base.items() if not k.startswith("__")})
CASES = []

def case(name, raw, answers, note):
    missing = [i for i in REQUIRED if i not in answers]
    CASES.append((name, raw, {"note": note, "kind": "reply", "token": TOKEN, "bounced_recipient": None,
                              "answers": answers, "missing": missing}))

def expect(values, status="ok"):
    return {IDS[q - 1]: {"status": status, "value": v} for q, v in values.items()}

OUTLOOK_SIG = "Dr Jack Clarke\nConsultant in Palliative Medicine | North Hospice\nTel 01234 567890\n"

# ---- a table pasted from Excel into Outlook's text part: cells between tabs ----
rows = [("Q", "Topic", "Reply"), ("Q1", "Intractable pain", "Yes"), ("Q2", "Early on", "Yes"),
        ("Q3", "Opioid reduction", "No"), ("Q4", "Confidence", "8"), ("Q5", "Barriers", "b, c"),
        ("Q6", "Protocol", "No"), ("Q7", "Community", "No"), ("Q8", "Training", "Yes"), ("Q9", "Research", "Yes")]
text = ("Pasted from my spreadsheet, hope that's OK.\n\n" + "\n".join("\t".join(r) for r in rows) + "\n\n"
        + OUTLOOK_SIG + "\n" + OUTLOOK_HEADER_TEXT + "\n" + INV_TEXT + "\n")
case("table_tabs_excel_paste_outlook",
     message("table_tabs_excel_paste_outlook", text=text, subject="RE: " + SUBJECT, mailer="Microsoft Outlook 16.0"),
     expect({1: True, 2: True, 3: False, 4: 8, 5: ["evidence", "side_effects"], 6: False, 7: False, 8: True, 9: True}),
     "Outlook desktop, text part: rows pasted from Excel, cells between tabs (number, topic, reply): read as a table")

# ---- an HTML table in Outlook on the web, a paragraph in every cell ----
cell = lambda t, tag="td": f'<{tag} style="border:solid #BFBFBF 1.0pt;padding:0cm 5.4pt"><p class="MsoNormal">{t}</p></{tag}>'
trs = [("Q", "Topic", "Reply", "th"), ("1", "End-of-life pain", "No", "td"), ("2", "Adjuvant early on", "No", "td"),
       ("3", "Opioid dose reduction", "Yes", "td"), ("4", "How confident", "3", "td"), ("5", "Barriers", "a", "td"),
       ("6", "Written protocol", "Yes", "td"), ("7", "Shared guidance", "No", "td"), ("8", "Training", "Yes", "td"),
       ("9", "Research", "No", "td")]
table = ('<table class="MsoTableGrid" border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse">'
         + "".join("<tr>" + "".join(cell(t, r[3]) for t in r[:3]) + "</tr>" for r in trs) + "</table>")
html = ('<html><head><style type="text/css" style="display:none;"> P {margin-top:0;margin-bottom:0;} </style></head><body dir="ltr">'
        '<div style="font-family: Aptos, sans-serif; font-size: 12pt;">My answers are in the table.</div>' + table +
        '<div id="Signature"><p>Dr Jack Clarke<br>North Hospice</p></div>' + OUTLOOK_HEADER_HTML + INV_HTML_BODY + '</body></html>')
case("table_html_cells_outlook_web", message("table_html_cells_outlook_web", html=html),
     expect({1: False, 2: False, 3: True, 4: 3, 5: ["expertise"], 6: True, 7: False, 8: True, 9: False}),
     "Outlook on the web, HTML only: a table (number, topic, reply), each cell a paragraph: each row read as a table row")

# ---- question codes between spaced slashes, Gmail ----
text = "1y / 2y / 3n / 4=8 / 5=b,c / 6n / 7n / 8y / 9y\n\nRegards\nJack\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n"
case("codes_spaced_slashes_gmail", message("codes_spaced_slashes_gmail", text=text),
     expect({1: True, 2: True, 3: False, 4: 8, 5: ["evidence", "side_effects"], 6: False, 7: False, 8: True, 9: True}),
     "Gmail: question codes between slashes on one line ('4=8', '5=b,c')")

# ---- "Everything's a yes apart from ...", Apple Mail ----
text = ("Everything's a yes apart from 3 and 7.\n4: 6\n5: c\n\nJack\n\nSent from my iPad\n\n> " + APPLE_WROTE + "\n> \n"
        + quote(INV_TEXT) + "\n")
case("summary_everything_is_a_yes_ipad", message("summary_everything_is_a_yes_ipad", text=text, mailer="iPad Mail (22B83)"),
     expect({1: True, 2: True, 3: False, 4: 6, 5: ["side_effects"], 6: True, 7: False, 8: True, 9: True}),
     "iPad: 'Everything's a yes apart from 3 and 7' (a summary with \"'s a\"), then numbered answers")

# ---- "No to 2, 3 and 7; yes to 1, 6, 8 and 9" and "4: 8, 5: b, c", Outlook for iOS ----
text = ("No to 2, 3 and 7; yes to 1, 6, 8 and 9\n4: 8, 5: b, c\n\nGet Outlook for iOS\n________________________________\n"
        + OUTLOOK_HEADER_TEXT + "\n" + INV_TEXT + "\n")
case("value_lists_outlook_ios", message("value_lists_outlook_ios", text=text, subject="Re: " + SUBJECT),
     expect({1: True, 2: False, 3: False, 4: 8, 5: ["evidence", "side_effects"], 6: True, 7: False, 8: True, 9: True}),
     "Outlook for iOS: 'No to 2, 3 and 7; yes to 1, 6, 8 and 9' (question numbers listed by value), then '4: 8, 5: b, c' on one line")

# ---- bare one-word answers in order on one line, no commas: inferred ----
text = "yes no no 7 b no yes yes yes\n\nJ\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n"
case("bare_one_line_spaces_gmail", message("bare_one_line_spaces_gmail", text=text),
     expect({1: True, 2: False, 3: False, 4: 7, 5: ["evidence"], 6: False, 7: True, 8: True, 9: True}, status="inferred"),
     "Gmail: nine one-word answers in order on one line, no numbers, no commas: inferred, to be confirmed")

# ---- Outlook's comment marking by initials, on the line below each empty Answer: ----
marked = {q: f"[J.M.C.] {a}" for q, a in {1: "no", 2: "no", 3: "yes", 4: "5", 5: "b", 6: "no", 7: "no", 8: "yes", 9: "yes",
                                          10: "Keen to see the regional results."}.items()}
text = "Comments inline.\n\nJack\n\n" + OUTLOOK_HEADER_TEXT + "\n" + unquoted_below(marked) + "\n"
case("comment_marking_initials_below_outlook", message("comment_marking_initials_below_outlook", text=text, subject="RE: " + SUBJECT,
                                                       mailer="Microsoft Outlook 16.0"),
     expect({1: False, 2: False, 3: True, 4: 5, 5: ["evidence"], 6: False, 7: False, 8: True, 9: True,
             10: "Keen to see the regional results."}),
     "Outlook, unquoted original: comments marked with the writer's initials '[J.M.C.]' on the line below each Answer:; the initials are not part of the answer")

# ---- "-----Original Message-----" above a '>'-quoted original: answers typed unquoted below each quoted Answer: ----
answers = {1: "Yes", 2: "Yes", 3: "No", 4: "9", 5: "d", 6: "Yes", 7: "Yes", 8: "No", 9: "Yes"}
text = ("My answers are under each question.\nJack\n-----Original Message-----\n" + quote(OUTLOOK_HEADER_TEXT.rstrip("\n"))
        + "\n>\n" + text_inline(answers) + "\n")
case("original_message_prefixed_answers_below_outlook",
     message("original_message_prefixed_answers_below_outlook", text=text, subject="RE: " + SUBJECT, mailer="Microsoft Outlook 16.0"),
     expect({1: True, 2: True, 3: False, 4: 9, 5: ["none"], 6: True, 7: True, 8: False, 9: True}),
     "Outlook text with '>' prefixing on: '-----Original Message-----' above a quoted original, the answers typed unquoted below each quoted Answer:")

# ---- answers typed after the question's own words inside the quote (Apple Mail) ----
def typed_after_headings(answers):
    """The invitation quoted, each answer typed at the end of its question's
    last heading line (the heading as we wrapped it)."""
    lines, out, q, in_heading = INV_TEXT.split("\n"), [], 0, False
    for k, line in enumerate(lines):
        m = re.match(r"^(\d+)\. ", line)
        if m:
            q, in_heading = int(m.group(1)), True
        nxt = lines[k + 1] if k + 1 < len(lines) else ""
        if in_heading and not nxt.startswith("   "):
            in_heading = False
            if q in answers:
                line = line + " " + answers[q]
        out.append(("> " + line).rstrip() if line else ">")
    return "\n".join(out)

answers = {1: "No", 2: "No", 3: "Yes", 4: "4", 5: "a, b", 6: "Yes", 7: "No", 8: "Yes", 9: "No"}
text = "I've put my answers after each question below.\n\nJack\n\n> " + APPLE_WROTE + "\n>\n" + typed_after_headings(answers) + "\n"
case("typed_after_question_in_quote_apple_mail",
     message("typed_after_question_in_quote_apple_mail", text=text, mailer="Apple Mail (2.3774.300.61.1.2)"),
     expect({1: False, 2: False, 3: True, 4: 4, 5: ["expertise", "evidence"], 6: True, 7: False, 8: True, 9: False}),
     "Apple Mail: each answer typed inside the quote, at the end of its question's wrapped heading ('> stages of pain relief? No'), the Answer: lines left empty")

# ---- bottom-posting: nothing above the quote, the answers below it (NeoMutt) ----
text = ("On Mon, Jan 05, 2026 at 09:00:00AM +0000, Regional Palliative Care Audit Group wrote:\n" + quote(INV_TEXT) + "\n\n"
        "1) No\n2) No\n3) No\n4) 2\n5) a, b\n6) No\n7) No\n8) Yes\n9) Yes\n\n-- \nJack Clarke\n")
case("bottom_posted_list_neomutt", message("bottom_posted_list_neomutt", text=text, cte="8bit", mailer="NeoMutt/20240425"),
     expect({1: False, 2: False, 3: False, 4: 2, 5: ["expertise", "evidence"], 6: False, 7: False, 8: True, 9: True}),
     "NeoMutt, bottom-posted: nothing above the quoted invitation, the numbered answers below it")

# ---- answers typed into the subject line after our subject (Gmail) ----
text = "As per subject line.\n\nJack\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n"
case("answers_after_subject_gmail",
     message("answers_after_subject_gmail", text=text,
             subject="Re: " + SUBJECT + ": Q1 Y, Q2 Y, Q3 N, Q4 6, Q5 c, Q6 N, Q7 Y, Q8 Y, Q9 N"),
     expect({1: True, 2: True, 3: False, 4: 6, 5: ["side_effects"], 6: False, 7: True, 8: True, 9: False}),
     "Gmail: the answers typed into the subject line after our subject, as question codes; the body only points to them")

# ---- numbered answers between commas, number and answer a space apart (Yahoo) ----
text = ("1 no, 2 no, 3 yes, 4 8, 5 b, 6 yes, 7 yes, 8 no, 9 yes\n\nJack\n\n\n    On Monday, 5 January 2026 at 09:00:00 GMT, "
        "Regional Palliative Care Audit Group <survey@survey.test> wrote:\n\n" + quote(INV_TEXT) + "\n")
case("numbered_pieces_spaced_yahoo", message("numbered_pieces_spaced_yahoo", text=text),
     expect({1: False, 2: False, 3: True, 4: 8, 5: ["evidence"], 6: True, 7: True, 8: False, 9: True}),
     "Yahoo: the numbered answers on one line between commas, each number and answer a space apart ('1 no, 2 no, 3 yes, 4 8')")

# ---- a label that is the question's short name (its id's words), iPhone ----
top = ["End of life = yes", "Early adjuvant = yes", "Opioid sparing = no", "Confidence = 5", "Barriers = c",
       "Written protocol = yes", "Community guidance = yes", "Training = no", "Research = yes"]
text = "\n".join(top) + "\n\nSent from my iPhone\n\n> " + APPLE_WROTE + "\n> \n" + quote(INV_TEXT) + "\n"
case("labels_short_names_iphone", message("labels_short_names_iphone", text=text, mailer="iPhone Mail (22B83)"),
     expect({1: True, 2: True, 3: False, 4: 5, 5: ["side_effects"], 6: True, 7: True, 8: False, 9: True}),
     "iPhone: each answer labelled by a short name of its question with '='; 'Opioid sparing' has no word of the question's text but one that three questions share, and is the question's short name (its id)")

# ---- arrows pointing at answers typed below the Answer: lines of an unquoted original ----
arrowed = {q: f"--> {a}" for q, a in {1: "No", 2: "Yes", 3: "Yes", 4: "6", 5: "b and c", 6: "No", 7: "No", 8: "Yes", 9: "No"}.items()}
text = "Answers marked with arrows below.\n\nJack\n\n" + OUTLOOK_HEADER_TEXT + "\n" + unquoted_below(arrowed) + "\n"
case("arrows_below_answer_outlook", message("arrows_below_answer_outlook", text=text, subject="RE: " + SUBJECT, mailer="Microsoft Outlook 14.0"),
     expect({1: False, 2: True, 3: True, 4: 6, 5: ["evidence", "side_effects"], 6: False, 7: False, 8: True, 9: False}),
     "Outlook 2010 text, unquoted original: each answer typed below its Answer: after an arrow '-->'")

if __name__ == "__main__":
    write_cases(CASES)
