#!/usr/bin/env python3
"""Writes the reply-corpus cases for the wrong values of issue 21's seventh
held-back set (tests/fixtures/heldback21h), each in our own words and
another client than the held-back case, with traps beside them: a
correction further down the same mail by "for number N put X not Y", a
P.S. below the sign-off that has "just realised N should be ...", "scratch
that on N, it's a no", and a listed no that a later sentence contradicts
by telling of the drug started with the first opioid; and the eighth
set's (heldback21i): a P.S. "not sure I've got N right" and a yes that a
sentence denies with "never" before the drug. Reuses the helpers
of make-reply-fixtures.py; writes only its own cases:
    python3 scripts/make-reply-fixtures-21h.py
"""
import os, runpy

HERE = os.path.dirname(os.path.abspath(__file__))
base = runpy.run_path(os.path.join(HERE, "make-reply-fixtures.py"), run_name="fixtures")
globals().update({k: v for k, v in base.items() if not k.startswith("__")})
CASES = []
case = reply_case_into(CASES)

ADEBAYO = '"Dr Tunde Adebayo" <jack.clarke@north-hospice.test>'
APPLE = "On 5 Jan 2026, at 09:00, Regional Palliative Care Audit Group <survey@survey.test> wrote:"
OWA_RULE = "________________________________\n"
LIST = {1: True, 2: False, 3: True, 4: 7, 5: ["expertise"], 6: True, 7: False, 8: True, 9: True}


def top(values, style="{n}. {v}"):
    def shown(n, v):
        if n == 5:
            return "a"
        if isinstance(v, bool):
            return "yes" if v else "no"
        return v
    return "\n".join(style.format(n=n, v=shown(n, v)) for n, v in values.items())





# ---- a correction further down the same mail: "for number N put X not Y" ----
body = top(LIST) + "\n\nHold on - for number 4 put 5 not 7, I mixed it up with methadone.\n\nTunde"
case("correction_for_number_put_gmail", message("correction_for_number_put_gmail", text=gmail(body), frm=ADEBAYO),
     expect({**LIST, 4: 5}),
     "Gmail: a full list, then 'for number 4 put 5 not 7' further down the same mail: the correction wins (5)")

body = top(LIST) + "\n\nFor number 4 we put most patients on 5 mg at first.\n\nTunde"
case("trap_for_number_we_put_gmail", message("trap_for_number_we_put_gmail", text=gmail(body), frm=ADEBAYO),
     expect(LIST),
     "trap: Gmail: 'For number 4 we put most patients on 5 mg' says what they do, no correction: 4 stays 7")

# ---- a P.S. below the sign-off with a word of noticing ----
body = (top(LIST, "{n} - {v}") + "\n\nBest wishes\nTunde\n\n"
        "PS just realised 2 should be yes - we did it twice in the autumn.")
case("correction_ps_just_realised_outlook",
     message("correction_ps_just_realised_outlook", text=outlook(body), frm=ADEBAYO, subject="RE: " + SUBJECT),
     expect({**LIST, 2: True}),
     "Outlook: a P.S. below the sign-off, 'just realised 2 should be yes - ...': the correction wins over the list's no")

# ---- "scratch that on N": taken back, a new answer after it, or none ----
body = top(LIST) + "\n\nTunde\n\nPS scratch that on 7, it's a no - we never got it signed off."
body = body.replace("7. no", "7. yes")
case("correction_scratch_that_on_apple_mail",
     message("correction_scratch_that_on_apple_mail", text=apple(body), frm=ADEBAYO, mailer="Apple Mail (2.3826.400.131.1.6)"),
     expect({**LIST, 7: False}),
     "Apple Mail: '7. yes', then 'PS scratch that on 7, it's a no - ...': taken back and answered again: no")

body = top(LIST) + "\n\nTunde\n\nPS scrap that on 9, I need to think about it."
case("trap_scrap_that_no_new_answer_apple_mail",
     message("trap_scrap_that_no_new_answer_apple_mail", text=apple(body), frm=ADEBAYO, mailer="Apple Mail (2.3826.400.131.1.6)"),
     expect(LIST, research=UNCLEAR),
     "trap: Apple Mail: 'PS scrap that on 9, I need to think about it': the answer taken back with none given: asked")

# ---- a listed no that a later sentence contradicts in other words ----
body = (top(LIST) + "\n\nIn the spring I started a couple of patients on oral ketamine together with their first "
        "oxycodone, and it went fine.\n\nTunde")
case("trap_contradiction_first_opioid_outlook",
     message("trap_contradiction_first_opioid_outlook", text=outlook(body), frm=ADEBAYO, subject="RE: " + SUBJECT),
     expect(LIST, early_adjuvant=UNCLEAR),
     "trap: Outlook: '2. no', then a sentence telling of ketamine started with the first oxycodone (an early "
     "adjuvant), no word of correction: the two disagree, asked")

# ---- a change no form reads: the answer asked, never kept as listed ----
body = top(LIST) + "\n\nHang on, for number 4 go with 5 and not 7.\n\nTunde"
case("correction_unreadable_go_with_outlook",
     message("correction_unreadable_go_with_outlook", text=outlook(body), frm=ADEBAYO, subject="RE: " + SUBJECT),
     expect(LIST, confidence=UNCLEAR),
     "Outlook: '4. 7', then 'Hang on, for number 4 go with 5 and not 7.': a change in words no form reads; the "
     "listed 7 no longer stands and 5 is not read with certainty: asked")

body = top(LIST).replace("7. no", "7. yes") + "\n\nSorry - Q7 was a slip of the finger, nothing agreed with the community teams.\n\nTunde"
case("correction_unreadable_slip_gmail", message("correction_unreadable_slip_gmail", text=gmail(body), frm=ADEBAYO),
     expect({**LIST, 7: True}, shared_guidance=UNCLEAR),
     "Gmail: '7. yes', then 'Sorry - Q7 was a slip of the finger, ...': the answer said to be in error: asked")

body = top(LIST) + "\n\nSorry for the delay with question 4 - I wanted to check with pharmacy first.\n\nTunde"
case("trap_sorry_for_the_delay_iphone",
     message("trap_sorry_for_the_delay_iphone", text=apple(body).replace("\n\n> " + APPLE, "\n\nSent from my iPhone\n\n> " + APPLE),
             frm=ADEBAYO, mailer="iPhone Mail (22B83)"),
     expect(LIST),
     "trap: iPhone: 'Sorry for the delay with question 4 - ...' apologises for the reply, changes nothing: 4 stays 7")

# ---- the eighth set's: a doubt in a P.S.; a deed denied without a verb of the doctor's ----
body = top(LIST) + "\n\nTunde\n\nPS not sure I've got 6 right, I'll check with our pharmacist and come back to you."
case("doubt_ps_got_it_right_owa",
     message("doubt_ps_got_it_right_owa", text=outlook(body), frm=ADEBAYO, subject="RE: " + SUBJECT),
     expect(LIST, written_protocol=UNCLEAR),
     "Outlook on the web: '6. yes', then 'PS not sure I've got 6 right, ...': the answer put in doubt, no new one: asked")

body = (top(LIST) + "\n\nHonestly I have never seen a case where we got the morphine down because ketamine was "
        "started - it just gets added.\n\nTunde")
case("trap_contradiction_never_seen_gmail", message("trap_contradiction_never_seen_gmail", text=gmail(body), frm=ADEBAYO),
     expect(LIST, opioid_sparing=UNCLEAR),
     "trap: Gmail: '3. yes', then 'I have never seen a case where we got the morphine down because ketamine was "
     "started': the sentence denies what 3 asks, no word of correction: asked")

# ---- the ninth set's: "put N down as", "I'd need to ask" ----
body = (top(LIST) + "\n\nSorry, I've only now seen that I put 6 down as yes. That's wrong, we have nothing "
        "written.\n\nTunde")
case("doubt_put_down_as_gmail", message("doubt_put_down_as_gmail", text=gmail(body), frm=ADEBAYO),
     expect(LIST, written_protocol=UNCLEAR),
     "Gmail: '6. yes', then 'I put 6 down as yes. That's wrong, ...': the answer said to be wrong, its new value in "
     "another sentence: asked, never the listed yes")

body = top(LIST).replace("8. yes", "8. We would have to check with our education lead")
case("trap_would_have_to_check_outlook",
     message("trap_would_have_to_check_outlook", text=outlook(body), frm=ADEBAYO, subject="RE: " + SUBJECT),
     expect(LIST, training=UNCLEAR),
     "trap: Outlook: 'We would have to check with our education lead' begins like 'We would' (a yes to 'Would you "
     "...') but says what must happen first: asked")

# ---- the ninth set's last: the early stages denied by what must come first ----
body = top(LIST).replace("2. no", "2. yes") + ("\n\nJust so you know, we never start ketamine until the morphine has "
                                             "been pushed as far as it will go.\n\nTunde")
case("trap_contradiction_never_until_outlook",
     message("trap_contradiction_never_until_outlook", text=outlook(body), frm=ADEBAYO, subject="RE: " + SUBJECT),
     expect({**LIST, 2: True}, early_adjuvant=UNCLEAR),
     "trap: Outlook: '2. yes' (early stages), then 'we never start ketamine until the morphine has been pushed as far "
     "as it will go': the sentence denies the early stages, no word of correction: asked")

if __name__ == "__main__":
    write_cases(CASES)
