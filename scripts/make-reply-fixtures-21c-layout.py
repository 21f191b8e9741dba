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

def case(name, raw, answers, note, missing=None):
    if missing is None:
        missing = [i for i in REQUIRED if i not in answers]
    CASES.append((name, raw, {"note": note, "kind": "reply", "token": TOKEN, "bounced_recipient": None,
                              "answers": answers, "missing": missing}))

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


if __name__ == "__main__":
    for name, raw, expected in CASES:
        with open(os.path.join(OUT, name + ".eml"), "wb") as f:
            f.write(raw)
        with open(os.path.join(OUT, name + ".json"), "w") as f:
            json.dump(expected, f, indent=2, ensure_ascii=False)
            f.write("\n")
    print(f"{len(CASES)} cases written to {OUT}")
