#!/usr/bin/env python3
"""Writes the reply-corpus cases for the forms issue 21's fourth and fifth
held-back sets (tests/fixtures/heldback21d, heldback21e) missed, each in
our own words and often another client than the held-back case, with
traps beside them: the doctor's own mail to someone else (a lead's own
address, a secretary) passed on below a note, its header block left
unquoted by Outlook. Reuses the helpers of make-reply-fixtures.py; writes
only its own cases:
    python3 scripts/make-reply-fixtures-21d-misses.py
"""
import json, os, runpy

HERE = os.path.dirname(os.path.abspath(__file__))
base = runpy.run_path(os.path.join(HERE, "make-reply-fixtures.py"), run_name="fixtures")
globals().update({k: v for k, v in base.items() if not k.startswith("__")})
CASES = []
case = reply_case_into(CASES)



OKAFOR = '"Dr Ngozi Okafor" <jack.clarke@north-hospice.test>'
OKAFOR_BLOCK = "Okafor Ngozi <jack.clarke@north-hospice.test>"


def block(frm, to, sent, subject):
    """An Outlook header block, left unquoted above the mail it heads."""
    return f"From: {frm}\nSent: {sent}\nTo: {to}\nSubject: {subject}\n"


# ---- the doctor's own mail to someone else, passed on below a note ----
LIST = ["Q1 - no", "Q2 - yes", "Q3 - yes", "Q4 - 5", "Q5 - b and c", "Q6 - no", "Q7 - yes", "Q8 - yes", "Q9 - no"]
VALUES = {1: False, 2: True, 3: True, 4: 5, 5: ["evidence", "side_effects"], 6: False, 7: True, 8: True, 9: False}
text = ("Passing these on - they went to Asha's own inbox on Friday instead of the survey one.\n\nNgozi\n\n"
        + block(OKAFOR_BLOCK, "Rahman Asha <lead@survey.test>", "09 January 2026 16:20", "RE: " + SUBJECT)
        + "\nHi Asha,\n\n" + "\n".join(LIST) + "\n\nBest,\nNgozi\n\n"
        + OUTLOOK_HEADER_TEXT + "\n" + INV_TEXT + "\n")
case("own_mail_to_lead_passed_on_outlook",
     message("own_mail_to_lead_passed_on_outlook", text=text, frm=OKAFOR, subject="FW: RE: " + SUBJECT,
             mailer="Microsoft Outlook 16.0"),
     expect(VALUES),
     "Outlook: the doctor passes on her own mail that went to the lead's own address (its From/Sent/To block unquoted, "
     "from her, to someone who is not the survey's inbox): that mail is hers, never ours, and nothing above it answers: "
     "its list is read as the top of a reply")

LIST2 = ["1) Yes", "2) No", "3) No", "4) 8", "5) a", "6) Yes", "7) No", "8) No", "9) Yes"]
VALUES2 = {1: True, 2: False, 3: False, 4: 8, 5: ["expertise"], 6: True, 7: False, 8: False, 9: True}
text = ("Dear survey team,\n\nOn behalf of Dr Okafor - her replies are in her note to me below.\n\nKind regards\n"
        "Tom Price\nMedical Secretary\n\n"
        + block(OKAFOR_BLOCK, "Price Tom <tom.price@north-hospice.test>", "12 January 2026 07:55", "survey answers")
        + "\nTom, could you reply to the audit group with these for me? Thanks\n\n" + "\n".join(LIST2) + "\n\nN\n\n"
        + OUTLOOK_HEADER_TEXT + "\n" + INV_TEXT + "\n")
case("own_mail_to_secretary_passed_on_outlook",
     message("own_mail_to_secretary_passed_on_outlook", text=text,
             frm='"Price, Tom" <tom.price@north-hospice.test>', subject="RE: " + SUBJECT, mailer="Microsoft Outlook 16.0"),
     expect(VALUES2),
     "Outlook: a secretary replies with the doctor's own note to him below (From the doctor, To the secretary): the note's "
     "list is the doctor's answers, read as the top (held for the doctor's confirmation by the daemon, as any reply from "
     "another address)")

text = ("Did these reach you? I haven't had a receipt.\n\nNgozi\n\n"
        + block(OKAFOR_BLOCK, f"Regional Palliative Care Audit Group <{REPLY_TO}>", "09 January 2026 16:20", "RE: " + SUBJECT)
        + "\n" + "\n".join(LIST) + "\n\nNgozi\n\n" + OUTLOOK_HEADER_TEXT + "\n" + INV_TEXT + "\n")
case("trap_own_reply_to_survey_below_outlook",
     message("trap_own_reply_to_survey_below_outlook", text=text, frm=OKAFOR, subject="RE: " + SUBJECT,
             mailer="Microsoft Outlook 16.0"),
     {},
     "trap: Outlook: below her question, her earlier reply to the survey's own address: that reply reached the survey and "
     "was read then; this message answers nothing itself")

text = ("Happy to help.\n\nNgozi\n\n"
        + block("Rahman Asha <lead@survey.test>", OKAFOR_BLOCK, "08 January 2026 11:02", "FW: " + SUBJECT)
        + "\nNgozi - could you do this one? My guess would be:\n\n" + "\n".join(LIST2) + "\n\nAsha\n\n"
        + OUTLOOK_HEADER_TEXT + "\n" + INV_TEXT + "\n")
case("trap_lead_mail_below_outlook",
     message("trap_lead_mail_below_outlook", text=text, frm=OKAFOR, subject="RE: FW: " + SUBJECT,
             mailer="Microsoft Outlook 16.0"),
     {},
     "trap: Outlook: the block below is the lead's mail to the doctor (From a lead): its list is the lead's words, "
     "never the doctor's answers")

# ---- a summary whose exceptions come with their reason ----
APPLE = "On 5 Jan 2026, at 09:00, Regional Palliative Care Audit Group <survey@survey.test> wrote:"
text = ("Yes to all but 2 and 6 \u2013 never used it early on, and no written protocol yet.\nConfidence 7\nBarriers: c\n\nNgozi\n\n"
        + WROTE + "\n" + quote(INV_TEXT) + "\n")
case("summary_exceptions_with_reason_gmail", message("summary_exceptions_with_reason_gmail", text=text, frm=OKAFOR),
     expect({1: True, 2: False, 3: True, 4: 7, 5: ["side_effects"], 6: False, 7: True, 8: True, 9: True}),
     "Gmail: 'Yes to all but 2 and 6 - never used it early on, and no written protocol yet': the words after the dash "
     "name only the excepted questions and say no, as the exceptions are: their reason, and the summary is read")

text = ("No to everything except 1 and 9; used it in the dying patient, and research is overdue.\nConfidence 2, barriers a and b\n\nNgozi\n\n"
        + APPLE + "\n\n" + quote(INV_TEXT) + "\n")
case("summary_exceptions_yes_with_reason_apple_mail",
     message("summary_exceptions_yes_with_reason_apple_mail", text=text, frm=OKAFOR, mailer="Apple Mail (2.3774.300.61.1.2)"),
     expect({1: True, 2: False, 3: False, 4: 2, 5: ["expertise", "evidence"], 6: False, 7: False, 8: False, 9: True}),
     "Apple Mail: 'No to everything except 1 and 9; used it in the dying patient, and research is overdue': the reason "
     "after the semicolon names only the exceptions and gives them their yes (no negation): the summary is read")

# ---- a yes whose first key slipped along the row ----
lines = ["1. Yes", "2. Tes", "3. No", "4. 6", "5. b", "6. Ues", "7. Mo", "8. Yes", "9. Tes, definitely"]
text = "\n".join(lines) + "\n\nNgozi\n\nSent from my iPhone\n\n> " + APPLE + "\n> \n" + quote(INV_TEXT) + "\n"
case("typos_first_key_slipped_iphone", message("typos_first_key_slipped_iphone", text=text, frm=OKAFOR, mailer="iPhone Mail (22B83)"),
     expect({1: True, 2: True, 3: False, 4: 6, 5: ["evidence"], 6: True, 7: False, 8: True, 9: ok(True, "definitely")}),
     "iPhone: 'Tes' and 'Ues' are yes with the first key slipped to its neighbour on the row (t, u beside y); 'Mo' is no "
     "with its first key slipped the same way (m beside n; issue 21, sixth set)")

# ---- a short follow-up: the new answer first, then the question, then the old one taken back ----
QUOTED = ["1. Yes", "2. No", "3. Yes", "4. 3", "5. a", "6. No", "7. No", "8. Yes", "9. Yes"]
text = ("Apologies - meant to put 5 for question 4, not 3. The rest is fine.\n\nNgozi\n\n"
        "On Tue, 6 Jan 2026 at 10:12, Dr Ngozi Okafor <jack.clarke@north-hospice.test> wrote:\n\n"
        + quote("\n".join(QUOTED) + "\n\nNgozi\n\n" + WROTE + "\n\n" + quote(INV_TEXT)) + "\n")
case("followup_meant_to_put_for_question_gmail",
     message("followup_meant_to_put_for_question_gmail", text=text, frm=OKAFOR),
     expect({4: 5}),
     "Gmail: a follow-up above the doctor's own quoted reply: 'meant to put 5 for question 4, not 3' (the new answer, "
     "the question, the old answer after 'not') corrects 4; the quoted list is not this message's answers")

# ---- a reason first, then "so yes" ----
lines = ["1. Yes", "2. We only add it once the opioids have failed - so no", "3. Yes", "4. 7", "5. c",
         "6. We have a draft, but it isn't signed off, so no", "7. No", "8. Always keen to learn, so yes", "9. Yes"]
html = ('<html><body><div>' + "<br>".join(lines) + '<br><br>Ngozi</div>' + OUTLOOK_HEADER_HTML + INV_HTML_BODY + '</body></html>')
case("reason_then_so_yes_owa", message("reason_then_so_yes_owa", html=html, frm=OKAFOR, subject="RE: " + SUBJECT),
     expect({1: True, 2: ok(False, "We only add it once the opioids have failed"), 3: True, 4: 7, 5: ["side_effects"], 7: False,
             8: ok(True, "Always keen to learn"), 9: True}, written_protocol=UNCLEAR),
     "Outlook on the web, HTML only: 'Always keen to learn, so yes' and '... - so no': a reason first, then 'so' and a bare "
     "yes or no ends the answer; '... a draft, but it isn't signed off, so no' has a contrast in its reason: asked")

if __name__ == "__main__":
    write_cases(CASES)
