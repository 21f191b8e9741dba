#!/usr/bin/env python3
"""Writes the reply-corpus cases for the wrong values of issue 21's sixth
held-back set (tests/fixtures/heldback21f) and the two left from the fourth
(heldback21d), each in our own words and another client than the held-back
case, with siblings and traps the sets do not have: a listed answer that a
sentence of the doctor's own contradicts in other words ("I keep it for the
final days", "we put two patients on it to cut their morphine back", "I've
never prescribed it myself"), hedges that stand for a no or a yes ("Not
really", "not as such", "rarely if ever", "more or less"), and a P.S. below
the sign-off that says an answer again by its number ("so 6 is a yes after
all"). Reuses the helpers of make-reply-fixtures.py; writes only its own
cases:
    python3 scripts/make-reply-fixtures-21g.py
"""
import os, runpy

HERE = os.path.dirname(os.path.abspath(__file__))
base = runpy.run_path(os.path.join(HERE, "make-reply-fixtures.py"), run_name="fixtures")
globals().update({k: v for k, v in base.items() if not k.startswith("__")})
CASES = []


def case(name, raw, answers, note, missing=None):
    if missing is None:
        missing = [i for i in REQUIRED if i not in answers]
    CASES.append((name, raw, {"note": note, "kind": "reply", "token": TOKEN, "bounced_recipient": None,
                              "answers": answers, "missing": missing}))


def expect(values, **changes):
    out = {IDS[q - 1]: (v if isinstance(v, dict) else ok(v)) for q, v in values.items()}
    out.update(changes)
    return out


NAIR = '"Dr Priya Nair" <jack.clarke@north-hospice.test>'
APPLE = "On 5 Jan 2026, at 09:00, Regional Palliative Care Audit Group <survey@survey.test> wrote:"
TB = "On 05/01/2026 09:00, Regional Palliative Care Audit Group wrote:"


def apple(top, signature=""):
    return top + "\n\n" + signature + "> " + APPLE + "\n> \n" + quote(INV_TEXT) + "\n"


def thunderbird(top):
    return top + "\n\n" + TB + "\n" + quote(INV_TEXT) + "\n"


def outlook(top):
    return top + "\n\n" + OUTLOOK_HEADER_TEXT + "\n" + INV_TEXT + "\n"


def owa_html(top_lines):
    """Outlook on the web, HTML only: the doctor's lines, a rule, the
    original unquoted below its header."""
    return ('<html><body><div style="font-family:Aptos,sans-serif;font-size:12pt">'
            + "".join(f"<div>{l if l else '<br>'}</div>" for l in top_lines)
            + '</div>' + OUTLOOK_HEADER_HTML + INV_HTML_BODY + '</body></html>')


# ---- a listed answer contradicted in other words, with no word of correction ----
LIST = ["1. Yes", "2. Yes", "3. No", "4. 5", "5. b", "6. No", "7. No", "8. Yes", "9. Yes"]
VALUES = {1: True, 2: True, 3: False, 4: 5, 5: ["evidence"], 6: False, 7: False, 8: True, 9: True}
text = apple("\n".join(LIST) + "\n\nIn practice I tend to keep ketamine for the final days, once the usual drugs have stopped "
             "working.\n\nPriya")
case("contradiction_keep_for_final_days_apple_mail",
     message("contradiction_keep_for_final_days_apple_mail", text=text, frm=NAIR, mailer="Apple Mail (2.3774.300.61.1.2)"),
     expect(VALUES, early_adjuvant=UNCLEAR),
     "Apple Mail: '2. Yes' (used early in pain relief), then 'I tend to keep ketamine for the final days': the use kept to the "
     "end contradicts the yes with no word of correction: asked")

text = thunderbird("\n".join(LIST) + "\n\nLast winter I put two patients on it so we could cut their morphine back, as "
                   "they were very sedated.\n\nPriya")
case("contradiction_cut_morphine_back_thunderbird",
     message("contradiction_cut_morphine_back_thunderbird", text=text, frm=NAIR, mailer="Mozilla Thunderbird 128.5.0"),
     expect(VALUES, opioid_sparing=UNCLEAR),
     "Thunderbird: '3. No' (used to reduce the opioid dose for side effects), then 'I put two patients on it so we could cut "
     "their morphine back, as they were very sedated': the same deed in other words, a contradiction: asked")

LIST2 = ["1. Yes", "2. No", "3. Yes", "4. 3", "5. a", "6. Yes", "7. No", "8. Yes", "9. Yes"]
VALUES2 = {1: True, 2: False, 3: True, 4: 3, 5: ["expertise"], 6: True, 7: False, 8: True, 9: True}
text = ("\n".join(LIST2) + "\n\nTo be honest I've never actually prescribed it myself.\n\nPriya\n\nSent from my iPhone\n\n> "
        + APPLE + "\n> \n" + quote(INV_TEXT) + "\n")
case("contradiction_never_prescribed_myself_iphone",
     message("contradiction_never_prescribed_myself_iphone", text=text, frm=NAIR, mailer="iPhone Mail (22B83)"),
     expect(VALUES2, end_of_life=UNCLEAR, opioid_sparing=UNCLEAR),
     "iPhone: yes to using ketamine at the end of life and to spare opioids, then 'I've never actually prescribed it myself': "
     "both yeses contradicted, asked; the no to early use agrees and stands")

text = outlook("\n".join(LIST) + "\n\nThanks\nPriya\n\nPS I only ever start ketamine right at the end of life.")
case("contradiction_postscript_limit_outlook",
     message("contradiction_postscript_limit_outlook", text=text, frm=NAIR, subject="RE: " + SUBJECT,
             mailer="Microsoft Outlook 16.0"),
     expect(VALUES, early_adjuvant=UNCLEAR),
     "Outlook: a P.S. below the sign-off, above the unquoted original, 'I only ever start ketamine right at the end of life' "
     "against '2. Yes': the doctor's own text, a contradiction: asked")

LIST3 = ["1. Yes", "2. No", "3. Yes", "4. 7", "5. c", "6. Yes", "7. No", "8. No", "9. Yes"]
VALUES3 = {1: True, 2: False, 3: True, 4: 7, 5: ["side_effects"], 6: True, 7: False, 8: False, 9: True}
text = (("\n".join(LIST3) + "\n\nI only really use it in the last days of life, mostly switching people onto it to get "
         "the oxycodone down when they are drowsy.\n\nPriya\n\n") + WROTE + "\n" + quote(INV_TEXT) + "\n")
case("trap_comment_agrees_with_list_gmail",
     message("trap_comment_agrees_with_list_gmail", text=text, frm=NAIR),
     expect(VALUES3),
     "trap, Gmail: the comment keeps the use to the last days (2 is no) and tells of bringing the opioid down (3 is yes): it "
     "agrees with every listed answer, which stand")

# ---- hedges that stand for a no or a yes ----
LIST4 = ["1. Yes", "2. Rarely, if ever", "3. Not really", "4. 6", "5. a", "6. Not as such", "7. Sort of",
         "8. More or less", "9. Yes"]
text = "Hi Asha,\n\n" + "\n".join(LIST4) + "\n\nPriya\n\n" + OUTLOOK_HEADER_TEXT + "\n" + INV_TEXT + "\n"
case("hedges_not_really_outlook_mac",
     message("hedges_not_really_outlook_mac", text=text, frm=NAIR, subject="Re: " + SUBJECT, mailer="Microsoft Outlook 16.92"),
     expect({1: True, 4: 6, 5: ["expertise"], 9: True}, early_adjuvant=UNCLEAR, opioid_sparing=UNCLEAR,
            written_protocol=UNCLEAR, shared_guidance=UNCLEAR, training=UNCLEAR),
     "Outlook for Mac: 'Rarely, if ever', 'Not really', 'Not as such', 'Sort of', 'More or less' stand for a no or a yes "
     "without saying it: hedges, asked")

lines = ["1. Yes - no doubt", "2. No, not really", "3. Hardly ever", "4. 8", "5. b", "6. Yes in theory, but nobody follows it",
         "7. Not especially", "8. Yes, a bit", "9. Yes"]
case("hedges_softened_answers_owa",
     message("hedges_softened_answers_owa", html=owa_html(lines), frm=NAIR, subject="RE: " + SUBJECT),
     expect({1: True, 4: 8, 5: ["evidence"], 9: True}, early_adjuvant=UNCLEAR, opioid_sparing=UNCLEAR,
            written_protocol=UNCLEAR, shared_guidance=UNCLEAR, training=UNCLEAR),
     "Outlook on the web, HTML only: 'No, not really', 'Hardly ever', 'Yes in theory, but ...', 'Not especially', 'Yes, a "
     "bit': softened answers, asked; 'Yes - no doubt' is a yes")

lines = ["1. Rarely - twice in ten years", "2. Never", "3. No, not at all", "4. 6", "5. a", "6. Not yet",
         "7. Yes, since 2024", "8. Yes, if at all possible", "9. Absolutely"]
VALUES5 = {1: True, 2: False, 3: False, 4: 6, 5: ["expertise"], 6: False, 7: True, 8: True, 9: True}
text = thunderbird("\n".join(lines) + "\n\nPriya")
case("trap_answers_near_hedges_thunderbird",
     message("trap_answers_near_hedges_thunderbird", text=text, frm=NAIR, mailer="Mozilla Thunderbird 128.5.0"),
     expect(VALUES5),
     "trap, Thunderbird: 'Rarely - twice in ten years' (how often: yes), 'Never', 'No, not at all', 'Not yet', 'Yes, if at "
     "all possible' are answers, not hedges")

# ---- a P.S. below the sign-off that says an answer again by its number ----
LIST6 = ["1) Yes", "2) No", "3) Yes", "4) 6", "5) a, b", "6) No", "7) No", "8) Yes", "9) Yes"]
VALUES6 = {1: True, 2: False, 3: True, 4: 6, 5: ["expertise", "evidence"], 6: False, 7: False, 8: True, 9: True}
text = outlook("Hello,\n\n" + "\n".join(LIST6) + "\n\nKind regards\nPriya\n\nPS Having spoken to pharmacy this morning, we do "
               "have a protocol after all, so 6 is a yes.")
case("correction_ps_after_all_below_signoff_outlook",
     message("correction_ps_after_all_below_signoff_outlook", text=text, frm=NAIR, subject="RE: " + SUBJECT,
             mailer="Microsoft Outlook 16.0"),
     expect(VALUES6, written_protocol=ok(True)),
     "Outlook: below the sign-off and above the unquoted original, 'PS ... we do have a protocol after all, so 6 is a yes': "
     "the answer said again by its number with a word of correction ('after all'): the correction wins")

lines = LIST6 + ["", "Best wishes", "Priya", "",
                 "P.S. Apologies, I read 9 wrong – I do think more research is needed, so 9 is a yes."]
lines[8] = "9) No"
case("correction_ps_read_wrong_owa",
     message("correction_ps_read_wrong_owa", html=owa_html(lines), frm=NAIR, subject="RE: " + SUBJECT),
     expect({**VALUES6, 9: True}),
     "Outlook on the web, HTML only: '9) No', then below the sign-off 'Apologies, I read 9 wrong – ..., so 9 is a yes': "
     "the correction wins")

text = outlook("Hello,\n\n" + "\n".join(LIST6) + "\n\nKind regards\nPriya\n\nPS 7 is a yes.")
case("trap_ps_says_again_without_correction_outlook",
     message("trap_ps_says_again_without_correction_outlook", text=text, frm=NAIR, subject="RE: " + SUBJECT,
             mailer="Microsoft Outlook 16.0"),
     expect(VALUES6, shared_guidance=UNCLEAR),
     "trap, Outlook: '7) No' in the list, then 'PS 7 is a yes' with no word of correction: answered twice, differently: asked")

lines6 = [l if not l.startswith("7)") else "7) Yes - with the district nurses" for l in LIST6]
text = apple("\n".join(lines6) + "\n\nThanks,\nPriya\n\nPS so 7 is a yes, just to be clear.")
case("trap_ps_says_again_the_same_apple_mail",
     message("trap_ps_says_again_the_same_apple_mail", text=text, frm=NAIR, mailer="Apple Mail (2.3774.300.61.1.2)"),
     expect({**VALUES6, 7: ok(True, "with the district nurses")}),
     "trap, Apple Mail: '7) Yes - with the district nurses', then 'PS so 7 is a yes, just to be clear': said again the same, "
     "the yes stands")

if __name__ == "__main__":
    write_cases(CASES)
