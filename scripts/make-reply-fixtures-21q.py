#!/usr/bin/env python3
"""Writes the reply-corpus cases for the misses of issue 21's sixteenth
held-back set (tests/fixtures/heldback21q), each in our own words and
another client than the held-back case, with a near case beside each that
must still be asked: letters in square brackets or before a word of
regret ("b and c, sadly"), "give or take" after a score, a yes with a
guessed count ("yes, perhaps a dozen times"), a leaning settled at once
("I think so, yes"), and a follow-up that says a question was skipped.
Reuses the helpers of make-reply-fixtures.py; writes only its own cases:
    python3 scripts/make-reply-fixtures-21q.py
"""
import os, runpy

HERE = os.path.dirname(os.path.abspath(__file__))
base = runpy.run_path(os.path.join(HERE, "make-reply-fixtures.py"), run_name="fixtures")
globals().update({k: v for k, v in base.items() if not k.startswith("__")})
CASES = []
case = reply_case_into(CASES)

OSEI = '"Dr Abena Osei" <jack.clarke@north-hospice.test>'


one_changed = one_changed_into(case, OSEI, "Abena")

one_changed("letters_before_regret_gmail", 5, "b and c, sadly", ["evidence", "side_effects"], gmail, None,
            "Gmail: '5. b and c, sadly': the letters before a word of regret: b and c")
one_changed("letters_in_square_brackets_thunderbird", 5, "[a & c]", ["expertise", "side_effects"], thunderbird,
            THUNDERBIRD, "Thunderbird: '5. [a & c]': the letters in square brackets: a and c")
one_changed("trap_words_in_square_brackets_thunderbird", 5, "[not sure what counts]", UNCLEAR, thunderbird,
            THUNDERBIRD, "trap: Thunderbird: '5. [not sure what counts]': no letters: asked")

one_changed("score_give_or_take_outlook", 4, "5, give or take", 5, outlook, None,
            "Outlook: '4. 5, give or take': about 5: 5")
one_changed("trap_score_or_thereabouts_outlook", 4, "5 or thereabouts", UNCLEAR, outlook, None,
            "trap: Outlook: '4. 5 or thereabouts': hedged like '7 or so' (asked, as a held-back writer read it)")

one_changed("yes_guessed_count_apple_mail", 1, "Yes, perhaps a dozen times", True, apple, APPLE_MAIL,
            "Apple Mail: '1. Yes, perhaps a dozen times': to 'Have you ...?' how often, guessed: yes")
one_changed("trap_yes_perhaps_not_ever_apple_mail", 6, "Yes, perhaps a few", UNCLEAR, apple, APPLE_MAIL,
            "trap: Apple Mail: '6. Yes, perhaps a few' to 'Do you have a written protocol?': asked")

one_changed("leaning_settled_yes_samsung", 8, "I think so, yes - we all could", True, gmail, SAMSUNG,
            "Samsung Email: '8. I think so, yes - we all could': the leaning settled at once: yes")
one_changed("trap_leaning_settled_then_doubted_samsung", 8, "I think so, yes, but ask me again in January", UNCLEAR,
            gmail, SAMSUNG, "trap: Samsung Email: '8. I think so, yes, but ask me again in January': asked")

body = ("Sorry, I've just realised I missed out question 8 yesterday.\n\n8. Yes\n\nAbena")
case("follow_up_skipped_question_outlook",
     message("follow_up_skipped_question_outlook", text=outlook(body), frm=OSEI),
     expect({8: True}),
     "Outlook: a follow-up 'Sorry, I've just realised I missed out question 8 yesterday' then '8. Yes': an answer "
     "added, none changed: yes")

if __name__ == "__main__":
    write_cases(CASES)
