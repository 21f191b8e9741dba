#!/usr/bin/env python3
"""Writes the reply-corpus cases of the doctor's doubt in general forms
(issue 21; the first part written before the held-back sets 21q-21s
were scored, from the kinds of wrong value every earlier set had rather
than from any set's words; the second, in our own words, from the kinds
of wrong value of 21q once it was scored): knowledge held at second hand or loosely ("as far as I know", "at
a guess", "pretty sure"), a denial of knowing by the doctor ("I honestly
don't remember", "I wouldn't swear to it", "can't be certain"), a check
still to make ("would need to check with pharmacy", "to be confirmed"),
and a yes in name only after "but" ("but only on paper"). Each asked;
beside each a near case that must still read (a reason with the same
verbs about something else).
Reuses the helpers of make-reply-fixtures.py; writes only its own cases:
    python3 scripts/make-reply-fixtures-doubt.py
"""
import os, runpy

HERE = os.path.dirname(os.path.abspath(__file__))
base = runpy.run_path(os.path.join(HERE, "make-reply-fixtures.py"), run_name="fixtures")
globals().update({k: v for k, v in base.items() if not k.startswith("__")})
CASES = []
case = reply_case_into(CASES)

MENSAH = '"Dr Kofi Mensah" <jack.clarke@north-hospice.test>'


one_changed = one_changed_into(case, MENSAH, "Kofi")

# ---- knowledge at second hand or held loosely ----
one_changed("doubt_as_far_as_i_know_outlook", 7, "Yes, as far as I know", UNCLEAR, outlook, None,
            "Outlook: '7. Yes, as far as I know': the doctor's knowledge is loose: asked")
one_changed("doubt_at_a_guess_gmail", 4, "7, at a guess", UNCLEAR, gmail, None,
            "Gmail: '4. 7, at a guess': a guessed score: asked")
one_changed("trap_we_know_it_works_gmail", 1, "Yes - we know it works for the worst pain", True, gmail, None,
            "trap: Gmail: '1. Yes - we know it works for the worst pain': knowing, not doubting: yes")

# ---- the doctor denies knowing or vouching for the fact ----
one_changed("doubt_do_not_remember_apple_mail", 3, "Twice - I honestly don't remember the second one clearly",
            UNCLEAR, apple, APPLE_MAIL,
            "Apple Mail: '3. Twice - I honestly don't remember the second one clearly': asked")
one_changed("doubt_would_not_swear_samsung", 5, "b, I wouldn't swear to it", UNCLEAR, gmail, SAMSUNG,
            "Samsung Email: '5. b, I wouldn't swear to it': asked")
one_changed("doubt_cannot_be_certain_thunderbird", 8, "Yes, though I can't be certain", UNCLEAR, thunderbird,
            THUNDERBIRD, "Thunderbird: '8. Yes, though I can't be certain': asked")
one_changed("trap_juniors_do_not_know_how_outlook", 3, "No - the juniors don't know how to use it", False,
            outlook, None,
            "trap: Outlook: '3. No - the juniors don't know how to use it': others not knowing is a reason: no")
one_changed("trap_would_not_say_confident_apple_mail", 4, "4 - I wouldn't say I'm confident", 4, apple,
            APPLE_MAIL, "trap: Apple Mail: '4. 4 - I wouldn't say I'm confident': a reason in other words: 4")

# ---- a check still to make ----
one_changed("doubt_would_need_to_check_outlook", 6, "Yes - would need to check with pharmacy", UNCLEAR,
            outlook, None, "Outlook: '6. Yes - would need to check with pharmacy': asked")
one_changed("doubt_to_be_confirmed_gmail", 9, "No (to be confirmed)", UNCLEAR, gmail, None,
            "Gmail: '9. No (to be confirmed)': asked")
one_changed("trap_check_renal_function_gmail", 1, "Yes - you need to check renal function first", True, gmail,
            None, "trap: Gmail: '1. Yes - you need to check renal function first': advice, no doubt: yes")

# ---- a yes in name only after "but" ----
one_changed("doubt_yes_but_only_on_paper_outlook", 6, "Yes, but only on paper", UNCLEAR, outlook, None,
            "Outlook: '6. Yes, but only on paper': the yes in name only: asked")
one_changed("trap_yes_but_only_on_the_ward_outlook", 6, "Yes, but only for the inpatient unit", True, outlook,
            None, "trap: Outlook: '6. Yes, but only for the inpatient unit': a condition: yes")

# ---- a sentence of prose the doctor doubts ("know" and "sure" alone keep
# prose from reading a sentence already) ----
body = (listed(WITHOUT_7) + "\n\nWe shared our ketamine guidance with the district nurses last spring, to "
        "my knowledge.\n\nKofi")
case("doubt_prose_to_my_knowledge_iphone",
     message("doubt_prose_to_my_knowledge_iphone", text=apple(body), frm=MENSAH, mailer="iPhone Mail (22B91)"),
     expect(WITHOUT_7_EXPECT),
     "iPhone Mail: a list without 7, then 'We shared our ketamine guidance with the district nurses last "
     "spring, to my knowledge': the doctor's own doubt: no answer to 7 read from it")

body = (listed(WITHOUT_7) + "\n\nWe shared our ketamine guidance with the district nurses last spring."
        "\n\nKofi")
case("trap_prose_shared_without_doubt_iphone",
     message("trap_prose_shared_without_doubt_iphone", text=apple(body), frm=MENSAH, mailer="iPhone Mail (22B91)"),
     expect(WITHOUT_7_EXPECT, shared_guidance=inferred(True)),
     "trap: iPhone Mail: a list without 7, then 'We shared our ketamine guidance with the district nurses "
     "last spring': an inferred yes")

# ---- from 21q's kinds of wrong value, in our own words ----
body = listed({**LISTED, 4: "8"}) + "\n\nKofi\n\nPS Looking again at 4 on the train home: 6 is closer to the truth."
case("doubt_looking_again_at_four_below_outlook",
     message("doubt_looking_again_at_four_below_outlook", text=outlook(body), frm=MENSAH),
     expect({**LISTED_EXPECT, 4: UNCLEAR}),
     "Outlook: 4 is 8 in the list, then 'PS Looking again at 4 on the train home: 6 is closer to the truth': "
     "a change no form reads: asked, never the list's 8")

body = listed(LISTED) + "\n\nKofi\n\nPS I thought about 4 patients in particular when answering."
case("trap_thought_about_four_patients_outlook",
     message("trap_thought_about_four_patients_outlook", text=outlook(body), frm=MENSAH),
     expect(LISTED_EXPECT),
     "trap: Outlook: 'PS I thought about 4 patients in particular when answering': a count, no question named")

body = ("Morning\nSyringe driver at the very end, opioids not enough \u2013 yes\nUse early alongside opioids \u2013 no\n"
        "Confidence \u2013 6\nWritten protocol \u2013 yes\nShared guidance with community teams \u2013 no\nKofi")
case("prose_short_lines_negation_beside_yes_gmail",
     message("prose_short_lines_negation_beside_yes_gmail", text=gmail(body), frm=MENSAH),
     expect({4: 6, 6: True, 7: False}, early_adjuvant=ok(False)),
     "Gmail: short topic lines; 'Syringe driver at the very end, opioids not enough \u2013 yes' has a yes of "
     "its own beside a negation: never read as a no (not read at all); the other lines are their own "
     "sentences, never run together")

one_changed("doubt_no_idea_if_ratified_iphone", 6, "We have a draft floating about, no idea if it was ever ratified",
            UNCLEAR, apple, "iPhone Mail (22B91)",
            "iPhone Mail: '6. We have a draft floating about, no idea if it was ever ratified': asked")
one_changed("trap_no_idea_why_iphone", 6, "Yes, and I've no idea why it took us so long", True, apple,
            "iPhone Mail (22B91)", "trap: iPhone Mail: '6. Yes, and I\'ve no idea why it took us so long': a reason: yes")

one_changed("count_not_a_score_outlook", 4, "Only used it twice in the last three years", UNCLEAR, outlook, None,
            "Outlook: '4. Only used it twice in the last three years': every number a count, none a score: asked")
one_changed("trap_score_with_years_outlook", 4, "7, having used it for years", 7, outlook, None,
            "trap: Outlook: '4. 7, having used it for years': the score and a reason: 7")

if __name__ == "__main__":
    write_cases(CASES)
