"""Set 21b, part B: answers with their reasons; frequency words; 'yes to
all but' summaries; tables; codes with one-letter answers."""
from clients import *
from cases_a import std, Y, N, U, P, owa_after_question

# ===================== an answer then its reason =====================

lines = ["1. Yes - not as a first-line option though", "2. No. Yes, I know other units do, but not here",
         "3. Yes, 2 or 3 times", "4. 7, would be 9 if we had a protocol", "5. c, not a: we know how to use it",
         "6. No, it's still in draft", "7. No, not yet", "8. Yes - no question", "9. Yes, 100%"]
case(P + "reason_negations_outlook_ios", outlook_mobile("r1", lines),
     std(confidence=ok(7), barriers=ok(["side_effects"]), written_protocol=N),
     note="Outlook for iOS (base64): each answer then a reason carrying the other answer's word ('No. Yes, I know other units do'), negations, 'not a', and numbers ('would be 9', '100%')")

lines = ["1 Yes 10-20mg po qds, up to 50mg sc/24h", "2 No. 0.5mg/kg is too much for that", "3 Yes x3 this year",
         "4 6 - I've only set up 2 or 3 CSCIs myself", "5 a (and cost - 50mg/5ml is pricey)", "6 Yes v2 2025", "7 No", "8 Yes", "9 Yes"]
case(P + "reason_doses_gmail_android", gmail_top("r2", lines, sign=("J",), android=True),
     std(confidence=ok(6), barriers=U),
     note="Gmail for Android: doses and counts after each answer ('10-20mg po qds', '0.5mg/kg', 'x3', '2 or 3'); 5 is 'a (and cost ...)': cost is another barrier not ticked as e, so a careful reader asks (unclear)")

ans = {1: "Yes \u2013 \u201cend of life\u201d is where we use it most", 2: "No \u2013 what we lack is evidence, not training", 3: "Yes",
       4: "5 \u2013 it\u2019s 50:50 whether I\u2019d start it without advice", 5: "b and c \u2013 side effects are rare but nasty", 6: "No",
       7: "No \u2013 \u201cno\u201d because there\u2019s no protocol to share", 8: "Yes", 9: "Yes"}
text = "Answers below \u2013 Jack\n\n" + ORIGINAL_MESSAGE + "\n" + text_inline(on_line=ans, prefix="") + "\n"
case(P + "reason_windows1252_outlook_text", outlook_text("r3", text, charset="windows-1252"),
     std(confidence=ok(5), barriers=ok(["evidence", "side_effects"]), written_protocol=N),
     note="Outlook plain text, windows-1252 quoted-printable: smart quotes and en dashes; reasons with other options' words ('evidence, not training') and numbers ('50:50'); the answer is the part before the dash")

top = ["1. Yes, at the very end - never earlier", "2. No", "3. Yes", "4. 4 (out of 10)", "5. e) the cost, \u00a312 an ampoule",
       "6. No, we follow the hospital's", "7. No", "8. Yes, please", "9. Yes"]
text = "\n".join(top) + "\n\nJack\n\n" + WROTE_TB + "\n" + quote(INV_TEXT) + "\n"
case(P + "reason_other_option_latin1_thunderbird", thunderbird_flowed("r4", text, charset="ISO-8859-1", cte="quoted-printable"),
     std(confidence=ok(4), barriers=ok(["other"], "the cost, \u00a312 an ampoule"), written_protocol=N),
     note="Thunderbird flowed, ISO-8859-1 quoted-printable: '4 (out of 10)' is 4, 'e) the cost, \u00a312 an ampoule' is other with its text (the 12 is no answer), 'never earlier' after yes is a reason")

lines = ["1. Yes - done it 20+ times", "2. No, 0 times", "3. Yes, when morphine toxicity hit 3 patients in a row", "4. 9 - after 15 years",
         "5. d, none", "6. Yes", "7. Yes, issued 2023", "8. No, I teach it", "9. Yes"]
case(P + "reason_numbers_yahoo", yahoo("r5", lines),
     std(confidence=ok(9), barriers=ok(["none"]), shared_guidance=Y, training=N),
     note="Yahoo: numbers in every reason ('20+ times', '0 times', '3 patients', '15 years', '2023'); 'd, none' is no barriers")

# ===================== frequency words =====================

ans = {1: "Twice", 2: "Occasionally", 3: "Never", 4: "3", 5: "a", 6: "No", 7: "No", 8: "Yes", 9: "Yes"}
aq = {q: f'&nbsp;<span style="color: rgb(0, 112, 192);">{esc(a)}</span>' for q, a in ans.items()}
case(P + "frequency_twice_occasionally_never_owa", owa("q1", ["Answers in blue below.", "", "Jack"], original=owa_after_question(aq), html_only=True),
     std(early_adjuvant=Y, opioid_sparing=N, confidence=ok(3), written_protocol=N),
     note="Outlook on the web, HTML only: 'Twice' and 'Occasionally' are yes to 'Have you used ...?', 'Never' is no")

lines = ["1. Rarely", "2. Not yet", "3. Not recently", "4. 5", "5. b", "6. Yes", "7. No", "8. Yes", "9. On a couple of occasions"]
text = "\n".join(lines) + "\n\nJack\n\n" + WROTE_TB + "\n" + quote(INV_TEXT) + "\n"
case(P + "frequency_rarely_not_yet_thunderbird", thunderbird_flowed("q2", text),
     std(opioid_sparing=U, confidence=ok(5), barriers=ok(["evidence"]), research=U),
     note="'Rarely' is yes and 'Not yet' is no to 'Have you used ...?'; 'Not recently' hints at a yes without saying it (unclear); 'On a couple of occasions' does not answer 'Do you feel research is needed?' (unclear)")

# ===================== summaries =====================

lines = ["Yes for everything bar 3 & 7.", "Confidence 7, barrier b."]
case(P + "yes_everything_bar_outlook_android", outlook_mobile("y1", lines, platform="Android"),
     std(early_adjuvant=Y, opioid_sparing=N, barriers=ok(["evidence"])),
     note="Outlook for Android: 'Yes for everything bar 3 & 7' (bar = except; the exceptions are no), the scale and the choice given apart")

lines = ["Everything is a no except 8 and 9.", "", "4. 3", "5. a"]
case(P + "no_everything_except_yahoo", yahoo("y2", lines + ["", "Jack"]),
     std(end_of_life=N, opioid_sparing=N, confidence=ok(3), written_protocol=N),
     note="Yahoo: 'Everything is a no except 8 and 9': the exceptions are yes; 4 and 5 by number")

lines = ["Yes to 1-3 and 6, no to 7 and 8, yes to 9.", "4 = 5, 5 = a+c"]
case(P + "yes_to_question_ranges_gmail", gmail_top("y3", lines, sign=("Cheers", "Jack")),
     std(early_adjuvant=Y, confidence=ok(5), barriers=ok(["expertise", "side_effects"]), training=N),
     note="'Yes to 1-3 and 6': a range of question numbers, not of values; '4 = 5' is 5 for question 4; 'a+c' two options")

case(P + "yes_all_apart_from_words_iphone", iphone("y4", ["Yes to all of them apart from the early adjuvant one"]),
     std(confidence=U, barriers=U, shared_guidance=Y),
     note="iPhone: 'Yes to all of them apart from the early adjuvant one': yes/no questions read (the exception, named by words, is no); the scale and the choice cannot be 'yes': unclear")

# ===================== tables =====================

table = ["| No. | Answer | Notes                                   |",
         "|-----|--------|-----------------------------------------|",
         "| 1   | Yes    | in syringe drivers, 3-4 patients a year |",
         "| 2   | No     | not first line                          |",
         "| 3   | Yes    |                                         |",
         "| 4   | 6      | would be 8 with a protocol              |",
         "| 5   | a, b   | no local expertise                      |",
         "| 6   | No     | draft only                              |",
         "| 7   | No     |                                         |",
         "| 8   | Yes    | no formal training yet                  |",
         "| 9   | Yes    |                                         |"]
text = "Table below.\n\n" + "\n".join(table) + "\n\nJack\n\n" + WROTE_TB + "\n" + quote(INV_TEXT) + "\n"
case(P + "pipe_table_notes_column_thunderbird", thunderbird_flowed("t1", text),
     std(confidence=ok(6), barriers=ok(["expertise", "evidence"]), written_protocol=N),
     note="a pipe table with a notes column whose words and numbers ('would be 8', 'no local expertise', 'no formal training') are not answers")

table = ["1 | yes", "2 | yes", "3 | no", "4 | 8", "5 | c", "6 | yes", "7 | yes", "8 | no", "9 | yes"]
case(P + "pipe_rows_no_header_gmail", gmail_top("t2", table, sign=("Jack",)),
     std(early_adjuvant=Y, opioid_sparing=N, confidence=ok(8), barriers=ok(["side_effects"]), shared_guidance=Y, training=N),
     note="rows 'N | answer' with no header or rule line")

rows = [("1. End-of-life pain", "Yes"), ("2. Early adjuvant", "No"), ("3. Opioid dose reduction", "No"), ("4. Confidence (0-10)", "7"),
        ("5. Barriers", "a, c"), ("6. Written protocol", "Yes"), ("7. Community guidance", "Yes"), ("8. Training", "No"), ("9. Research", "Yes")]
cell = "<td width=200 valign=top style='width:150.0pt;border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'><p class=MsoNormal>{}<o:p></o:p></p></td>"
tbl = ("<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none'>"
       + "".join("<tr>" + cell.format("<b>Question</b>") + cell.format("<b>Answer</b>") + "</tr>" for _ in [0])
       + "".join("<tr>" + cell.format(esc(q)) + cell.format(esc(a)) + "</tr>" for q, a in rows) + "</table>")
ttext = "Answers in the table:\n\nQuestion\tAnswer\n" + "\n".join(f"{q}\t{a}" for q, a in rows) + "\n\nJack"
html_paras = ["Answers in the table:", "&nbsp;<o:p></o:p></p>\n" + tbl + '\n<p class="MsoNormal">&nbsp;<o:p></o:p></p>\n<p class="MsoNormal">Jack']
raw = outlook_desktop("t3", html_paras, word_original(), ttext, flat_text())
case(P + "word_table_outlook", raw,
     std(opioid_sparing=N, barriers=ok(["expertise", "side_effects"]), shared_guidance=Y, training=N),
     note="Outlook desktop: a Word table (Question | Answer) above the original; the text part has tab-separated rows; '(0-10)' in a label is no answer")

# ===================== codes with one-letter answers =====================

case(P + "codes_slashes_outlook_android", outlook_mobile("k1", ["1Y/2N/3Y/4=6/5=B/6N/7N/8Y/9Y"], platform="Android"),
     std(confidence=ok(6), barriers=ok(["evidence"]), written_protocol=N),
     note="Outlook for Android: codes joined by slashes, '4=6' and '5=B'")

case(P + "codes_colon_lowercase_gmail", gmail_top("k2", ["1:y 2:y 3:n 4:9 5:d 6:y 7:y 8:n 9:y"], sign=("Jack",)),
     std(early_adjuvant=Y, opioid_sparing=N, confidence=ok(9), barriers=ok(["none"]), shared_guidance=Y, training=N),
     note="codes 'N:letter' on one line, lower case")
