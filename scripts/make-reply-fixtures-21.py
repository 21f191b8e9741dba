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

def expect(values, **changes):
    """Expected answers from {question number: value} plus changes."""
    out = {IDS[q - 1]: (v if isinstance(v, dict) else ok(v)) for q, v in values.items()}
    out.update(changes)
    return out

def flowed(name, text, **kw):
    """Thunderbird's format=flowed: a line ending in a space goes on."""
    raw = message(name, text=text, cte="7bit" if text.isascii() else "quoted-printable", mailer="Mozilla Thunderbird", **kw)
    return raw.replace(b"Content-Type: text/plain; charset=\"utf-8\"", b"Content-Type: text/plain; charset=UTF-8; format=flowed")

TB_WROTE = "On 05/01/2026 09:00, Regional Palliative Care Audit Group wrote:"
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

if __name__ == "__main__":
    for name, raw, expected in CASES:
        with open(os.path.join(OUT, name + ".eml"), "wb") as f:
            f.write(raw)
        with open(os.path.join(OUT, name + ".json"), "w") as f:
            json.dump(expected, f, indent=2, ensure_ascii=False)
            f.write("\n")
    print(f"{len(CASES)} cases written to {OUT}")
