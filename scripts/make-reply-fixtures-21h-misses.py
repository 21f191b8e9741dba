#!/usr/bin/env python3
"""Writes the reply-corpus cases for the misses of issue 21's seventh
held-back set (tests/fixtures/heldback21h), each in our own words and
another client than the held-back case, with traps beside them: question
codes between pipes on one line, a summary by its only exceptions ("the
only yeses are 1 and 9"), "yes to all the yes/no ones", "yes across the
board except I'm not sure about 7", a misspelt number word ("thre"),
"not <the question's words>, no", a letter with a reason in brackets, a
follow-up adding an option ("for Q5 could you add ..., so a and b"), a
scale the doctor will not put a number on.
Reuses the helpers of
make-reply-fixtures.py; writes only its own cases:
    python3 scripts/make-reply-fixtures-21h-misses.py
"""
import os, runpy

HERE = os.path.dirname(os.path.abspath(__file__))
base = runpy.run_path(os.path.join(HERE, "make-reply-fixtures.py"), run_name="fixtures")
globals().update({k: v for k, v in base.items() if not k.startswith("__")})
CASES = []
case = reply_case_into(CASES)

OKAFOR = '"Dr Ngozi Okafor" <jack.clarke@north-hospice.test>'
APPLE = "On 5 Jan 2026, at 09:00, Regional Palliative Care Audit Group <survey@survey.test> wrote:"
THUNDERBIRD = "Mozilla Thunderbird 128.5.0"
ANSWERS = {1: False, 2: True, 3: False, 4: 4, 5: ["side_effects"], 6: False, 7: False, 8: True, 9: True}





# ---- question codes between pipes on one line ----
body = "Q1 N | Q2 Y | Q3 N | Q4 4 | Q5 c | Q6 N | Q7 N | Q8 Y | Q9 Y\n\nNgozi"
case("codes_between_pipes_thunderbird",
     message("codes_between_pipes_thunderbird", text=thunderbird(body), frm=OKAFOR, mailer=THUNDERBIRD),
     expect(ANSWERS),
     "Thunderbird: the nine answers as codes between pipes on one line, 'Q4 4' the scale and 'Q5 c' option c)")

body = "Q1 N | Q2 Y | Q3 N | Q4 3-5 | Q5 c | Q6 N | Q7 N | Q8 Y | Q9 Y\n\nNgozi"
case("trap_codes_between_pipes_range_thunderbird",
     message("trap_codes_between_pipes_range_thunderbird", text=thunderbird(body), frm=OKAFOR, mailer=THUNDERBIRD),
     expect(ANSWERS, confidence=UNCLEAR),
     "trap: Thunderbird: codes between pipes with 'Q4 3-5', a range for the scale: asked, the others read")

# ---- a summary by its only exceptions ("mostly no - the only yeses are ...") ----
IPHONE = "iPhone Mail (22B83)"
body = "Largely yes from me, the only no's are 3 and 6.\nConfidence 8\nBarriers: b\n\nSent from my iPhone"
case("only_exceptions_summary_iphone",
     message("only_exceptions_summary_iphone", text=apple(body), frm=OKAFOR, mailer=IPHONE),
     expect({1: True, 2: True, 3: False, 4: 8, 5: ["evidence"], 6: False, 7: True, 8: True, 9: True}),
     "iPhone: 'Largely yes from me, the only no's are 3 and 6' (every other yes/no question yes), the scale "
     "and the choice on lines of their own")

body = "Only 2 and 8 were yes for us.\nConfidence 5, barriers a and c.\n\nNgozi"
case("only_exceptions_summary_for_us_thunderbird",
     message("only_exceptions_summary_for_us_thunderbird", text=thunderbird(body), frm=OKAFOR, mailer=THUNDERBIRD),
     expect({1: False, 2: True, 3: False, 4: 5, 5: ["expertise", "side_effects"], 6: False, 7: False, 8: True,
             9: False}),
     "Thunderbird: 'Only 2 and 8 were yes for us': every other yes/no question no")

body = "Mostly yes - the only yeses are 1 and 9.\nConfidence 6, barriers c.\n\nNgozi"
case("trap_only_exceptions_same_value_gmail",
     message("trap_only_exceptions_same_value_gmail", text=gmail(body), frm=OKAFOR),
     expect({4: 6, 5: ["side_effects"]}),
     "trap: Gmail: 'Mostly yes - the only yeses are 1 and 9' says two things at once: no yes/no question is read "
     "from it")

# ---- a summary for the yes/no questions alone, and one with a question not sure of ----
OUTLOOK_RULE = "________________________________\n"



body = "No to all the yes or no questions.\nConfidence 2\nBarriers - a\n\nNgozi"
case("summary_yes_no_ones_yahoo",
     message("summary_yes_no_ones_yahoo", text=gmail(body), frm=OKAFOR, mailer="YahooMailAndroid"),
     expect({1: False, 2: False, 3: False, 4: 2, 5: ["expertise"], 6: False, 7: False, 8: False, 9: False}),
     "Yahoo Android: 'No to all the yes or no questions' (the seven yes/no questions), the scale and the choice "
     "on lines of their own")

body = "Yes to all the yes/no ones.\nBarriers b and c.\n\nNgozi"
case("trap_summary_yes_no_ones_no_scale_yahoo",
     message("trap_summary_yes_no_ones_no_scale_yahoo", text=gmail(body), frm=OKAFOR, mailer="YahooMailAndroid"),
     expect({1: True, 2: True, 3: True, 5: ["evidence", "side_effects"], 6: True, 7: True, 8: True, 9: True}),
     "trap: Yahoo Android: 'Yes to all the yes/no ones' covers no scale: the confidence is left missing (asked), "
     "never given a value")

body = ("No across the board, except I'm not sure about 6 - would need to check with pharmacy.\n"
        "Confidence 5, barriers a.\n\nNgozi")
case("summary_not_sure_of_one_outlook",
     message("summary_not_sure_of_one_outlook", text=outlook(body), frm=OKAFOR, subject="RE: " + SUBJECT,
             mailer="Microsoft Outlook 16.0"),
     expect({1: False, 2: False, 3: False, 4: 5, 5: ["expertise"], 6: UNCLEAR, 7: False, 8: False, 9: False}),
     "Outlook: 'No across the board, except I'm not sure about 6 - would need to check ...': 6 asked, the other "
     "yes/no questions no")

body = "Yes across the board but not sure about 4.\nBarriers: c\n\nNgozi"
case("trap_summary_not_sure_of_the_scale_outlook",
     message("trap_summary_not_sure_of_the_scale_outlook", text=outlook(body), frm=OKAFOR, subject="RE: " + SUBJECT,
             mailer="Microsoft Outlook 16.0"),
     expect({1: True, 2: True, 3: True, 4: UNCLEAR, 5: ["side_effects"], 6: True, 7: True, 8: True, 9: True}),
     "trap: Outlook: 'Yes across the board but not sure about 4' (the scale): 4 asked, never a value")

body = "Yes across the board except I'm not sure about 7 - probably not.\nConfidence 7, barriers c.\n\nNgozi"
case("trap_summary_not_sure_with_a_guess_outlook",
     message("trap_summary_not_sure_with_a_guess_outlook", text=outlook(body), frm=OKAFOR, subject="RE: " + SUBJECT,
             mailer="Microsoft Outlook 16.0"),
     expect({4: 7, 5: ["side_effects"]}),
     "trap: Outlook: '... not sure about 7 - probably not': a guess after the dash is more than a reason, the "
     "summary is not read (asked)")

# ---- small ones: a misspelt number word, "not <the question's word>, no", a letter and a reason ----
SAMSUNG = "Samsung Email"


def listed(values):
    return "\n".join(f"{n}. {v}" for n, v in values.items())


LISTED = {1: "yes", 2: "no", 3: "yes", 4: "6", 5: "a", 6: "no", 7: "no", 8: "yes", 9: "yes"}
LISTED_EXPECT = {1: True, 2: False, 3: True, 4: 6, 5: ["expertise"], 6: False, 7: False, 8: True, 9: True}

body = listed({**LISTED, 4: "thre"}) + "\n\nNgozi"
case("misspelt_number_word_samsung",
     message("misspelt_number_word_samsung", text=gmail(body), frm=OKAFOR, mailer=SAMSUNG),
     expect({**LISTED_EXPECT, 4: 3}),
     "Samsung Email: '4. thre', a number word with a letter missing: 3")

body = listed({**LISTED, 4: "sevn or eigt"}) + "\n\nNgozi"
case("trap_misspelt_number_words_either_samsung",
     message("trap_misspelt_number_words_either_samsung", text=gmail(body), frm=OKAFOR, mailer=SAMSUNG),
     expect(LISTED_EXPECT, confidence=UNCLEAR),
     "trap: Samsung Email: '4. sevn or eigt', either of two misspelt numbers: asked")

body = listed({**LISTED, 2: "Not in the early stages, no"}) + "\n\nNgozi"
case("echo_then_no_thunderbird",
     message("echo_then_no_thunderbird", text=thunderbird(body), frm=OKAFOR, mailer=THUNDERBIRD),
     expect(LISTED_EXPECT),
     "Thunderbird: '2. Not in the early stages, no' repeats the question's words, then no: no")

body = listed({**LISTED, 2: "Not early, though I might try it"}) + "\n\nNgozi"
case("trap_echo_then_more_thunderbird",
     message("trap_echo_then_more_thunderbird", text=thunderbird(body), frm=OKAFOR, mailer=THUNDERBIRD),
     expect(LISTED_EXPECT, early_adjuvant=UNCLEAR),
     "trap: Thunderbird: '2. Not early, though I might try it' says no no: asked")

body = listed({**LISTED, 5: "a (nobody on our unit has prescribed it for years)"}) + "\n\nNgozi"
case("letter_with_reason_in_brackets_iphone",
     message("letter_with_reason_in_brackets_iphone", text=apple(body), frm=OKAFOR, mailer=IPHONE),
     expect(LISTED_EXPECT),
     "iPhone: '5. a (nobody on our unit has prescribed it for years)': the letter, the reason in brackets: a")

body = listed({**LISTED, 5: "a (and the evidence is thin)"}) + "\n\nNgozi"
case("trap_letter_with_another_in_brackets_iphone",
     message("trap_letter_with_another_in_brackets_iphone", text=apple(body), frm=OKAFOR, mailer=IPHONE),
     expect(LISTED_EXPECT, barriers=UNCLEAR),
     "trap: iPhone: '5. a (and the evidence is thin)' adds another option in words: asked, never a alone")

# ---- a follow-up to one's own reply adding an option ----
EARLIER = ("On 6 Jan 2026, at 10:12, Dr Ngozi Okafor <jack.clarke@north-hospice.test> wrote:\n\n"
           + listed(LISTED) + "\n\nNgozi\n\n" + APPLE + "\n\n" + quote(INV_TEXT))


def follow_up(top):
    return top + "\n\n" + quote(EARLIER) + "\n"


body = "Apologies - for Q5 could you add lack of evidence too, so a and b.\n\nNgozi"
case("follow_up_adds_an_option_apple_mail",
     message("follow_up_adds_an_option_apple_mail", text=follow_up(body), frm=OKAFOR,
             mailer="Apple Mail (2.3774.300.61.1.2)"),
     {"barriers": {"status": "ok", "value": ["expertise", "evidence"]}},
     "Apple Mail: a follow-up to her own reply (quoted, the invitation inside): 'for Q5 could you add lack of "
     "evidence too, so a and b': 5 is a and b; the quoted answers are not this message's")

body = "Apologies - for Q5 could you add lack of evidence too, so probably a and b.\n\nNgozi"
case("trap_follow_up_adds_an_option_hedged_apple_mail",
     message("trap_follow_up_adds_an_option_hedged_apple_mail", text=follow_up(body), frm=OKAFOR,
             mailer="Apple Mail (2.3774.300.61.1.2)"),
     {},
     "trap: Apple Mail: a follow-up '... so probably a and b': a hedged new answer, with no answer of this "
     "message's to doubt: nothing read (5 missing, asked), never a and b")

# ---- a scale the doctor will not put a number on ----
body = ("Yes to 1, 3, 8 and 9, no to 2, 6 and 7.\nHard to give my confidence a score, it varies a lot.\n"
        "Barriers: a\n\nNgozi")
case("declines_a_number_outlook",
     message("declines_a_number_outlook", text=outlook(body), frm=OKAFOR, subject="RE: " + SUBJECT,
             mailer="Microsoft Outlook 16.0"),
     expect({**LISTED_EXPECT, 4: UNCLEAR}),
     "Outlook: 'Hard to give my confidence a score, it varies a lot': no number, asked (never missing as if "
     "unanswered, never a value)")

body = listed({**LISTED, 4: "6"}) + "\n\nConfidence is hard to score honestly.\n\nNgozi"
case("trap_declines_a_number_after_one_outlook",
     message("trap_declines_a_number_after_one_outlook", text=outlook(body), frm=OKAFOR, subject="RE: " + SUBJECT,
             mailer="Microsoft Outlook 16.0"),
     expect(LISTED_EXPECT, confidence=UNCLEAR),
     "trap: Outlook: '4. 6', then 'Confidence is hard to score honestly': the number given and a sentence "
     "saying none can be: asked")

if __name__ == "__main__":
    write_cases(CASES)
