#!/usr/bin/env python3
"""Writes the reply-corpus cases for the forms issue 21's third held-back
half (heldback21c) missed in three families, each written in our own words
and clients, with siblings that set does not have:
- layout: tables drawn with box-drawing characters or `+---+` rules,
  tables whose columns are the answers (Yes / No, option letters) marked
  with X or a tick, answers below the whole quote when the top only points
  to them, options marked by an arrow with a word after it, an answer
  forgotten inline and given in a postscript below the quote;
- corrections: a score raised or lowered in words, "I should have said",
  two answers swapped, a correction inside the answer itself, a follow-up
  that only changes one answer;
- summaries: "all yes except" with the exceptions in words, "no to the
  first three, yes to the rest", "yes to everything" that covers only the
  yes/no questions.
Reuses the helpers of make-reply-fixtures.py; writes only its own cases
(it never deletes others):
    python3 scripts/make-reply-fixtures-21c-layout.py
"""
import json, os, runpy

here = os.path.dirname(os.path.abspath(__file__))
base = runpy.run_path(os.path.join(here, "make-reply-fixtures.py"), run_name="fixtures")
globals().update({k: v for k, v in base.items() if not k.startswith("__")})
CASES = []
case = reply_case_into(CASES)

def expect(values, status="ok"):
    return {IDS[q - 1]: {"status": status, "value": v} for q, v in values.items()}

def flowed(name, text, **kw):
    raw = message(name, text=text, **kw)
    return raw.replace(b"Content-Type: text/plain; charset=\"utf-8\"", b"Content-Type: text/plain; charset=UTF-8; format=flowed")

TB_WROTE = "On 05/01/2026 09:00, Regional Palliative Care Audit Group wrote:"
APPLE = "On 5 Jan 2026, at 09:00, Regional Palliative Care Audit Group <survey@survey.test> wrote:"
OUTLOOK_SIG = "Dr Jack Clarke\nConsultant in Palliative Medicine | North Hospice\n"

# ==== layout: tables ====

# ---- a table with double box-drawing lines, three columns (Apple Mail) ----
rows = [("1", "Pain at end of life", "No"), ("2", "Adjuvant early", "No"), ("3", "Opioid reduction", "Yes"),
        ("4", "Confidence", "9"), ("5", "Barriers", "c"), ("6", "Protocol", "Yes"), ("7", "Community", "Yes"),
        ("8", "Training", "No"), ("9", "Research", "Yes")]
w = [3, 20, 6]
line = lambda l, m, r: l + m.join("═" * (x + 2) for x in w) + r
row = lambda cells: "║" + "║".join(f" {c:<{x}} " for c, x in zip(cells, w)) + "║"
table = [line("╔", "╦", "╗"), row(("No", "About", "Answer")), line("╠", "╬", "╣")] + [row(r) for r in rows] + [line("╚", "╩", "╝")]
text = ("Here you go - I made a little table.\n\n" + "\n".join(table) + "\n\nJack\n\n> " + APPLE + "\n>\n" + quote(INV_TEXT) + "\n")
case("box_drawing_double_lines_apple_mail", message("box_drawing_double_lines_apple_mail", text=text, mailer="Apple Mail (2.3774.300.61.1.2)"),
     expect({1: False, 2: False, 3: True, 4: 9, 5: ["side_effects"], 6: True, 7: True, 8: False, 9: True}),
     "Apple Mail: a table drawn with double box-drawing lines (╔═╦═╗ ║), a header naming the answer column")

# ---- a table drawn with single box lines, number and answer only, no header (Thunderbird, flowed) ----
rows = [("Q1", "yes"), ("Q2", "yes"), ("Q3", "no"), ("Q4", "3"), ("Q5", "a, b"), ("Q6", "no"), ("Q7", "no"), ("Q8", "yes"), ("Q9", "no")]
table = ["┌─────┬──────┐"]
for k, (q, a) in enumerate(rows):
    table.append(f"│ {q:<3} │ {a:<4} │")
    table.append("├─────┼──────┤" if k < len(rows) - 1 else "└─────┴──────┘")
text = "\n".join(table) + "\n\nSam\n\n" + TB_WROTE + "\n" + quote(INV_TEXT) + "\n"
case("box_drawing_rows_ruled_thunderbird", flowed("box_drawing_rows_ruled_thunderbird", text, mailer="Mozilla Thunderbird 128.5.0"),
     expect({1: True, 2: True, 3: False, 4: 3, 5: ["expertise", "evidence"], 6: False, 7: False, 8: True, 9: False}),
     "Thunderbird: a table of box-drawing lines (┌─┬─┐ │), a rule between every row, no header")

# ---- an ASCII grid with +----+ rules (mutt) ----
rows = [("1", "y"), ("2", "n"), ("3", "n"), ("4", "6"), ("5", "b"), ("6", "y"), ("7", "n"), ("8", "y"), ("9", "y")]
rule = "+----+--------+"
table = [rule, "| Q  | Answer |", rule] + [f"| {q:<2} | {a:<6} |" for q, a in rows] + [rule]
text = \
    "\n".join(table) + "\n\n-- \nJ. Clarke\n\n" + "On Mon, Jan 05, 2026 at 09:00:00AM +0000, Regional Palliative Care Audit Group wrote:\n" + quote(INV_TEXT) + "\n"
case("ascii_grid_table_mutt", message("ascii_grid_table_mutt", text=text, cte="8bit", mailer="Mutt/2.2.12 (2023-09-09)"),
     expect({1: True, 2: False, 3: False, 4: 6, 5: ["evidence"], 6: True, 7: False, 8: True, 9: True}),
     "Mutt: an ASCII table with +----+ rules above and below, a header naming the answer column")

# ---- ticks under Yes / No columns pasted from Word, the other answers in an 'Answer' column (Outlook text) ----
rows = [("Question", "Yes", "No", "Answer"), ("1. End of life pain", "✓", "", ""), ("2. Early adjuvant", "✓", "", ""),
        ("3. Opioid reduction", "", "✓", ""), ("4. Confidence", "", "", "4"), ("5. Barriers", "", "", "a and c"),
        ("6. Written protocol", "", "✓", ""), ("7. Community guidance", "", "✓", ""), ("8. Training", "✓", "", ""),
        ("9. Research", "✓", "", "")]
text = ("Please see the table, easier than typing it all out.\n\n" + "\n".join("\t".join(r) for r in rows) + "\n\n"
        + OUTLOOK_SIG + "\n" + OUTLOOK_HEADER_TEXT + "\n" + INV_TEXT + "\n")
case("tick_columns_tabs_outlook", message("tick_columns_tabs_outlook", text=text, subject="RE: " + SUBJECT, mailer="Microsoft Outlook 16.0"),
     expect({1: True, 2: True, 3: False, 4: 4, 5: ["expertise", "side_effects"], 6: False, 7: False, 8: True, 9: True}),
     "Outlook desktop, text part: a Word table pasted with tabs, Yes and No columns ticked (✓), the scale and the barriers in an 'Answer' column; empty cells keep their columns")

# ---- an HTML table (Outlook on the web, HTML only): Y / N columns marked x, a 'Comments' column beside ----
cell = lambda t, tag="td": f'<{tag} style="border:solid #BFBFBF 1.0pt;padding:0cm 5.4pt"><p class="MsoNormal">{t}</p></{tag}>'
trs = [("", "Y", "N", "Comments", "th"), ("Q1", "x", "", "", "td"), ("Q2", "", "x", "never this early", "td"),
       ("Q3", "x", "", "", "td"), ("Q4", "", "", "7", "td"), ("Q5", "", "", "b", "td"), ("Q6", "x", "", "", "td"),
       ("Q7", "", "x", "being written", "td"), ("Q8", "", "x", "", "td"), ("Q9", "x", "", "", "td")]
table = ('<table class="MsoTableGrid" border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse">'
         + "".join("<tr>" + "".join(cell(t, r[4]) for t in r[:4]) + "</tr>" for r in trs) + "</table>")
html = ('<html><head><style type="text/css" style="display:none;"> P {margin-top:0;margin-bottom:0;} </style></head><body dir="ltr">'
        '<div style="font-family: Aptos, sans-serif; font-size: 12pt;">Marked up in the table below.</div>' + table +
        '<div id="Signature"><p>Dr Jack Clarke<br>North Hospice</p></div>' + OUTLOOK_HEADER_HTML + INV_HTML_BODY + '</body></html>')
case("x_columns_html_table_outlook_web", message("x_columns_html_table_outlook_web", html=html),
     expect({1: True, 2: False, 3: True, 4: 7, 5: ["evidence"], 6: True, 7: False, 8: False, 9: True}),
     "Outlook on the web, HTML only: a table with Y and N columns marked 'x' and a Comments column, the scale and barrier typed in the Comments column of their rows")

# ---- a Markdown table with option letters as columns for the barriers, Yes/No for the rest (Fastmail) ----
text = ("| Q | Yes | No | Other |\n|---|:-:|:-:|---|\n| 1 | * |   |   |\n| 2 |   | * |   |\n| 3 |   | * |   |\n"
        "| 4 |   |   | 5 |\n| 5 |   |   | d |\n| 6 | * |   |   |\n| 7 | * |   |   |\n| 8 |   | * |   |\n| 9 | * |   |   |\n\n"
        "Jack\n\nOn Mon, 5 Jan 2026, at 09:00, Regional Palliative Care Audit Group wrote:\n" + quote(INV_TEXT) + "\n")
case("star_marks_markdown_table_fastmail", message("star_marks_markdown_table_fastmail", text=text),
     expect({1: True, 2: False, 3: False, 4: 5, 5: ["none"], 6: True, 7: True, 8: False, 9: True}),
     "Fastmail: a Markdown table with Yes / No columns marked '*' and an 'Other' column for the scale and the barriers")

# ---- trap: both Yes and No marked on one row, and a mark beside the scale ----
rows = [("Question", "Yes", "No", "Other"), ("1. End of life", "X", "", ""), ("2. Early adjuvant", "X", "X", ""),
        ("3. Opioid sparing", "", "X", ""), ("4. Confidence", "X", "", ""), ("5. Barriers", "", "", "b"),
        ("6. Protocol", "X", "", ""), ("7. Guidance", "", "X", ""), ("8. Training", "X", "", ""), ("9. Research", "?", "", "")]
text = ("Table below.\n\n" + "\n".join("\t".join(r) for r in rows) + "\n\n" + OUTLOOK_SIG + "\n" + OUTLOOK_HEADER_TEXT + "\n" + INV_TEXT + "\n")
case("trap_marks_both_columns_outlook", message("trap_marks_both_columns_outlook", text=text, subject="RE: " + SUBJECT, mailer="Microsoft Outlook 16.0"),
     {**expect({1: True, 3: False, 5: ["evidence"], 6: True, 7: False, 8: True}),
      **expect({2: None, 4: None, 9: None}, status="unclear")},
     "trap: a table with Yes / No columns: 2 marked in both (unclear), the scale marked 'X' under Yes (no score: unclear), 9 a '?' under Yes (unclear)")


# ==== summaries ====

# ---- "Yes to everything" with a reason in brackets: the scale and the choice stay unclear (Thunderbird) ----
text = "Yes to everything (we have a very active ketamine service here).\n\nSam\n\n" + TB_WROTE + "\n" + quote(INV_TEXT) + "\n"
case("summary_yes_to_everything_reason_thunderbird",
     message("summary_yes_to_everything_reason_thunderbird", text=text, mailer="Mozilla Thunderbird 128.5.0"),
     {**expect({1: True, 2: True, 3: True, 6: True, 7: True, 8: True, 9: True}), **expect({4: None, 5: None}, status="unclear")},
     "Thunderbird: 'Yes to everything (…)' with a reason: every yes/no question yes; the scale and the barriers cannot be yes: unclear, asked")

# ---- "yes to the first two, no to the rest" on one line, the others labelled (Outlook for Android) ----
text = ("Yes to the first two, no to the rest.\nConfidence 3\nBarriers: b\n\nGet Outlook for Android\n________________________________\n"
        + OUTLOOK_HEADER_TEXT + "\n" + INV_TEXT + "\n")
case("summary_first_two_rest_outlook_android",
     message("summary_first_two_rest_outlook_android", text=text, subject="RE: " + SUBJECT),
     expect({1: True, 2: True, 3: False, 4: 3, 5: ["evidence"], 6: False, 7: False, 8: False, 9: False}),
     "Outlook for Android: 'Yes to the first two, no to the rest' (by position), the scale and the barriers labelled on their own lines")

# ---- "The first three are no ... everything else yes" on separate lines (Gmail) ----
text = ("The first three are all no, I'm afraid.\n4. 1\n5. a, b\nEverything else yes.\n\nJack\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n")
case("summary_first_three_everything_else_gmail", message("summary_first_three_everything_else_gmail", text=text),
     expect({1: False, 2: False, 3: False, 4: 1, 5: ["expertise", "evidence"], 6: True, 7: True, 8: True, 9: True}),
     "Gmail: 'The first three are all no', numbered answers for 4 and 5, then 'Everything else yes' (the questions nothing else answered)")

# ---- all yes except two named in words with "no", then the scale and the barriers with "is" and "are" (Apple Mail) ----
text = ("All yes except no written protocol and no community guidance so far. My confidence is 6 and the barriers are a and b.\n\n"
        "Jack\n\n> " + APPLE + "\n>\n" + quote(INV_TEXT) + "\n")
case("summary_except_no_topics_apple_mail", message("summary_except_no_topics_apple_mail", text=text, mailer="Apple Mail (2.3774.300.61.1.2)"),
     expect({1: True, 2: True, 3: True, 4: 6, 5: ["expertise", "evidence"], 6: False, 7: False, 8: True, 9: True}),
     "Apple Mail: 'All yes except no written protocol and no community guidance so far' (exceptions by topic, each with 'no'), then 'my confidence is 6 and the barriers are a and b'")

# ---- trap: "the rest" when the answers before it cannot be placed: not applied ----
text = ("Yes to the first half or so.\nNo to the rest.\n\nJack\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n")
case("trap_rest_without_first_gmail", message("trap_rest_without_first_gmail", text=text), {},
     "trap: 'No to the rest' after a line that places no question ('the first half or so'): the rest is unknown, nothing read")

# ---- trap: "yes to everything" with a reason that takes one back ----
text = ("Yes to everything - but not sure about the research one.\n\nJack\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n")
case("trap_everything_reason_takes_back_gmail", message("trap_everything_reason_takes_back_gmail", text=text), {},
     "trap: 'Yes to everything - but not sure about …': the reason takes part back, so the line is no summary")


# ==== corrections ====
def numbered(answers):
    return "\n".join(f"{q}. {a}" for q, a in answers.items())

# ---- a score raised in words below the list (Outlook for Mac) ----
top = numbered({1: "Yes", 2: "Yes", 3: "No", 4: "5", 5: "b", 6: "No", 7: "No", 8: "Yes", 9: "Yes"})
text = (top + "\n\nRe-reading this, I would bump my confidence up to 8 - I have done a lot more since the regional course.\n\n"
        "Best wishes,\nJack\n\n" + OUTLOOK_HEADER_TEXT + "\n" + INV_TEXT + "\n")
case("correction_raise_score_in_words_outlook_mac",
     message("correction_raise_score_in_words_outlook_mac", text=text, mailer="Microsoft Outlook 16.92"),
     expect({1: True, 2: True, 3: False, 4: 8, 5: ["evidence"], 6: False, 7: False, 8: True, 9: True}),
     "Outlook for Mac: 'I would bump my confidence up to 8 - …' below the list replaces 5")

# ---- a score lowered by number, and 'I should have said no to question 2' (Gmail) ----
top = numbered({1: "Yes", 2: "Yes", 3: "Yes", 4: "9", 5: "d", 6: "Yes", 7: "Yes", 8: "No", 9: "No"})
text = (top + "\n\nCould you lower question 4 to 7 please, I was being generous. I should have said no to question 2 as well.\n\n"
        "Jack\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n")
case("correction_lower_and_should_have_said_gmail", message("correction_lower_and_should_have_said_gmail", text=text),
     expect({1: True, 2: False, 3: True, 4: 7, 5: ["none"], 6: True, 7: True, 8: False, 9: False}),
     "Gmail: 'Could you lower question 4 to 7' and 'I should have said no to question 2' below the list")

# ---- 'Looking again at question 6, I should have put no' (Apple Mail) ----
top = numbered({1: "No", 2: "No", 3: "Yes", 4: "6", 5: "a", 6: "Yes", 7: "No", 8: "Yes", 9: "Yes"})
text = (top + "\n\nLooking again at question 6, I should have put no - the protocol is still only a draft.\n\nJack\n\n> "
        + APPLE + "\n>\n" + quote(INV_TEXT) + "\n")
case("correction_looking_again_should_have_put_apple_mail",
     message("correction_looking_again_should_have_put_apple_mail", text=text, mailer="Apple Mail (2.3774.300.61.1.2)"),
     expect({1: False, 2: False, 3: True, 4: 6, 5: ["expertise"], 6: False, 7: False, 8: True, 9: True}),
     "Apple Mail: 'Looking again at question 6, I should have put no - …' below the list replaces yes")

# ---- two answers swapped (Outlook) ----
top = numbered({1: "Yes", 2: "No", 3: "Yes", 4: "7", 5: "c", 6: "No", 7: "Yes", 8: "No", 9: "Yes"})
text = (top + "\nSorry, I mixed up 2 and 3 - they should be the other way round.\n\n" + OUTLOOK_SIG + "\n" + OUTLOOK_HEADER_TEXT + "\n" + INV_TEXT + "\n")
case("correction_mixed_up_two_outlook", message("correction_mixed_up_two_outlook", text=text, subject="RE: " + SUBJECT, mailer="Microsoft Outlook 16.0"),
     expect({1: True, 2: True, 3: False, 4: 7, 5: ["side_effects"], 6: False, 7: True, 8: False, 9: True}),
     "Outlook: 'I mixed up 2 and 3' below the list: their answers swap")

# ---- 'Answers 8 and 9 are the wrong way round' (Thunderbird, flowed) ----
top = numbered({1: "No", 2: "No", 3: "No", 4: "3", 5: "a, b", 6: "No", 7: "No", 8: "No", 9: "Yes"})
text = top + "\n\nPS answers 8 and 9 are the wrong way round.\n\nSam\n\n" + TB_WROTE + "\n" + quote(INV_TEXT) + "\n"
case("correction_wrong_way_round_thunderbird", flowed("correction_wrong_way_round_thunderbird", text, mailer="Mozilla Thunderbird 128.5.0"),
     expect({1: False, 2: False, 3: False, 4: 3, 5: ["expertise", "evidence"], 6: False, 7: False, 8: True, 9: False}),
     "Thunderbird: 'PS answers 8 and 9 are the wrong way round': their answers swap")

# ---- trap: a swap of two equal answers says nothing that can be read ----
top = numbered({1: "Yes", 2: "Yes", 3: "No", 4: "6", 5: "b", 6: "Yes", 7: "Yes", 8: "No", 9: "Yes"})
text = top + "\n\nOops, I got 6 and 7 the wrong way round.\n\nJack\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n"
case("trap_swap_equal_answers_gmail", message("trap_swap_equal_answers_gmail", text=text),
     {**expect({1: True, 2: True, 3: False, 4: 6, 5: ["evidence"], 8: False, 9: True}), **expect({6: None, 7: None}, status="unclear")},
     "trap: 'I got 6 and 7 the wrong way round' when both are yes: a swap changes nothing, so what was meant is asked")

# ---- corrections inside the answers themselves (Apple Mail, inline below the quoted Answer:) ----
answers = {1: "No, I meant yes", 2: "Yes", 3: "No", 4: "5", 5: "b (sorry, meant c)", 6: "Yes - sorry, I mean no", 7: "No", 8: "Yes", 9: "Yes"}
text = "Answers below.\n\nJack\n\n> " + APPLE + "\n>\n" + text_inline(answers) + "\n"
case("correction_within_answers_apple_mail", message("correction_within_answers_apple_mail", text=text, mailer="Apple Mail (2.3774.300.61.1.2)"),
     expect({1: True, 2: True, 3: False, 4: 5, 5: ["side_effects"], 6: False, 7: False, 8: True, 9: True}),
     "Apple Mail: answers corrected inside themselves, 'No, I meant yes', 'b (sorry, meant c)', 'Yes - sorry, I mean no'")

# ---- a follow-up that only changes one answer, quoting the doctor's own earlier reply (Outlook) ----
earlier = numbered({1: "Yes", 2: "No", 3: "No", 4: "4", 5: "a", 6: "Yes", 7: "No", 8: "Yes", 9: "Yes"})
text = ("One change please: for Q4 (confidence) make that 6. The rest stands.\n\n" + OUTLOOK_SIG + "\n"
        "From: Dr Jack Clarke <jack.clarke@north-hospice.test>\nSent: 06 January 2026 10:12\nTo: Regional Palliative Care Audit Group <"
        + REPLY_TO + ">\nSubject: RE: " + SUBJECT + "\n\n" + earlier + "\n\n" + OUTLOOK_SIG + "\n")
case("followup_one_change_outlook", message("followup_one_change_outlook", text=text, subject="RE: " + SUBJECT, mailer="Microsoft Outlook 16.0"),
     expect({4: 6}),
     "Outlook: a second message that only changes question 4 ('for Q4 (confidence) make that 6'), quoting his own earlier answers unquoted under From:/Sent:: only 4 is answered here, certain")

# ==== layout: answers below the quote, arrows, a forgotten answer ====

# ---- the top only points below; the answers after the whole quote, under a signature above the quote (Gmail) ----
text = ("My answers are at the end.\n\n-- \nDr Jack Clarke\nNorth Hospice\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n\n"
        "Q1 N, Q2 Y, Q3 Y, Q4 4, Q5 c, Q6 N, Q7 N, Q8 Y, Q9 Y\n")
case("answers_after_quote_pointer_gmail", message("answers_after_quote_pointer_gmail", text=text),
     expect({1: False, 2: True, 3: True, 4: 4, 5: ["side_effects"], 6: False, 7: False, 8: True, 9: True}),
     "Gmail: the top only points to the end ('My answers are at the end.', a signature), the answers as codes below the whole quote")

# ---- the same with a numbered list (eM Client style '>' quote) ----
text = ("Please scroll down for my replies.\nJack\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n\n1) yes\n2) no\n3) no\n4) 8\n5) a\n6) yes\n7) yes\n8) no\n9) no\n")
case("answers_after_quote_list_emclient", message("answers_after_quote_list_emclient", text=text, mailer="eM_Client/10.1.4588.0"),
     expect({1: True, 2: False, 3: False, 4: 8, 5: ["expertise"], 6: True, 7: True, 8: False, 9: False}),
     "eM Client: 'Please scroll down for my replies.' on top, the numbered answers below the whole quote")

# ---- options pointed at by arrows with a word after them (Thunderbird, inline in the quote) ----
def arrowed(marks):
    out = []
    for line in INV_TEXT.split("\n"):
        for letter, mark in marks.items():
            if line.startswith(letter + ") "):
                line = line + mark
        out.append(("> " + line).rstrip() if line else ">")
    return "\n".join(out)
quoted = arrowed({"a": "  <== yes", "c": " <-- this one"})
answers = {1: "Yes", 2: "No", 3: "No", 4: "6", 6: "No", 7: "No", 8: "Yes", 9: "Yes"}
text = "Answers in the quote.\n\nSam\n\n" + TB_WROTE + "\n" + quoted + "\n"
case("options_arrows_with_words_thunderbird", message("options_arrows_with_words_thunderbird", text=text, mailer="Mozilla Thunderbird 128.5.0"),
     expect({5: ["expertise", "side_effects"]}),
     "Thunderbird: options a) and c) pointed at by arrows with a word after them ('<== yes', '<-- this one'); nothing else answered")

# ---- a forgotten answer given in a postscript below the quote (Gmail, answers below each quoted Answer:) ----
answers = {1: "Yes", 2: "No", 3: "No", 5: "b", 6: "Yes", 7: "Yes", 8: "No", 9: "Yes"}
text = "Answers inline.\n\nJack\n\n" + WROTE + "\n" + text_inline(answers) + "\n\nP.S. I missed question 4 - 7\n"
case("forgotten_answer_ps_below_quote_gmail", message("forgotten_answer_ps_below_quote_gmail", text=text),
     expect({1: True, 2: False, 3: False, 4: 7, 5: ["evidence"], 6: True, 7: True, 8: False, 9: True}),
     "Gmail: answers below each quoted Answer:, 4 left empty and given below the whole quote ('P.S. I missed question 4 - 7')")


if __name__ == "__main__":
    write_cases(CASES)
