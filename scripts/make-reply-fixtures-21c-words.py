#!/usr/bin/env python3
"""Writes the reply-corpus cases for the wrong values and the numbering and
word misses that issue 21's third held-back set (tests/fixtures/heldback21c)
found, each written in our own words and mostly in other clients than the
held-back cases: lines that start with a number but are no answer (context
above a list, an address in a signature below one), "all of the above"
where the options hold "none" and "other", clinicians' "?yes" and "N/K",
leaning hedges ("I'd lean towards no"), a percentage for a 0-10 scale;
then every way of numbering (ordinals, roman numerals, "#1", "(1)", "No.
1", dictation run together, voice typing's homophones), answers that
point at another ("same as 1", "ditto", "as for 6"), emphatic words,
flourishes ("b!", "Yes :)") and reasons after "because", "as", "but".
Reuses the helpers of make-reply-fixtures.py; writes only its own cases:
    python3 scripts/make-reply-fixtures-21c-words.py
"""
import json, os, runpy

HERE = os.path.dirname(os.path.abspath(__file__))
base = runpy.run_path(os.path.join(HERE, "make-reply-fixtures.py"), run_name="fixtures")
globals().update({k: v for k, v in base.items() if not k.startswith("__")})
CASES = []
case = reply_case_into(CASES)

APPLE = "On 5 Jan 2026, at 09:00, Regional Palliative Care Audit Group <survey@survey.test> wrote:"
YAHOO = "On Monday, 5 January 2026 at 09:00:00 GMT, Regional Palliative Care Audit Group <survey@survey.test> wrote:"
OKAFOR = '"Dr Ngozi Okafor" <jack.clarke@north-hospice.test>'

def below_quote(lines, sign="Ngozi", wrote=WROTE):
    return "\n".join(lines) + "\n\n" + sign + "\n\n" + wrote + "\n" + quote(INV_TEXT) + "\n"

# ==== wrong values: lines that start with a number but answer nothing ====
text = ("Some background before my answers.\n"
        "2 of our 4 consultants prescribe it; the other two refer to the pain team.\n"
        "10 years ago none of us would have touched it.\n\n"
        "My answers:\n1 yes\n2 yes\n3 no\n4 6\n5 b\n6 no\n7 no\n8 yes\n9 no\n\nNgozi\n\n"
        + TB_WROTE + "\n" + quote(INV_TEXT) + "\n")
case("numbers_in_context_above_list_flowed", flowed("numbers_in_context_above_list_flowed", text, frm=OKAFOR),
     expect({1: True, 2: True, 3: False, 4: 6, 5: ["evidence"], 6: False, 7: False, 8: True, 9: False}),
     "Thunderbird: context lines that start with a number ('2 of our 4 consultants', '10 years ago') above a list numbered '1 yes': "
     "no answer (a digit and a space count only in a run of such lines), and no comment")

text = ("1) yes\n2) no\n3) yes\n4) 7\n5) a\n6) yes\n7) no\n8) no\n9) yes\n"
        "Dr Ngozi Okafor\nSpecialty Doctor, Palliative Medicine\nSt Brigid's Hospice\n7 Mill Lane\n10 Chapel Row (postal)\nBleep 4471\n\n"
        + OUTLOOK_HEADER_TEXT + "\n" + INV_TEXT + "\n")
case("signature_address_below_list_outlook", message("signature_address_below_list_outlook", text=text, frm=OKAFOR,
     subject="RE: " + SUBJECT, mailer="Microsoft Outlook 16.0"),
     expect({1: True, 2: False, 3: True, 4: 7, 5: ["expertise"], 6: True, 7: False, 8: False, 9: True}),
     "Outlook: a signature straight below '9) yes' with no delimiter, its address lines '7 Mill Lane' and '10 Chapel Row': "
     "no answers to questions 7 and 10 (a digit and a space, alone, is no numbering)")

# ==== wrong values: everything, queries, leanings, percentages ====
text = below_quote(["1. yes", "2. no", "3. yes", "4. 5", "5. All of them", "6. yes", "7. yes", "8. no", "9. yes"], wrote=YAHOO)
case("trap_all_of_them_yahoo", message("trap_all_of_them_yahoo", text=text, frm=OKAFOR, mailer="YahooMailAndroid"),
     expect({1: True, 2: False, 3: True, 4: 5, 6: True, 7: True, 8: False, 9: True}, barriers=UNCLEAR),
     "trap: 'All of them' for barriers whose options hold 'No barriers' and an unspecified 'Other': asked, never every option")

ans = {1: "Yes", 4: "8", 5: "everything", 9: "Yes"}
text = "Inline.\n\n" + WROTE + "\n\n" + text_inline(ans) + "\n"
case("trap_everything_inline_gmail", message("trap_everything_inline_gmail", text=text, frm=OKAFOR),
     expect({1: True, 4: 8, 9: True}, barriers=UNCLEAR),
     "trap: 'everything' typed under the barriers' Answer: line: asked ('all except evidence' still reads)")

text = below_quote(["Q1 y", "Q2 ?no", "Q3 n/k", "Q4 ?6", "Q5 ?a", "Q6 NK", "Q7 y", "Q8 TBC", "Q9 y"])
case("trap_query_marks_not_known_k9", message("trap_query_marks_not_known_k9", text=text, frm=OKAFOR, mailer="K-9 Mail for Android"),
     expect({1: True, 7: True, 9: True}, early_adjuvant=UNCLEAR, opioid_sparing=UNCLEAR, confidence=UNCLEAR,
            barriers=UNCLEAR, written_protocol=UNCLEAR, training=UNCLEAR),
     "trap: clinicians' shorthand: '?no', '?6', '?a' (queried), 'n/k', 'NK' (not known), 'TBC': asked, never the letter or the value")

text = below_quote(["1. We'd lean towards no", "2. Probably yes", "3. I wouldn't think so", "4. 6", "5. b",
                    "6. More yes than no", "7. I'd imagine so", "8. leaning to yes", "9. Yes"], wrote=APPLE)
case("trap_leaning_hedges_iphone", message("trap_leaning_hedges_iphone", text=text, frm=OKAFOR, mailer="iPhone Mail (22B83)"),
     expect({4: 6, 5: ["evidence"], 9: True}, end_of_life=UNCLEAR, early_adjuvant=UNCLEAR, opioid_sparing=UNCLEAR,
            written_protocol=UNCLEAR, shared_guidance=UNCLEAR, training=UNCLEAR),
     "trap: leanings, not answers: 'We'd lean towards no', 'Probably yes', 'I wouldn't think so', 'More yes than no', "
     "'I'd imagine so', 'leaning to yes': asked")

text = below_quote(["1 - no", "2 - no", "3 - yes", "4 - about 60 per cent", "5 - c", "6 - yes", "7 - no", "8 - yes", "9 - yes"])
case("trap_percentage_for_scale_gmail", message("trap_percentage_for_scale_gmail", text=text, frm=OKAFOR),
     expect({1: False, 2: False, 3: True, 5: ["side_effects"], 6: True, 7: False, 8: True, 9: True}, confidence=UNCLEAR),
     "trap: 'about 60 per cent' for the 0-10 confidence scale: asked, never invalid nor 6")

# ==== numbering habits ====
text = below_quote(["1st - yes", "2nd - no", "3rd - no", "4th - 8", "5th - a, b", "6th - yes", "7th - no", "8th - yes", "9th - yes"],
                   wrote=APPLE)
case("ordinal_digits_ipad", message("ordinal_digits_ipad", text=text, frm=OKAFOR, mailer="iPad Mail (22B83)"),
     expect({1: True, 2: False, 3: False, 4: 8, 5: ["expertise", "evidence"], 6: True, 7: False, 8: True, 9: True}),
     "iPad: answers numbered '1st - yes' .. '9th - yes'")

text = below_quote(["Firstly - no", "Secondly - no", "Thirdly - yes", "Fourthly - 3", "Fifthly - c", "Sixthly - no",
                    "Seventhly - no", "Eighthly - yes", "Ninthly - no"])
case("ordinal_words_ly_gmail", message("ordinal_words_ly_gmail", text=text, frm=OKAFOR),
     expect({1: False, 2: False, 3: True, 4: 3, 5: ["side_effects"], 6: False, 7: False, 8: True, 9: False}),
     "Gmail: answers numbered 'Firstly - no' .. 'Ninthly - no' (ordinal words in a run)")

text = below_quote(["I) No", "II) Yes", "III) Yes", "IV) 9", "V) d", "VI) Yes", "VII) Yes", "VIII) No", "IX) No"], wrote=YAHOO)
case("roman_upper_paren_yahoo", message("roman_upper_paren_yahoo", text=text, frm=OKAFOR, mailer="YahooMailWeb"),
     expect({1: False, 2: True, 3: True, 4: 9, 5: ["none"], 6: True, 7: True, 8: False, 9: False}),
     "Yahoo: answers numbered with capital roman numerals 'I)' .. 'IX)'")

text = below_quote(["One: yes", "Two: yes", "Three: no", "Four: 4", "Five: b", "Six: no", "Seven: no", "Eight: yes",
                    "Nine: yes"])
case("number_words_colon_gmail", message("number_words_colon_gmail", text=text, frm=OKAFOR),
     expect({1: True, 2: True, 3: False, 4: 4, 5: ["evidence"], 6: False, 7: False, 8: True, 9: True}),
     "Gmail: answers numbered with words 'One: yes' .. 'Nine: yes'")

text = below_quote(["# 1 - no", "# 2 - yes", "# 3 - yes", "# 4 - 6", "# 5 - a", "# 6 - no", "# 7 - no", "# 8 - yes", "# 9 - yes"],
                   wrote=TB_WROTE)
case("hash_spaced_numbers_flowed", flowed("hash_spaced_numbers_flowed", text, frm=OKAFOR),
     expect({1: False, 2: True, 3: True, 4: 6, 5: ["expertise"], 6: False, 7: False, 8: True, 9: True}),
     "Thunderbird: '# 1 - no' .. '# 9 - yes'")

text = below_quote(["(1) yes", "(2) yes", "(3) no", "(4) 7", "(5) b and c", "(6) yes", "(7) no", "(8) no", "(9) yes"])
case("bracketed_numbers_gmail", message("bracketed_numbers_gmail", text=text, frm=OKAFOR),
     expect({1: True, 2: True, 3: False, 4: 7, 5: ["evidence", "side_effects"], 6: True, 7: False, 8: False, 9: True}),
     "Gmail: '(1) yes' .. '(9) yes'")

text = below_quote(["No. 1 yes", "No. 2 no", "No. 3 no", "No. 4 5", "No. 5 c", "No. 6 yes", "No. 7 yes", "No. 8 yes", "No. 9 no"],
                   wrote=APPLE)
case("no_dot_numbers_iphone", message("no_dot_numbers_iphone", text=text, frm=OKAFOR, mailer="iPhone Mail (22B83)"),
     expect({1: True, 2: False, 3: False, 4: 5, 5: ["side_effects"], 6: True, 7: True, 8: True, 9: False}),
     "iPhone: 'No. 1 yes' .. 'No. 9 no' (the abbreviation of number, not an answer)")

# ==== dictation ====
text = ("question one no question two yes question three yes question four 6 question five b and c question six no "
        "question seven no question eight yes question nine no\n\nsorry dictated this walking to clinic\nNgozi\n\n"
        "Sent from my iPhone\n\n> " + APPLE + "\n> \n" + quote(INV_TEXT) + "\n")
case("dictated_run_on_iphone", message("dictated_run_on_iphone", text=text, frm=OKAFOR, mailer="iPhone Mail (22B83)"),
     expect({1: False, 2: True, 3: True, 4: 6, 5: ["evidence", "side_effects"], 6: False, 7: False, 8: True, 9: False}),
     "iPhone, dictated: 'question one no question two yes ...' run together on one line")

text = ("Number won yes. Number to yes. Number three know. Number for 8. Number five a. Number six know. "
        "Number seven yes. Number ate yes. Number nine know.\n\n(voice typed, sorry for any odd words)\nNgozi\n\n"
        + WROTE + "\n" + quote(INV_TEXT) + "\n")
case("dictated_homophones_android_gmail", message("dictated_homophones_android_gmail", text=text, frm=OKAFOR),
     expect({1: True, 2: True, 3: False, 4: 8, 5: ["expertise"], 6: False, 7: True, 8: True, 9: False}),
     "Gmail for Android, voice typed: 'Number won yes', 'Number to yes', 'Number for 8', 'Number ate yes', 'know' for no after a question number")

text = below_quote(["Question 1 yes", "Question to no", "Question 3 yes", "Question for 7", "Question 5 b",
                    "Question 6 know", "Question 7 no", "Question 8 yes", "Question 9 yes"])
case("dictated_lines_homophones_gmail", message("dictated_lines_homophones_gmail", text=text, frm=OKAFOR),
     expect({1: True, 2: False, 3: True, 4: 7, 5: ["evidence"], 6: False, 7: False, 8: True, 9: True}),
     "Gmail, voice typed one per line: 'Question to no', 'Question for 7', 'Question 6 know'")

# ==== answers that point at another ====
text = below_quote(["1. No", "2. same", "3. as above", "4. 5", "5. a", "6. Yes", "7. Same as 6", "8. Yes", "9. ditto"], wrote=APPLE)
case("ditto_references_iphone", message("ditto_references_iphone", text=text, frm=OKAFOR, mailer="iPhone Mail (22B83)"),
     expect({1: False, 2: ok(False), 3: ok(False), 4: 5, 5: ["expertise"], 6: True, 7: ok(True), 8: True, 9: ok(True)}),
     "iPhone: 'same', 'as above', 'Same as 6', 'ditto' point at another answer: its value")

ans = {1: "Yes", 2: "As for question 1", 3: "No", 4: "7", 5: "b", 6: "No", 7: "As previous", 8: "Yes", 9: "same as Q8"}
text = "Answers below.\n\n" + WROTE + "\n\n" + text_inline(ans) + "\n"
case("ditto_inline_gmail", message("ditto_inline_gmail", text=text, frm=OKAFOR),
     expect({1: True, 2: True, 3: False, 4: 7, 5: ["evidence"], 6: False, 7: False, 8: True, 9: True}),
     "Gmail inline: 'As for question 1', 'As previous', 'same as Q8' under the Answer: lines")

text = below_quote(["1. yes", "2. no", "3. yes", "4. 6", "5. same as 3", "6. ditto", "7. yes", "8. same as 4", "9. yes"])
case("trap_ditto_other_kind_gmail", message("trap_ditto_other_kind_gmail", text=text, frm=OKAFOR),
     expect({1: True, 2: False, 3: True, 4: 6, 7: True, 9: True}, barriers=UNCLEAR, written_protocol=UNCLEAR, training=UNCLEAR),
     "trap: 'same as 3' for the barriers (a yes/no), 'ditto' under them and 'same as 4' (a score) for a yes/no: asked")

# ==== emphatic words, flourishes ====
text = below_quote(["1. Without a doubt", "2. By no means", "3. Undoubtedly", "4. 9", "5. nil", "6. Most definitely",
                    "7. Not in the slightest", "8. A definite yes", "9. Never ever"], wrote=YAHOO)
case("emphatic_words_yahoo", message("emphatic_words_yahoo", text=text, frm=OKAFOR, mailer="YahooMailWeb"),
     expect({1: True, 2: False, 3: True, 4: 9, 5: ["none"], 6: True, 7: False, 8: True, 9: False}),
     "Yahoo: emphatic yes and no ('Without a doubt', 'By no means', 'Undoubtedly', 'Most definitely', 'Not in the slightest', "
     "'A definite yes', 'Never ever')")

text = below_quote(["1. No!", "2. yes 🙂", "3. Yes!!!", "4. 8 :)", "5. a & c!", "6. no :(", "7. YES!", "8. Yes", "9. yes :-)"],
                   wrote=APPLE)
case("flourishes_after_answers_iphone", message("flourishes_after_answers_iphone", text=text, frm=OKAFOR, mailer="iPhone Mail (22B83)"),
     expect({1: False, 2: True, 3: True, 4: 8, 5: ["expertise", "side_effects"], 6: False, 7: True, 8: True, 9: True}),
     "iPhone: exclamation marks, smileys and an emoji after the answers ('a & c!', '8 :)', 'yes 🙂')")

# ==== reasons after a linking word ====
text = below_quote(["1. yes because nothing else touched the pain", "2. no as we start with opioids alone",
                    "3. yes since the fentanyl was making him drowsy", "4. 6 because I still ask pharmacy about doses",
                    "5. b because nobody has run decent trials", "6. no but one is being drafted",
                    "7. no though we hope to share ours", "8. yes", "9. yes as the evidence is thin"])
case("reasons_linking_words_gmail", message("reasons_linking_words_gmail", text=text, frm=OKAFOR),
     expect({1: True, 2: False, 3: True, 4: 6, 5: ["evidence"], 6: False, 7: False, 8: True, 9: True}),
     "Gmail: reasons after 'because', 'as', 'since', 'but', 'though' with no dash or comma")

text = below_quote(["1. yes", "2. no", "3. yes", "4. 5", "5. a since c is also a worry", "6. no", "7. no", "8. yes", "9. yes"])
case("trap_reason_adds_option_since_gmail", message("trap_reason_adds_option_since_gmail", text=text, frm=OKAFOR),
     expect({1: True, 2: False, 3: True, 4: 5, 6: False, 7: False, 8: True, 9: True}, barriers=UNCLEAR),
     "trap: 'a since c is also a worry': the reason adds an option: asked, never a alone")

# ==== a sentence that answers the first questions by their place ====
ans = {1: "No", 2: "Yes, once in 2023", 3: "No", 4: "3", 5: "a", 6: "No", 7: "No", 8: "Yes", 9: "Yes"}
text = ("Typed my answers below. In short it's a no for the first two, we rarely see that kind of pain.\n\n"
        + WROTE + "\n\n" + text_inline(ans) + "\n")
case("trap_place_sentence_contradicts_inline_gmail", message("trap_place_sentence_contradicts_inline_gmail", text=text, frm=OKAFOR),
     expect({1: False, 3: False, 4: 3, 5: ["expertise"], 6: False, 7: False, 8: True, 9: True}, early_adjuvant=UNCLEAR),
     "trap: 'it's a no for the first two' in a sentence on top, 'Yes, once in 2023' typed under question 2, no word of "
     "correction: question 2 asked; question 1 agrees")

text = below_quote(["Briefly: we use it a great deal, so the first three are all yes.", "4. 8", "5. c", "6. yes", "7. no",
                    "8. yes", "9. yes"], wrote=APPLE)
case("place_sentence_only_answer_iphone", message("place_sentence_only_answer_iphone", text=text, frm=OKAFOR,
     mailer="iPhone Mail (22B83)"),
     expect({1: INF(True), 2: INF(True), 3: INF(True), 4: 8, 5: ["side_effects"], 6: True, 7: False, 8: True, 9: True}),
     "iPhone: 'so the first three are all yes' inside a sentence, nothing else answering them: inferred, to be confirmed")

ans = {1: "No", 2: "No", 3: "No", 4: "2", 5: "a, b", 6: "No", 7: "No", 8: "Yes", 9: "Yes"}
text = ("If we had a pain team it would be yes to the first three, but we don't.\n\n" + WROTE + "\n\n" + text_inline(ans) + "\n")
case("trap_place_sentence_conditional_gmail", message("trap_place_sentence_conditional_gmail", text=text, frm=OKAFOR),
     expect({1: False, 2: False, 3: False, 4: 2, 5: ["expertise", "evidence"], 6: False, 7: False, 8: True, 9: True}),
     "trap: 'If we had a pain team it would be yes to the first three' is a condition, no answer: the inline noes stand")

if __name__ == "__main__":
    write_cases(CASES)
