#!/usr/bin/env python3
"""Writes the reply-corpus cases of issue 21's second round into
tests/fixtures/replies/ (NAME.eml + NAME.json), replies to the REAL
invitation (tests/fixtures/sources/invitation-jack.eml) written the way
each client writes them: Outlook's unquoted original and its comment
marking, Thunderbird's format=flowed, the iPhone's "Sent from my iPhone",
Gmail's split quote. Reuses the helpers of make-reply-fixtures.py; writes
only its own cases (it never deletes others):
    python3 scripts/make-reply-fixtures-21.py
"""
import json, os, runpy

base = runpy.run_path(os.path.join(os.path.dirname(os.path.abspath(__file__)), "make-reply-fixtures.py"), run_name="fixtures")
globals().update({k: v for k, v in base.items() if not k.startswith("__")})
CASES = []

def case(name, raw, kind="reply", token=TOKEN, answers=None, missing=None, note=""):
    answers = answers or {}
    if missing is None:
        missing = [i for i in REQUIRED if i not in answers] if kind == "reply" else []
    CASES.append((name, raw, {"note": note, "kind": kind, "token": token, "bounced_recipient": None,
                              "answers": answers, "missing": missing}))

OUTLOOK_SIG = "Dr Jack Clarke\nConsultant in Palliative Medicine | North Hospice\nTel 01234 567890\n"
LIST = ["1. Yes", "2. No", "3. Yes", "4. 6", "5. a", "6. No", "7. Yes", "8. Yes", "9. No"]
LIST_VALUES = {1: True, 2: False, 3: True, 4: 6, 5: ["expertise"], 6: False, 7: True, 8: True, 9: False}

# ---- later corrections below a full list ----
text = ("\n".join(LIST) + "\n\nBest regards\nJack\n\nPS. Spoke to our pharmacy lead after sending this \u2013 there is a ketamine "
        "protocol on the intranet after all, so 6 should be yes.\n\n" + OUTLOOK_SIG + "\n" + OUTLOOK_HEADER_TEXT + "\n" + INV_TEXT + "\n")
case("correction_ps_number_should_be_outlook", message("correction_ps_number_should_be_outlook", text=text, subject="RE: " + SUBJECT,
     headers=[("Thread-Topic", SUBJECT), ("Thread-Index", "AQHcfk3X2qJ8v0H0Tk6bQ1mW3yZp8B==")]),
     answers=expect(LIST_VALUES, written_protocol=ok(True)),
     note="Outlook: a P.S. below the sign-off and above the signature, 'so 6 should be yes' (the number alone): the correction wins over the list's no")

text = ("\n".join(LIST) + "\n\nOh and ignore what I said about community guidance, we don't have any \u2013 I was thinking of the "
        "hospital's.\n\nSent from my iPhone\n\n> " + APPLE_WROTE + "\n> \n" + quote(INV_TEXT) + "\n")
case("correction_retract_by_words_iphone", message("correction_retract_by_words_iphone", text=text, mailer="iPhone Mail (22B83)"),
     answers=expect(LIST_VALUES, shared_guidance=ok(False)),
     note="iPhone: 'ignore what I said about community guidance, we don't have any' below the list: the list's yes is corrected to no")

text = ("1 yes\n2 no\n3 yes\n4 6\n5 a\n6 no\n7 yes\n8 yes\n9 no\n\nScratch what I said about further research, it is needed \u2013 "
        "we keep improvising doses.\n\nJack\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n")
case("correction_scratch_research_gmail", message("correction_scratch_research_gmail", text=text),
     answers=expect(LIST_VALUES, research=ok(True)),
     note="Gmail: 'Scratch what I said about further research, it is needed' corrects 9 by the question's words")

text = ("1. yes\n2. no\n3. yes\n4. 6\n5. a\n6. no\n7. yes\n8. yes\n9. no\n\nForget what I said about the protocol.\n\nJack\n\n"
        + WROTE + "\n" + quote(INV_TEXT) + "\n")
case("correction_retract_without_value", message("correction_retract_without_value", text=text),
     answers=expect(LIST_VALUES, written_protocol=UNCLEAR),
     note="a retraction with no new answer ('forget what I said about the protocol'): the list's answer no longer stands, asked about")

body = text_inline({1: "Yes", 2: "No", 3: "Yes", 4: "6", 5: "a", 6: "No", 7: "Yes", 8: "Yes", 9: "No"})
text = ("Answers below.\n\n" + TB_WROTE + "\n" + body + "\n\nP.S. re the confidence question \u2013 make that 8 rather than 6, I "
        "\nuse it most weeks on the unit.\n\nJack\n")
case("correction_ps_below_quote_flowed", flowed("correction_ps_below_quote_flowed", text),
     answers=expect(LIST_VALUES, confidence=ok(8)),
     note="Thunderbird, format=flowed: a postscript below the whole quote, 're the confidence question - make that 8 rather than 6': the doctor's own unquoted words count")

body = quote(INV_TEXT).replace("> 10. Any other comments? (optional)", "> On the confidence question, make that 3.\n> 10. Any other comments? (optional)")
text = ("1. yes\n2. no\n3. yes\n4. 6\n5. a\n6. no\n7. yes\n8. yes\n9. no\n\nJack\n\n" + WROTE + "\n" + body + "\n")
case("correction_in_quote_is_not_read", message("correction_in_quote_is_not_read", text=text),
     answers=expect(LIST_VALUES),
     note="trap: a correction inside the quoted text ('> On the confidence question, make that 3.') is not the doctor's: the list's 6 stands")

# ---- Outlook's comment marking with the organisation ----
marked = {q: f"[RAHMAN, Priya (RIVERSIDE PALLIATIVE CARE NHS TRUST)] {a}" for q, a in
          {1: "Yes", 2: "Yes", 3: "No", 4: "4", 5: "b", 6: "Yes", 7: "No", 8: "Yes", 9: "Yes", 10: "We only use it on the ward."}.items()}
text = ("Hi,\n\nAnswers below, marked with my name.\n\nRegards\nPriya\n\n" + OUTLOOK_HEADER_TEXT + "\n" + unquoted_below(marked) + "\n")
case("comment_marking_nhs_org_outlook", message("comment_marking_nhs_org_outlook", text=text, subject="RE: " + SUBJECT,
     frm='"RAHMAN, Priya (RIVERSIDE PALLIATIVE CARE NHS TRUST)" <jack.clarke@north-hospice.test>'),
     answers=expect({1: True, 2: True, 3: False, 4: 4, 5: ["evidence"], 6: True, 7: False, 8: True, 9: True, 10: "We only use it on the ward."}),
     note="Outlook with NHS display names: the comment marking '[SURNAME, Firstname (ORGANISATION)]' labels the writer, in the comment too")

marked = {q: f"[Nair Priya (RXH) Coastal Hospice] {a}" for q, a in {1: "No", 2: "No", 4: "3", 10: "Happy to discuss."}.items()}
text = ("See inline.\n\n" + OUTLOOK_HEADER_TEXT + "\n" + unquoted_below(marked) + "\n")
case("comment_marking_org_code_outlook", message("comment_marking_org_code_outlook", text=text, subject="RE: " + SUBJECT),
     answers=expect({1: False, 2: False, 4: 3, 10: "Happy to discuss."}),
     note="NHSmail's 'Surname Firstname (ORG CODE) Organisation' as the comment marking")

marked = {1: "[not sure, will check] yes", 2: "[Clarke, Jack] no"}
text = ("See inline.\n\n" + OUTLOOK_HEADER_TEXT + "\n" + unquoted_below(marked) + "\n")
case("comment_marking_trap_not_a_name", message("comment_marking_trap_not_a_name", text=text, subject="RE: " + SUBJECT),
     answers={"end_of_life": UNCLEAR, "early_adjuvant": ok(False)},
     note="trap: a bracketed hedge '[not sure, will check] yes' is not a writer's name: asked about")

# ---- a summary with an exception named by the question's words ----
text = ("All yes apart from the training one.\nConfidence: 7\nBarriers: a\n\n" + "J\n\n" + TB_WROTE + "\n" + quote(INV_TEXT) + "\n")
case("summary_except_by_words_flowed", flowed("summary_except_by_words_flowed", text),
     answers=expect({1: True, 2: True, 3: True, 4: 7, 5: ["expertise"], 6: True, 7: True, 8: False, 9: True}),
     note="'All yes apart from the training one': the exception named by the question's words is no, never yes")

text = ("Yes to everything except the question about community guidance and the research one.\nConfidence: 5/10\nBarrier: b\n\n"
        + WROTE + "\n" + quote(INV_TEXT) + "\n")
case("summary_except_two_by_words_gmail", message("summary_except_two_by_words_gmail", text=text),
     answers=expect({1: True, 2: True, 3: True, 4: 5, 5: ["evidence"], 6: True, 7: False, 8: True, 9: False}),
     note="'Yes to everything except the question about community guidance and the research one': both excepted by words")

# ---- contradictions and hedges stay unclear ----
text = ("1. yes\n2. no\n3. yes\n4. 6\n5. a\n6. no\n7. yes\n8. yes\n9. no\n\nWe have no shared guidance with the community teams yet, "
        "just phone advice.\n\nJack\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n")
case("trap_list_then_contrary_sentence", message("trap_list_then_contrary_sentence", text=text),
     answers=expect(LIST_VALUES, shared_guidance=UNCLEAR),
     note="trap: '7. yes' then 'We have no shared guidance with the community teams yet' with no word of correction: asked about")

text = ("1. Yes (I think?)\n2. no I think\n3. Yes?\n4. 6\n5. a\n6. No (I believe)\n7. yes\n8. yes, I think more training would help\n9. no\n\n"
        "Jack\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n")
case("trap_hedged_yes_no", message("trap_hedged_yes_no", text=text),
     answers=expect(LIST_VALUES, end_of_life=UNCLEAR, early_adjuvant=UNCLEAR, opioid_sparing=UNCLEAR, written_protocol=UNCLEAR,
                    training=ok(True, "I think more training would help")),
     note="trap: 'Yes (I think?)', 'no I think', 'Yes?', 'No (I believe)' are hedges, asked about; 'yes, I think more training would help' is a yes with its reason")

# ---- compact forms ----
html = ('<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head><body dir="auto">'
        '<div dir="ltr">1n 2n 3y 4-5 5-b,c 6y 7n 8y 9n</div><div dir="ltr"><br></div><div dir="ltr">Sent from my iPhone</div>'
        '<div dir="ltr"><br><blockquote type="cite">' + APPLE_WROTE.replace("<", "&lt;").replace(">", "&gt;") + '<br><br></blockquote></div>'
        '<blockquote type="cite"><div dir="ltr">' + INV_HTML_BODY + '</div></blockquote></body></html>')
text = "1n 2n 3y 4-5 5-b,c 6y 7n 8y 9n\n\nSent from my iPhone\n\n> " + APPLE_WROTE + "\n> \n" + quote(INV_TEXT) + "\n"
case("codes_glued_choices_iphone", message("codes_glued_choices_iphone", text=text, html=html, mailer="iPhone Mail (22B83)"),
     answers=expect({1: False, 2: False, 3: True, 4: 5, 5: ["evidence", "side_effects"], 6: True, 7: False, 8: True, 9: False}),
     note="iPhone: codes glued to one-letter answers on one line, '5-b,c' two options, '4-5' is 5 for question 4")

lines = ["1 \u2705", "2 \u2705", "3 \u274c", "4 8", "5 a", "6 \u2714\ufe0f", "7 \u274c", "8 \u274e", "9 \U0001f44d"]
text = "\n".join(lines) + "\n\nSent from my iPhone\n\n> " + APPLE_WROTE + "\n> \n" + quote(INV_TEXT) + "\n"
case("emoji_ticks_and_crosses_iphone", message("emoji_ticks_and_crosses_iphone", text=text, mailer="iPhone Mail (22B83)"),
     answers=expect({1: True, 2: True, 3: False, 4: 8, 5: ["expertise"], 6: True, 7: False, 8: False, 9: True}),
     note="iPhone: a tick emoji (with or without the emoji variation selector) or thumbs up is yes, a cross is no, for yes/no questions")

lines = ["1 \u2705", "2 \u2705", "3 \u274c", "4 \u2705", "5 \u2705", "6 \u2705\u274c", "7 \u2705", "8 \u2705", "9 \u2705"]
text = "\n".join(lines) + "\n\nSent from my iPhone\n\n> " + APPLE_WROTE + "\n> \n" + quote(INV_TEXT) + "\n"
case("emoji_trap_scale_and_both", message("emoji_trap_scale_and_both", text=text, mailer="iPhone Mail (22B83)"),
     answers=expect({1: True, 2: True, 3: False, 7: True, 8: True, 9: True}, confidence=UNCLEAR, barriers=UNCLEAR, written_protocol=UNCLEAR),
     note="trap: a tick is no number and no option; a tick and a cross together are unclear")

text = ("No to all except 6 and 9, which are yes.\n\n4. 3\n5. b\n\nJack Clarke\n\n-----Original Message-----\n" + OUTLOOK_HEADER_TEXT + "\n" + INV_TEXT + "\n")
case("summary_no_except_which_are_yes_outlook", message("summary_no_except_which_are_yes_outlook", text=text, mailer="Microsoft Outlook 16.0"),
     answers=expect({1: False, 2: False, 3: False, 4: 3, 5: ["evidence"], 6: True, 7: False, 8: False, 9: True}),
     note="Outlook text: 'No to all except 6 and 9, which are yes' with 4 and 5 by number")

text = ("Yes to all but 3, which is yes.\n\nJack\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n")
case("summary_trap_which_same_value", message("summary_trap_which_same_value", text=text),
     answers={}, missing=None,
     note="trap: 'yes to all but 3, which is yes' says the exception has the summary's own value: no summary read")

rows = ["Q  | Question                 | Answer", "---+--------------------------+-------", "1  | End of life pain         | no",
        "2  | Early adjuvant           | no", "3  | Dose reduction           | yes", "4  | Confidence (0-10)        | 6",
        "5  | Barriers                 | a", "6  | Written protocol         | yes", "7  | Community guidance       | yes",
        "8  | Training                 | no", "9  | Research                 | yes"]
text = "\n".join(rows) + "\n\nRegards\nJack\n\n-----Original Message-----\n" + OUTLOOK_HEADER_TEXT + "\n" + INV_TEXT + "\n"
case("table_pipes_number_label_cells_outlook", message("table_pipes_number_label_cells_outlook", text=text, mailer="Microsoft Outlook 16.0"),
     answers=expect({1: False, 2: False, 3: True, 4: 6, 5: ["expertise"], 6: True, 7: True, 8: False, 9: True}),
     note="Outlook text: a table with a number cell, a label cell with '(0-10)', and the answer")

rows = ["1 End of life           | Y", "2 Early adjuvant        | N", "3 Dose reduction        | N", "4 Confidence (0-10)     | 9",
        "5 Barriers              | d", "6 Written protocol      | Y", "7 Community guidance    | Y", "8 Training              | N",
        "9 Research              | Y"]
text = "Question / answer\n\n" + "\n".join(rows) + "\n\nJack\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n"
case("table_pipes_number_and_label_one_cell", message("table_pipes_number_and_label_one_cell", text=text),
     answers=expect({1: True, 2: False, 3: False, 4: 9, 5: ["none"], 6: True, 7: True, 8: False, 9: True}),
     note="a table whose first cell holds the question's number and a short label")

rows = ["1 Training | Y", "2 Early adjuvant | N"]
text = "\n".join(rows) + "\n\nJack\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n"
case("table_trap_label_of_another_question", message("table_trap_label_of_another_question", text=text),
     answers={"early_adjuvant": ok(False), "end_of_life": UNCLEAR},
     note="trap: a row numbered 1 labelled with question 8's words is not placed: asked about")

text = "no, no, yes, 4, b, yes, no, yes, yes\n\nJack\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n"
case("bare_in_order_one_line_commas", message("bare_in_order_one_line_commas", text=text),
     answers={k: INF(v) for k, v in expect({1: False, 2: False, 3: True, 4: 4, 5: ["evidence"], 6: True, 7: False, 8: True, 9: True}).items() for v in [v["value"]]},
     missing=[], note="bare answers in order on one line, separated by commas: inferred, to be confirmed, never certain")

text = "yes, no, yes, 4\n\nJack\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n"
case("bare_one_line_trap_too_few", message("bare_one_line_trap_too_few", text=text), answers={},
     note="trap: four answers on one line for nine questions cannot be placed")

# ---- labels without a separator, after a summary or alone ----
text = "Yes to all but 3 and 6.\nConfidence 7/10, barriers b and c.\n\nJack\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n"
case("summary_then_labels_without_separator", message("summary_then_labels_without_separator", text=text),
     answers=expect({1: True, 2: True, 3: False, 4: 7, 5: ["evidence", "side_effects"], 6: False, 7: True, 8: True, 9: True}),
     note="a summary, then 'Confidence 7/10, barriers b and c': each piece a question's word and its answer")

text = ("All no apart from training. Confidence 3, no barriers.\n\nJ\n\n" + TB_WROTE + "\n" + quote(INV_TEXT) + "\n")
case("summary_by_word_then_labels_flowed", flowed("summary_by_word_then_labels_flowed", text),
     answers=expect({1: False, 2: False, 3: False, 4: 3, 5: ["none"], 6: False, 7: False, 8: True, 9: False}),
     note="'All no apart from training. Confidence 3, no barriers.': the option's own label 'no barriers' names its question")

text = "Confidence 7 years ago, barriers many.\n\nJack\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n"
case("labels_without_separator_trap", message("labels_without_separator_trap", text=text), answers={},
     note="trap: 'Confidence 7 years ago, barriers many' is no answer to either")

# ---- answers with reasons holding numbers, counts, other options' words ----
ans = {1: "Yes, 3 or 4 times a year", 2: "No", 3: "Several times, mostly on the ward", 4: "6 (I have prescribed it about 30 times)",
       5: "a \u2013 only 1 consultant here has used it", 6: "No", 7: "No", 8: "Yes", 9: "Yes",
       }
text = "Answers below.\n\n" + WROTE + "\n\n" + text_inline(ans) + "\n"
case("reasons_with_counts_gmail", message("reasons_with_counts_gmail", text=text),
     answers=expect({1: ok(True, "3 or 4 times a year"), 2: False, 3: ok(True, "Several times, mostly on the ward"), 4: 6, 5: ["expertise"], 6: False, 7: False, 8: True, 9: True}),
     note="reasons holding counts: '3 or 4 times a year' is how often, not a hedge; '(I have prescribed it about 30 times)' is no second score; a letter then its reason")

ans = {4: "7, though I would have said 5 last year", 5: "a \u2013 c too", 1: "Yes, 3 or no"}
text = "See below.\n\n" + WROTE + "\n\n" + text_inline(ans) + "\n"
case("reasons_with_numbers_trap", message("reasons_with_numbers_trap", text=text),
     answers={"confidence": UNCLEAR, "barriers": UNCLEAR, "end_of_life": UNCLEAR},
     note="trap: another score in the reason, another option added, 'or no' stay unclear")

ans = {1: "Just the once", 2: "Only the once, years ago", 3: "Many times", 5: "b, because nobody has done the trials", 9: "Yes"}
text = "Inline.\n\n" + TB_WROTE + "\n" + text_inline(ans) + "\n"
case("frequency_once_and_many_flowed", flowed("frequency_once_and_many_flowed", text),
     answers=expect({1: ok(True, "Just the once"), 2: ok(True, "Only the once, years ago"), 3: ok(True, "Many times"), 5: ["evidence"], 9: True}),
     note="'Just the once', 'Only the once', 'Many times' are yes to 'Have you ...'; a letter with a reason starting 'because'")

ans = {5: "n/a", 1: "N/A"}
text = "Inline.\n\n" + WROTE + "\n" + text_inline(ans) + "\n"
case("na_for_a_choice_is_unclear", message("na_for_a_choice_is_unclear", text=text),
     answers={"barriers": UNCLEAR, "end_of_life": UNCLEAR},
     note="'n/a' for a choice with no such option is unclear (asked), never option n")

# ---- a numbered correction after a word of change, the earlier mail quoted ----
earlier = ("1. yes\n2. no\n3. yes\n4. 6\n5. a\n6. no\n7. yes\n8. yes\n9. no\n\nJack\n\nPS for question 9 I meant yes.\n\n"
           + WROTE + "\n" + quote(INV_TEXT))
own_wrote = "On Tue, 6 Jan 2026 at 10:12, Dr Jack Clarke <jack.clarke@north-hospice.test> wrote:"
text = "Another correction, apologies: 6. yes - pharmacy found the protocol.\n\nJack\n\n" + own_wrote + "\n" + quote(earlier) + "\n"
case("correction_numbered_after_change_own_mail_quoted", message("correction_numbered_after_change_own_mail_quoted", text=text,
     subject="Re: Re: " + SUBJECT), answers={"written_protocol": ok(True, "pharmacy found the protocol.")},
     note="'Another correction, apologies: 6. yes - ...' above the doctor's own earlier mail, quoted: the new answer counts, nothing from the quote (its list and its PS)")

# ---- more ways of correcting a full list ----
def corrected(name, ps, changes, note, client="gmail"):
    body = "\n".join(LIST) + "\n\nThanks,\nJack\n\n" + ps
    if client == "outlook":
        text = body + "\n\n" + OUTLOOK_SIG + "\n" + OUTLOOK_HEADER_TEXT + "\n" + INV_TEXT + "\n"
        raw = message(name, text=text, subject="RE: " + SUBJECT, mailer="Microsoft Outlook 16.0")
    else:
        raw = message(name, text=body + "\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n")
    case(name, raw, answers=expect(LIST_VALUES, **changes), note=note)

corrected("correction_actually_by_number", "PS Q9 is actually yes - I misread it.", {"research": ok(True)},
          "'PS Q9 is actually yes' below a full list")
corrected("correction_change_from_to_outlook", "P.S. Please change 2 from no to yes, sorry.", {"early_adjuvant": ok(True)},
          "Outlook: 'Please change 2 from no to yes' after the sign-off, above the signature", client="outlook")
corrected("correction_amend_answer_to_question", "PS please amend my answer to question 4 to 9.", {"confidence": ok(9)},
          "'please amend my answer to question 4 to 9'")
corrected("correction_got_wrong_its", "Oops, I got 8 wrong, it's a no.", {"training": ok(False)},
          "'I got 8 wrong, it's a no'")
corrected("correction_got_wrong_alone", "Actually I think I got 8 wrong.", {"training": UNCLEAR},
          "'I got 8 wrong' with no new answer: the list's yes no longer stands, asked about")
corrected("correction_meant_to_be", "Sorry, 3 was meant to be no.", {"opioid_sparing": ok(False)},
          "'3 was meant to be no'")
corrected("correction_words_is_actually", "The research question is actually a yes.", {"research": ok(True)},
          "by the question's words: 'the research question is actually a yes'")
corrected("correction_words_should_be_score", "PS the confidence score should be 8.", {"confidence": ok(8)},
          "by the question's words: 'the confidence score should be 8'")
corrected("correction_trap_change_counts", "We will change 4 to 5 consultants next year, and the protocol should be reviewed.", {},
          "trap: 'change 4 to 5 consultants' and 'the protocol should be reviewed' are no corrections")

# ---- hedges and doubts that must not be read as yes or no ----
text = ("1. yes\n2. Not really sure\n3. yes\n4. 6\n5. a\n6. absolutely not\n7. Definitely not\n8. no, but yes in the hospice\n"
        "9. not entirely sure\n\nJack\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n")
case("trap_not_really_sure_and_absolutely_not", message("trap_not_really_sure_and_absolutely_not", text=text),
     answers=expect({1: True, 3: True, 4: 6, 5: ["expertise"], 6: False, 7: False}, early_adjuvant=UNCLEAR, training=UNCLEAR, research=UNCLEAR),
     note="'Not really sure' and 'not entirely sure' are unsure, never no; 'absolutely not' is no; 'no, but yes in the hospice' is both, asked")

corrected("correction_doubt_by_number", "Not sure about 6 actually, I will check with pharmacy.", {"written_protocol": UNCLEAR},
          "'Not sure about 6 actually' below a full list: the list's answer is in doubt, asked about")
corrected("correction_doubt_by_words", "I'm not so sure about the community guidance one now.", {"shared_guidance": UNCLEAR},
          "'not so sure about the community guidance one' below a full list: asked about")

text = "Yes to everything bar 2 and 7.\n4. 6\n5. a\n\nJack\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n"
case("summary_bar_and_number", message("summary_bar_and_number", text=text),
     answers=expect({1: True, 2: False, 3: True, 4: 6, 5: ["expertise"], 6: True, 7: False, 8: True, 9: True}),
     note="'Yes to everything bar 2 and 7'")
text = "No to all questions except number 8.\n4. 2\n5. b\n\nJack\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n"
case("summary_except_number_word", message("summary_except_number_word", text=text),
     answers=expect({1: False, 2: False, 3: False, 4: 2, 5: ["evidence"], 6: False, 7: False, 8: True, 9: False}),
     note="'No to all questions except number 8'")

corrected("correction_make_n_a_no", "Actually make 6 a yes.", {"written_protocol": ok(True)}, "'Actually make 6 a yes'")
corrected("correction_ps_numbered", "PS: 9 - yes, sorry, misread it", {"research": ok(True, "sorry, misread it")},
          "'PS: 9 - yes, sorry' below the sign-off: a numbered answer after PS")
corrected("correction_word_dash_q", "One correction - Q2 yes.", {"early_adjuvant": ok(True)}, "'One correction - Q2 yes'")
corrected("correction_ignore_number", "PS ignore 7, we don't have any.", {"shared_guidance": ok(False)},
          "'PS ignore 7, we don't have any': the list's yes taken back, the new answer no")

if __name__ == "__main__":
    write_cases(CASES)
