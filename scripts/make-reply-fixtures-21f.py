#!/usr/bin/env python3
"""Writes the reply-corpus cases for the forms issue 21's sixth held-back
set (tests/fixtures/heldback21f) missed, each in our own words and another
client than the held-back case, with traps beside them: a summary "from
me" (the yes/no questions only), a follow-up asking to "put" a new score,
"no" with one key slipped along the row ("Bo", "Mo", "Ni"; "Np", no
problem, asked), and option letters run together ("AC", "bc"). Reuses the helpers
of make-reply-fixtures.py; writes only its own cases:
    python3 scripts/make-reply-fixtures-21f.py
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
YES_NO = [1, 2, 3, 6, 7, 8, 9]


def iphone(top):
    return top + "\n\nSent from my iPhone\n\n> " + APPLE + "\n> \n" + quote(INV_TEXT) + "\n"


def mobile_outlook(top, mailer):
    """Outlook for iOS or Android: the doctor's lines, the app's
    signature, then the original unquoted below its header."""
    return (top + "\n\nGet Outlook for " + mailer + "\n" + OWA_RULE + OUTLOOK_HEADER_TEXT + "\n" + INV_TEXT + "\n")


# ---- a summary "from me": the yes/no questions; the scale and the choice asked ----
text = iphone("Everything's a yes from me. Hope the audit goes well!\n\nNgozi")
case("summary_yes_from_me_iphone", message("summary_yes_from_me_iphone", text=text, frm=OKAFOR, mailer="iPhone Mail (22B83)"),
     expect({q: True for q in YES_NO}, confidence=UNCLEAR, barriers=UNCLEAR),
     "iPhone: 'Everything's a yes from me.' is a summary: every yes/no question yes; the confidence score and the "
     "barriers it also covers cannot be a yes, so they are asked, never guessed")

text = mobile_outlook("No to all from me apart from 1.\nConfidence 3, barriers b\n\nN", "Android")
case("summary_no_from_me_except_outlook_android",
     message("summary_no_from_me_except_outlook_android", text=text, frm=OKAFOR, subject="RE: " + SUBJECT),
     expect({1: True, 2: False, 3: False, 4: 3, 5: ["evidence"], 6: False, 7: False, 8: False, 9: False}),
     "Outlook for Android: 'No to all from me apart from 1.' is a summary with its exception; the score and the barriers "
     "on their own line answer the questions the summary cannot")

# ---- a follow-up asking to put a new answer for one question ----
EARLIER = ["1 - Y", "2 - N", "3 - Y", "4 - 8", "5 - B, C", "6 - Y", "7 - N", "8 - Y", "9 - Y"]
OWN_APPLE = "On 6 Jan 2026, at 08:40, Dr Ngozi Okafor <jack.clarke@north-hospice.test> wrote:"
own = "On Tue, 6 Jan 2026 at 08:40, Dr Ngozi Okafor <jack.clarke@north-hospice.test> wrote:"
text = ("Hi again - one thing: for Q4 please put 6 instead of 8, thinking about it I'd still ring pharmacy first.\n\n"
        "Ngozi\n\n" + OWN_APPLE + "\n\n" + quote("\n".join(EARLIER) + "\n\nNgozi\n\n" + APPLE + "\n\n" + quote(INV_TEXT)) + "\n")
case("followup_please_put_apple_mail",
     message("followup_please_put_apple_mail", text=text, frm=OKAFOR, mailer="Apple Mail (2.3774.300.61.1.2)"),
     expect({4: 6}),
     "Apple Mail: a follow-up above the doctor's own quoted reply: 'for Q4 please put 6 instead of 8, ...' asks for the "
     "new score (the old one after 'instead of', an aside after it); the quoted list is not this message's answers")

text = ("Quick check - for question 4 I put 8, is that the right way round (10 = fully confident)?\n\nNgozi\n\n"
        + own + "\n\n" + quote("\n".join(EARLIER) + "\n\nNgozi\n\n" + WROTE + "\n\n" + quote(INV_TEXT)) + "\n")
case("trap_followup_i_put_gmail", message("trap_followup_i_put_gmail", text=text, frm=OKAFOR),
     {},
     "trap: Gmail: 'for question 4 I put 8, is that the right way round' says what was written and asks; no new "
     "answer (only 'please put' asks for one)")

# ---- "no" with one key slipped along the row ----
lines = ["1) Yes", "2) Bo", "3) Yes", "4) 6", "5) c", "6) Ni", "7) No", "8) Mo", "9) Np"]
html = '<div dir="auto">' + "<br>".join(lines) + '</div><div dir="auto"><br></div><div dir="auto">Sent from my Galaxy</div>'
text = ("\n".join(lines) + "\n\nSent from my Galaxy\n\n-------- Original message --------\nFrom: Regional Palliative Care "
        "Audit Group <survey@survey.test>\nDate: 05/01/2026 09:00 (GMT+00:00)\nTo: jack.clarke@north-hospice.test\nSubject: "
        + SUBJECT + "\n\n" + INV_TEXT + "\n")
case("typos_no_key_slipped_samsung", message("typos_no_key_slipped_samsung", text=text, html=html, frm=OKAFOR,
                                             mailer="Samsung Email"),
     expect({1: True, 2: False, 3: True, 4: 6, 5: ["side_effects"], 6: False, 7: False, 8: False},
            research=UNCLEAR),
     "Samsung Email: 'Bo', 'Ni' and 'Mo' are 'No' with one key slipped to its neighbour on the row (b and m beside n, "
     "i beside o); 'Np' (no problem) is a word of its own: asked")

# ---- option letters run together ----
text = iphone("1N 2N 3Y 4-5 5-AC 6N 7N 8Y 9Y\n\nNgozi")
case("codes_letters_together_iphone", message("codes_letters_together_iphone", text=text, frm=OKAFOR,
                                             mailer="iPhone Mail (22B83)"),
     expect({1: False, 2: False, 3: True, 4: 5, 5: ["expertise", "side_effects"], 6: False, 7: False, 8: True, 9: True}),
     "iPhone: codes on one line with the barriers' letters run together ('5-AC'): options a and c")

lines = ["1. yes", "2. no", "3. yes", "4. 7", "5. bc", "6. yes", "7. no", "8. yes", "9. no"]
text = "\n".join(lines) + "\n\nNgozi\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n"
case("letters_together_list_gmail", message("letters_together_list_gmail", text=text, frm=OKAFOR),
     expect({1: True, 2: False, 3: True, 4: 7, 5: ["evidence", "side_effects"], 6: True, 7: False, 8: True, 9: False}),
     "Gmail: 'bc' for the barriers: the letters of options b and c run together")

lines = ["1. yes", "2. no", "3. yes", "4. 7", "5. be", "6. yes", "7. no", "8. yes", "9. no"]
text = "\n".join(lines) + "\n\nNgozi\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n"
case("trap_letters_a_word_gmail", message("trap_letters_a_word_gmail", text=text, frm=OKAFOR),
     expect({1: True, 2: False, 3: True, 4: 7, 6: True, 7: False, 8: True, 9: False}, barriers=UNCLEAR),
     "trap: Gmail: 'be' for the barriers is a word (an answer cut short?), never options b and e: asked")

if __name__ == "__main__":
    for name, raw, expected in CASES:
        with open(os.path.join(OUT, name + ".eml"), "wb") as f:
            f.write(raw)
        with open(os.path.join(OUT, name + ".json"), "w") as f:
            json.dump(expected, f, indent=2, ensure_ascii=False)
            f.write("\n")
    print(f"{len(CASES)} cases written to {OUT}")
