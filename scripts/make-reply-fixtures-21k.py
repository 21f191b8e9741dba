#!/usr/bin/env python3
"""Writes the reply-corpus cases for the misses of issue 21's tenth
held-back set (tests/fixtures/heldback21k), each in our own words and
another client than the held-back case, with traps beside them: a summary
"yes to all of the yes/no questions apart from 3 and 6, which are no",
an option's words with a degree after them ("lack of expertise to a
lesser extent"), "Yesss" and "Nooo" (a letter held down), "my
confidence rating of 7 is too kind - please change it to 5", "PS About 7
- <a reason>, so that one should be no", a follow-up "Forgot the last
question - 10: <comment>", a label "Reduced opioid doses" for the
question about "a reduction of the opioid dose".
Reuses the helpers of make-reply-fixtures.py; writes only its own cases:
    python3 scripts/make-reply-fixtures-21k.py
"""
import os, runpy

HERE = os.path.dirname(os.path.abspath(__file__))
base = runpy.run_path(os.path.join(HERE, "make-reply-fixtures.py"), run_name="fixtures")
globals().update({k: v for k, v in base.items() if not k.startswith("__")})
CASES = []
case = reply_case_into(CASES)

OKAFOR = '"Dr Adaeze Okafor" <jack.clarke@north-hospice.test>'


# ---- a summary of "all of the yes/no questions", the others by label ----
body = ("Yes to all of the yes/no questions apart from 3 and 6, which are no.\nConfidence 5.\n"
        "Barriers: lack of expertise\n\nAdaeze")
case("summary_all_of_the_yes_no_questions_thunderbird",
     message("summary_all_of_the_yes_no_questions_thunderbird", text=thunderbird(body), frm=OKAFOR,
             mailer=THUNDERBIRD),
     expect({1: True, 2: True, 3: False, 4: 5, 5: ["expertise"], 6: False, 7: True, 8: True, 9: True}),
     "Thunderbird: 'Yes to all of the yes/no questions apart from 3 and 6, which are no', the scale and the "
     "barriers on lines of their own: a summary of the yes/no questions, 3 and 6 no")

body = ("Yes to most of the yes/no questions apart from 3 and 6.\nConfidence 5.\n"
        "Barriers: lack of expertise\n\nAdaeze")
case("trap_summary_most_of_the_yes_no_questions_thunderbird",
     message("trap_summary_most_of_the_yes_no_questions_thunderbird", text=thunderbird(body), frm=OKAFOR,
             mailer=THUNDERBIRD),
     expect({4: 5, 5: ["expertise"]}),
     "trap: Thunderbird: 'Yes to most of the yes/no questions apart from 3 and 6': most is not all, which are "
     "yes cannot be told: no yes/no question read")

# ---- an option's words, then a degree ----
body = listed({**LISTED, 5: "mostly side effects, and lack of expertise to a lesser extent"}) + "\n\nAdaeze"
case("lesser_extent_after_option_words_samsung",
     message("lesser_extent_after_option_words_samsung", text=gmail(body), frm=OKAFOR, mailer=SAMSUNG),
     expect({**LISTED_EXPECT, 5: ["expertise", "side_effects"]}),
     "Samsung Email: '5. mostly side effects, and lack of expertise to a lesser extent': a degree said after an "
     "option's words still picks it: a and c")

body = listed({**LISTED, 5: "side effects, and lack of expertise to a lesser extent in junior staff"}) + "\n\nAdaeze"
case("trap_lesser_extent_after_option_words_samsung",
     message("trap_lesser_extent_after_option_words_samsung", text=gmail(body), frm=OKAFOR, mailer=SAMSUNG),
     expect(LISTED_EXPECT, barriers=UNCLEAR),
     "trap: Samsung Email: '5. side effects, and lack of expertise to a lesser extent in junior staff': words "
     "left over after the degree: asked")

# ---- a letter held down ----
body = listed({**LISTED, 1: "Yesss", 7: "Nooo"}) + "\n\nAdaeze"
case("letter_held_down_apple_mail",
     message("letter_held_down_apple_mail", text=apple(body), frm=OKAFOR, mailer=APPLE_MAIL),
     expect(LISTED_EXPECT),
     "Apple Mail: '1. Yesss', '7. Nooo': yes and no with the last letter held down")

body = listed({**LISTED, 1: "Yesss, I think", 7: "Nooo... or maybe"}) + "\n\nAdaeze"
case("trap_letter_held_down_hedged_apple_mail",
     message("trap_letter_held_down_hedged_apple_mail", text=apple(body), frm=OKAFOR, mailer=APPLE_MAIL),
     expect(LISTED_EXPECT, end_of_life=UNCLEAR, shared_guidance=UNCLEAR),
     "trap: Apple Mail: '1. Yesss, I think', '7. Nooo... or maybe': held down, then hedged: asked")

# ---- a later sentence: an answer judged, then "please make it ..." ----
body = (listed({**LISTED, 4: "7"}) + "\n\nThinking it over, my confidence rating of 7 is too kind - please change it "
        "to 5.\n\nAdaeze")
case("judged_then_change_it_thunderbird",
     message("judged_then_change_it_thunderbird", text=thunderbird(body), frm=OKAFOR, mailer=THUNDERBIRD),
     expect({**LISTED_EXPECT, 4: 5}),
     "Thunderbird: a list with '4. 7', then 'my confidence rating of 7 is too kind - please change it to 5': "
     "a correction, 5")

body = (listed({**LISTED, 4: "7"}) + "\n\nThinking it over, my confidence rating of 7 is too kind - my registrar "
        "would make it 5.\n\nAdaeze")
case("trap_judged_someone_else_would_thunderbird",
     message("trap_judged_someone_else_would_thunderbird", text=thunderbird(body), frm=OKAFOR, mailer=THUNDERBIRD),
     expect(LISTED_EXPECT, confidence=UNCLEAR),
     "trap: Thunderbird: 'my confidence rating of 7 is too kind - my registrar would make it 5': nobody asks for "
     "a change, yet the 7 is doubted: asked, never 5")

# ---- "About 7 - <reason>, so that one should be no" ----
body = (listed({**LISTED, 7: "yes"}) + "\n\nBest wishes\nAdaeze\n\nPS About 7 - the district nurses tell me the "
        "leaflet was never adopted, so that one should be no.")
case("number_reason_so_that_one_apple_mail",
     message("number_reason_so_that_one_apple_mail", text=apple(body), frm=OKAFOR, mailer=APPLE_MAIL),
     expect(LISTED_EXPECT),
     "Apple Mail: a list with '7. yes', then 'PS About 7 - <a reason>, so that one should be no' below the "
     "sign-off: a correction, 7 no")

body = (listed({**LISTED, 7: "yes"}) + "\n\nBest wishes\nAdaeze\n\nPS About 7 - the written protocol was never "
        "adopted either, so that one should be no.")
case("trap_number_reason_names_another_apple_mail",
     message("trap_number_reason_names_another_apple_mail", text=apple(body), frm=OKAFOR, mailer=APPLE_MAIL),
     expect(LISTED_EXPECT, shared_guidance=UNCLEAR),
     "trap: Apple Mail: 'PS About 7 - the written protocol was never adopted either, so that one should be no': "
     "the reason names question 6, 'that one' could be either: 7 asked, 6 as listed")

# ---- a follow-up: "Forgot the last one - 10: ..." ----
EARLIER = ("On Tue, 6 Jan 2026 at 10:12, Dr Adaeze Okafor <jack.clarke@north-hospice.test> wrote:\n\n"
           + listed(LISTED) + "\n\nAdaeze\n\n" + WROTE + "\n" + quote(INV_TEXT))


def follow_up(top):
    return top + "\n\n" + quote(EARLIER) + "\n"


body = "Forgot the last question - 10: our hospice pharmacy keeps a small stock for out of hours.\n\nAdaeze"
case("follow_up_forgot_the_last_one_gmail",
     message("follow_up_forgot_the_last_one_gmail", text=follow_up(body), frm=OKAFOR),
     {"comments": ok("our hospice pharmacy keeps a small stock for out of hours.")},
     "Gmail: a follow-up to her own reply (quoted): 'Forgot the last question - 10: <comment>': the comment; "
     "the quoted answers are not this message's")

body = "Forgot the last one - 4: somewhere around 6 or 7.\n\nAdaeze"
case("trap_follow_up_forgot_the_last_one_not_last_gmail",
     message("trap_follow_up_forgot_the_last_one_not_last_gmail", text=follow_up(body), frm=OKAFOR),
     {},
     "trap: Gmail: a follow-up 'Forgot the last one - 4: somewhere around 6 or 7': either number, and no comment: "
     "nothing read, never 6 or 7")

# ---- a label by a near form of the question's word ----
LABELLED = ["End of life: no", "Early on: yes", "{3}: yes", "Confidence: 4", "Barriers: side effects",
            "Protocol: no", "Community guidance: yes", "Training: no", "Research: yes"]
LABELLED_EXPECT = {1: False, 2: True, 3: True, 4: 4, 5: ["side_effects"], 6: False, 7: True, 8: False, 9: True}


def labelled(third):
    return "\n".join(LABELLED).replace("{3}", third) + "\n\nAdaeze"


case("label_near_form_outlook",
     message("label_near_form_outlook", text=outlook(labelled("Reduced opioid doses")), frm=OKAFOR,
             subject="RE: " + SUBJECT, mailer="Microsoft Outlook 16.0"),
     expect(LABELLED_EXPECT),
     "Outlook: labels by topic, 'Reduced opioid doses: yes' for the question about 'a reduction of the opioid "
     "dose' (reduced, reduction): 3 yes")

case("trap_label_near_form_another_word_outlook",
     message("trap_label_near_form_another_word_outlook", text=outlook(labelled("Reducing opioids for pain")),
             frm=OKAFOR, subject="RE: " + SUBJECT, mailer="Microsoft Outlook 16.0"),
     expect({k: v for k, v in LABELLED_EXPECT.items() if k != 3}),
     "trap: Outlook: 'Reducing opioids for pain: yes': pain is a word of other questions: the label ties no one "
     "question, 3 not read")

if __name__ == "__main__":
    write_cases(CASES)
