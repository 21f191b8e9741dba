#!/usr/bin/env python3
"""Writes the reply-corpus cases for the wrong values of issue 21's fourth
held-back set (tests/fixtures/heldback21d), each in our own words and
another client than the held-back case: a yes to "have a written ..."
whose own words say the thing is unfinished ("only in draft", "awaiting
sign-off"), and a doubt below the list about what the doctor's service
has ("not sure we have a protocol"). Reuses the helpers of
make-reply-fixtures.py; writes only its own cases:
    python3 scripts/make-reply-fixtures-21d.py
"""
import json, os, runpy

HERE = os.path.dirname(os.path.abspath(__file__))
base = runpy.run_path(os.path.join(HERE, "make-reply-fixtures.py"), run_name="fixtures")
globals().update({k: v for k, v in base.items() if not k.startswith("__")})
CASES = []
case = reply_case_into(CASES)



OSEI = '"Dr Kwame Osei" <jack.clarke@north-hospice.test>'
VALUES = {1: True, 2: False, 3: True, 4: 6, 5: ["side_effects"], 7: False, 8: True, 9: True}

# ---- a yes whose own words say the thing is unfinished ----
lines = ["1. Yes", "2. No", "3. Yes", "4. 6", "5. c",
         "6. Yes, though it's only in draft and awaiting sign-off from the drugs committee",
         "7. No", "8. Yes", "9. Yes"]
text = "\n".join(lines) + "\n\nKwame\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n"
case("unfinished_protocol_in_draft_gmail", message("unfinished_protocol_in_draft_gmail", text=text, frm=OSEI),
     expect(VALUES, written_protocol=UNCLEAR),
     "Gmail: '6. Yes, though it's only in draft and awaiting sign-off': a protocol in draft is not yet a written protocol, asked")

lines = ["1. Yes", "2. No", "3. Yes", "4. 6", "5. c",
         "6. We've drafted one - still waiting to be approved",
         "7. No", "8. Yes", "9. Yes"]
text = "\n".join(lines) + "\n\nKwame\n\nSent from my iPhone\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n"
case("unfinished_protocol_drafted_iphone", message("unfinished_protocol_drafted_iphone", text=text, frm=OSEI, mailer="iPhone Mail (22B83)"),
     expect(VALUES, written_protocol=UNCLEAR),
     "iPhone: 'We've drafted one - still waiting to be approved': unfinished, asked")

lines = ["1. Yes", "2. No", "3. Yes", "4. 6", "5. c",
         "6. Yes - the draft from 2023 was signed off last spring",
         "7. No", "8. Yes", "9. Yes"]
text = "\n".join(lines) + "\n\nKwame\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n"
case("trap_protocol_draft_since_signed_off_gmail", message("trap_protocol_draft_since_signed_off_gmail", text=text, frm=OSEI),
     expect({**VALUES, 6: True}),
     "trap: 'Yes - the draft from 2023 was signed off last spring': finished, a yes")

# ---- a doubt below the list about what the service has ----
lines = ["1. Yes", "2. No", "3. Yes", "4. 6", "5. c", "6. Yes", "7. No", "8. Yes", "9. Yes"]
text = "\n".join(lines) + "\n\nThinking about it I'm not sure we actually have a protocol - I'll ask our pharmacist.\n\nKwame\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n"
case("doubt_not_sure_we_have_below_list_gmail", message("doubt_not_sure_we_have_below_list_gmail", text=text, frm=OSEI),
     expect(VALUES, written_protocol=UNCLEAR),
     "Gmail: '6. Yes', then below the list 'not sure we actually have a protocol': the yes is in doubt, asked")

# ---- a yes said loosely ----
lines = ["1. Yes", "2. No", "3. Yes", "4. 6", "5. c",
         "6. Yes, kind of - we follow the regional palliative formulary",
         "7. No", "8. Yes", "9. Yes"]
text = "\n".join(lines) + "\n\nKwame\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n"
case("loose_yes_kind_of_gmail", message("loose_yes_kind_of_gmail", text=text, frm=OSEI),
     expect(VALUES, written_protocol=UNCLEAR),
     "Gmail: '6. Yes, kind of - we follow the regional formulary': a yes said loosely, asked")

if __name__ == "__main__":
    write_cases(CASES)
