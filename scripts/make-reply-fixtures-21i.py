#!/usr/bin/env python3
"""Writes the reply-corpus cases for the misses of issue 21's eighth
held-back set (tests/fixtures/heldback21i), each in our own words and
another client than the held-back case, with traps beside them: question
codes between commas with a space or nothing between number and answer
("1n, 2y, 4 5, 5 a&c"), codes after colons parted by spaces alone
("1:N 2:Y 5:A/C", the slash answer asked), answers grouped by ranges of
questions ("1-3: no, yes, yes"), a summary with "bar" and the exceptions'
value after them ("everything's a no bar 3 and 9 (yes to those)"), "n0"
(zero for o) typed for no, an option's words misspelt ("sid efects"),
"the first three" options, "b, and to a lesser extent c", a follow-up
"please put me down as 6 for confidence, not 9".
Reuses the helpers of make-reply-fixtures.py; writes only its own cases:
    python3 scripts/make-reply-fixtures-21i.py
"""
import os, runpy

HERE = os.path.dirname(os.path.abspath(__file__))
base = runpy.run_path(os.path.join(HERE, "make-reply-fixtures.py"), run_name="fixtures")
globals().update({k: v for k, v in base.items() if not k.startswith("__")})
CASES = []
case = reply_case_into(CASES)

MENSAH = '"Dr Kwame Mensah" <jack.clarke@north-hospice.test>'
APPLE = "On 5 Jan 2026, at 09:00, Regional Palliative Care Audit Group <survey@survey.test> wrote:"
THUNDERBIRD = "Mozilla Thunderbird 128.5.0"
YAHOO = "YahooMailAndroid"
OUTLOOK_RULE = "________________________________\n"






# ---- codes between commas, a space or nothing between number and answer ----
body = "1n, 2 y, 3y, 4 5, 5 a&c, 6n, 7y, 8y, 9n\n\nKwame"
case("comma_codes_spaced_and_glued_yahoo",
     message("comma_codes_spaced_and_glued_yahoo", text=gmail(body), frm=MENSAH, mailer=YAHOO),
     expect({1: False, 2: True, 3: True, 4: 5, 5: ["expertise", "side_effects"], 6: False, 7: True, 8: True,
             9: False}),
     "Yahoo Android: codes between commas, the answer glued to its number ('1n') or a space after it ('4 5', "
     "'5 a&c'): each its question's")

body = "1n, 2y, 3y, 4 5-6, 5 a, 6n, 7y, 8y, 9n\n\nKwame"
case("trap_comma_codes_range_yahoo",
     message("trap_comma_codes_range_yahoo", text=gmail(body), frm=MENSAH, mailer=YAHOO),
     expect({1: False, 2: True, 3: True, 5: ["expertise"], 6: False, 7: True, 8: True, 9: False},
            confidence=UNCLEAR),
     "trap: Yahoo Android: codes between commas with '4 5-6', a range for the scale: asked, the others read")

body = "1n, 2y, 3y, 12 of us agree\n\nKwame"
case("trap_comma_pieces_not_codes_yahoo",
     message("trap_comma_pieces_not_codes_yahoo", text=gmail(body), frm=MENSAH, mailer=YAHOO),
     {},
     "trap: Yahoo Android: a piece of words between the commas ('12 of us agree'): the line is not codes, "
     "nothing read")

# ---- codes after colons, parted by spaces alone ----
body = "1:N 2:N 3:Y 4:3 5:A 6:Y 7:Y 8:N 9:N\n\nKwame"
case("colon_codes_spaced_thunderbird",
     message("colon_codes_spaced_thunderbird", text=thunderbird(body), frm=MENSAH, mailer=THUNDERBIRD),
     expect({1: False, 2: False, 3: True, 4: 3, 5: ["expertise"], 6: True, 7: True, 8: False, 9: False}),
     "Thunderbird: codes after colons parted by spaces alone ('1:N 2:N 3:Y 4:3 5:A'): each its question's")

body = "1:N 2:N 3:Y 4:3 5:A/C 6:Y 7:Y 8:N 9:N\n\nKwame"
case("trap_colon_codes_slash_answer_apple_mail",
     message("trap_colon_codes_slash_answer_apple_mail", text=apple(body), frm=MENSAH,
             mailer="Apple Mail (2.3774.300.61.1.2)"),
     expect({1: False, 2: False, 3: True, 4: 3, 5: ["expertise", "side_effects"], 6: True, 7: True, 8: False,
             9: False}),
     "trap: Apple Mail: codes after colons parted by spaces, '5:A/C' options with a slash: the codes read, 5 "
     "as any answer is (both, under choose all that apply; asked until heldback21m)")

# ---- answers grouped by ranges of questions ----
K9 = "K-9 Mail for Android"
body = "Q1-3: no, yes, yes\n4: 6\n5: b\nQ6 to Q9 - no, no, yes and yes\n\nKwame"
case("grouped_ranges_k9",
     message("grouped_ranges_k9", text=gmail(body), frm=MENSAH, mailer=K9),
     expect({1: False, 2: True, 3: True, 4: 6, 5: ["evidence"], 6: False, 7: False, 8: True, 9: True}),
     "K-9 Android: answers grouped by ranges ('Q1-3: no, yes, yes', 'Q6 to Q9 - no, no, yes and yes'), as many "
     "answers as the range's questions, each its question's in order")

body = "1-3: no, probably, yes\n4: 6\n5: b\n6-9: no, no, yes, yes\n\nKwame"
case("trap_grouped_ranges_hedge_k9",
     message("trap_grouped_ranges_hedge_k9", text=gmail(body), frm=MENSAH, mailer=K9),
     expect({1: False, 3: True, 4: 6, 5: ["evidence"], 6: False, 7: False, 8: True, 9: True},
            early_adjuvant=UNCLEAR),
     "trap: K-9 Android: '1-3: no, probably, yes': the hedge in its place is asked, the others read")

body = "1-3: no, yes\n4: 6\n5: b\n6-9: no, no, yes, yes\n\nKwame"
case("trap_grouped_ranges_too_few_k9",
     message("trap_grouped_ranges_too_few_k9", text=gmail(body), frm=MENSAH, mailer=K9),
     expect({4: 6, 5: ["evidence"], 6: False, 7: False, 8: True, 9: True}, end_of_life=UNCLEAR),
     "trap: K-9 Android: '1-3: no, yes', two answers for three questions: which is which? Never given by place "
     "(1 asked, 2 and 3 missing)")

# ---- a summary with "bar" and the exceptions' value after them ----
body = "Hello,\n\nEverything's a no bar 3 and 9 (yes to those).\nConfidence 4.\nBarriers - side effects.\n\nKwame"
case("summary_bar_gmail",
     message("summary_bar_gmail", text=gmail(body), frm=MENSAH),
     expect({1: False, 2: False, 3: True, 4: 4, 5: ["side_effects"], 6: False, 7: False, 8: False, 9: True}),
     "Gmail: 'Everything's a no bar 3 and 9 (yes to those)': the exceptions yes, every other yes/no question no")

body = "Hello,\n\nEverything's a no bar 3 and 9 (no to those).\nConfidence 4.\nBarriers - side effects.\n\nKwame"
case("trap_summary_bar_same_value_gmail",
     message("trap_summary_bar_same_value_gmail", text=gmail(body), frm=MENSAH),
     expect({4: 4, 5: ["side_effects"]}),
     "trap: Gmail: 'Everything's a no bar 3 and 9 (no to those)' says two things at once: no yes/no question read")

# ---- small ones: "n0" for no, an option's words misspelt ----
SAMSUNG = "Samsung Email"


def listed(values):
    return "\n".join(f"{n}. {v}" for n, v in values.items())


LISTED = {1: "no", 2: "yes", 3: "yes", 4: "5", 5: "c", 6: "no", 7: "yes", 8: "no", 9: "yes"}
LISTED_EXPECT = {1: False, 2: True, 3: True, 4: 5, 5: ["side_effects"], 6: False, 7: True, 8: False, 9: True}

body = listed({**LISTED, 1: "n0", 6: "N0"}) + "\n\nKwame"
case("zero_for_o_in_no_samsung",
     message("zero_for_o_in_no_samsung", text=gmail(body), frm=MENSAH, mailer=SAMSUNG),
     expect(LISTED_EXPECT),
     "Samsung Email: '1. n0', '6. N0': no with the digit zero for the letter o (the same shape, the key above): no")

body = listed({**LISTED, 6: "N0 or Y"}) + "\n\nKwame"
case("trap_zero_for_o_either_samsung",
     message("trap_zero_for_o_either_samsung", text=gmail(body), frm=MENSAH, mailer=SAMSUNG),
     expect(LISTED_EXPECT, written_protocol=UNCLEAR),
     "trap: Samsung Email: '6. N0 or Y', either: asked")

body = listed({**LISTED, 5: "side efects and lak of evidence"}) + "\n\nKwame"
case("option_words_misspelt_thunderbird",
     message("option_words_misspelt_thunderbird", text=thunderbird(body), frm=MENSAH, mailer=THUNDERBIRD),
     expect({**LISTED_EXPECT, 5: ["evidence", "side_effects"]}),
     "Thunderbird: '5. side efects and lak of evidence': words of the options picked, a letter dropped: b and c")

body = listed({**LISTED, 5: "lack of evidence, sid"}) + "\n\nKwame"
case("trap_option_word_short_unpicked_thunderbird",
     message("trap_option_word_short_unpicked_thunderbird", text=thunderbird(body), frm=MENSAH,
             mailer=THUNDERBIRD),
     expect(LISTED_EXPECT, barriers=UNCLEAR),
     "trap: Thunderbird: '5. lack of evidence, sid': a short word near a word of an option nothing else "
     "picked: asked, never c added by a guess")

# ---- "the first three", a lesser degree, a follow-up changing the scale ----
body = listed({**LISTED, 5: "The first two"}) + "\n\nKwame"
case("first_two_options_apple_mail",
     message("first_two_options_apple_mail", text=apple(body), frm=MENSAH, mailer="Apple Mail (2.3774.300.61.1.2)"),
     expect({**LISTED_EXPECT, 5: ["expertise", "evidence"]}),
     "Apple Mail: '5. The first two': the first two options as shown, a and b")

body = listed({**LISTED, 5: "first two or three"}) + "\n\nKwame"
case("trap_first_two_or_three_apple_mail",
     message("trap_first_two_or_three_apple_mail", text=apple(body), frm=MENSAH,
             mailer="Apple Mail (2.3774.300.61.1.2)"),
     expect(LISTED_EXPECT, barriers=UNCLEAR),
     "trap: Apple Mail: '5. first two or three': either count: asked")

body = listed({**LISTED, 5: "a, and to a lesser extent c"}) + "\n\nKwame"
case("lesser_extent_option_outlook",
     message("lesser_extent_option_outlook", text=outlook(body), frm=MENSAH, subject="RE: " + SUBJECT,
             mailer="Microsoft Outlook 16.0"),
     expect({**LISTED_EXPECT, 5: ["expertise", "side_effects"]}),
     "Outlook: '5. a, and to a lesser extent c': a degree said of c still picks it: a and c")

body = listed({**LISTED, 5: "a, and to a lesser extent c if the dose is high"}) + "\n\nKwame"
case("trap_lesser_extent_condition_outlook",
     message("trap_lesser_extent_condition_outlook", text=outlook(body), frm=MENSAH, subject="RE: " + SUBJECT,
             mailer="Microsoft Outlook 16.0"),
     expect(LISTED_EXPECT, barriers=UNCLEAR),
     "trap: Outlook: '5. a, and to a lesser extent c if the dose is high': a condition on c: asked")

EARLIER = ("On Tue, 6 Jan 2026 at 10:12, Dr Kwame Mensah <jack.clarke@north-hospice.test> wrote:\n\n"
           + listed({**LISTED, 4: "9"}) + "\n\nKwame\n\n" + WROTE + "\n" + quote(INV_TEXT))


def follow_up(top):
    return top + "\n\n" + quote(EARLIER) + "\n"


body = "Apologies - on reflection please put me down as 6 for confidence, not 9. Everything else is fine.\n\nKwame"
case("follow_up_put_me_down_for_the_scale_gmail",
     message("follow_up_put_me_down_for_the_scale_gmail", text=follow_up(body), frm=MENSAH),
     {"confidence": {"status": "ok", "value": 6}},
     "Gmail: a follow-up to his own reply (quoted): 'please put me down as 6 for confidence, not 9': 4 is 6; the "
     "quoted answers are not this message's")

body = "Apologies - on reflection please put me down as maybe 6 for confidence, not 9.\n\nKwame"
case("trap_follow_up_put_me_down_hedged_gmail",
     message("trap_follow_up_put_me_down_hedged_gmail", text=follow_up(body), frm=MENSAH),
     {},
     "trap: Gmail: a follow-up 'please put me down as maybe 6 for confidence': hedged, with no answer of this "
     "message's to doubt: nothing read, never 6")

if __name__ == "__main__":
    write_cases(CASES)
