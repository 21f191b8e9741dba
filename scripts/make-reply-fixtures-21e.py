#!/usr/bin/env python3
"""Writes the reply-corpus cases for the forms issue 21's fifth held-back
set (tests/fixtures/heldback21e) read wrong or missed, each in our own
words and often another client than the held-back case, with siblings
the set does not have: an answer taken back by other verbs ("scrap",
"cross out", "bin"), a comment that limits what a yes said, two-letter
look-alikes of "no", numbered answers on one line with every separator,
summaries in more wordings, and struck-through text in HTML. Reuses the
helpers of make-reply-fixtures.py; writes only its own cases:
    python3 scripts/make-reply-fixtures-21e.py
"""
import json, os, runpy

HERE = os.path.dirname(os.path.abspath(__file__))
base = runpy.run_path(os.path.join(HERE, "make-reply-fixtures.py"), run_name="fixtures")
globals().update({k: v for k, v in base.items() if not k.startswith("__")})
CASES = []
case = reply_case_into(CASES)



OKAFOR = '"Dr Ngozi Okafor" <jack.clarke@north-hospice.test>'
APPLE = "On 5 Jan 2026, at 09:00, Regional Palliative Care Audit Group <survey@survey.test> wrote:"
OWA_RULE = "________________________________\n"


def mobile_outlook(top, mailer):
    """Outlook for iOS or Android: the doctor's lines, the app's
    signature, then the original unquoted below its header."""
    return (top + "\n\nGet Outlook for " + mailer + "\n" + OWA_RULE + OUTLOOK_HEADER_TEXT + "\n" + INV_TEXT + "\n")


# ---- an answer taken back with other verbs, the new one after it ----
LIST = ["1. No", "2. Yes", "3. Yes", "4. 5", "5. b", "6. No", "7. No", "8. Yes", "9. Yes"]
VALUES = {1: False, 2: True, 3: True, 4: 5, 5: ["evidence"], 6: False, 7: False, 8: True, 9: True}
text = mobile_outlook("\n".join(LIST) + "\n\nOops - scrap 7, we do have some, the district nurses agreed it in the spring. On the bus, excuse brevity",
                      "Android")
case("retraction_scrap_number_outlook_android",
     message("retraction_scrap_number_outlook_android", text=text, frm=OKAFOR, subject="RE: " + SUBJECT),
     expect(VALUES, shared_guidance=ok(True)),
     "Outlook for Android: a list, then 'scrap 7, we do have some': 'scrap' takes the listed no back as 'scratch' does, and the rest of the sentence is the new answer")

text = ("\n".join(LIST) + "\n\nCross out my answer to 6 \u2013 it's a yes, we wrote one last year.\n\nNgozi\n\n"
        + WROTE + "\n" + quote(INV_TEXT) + "\n")
case("retraction_cross_out_gmail", message("retraction_cross_out_gmail", text=text, frm=OKAFOR),
     expect(VALUES, written_protocol=ok(True)),
     "Gmail: 'Cross out my answer to 6 - it's a yes': another verb of taking back, the new answer after the dash")

text = ("\n".join(LIST) + "\n\nBin number 8, I need to think about it.\n\nNgozi\n\nSent from my iPhone\n\n> " + APPLE + "\n> \n"
        + quote(INV_TEXT) + "\n")
case("retraction_bin_number_iphone", message("retraction_bin_number_iphone", text=text, frm=OKAFOR, mailer="iPhone Mail (22B83)"),
     expect(VALUES, training=UNCLEAR),
     "iPhone: 'Bin number 8, I need to think about it': the listed yes is taken back and nothing replaces it: asked")

# ---- a comment that limits when the doctor used it ----
LIST2 = ["1. Yes", "2. Yes", "3. Yes", "4. 6", "5. a, c", "6. Yes", "7. No", "8. Yes", "9. Yes"]
VALUES2 = {1: True, 2: True, 3: True, 4: 6, 5: ["expertise", "side_effects"], 6: True, 7: False, 8: True, 9: True}
text = ("\n".join(LIST2) + "\n10. In fairness I have only used it for patients in their final days, never earlier.\n\nNgozi\n\n"
        + WROTE + "\n" + quote(INV_TEXT) + "\n")
case("comment_limits_use_to_last_days_gmail", message("comment_limits_use_to_last_days_gmail", text=text, frm=OKAFOR),
     expect(VALUES2, early_adjuvant=UNCLEAR, comments=ok("In fairness I have only used it for patients in their final days, never earlier.")),
     "Gmail: 2 (used early in pain relief) is yes, but the comment says it was only used in the final days: a contradiction, asked; 1 and 3 stand")

LIST3 = ["1. Yes", "2. Yes", "3. No", "4. 4", "5. a", "6. No", "7. No", "8. Yes", "9. Yes"]
VALUES3 = {1: True, 2: True, 3: False, 4: 4, 5: ["expertise"], 6: False, 7: False, 8: True, 9: True}
html = ('<html><body><div dir="ltr">' + "<br>".join(LIST3) + '<br><br>I only ever started it early on, with the first strong opioid - '
        'by the end of life our patients were usually on a syringe driver without it.<br><br>Ngozi</div>'
        '<hr style="display:inline-block;width:98%" tabindex="-1"><div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt">'
        f'<b>From:</b> Regional Palliative Care Audit Group &lt;survey@survey.test&gt;<br><b>Sent:</b> Monday, January 5, 2026 9:00:00 AM<br><b>To:</b> Clarke Jack<br><b>Subject:</b> {SUBJECT}</font><div>&nbsp;</div></div>'
        + INV_HTML_BODY + '</body></html>')
case("sentence_limits_use_to_early_owa", message("sentence_limits_use_to_early_owa", html=html, frm=OKAFOR, subject="RE: " + SUBJECT),
     expect(VALUES3, end_of_life=UNCLEAR),
     "Outlook on the web: 1 (used at the end of life) is yes, but a sentence says it was only ever started early on: a contradiction, asked; 2 stands")

text = ("\n".join(LIST2) + "\n10. I have only used it on the inpatient unit, never in the community.\n\nNgozi\n\n"
        + WROTE + "\n" + quote(INV_TEXT) + "\n")
case("comment_limits_place_not_time_gmail", message("comment_limits_place_not_time_gmail", text=text, frm=OKAFOR),
     expect(VALUES2, comments=ok("I have only used it on the inpatient unit, never in the community.")),
     "Gmail: a comment that limits where, not when, it was used contradicts no answer: every answer stands")

# ---- two letters are too few to call a misspelling ----
lines = ["1. Yess", "2. Nd", "3. Noo", "4. 3", "5. b", "6. Ni", "7. No", "8. Yse", "9. Ye"]
html = '<div dir="auto">' + "<br>".join(lines) + '</div><div dir="auto"><br></div><div dir="auto">Sent from my Galaxy</div>'
text = "\n".join(lines) + "\n\nSent from my Galaxy\n\n-------- Original message --------\nFrom: Regional Palliative Care Audit Group <survey@survey.test>\nDate: 05/01/2026 09:00 (GMT+00:00)\nTo: jack.clarke@north-hospice.test\nSubject: " + SUBJECT + "\n\n" + INV_TEXT + "\n"
case("typos_two_letters_samsung", message("typos_two_letters_samsung", text=text, html=html, frm=OKAFOR, mailer="Samsung Email"),
     expect({1: True, 3: False, 4: 3, 5: ["evidence"], 6: False, 7: False, 8: True, 9: True},
            early_adjuvant=UNCLEAR),
     "Samsung Email: 'Yess', 'Noo', 'Yse' are yes, no, yes, and 'Ye' (yes without its last letter) yes; 'Nd' is two letters, one of them changed to a key far from it: a slip or an abbreviation (not done), asked; 'Ni' is 'No' with the o slipped to its neighbour i on the row: no (issue 21, sixth set)")

# ---- numbered answers on one line, every separator ----
text = "1 n 2 y 3 n 4 3 5 a 6 n 7 n 8 y 9 y\n\nNgozi\n\nSent from my Galaxy\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n"
case("run_together_spaces_gmail_android", message("run_together_spaces_gmail_android", text=text, frm=OKAFOR),
     expect({1: False, 2: True, 3: False, 4: 3, 5: ["expertise"], 6: False, 7: False, 8: True, 9: True}),
     "Gmail for Android: numbered answers with only spaces between them on one line ('4 3 5 a' is 3 for question 4, a for question 5: the numbers must follow in turn)")

text = "1 - y 2 - y 3 - n 4 - 9 5 - c 6 - y 7 - n 8 - n 9 - y\n\nNgozi\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n"
case("run_together_dashes_thunderbird", message("run_together_dashes_thunderbird", text=text, frm=OKAFOR, mailer="Mozilla Thunderbird"),
     expect({1: True, 2: True, 3: False, 4: 9, 5: ["side_effects"], 6: True, 7: False, 8: False, 9: True}),
     "Thunderbird: numbered answers on one line with a spaced dash between each number and its answer and only spaces between pieces")

text = ("1 No; 2 No; 3 - yes; 4 - 6; 5 - b; 6 No; 7 No; 8 Yes; 9 Yes\n\nNgozi\n\n\n    On Monday, 5 January 2026 at 09:00:00 GMT, "
        "Regional Palliative Care Audit Group <survey@survey.test> wrote:\n\n" + quote(INV_TEXT) + "\n")
case("pieces_semicolons_marks_yahoo", message("pieces_semicolons_marks_yahoo", text=text, frm=OKAFOR),
     expect({1: False, 2: False, 3: True, 4: 6, 5: ["evidence"], 6: False, 7: False, 8: True, 9: True}),
     "Yahoo: numbered answers between semicolons, some with a spaced dash between number and answer ('4 - 6')")

text = "1 yes / 2 yes / 3 no / 4 7 / 5 a / 6 yes / 7 yes / 8 no / 9 yes\n\nNgozi\n\nSent from my iPhone\n\n> " + APPLE + "\n> \n" + quote(INV_TEXT) + "\n"
case("pieces_slashes_iphone", message("pieces_slashes_iphone", text=text, frm=OKAFOR, mailer="iPhone Mail (22B83)"),
     expect({1: True, 2: True, 3: False, 4: 7, 5: ["expertise"], 6: True, 7: True, 8: False, 9: True}),
     "iPhone: numbered answers between slashes, each number and answer a space apart")

text = "1 y 2 n 3 y 4 5 5 a c 6 y 7 n 8 y 9 y\n\nNgozi\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n"
case("trap_run_together_two_word_answer", message("trap_run_together_two_word_answer", text=text, frm=OKAFOR),
     {}, "trap: run together with only spaces, but '5 a c' has a two-word answer: the count of words no longer tells which number is which, so the line is not read (asked)")

# ---- summaries in more wordings ----
text = ("Afternoon,\n\nYes to all apart from 3 and 8 (both no).\nConfidence 5.\nBarriers: lack of evidence\n\nNgozi\n\n" + OUTLOOK_HEADER_TEXT + "\n" + INV_TEXT + "\n")
case("summary_exceptions_value_in_brackets_outlook", message("summary_exceptions_value_in_brackets_outlook", text=text, frm=OKAFOR, subject="RE: " + SUBJECT, mailer="Microsoft Outlook 16.0"),
     expect({1: True, 2: True, 3: False, 4: 5, 5: ["evidence"], 6: True, 7: True, 8: False, 9: True}),
     "Outlook: 'Yes to all apart from 3 and 8 (both no)': the exceptions' value in brackets; the scale and the choice given on lines of their own")

text = ("No to everything but 1 and 9, they're both yes \u2013 we hardly use it here.\nConfidence 3\n\nNgozi\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n")
case("summary_they_are_both_yes_aside_gmail", message("summary_they_are_both_yes_aside_gmail", text=text, frm=OKAFOR),
     expect({1: True, 2: False, 3: False, 4: 3, 6: False, 7: False, 8: False, 9: True}, barriers=UNCLEAR),
     "Gmail: 'No to everything but 1 and 9, they're both yes - we hardly use it here': the exceptions' value after a comma, then an aside; the barriers covered by 'everything' only: asked")

text = "Yes to all, confidence 8, barriers c.\n\nNgozi\n\n" + APPLE + "\n\n" + quote(INV_TEXT) + "\n"
case("summary_comma_then_labels_apple_mail", message("summary_comma_then_labels_apple_mail", text=text, frm=OKAFOR, mailer="Apple Mail (2.3774.300.61.1.2)"),
     expect({1: True, 2: True, 3: True, 4: 8, 5: ["side_effects"], 6: True, 7: True, 8: True, 9: True}),
     "Apple Mail: 'Yes to all, confidence 8, barriers c': the summary, then after a comma labelled answers for the questions it cannot give")

text = "Yes to 2, 3 and 8. No to 1, 6, 7 and 9. Confidence 4.\n\nNgozi\n\nSent from my iPhone\n\n> " + APPLE + "\n> \n" + quote(INV_TEXT) + "\n"
case("values_by_number_sentences_iphone", message("values_by_number_sentences_iphone", text=text, frm=OKAFOR, mailer="iPhone Mail (22B83)"),
     expect({1: False, 2: True, 3: True, 4: 4, 6: False, 7: False, 8: True, 9: False}),
     "iPhone: question numbers listed by value in sentences of their own on one line, then a labelled score")

# ---- struck-through text in HTML ----
def struck(name, before, after, tag_open, tag_close, mailer, note):
    ans = {1: "No", 2: "No", 3: "Yes", 4: f"{tag_open}{before}{tag_close} {after}", 5: "a", 6: "No", 7: "No", 8: "Yes", 9: "Yes"}
    plain = {q: (f"{before} {after}" if q == 4 else a) for q, a in ans.items()}
    text = "My answers are in red below.\n\nNgozi\n\n" + OUTLOOK_HEADER_TEXT + "\n" + unquoted_below(plain) + "\n"
    html = outlook_html('<p class="MsoNormal">My answers are in red below.</p><p class="MsoNormal">Ngozi</p>',
                        html_below_paragraph(ans))
    case(name, message(name, text=text, html=html, frm=OKAFOR, subject="RE: " + SUBJECT, mailer=mailer),
         expect({1: False, 2: False, 3: True, 4: after, 5: ["expertise"], 6: False, 7: False, 8: True, 9: True}), note)

struck("struck_through_s_outlook", 3, 5, "<s>", "</s>", "Microsoft Outlook 16.0",
       "Outlook: the HTML shows 3 struck through and 5 after it; the text part loses the strike ('3 5'): the HTML is read as shown, 5")
struck("struck_through_del_owa", 7, 6, "<del>", "</del>", "Microsoft Outlook Web App",
       "Outlook on the web: 7 inside <del>, then 6; the text part says '7 6': 6")
struck("struck_through_style_apple", 2, 4, '<span style="text-decoration: line-through;">', "</span>", "Apple Mail (2.3774.300.61.1.2)",
       "a span styled line-through (Apple Mail, Word) strikes 2 through; 4 stands")

# ---- options written with their labels; a short reason after a choice ----
lines = ["1) Yes", "2) No", "3) No", "4) 6", "5) a) Lack of expertise and familiarity, c) Side effects", "6) Yes", "7) No", "8) Yes", "9) Yes"]
text = "\n".join(lines) + "\n\nNgozi\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n"
case("options_with_own_labels_gmail", message("options_with_own_labels_gmail", text=text, frm=OKAFOR),
     expect({1: True, 2: False, 3: False, 4: 6, 5: ["expertise", "side_effects"], 6: True, 7: False, 8: True, 9: True}),
     "Gmail: the options copied from the questionnaire, each letter with its own label, between commas")

lines = ["1 - Yes", "2 - Yes", "3 - No", "4 - 7", "5 - (a) Lack of evidence", "6 - Yes", "7 - No", "8 - Yes", "9 - Yes"]
text = "\n".join(lines) + "\n\nNgozi\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n"
case("trap_letter_with_other_label_gmail", message("trap_letter_with_other_label_gmail", text=text, frm=OKAFOR),
     expect({1: True, 2: True, 3: False, 4: 7, 6: True, 7: False, 8: True, 9: True}, barriers=UNCLEAR),
     "trap: '(a) Lack of evidence' is letter a with option b's label: which is meant? asked")

ans = {1: "Yes", 2: "No", 3: "Yes", 4: "5", 5: "B \u2013 trials mainly", 6: "No", 7: "No", 8: "Yes", 9: "Yes"}
html = ('<html><body><div>See below.</div>' + OUTLOOK_HEADER_HTML + html_inline_split(ans, "", "") + '</body></html>')
case("choice_two_word_reason_owa", message("choice_two_word_reason_owa", html=html, frm=OKAFOR, subject="RE: " + SUBJECT),
     expect({1: True, 2: False, 3: True, 4: 5, 5: ["evidence"], 6: False, 7: False, 8: True, 9: True}),
     "Outlook on the web, HTML only: 'B - trials mainly', a choice with a reason of two words that names no other option: b")

if __name__ == "__main__":
    write_cases(CASES)
