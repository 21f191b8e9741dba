#!/usr/bin/env python3
"""Writes the reply-corpus cases for two forms the previous reading
session reported as possibly counted wrong (issue 21, branch r21o), each in
our own words, with a near case beside each that must still be read: a
summary's exceptions followed by words that do not give their value ("Yes
to all except 3 and 7, where it's complicated": asked, never no), and a
"first N" line with three or more coded pieces ("First two yes, 3 = yes,
4 = 6, 5 = b, and yes to the rest").
Reuses the helpers of make-reply-fixtures.py; writes only its own cases:
    python3 scripts/make-reply-fixtures-21o.py
"""
import os, runpy

HERE = os.path.dirname(os.path.abspath(__file__))
base = runpy.run_path(os.path.join(HERE, "make-reply-fixtures.py"), run_name="fixtures")
globals().update({k: v for k, v in base.items() if not k.startswith("__")})
CASES = []
case = reply_case_into(CASES)

OKAFOR = '"Dr Ngozi Okafor" <jack.clarke@north-hospice.test>'

REST = "\n\nConfidence 5. Barriers: mainly the side effects.\n\nNgozi"
SUMMARY_YES = {1: True, 2: True, 4: 5, 5: ["side_effects"], 6: True, 8: True, 9: True}

# ---- a summary's exceptions, then words that do not say their value ----
body = "Yes to all except 3 and 7, where it's complicated." + REST
case("summary_exceptions_complicated_thunderbird",
     message("summary_exceptions_complicated_thunderbird", text=thunderbird(body), frm=OKAFOR, mailer=THUNDERBIRD),
     expect(SUMMARY_YES, opioid_sparing=UNCLEAR, shared_guidance=UNCLEAR),
     "Thunderbird: 'Yes to all except 3 and 7, where it's complicated.': the exceptions' value is not said, "
     "complicated is no no: 3 and 7 asked, the rest yes")

body = "Yes to everything apart from 3 and 7, which I'll come back to you on." + REST
case("summary_exceptions_come_back_samsung",
     message("summary_exceptions_come_back_samsung", text=gmail(body), frm=OKAFOR, mailer=SAMSUNG),
     expect(SUMMARY_YES, opioid_sparing=UNCLEAR, shared_guidance=UNCLEAR),
     "Samsung Email: 'Yes to everything apart from 3 and 7, which I'll come back to you on.': deferred, not no: "
     "3 and 7 asked")

body = "Yes to all except 3 and 7, it varies by team." + REST
case("summary_exceptions_it_varies_apple_mail",
     message("summary_exceptions_it_varies_apple_mail", text=apple(body), frm=OKAFOR, mailer=APPLE_MAIL),
     expect(SUMMARY_YES, opioid_sparing=UNCLEAR, shared_guidance=UNCLEAR),
     "Apple Mail: 'Yes to all except 3 and 7, it varies by team.': a doubt after the exceptions: 3 and 7 "
     "asked, never no")

body = "Yes to all except 3 and 7, where it's a no." + REST
case("trap_summary_exceptions_a_no_thunderbird",
     message("trap_summary_exceptions_a_no_thunderbird", text=thunderbird(body), frm=OKAFOR, mailer=THUNDERBIRD),
     expect({**SUMMARY_YES, 3: False, 7: False}),
     "trap: Thunderbird: 'Yes to all except 3 and 7, where it's a no.': the words after the exceptions say no: "
     "3 and 7 no, as before")

body = "Yes to all except 3 and 7." + REST
case("trap_summary_exceptions_bare_apple_mail",
     message("trap_summary_exceptions_bare_apple_mail", text=apple(body), frm=OKAFOR, mailer=APPLE_MAIL),
     expect({**SUMMARY_YES, 3: False, 7: False}),
     "trap: Apple Mail: 'Yes to all except 3 and 7.': nothing after the exceptions: 3 and 7 no, as before")

# ---- "first N" with three or more coded pieces ----
body = "First two yes, 3 = yes, 4 = 6, 5 = b, and yes to the rest.\n\nNgozi"
case("first_two_three_coded_pieces_apple_mail",
     message("first_two_three_coded_pieces_apple_mail", text=apple(body), frm=OKAFOR, mailer=APPLE_MAIL),
     expect({1: True, 2: True, 3: True, 4: 6, 5: ["evidence"], 6: True, 7: True, 8: True, 9: True}),
     "Apple Mail: 'First two yes, 3 = yes, 4 = 6, 5 = b, and yes to the rest.': the first two by place, 3, 4 "
     "and 5 by number, the rest (6-9) yes")

body = "First two no, 3 = yes, 4 = 6, 5 = b, 6 = no, and yes to the rest.\n\nNgozi"
case("first_two_four_coded_pieces_thunderbird",
     message("first_two_four_coded_pieces_thunderbird", text=thunderbird(body), frm=OKAFOR, mailer=THUNDERBIRD),
     expect({1: False, 2: False, 3: True, 4: 6, 5: ["evidence"], 6: False, 7: True, 8: True, 9: True}),
     "Thunderbird: 'First two no, 3 = yes, 4 = 6, 5 = b, 6 = no, and yes to the rest.': four pieces by number "
     "between the places; the rest (7-9) yes")

body = "First two yes, 3 = yes, 4 = 6, 5 = b, 3 = no, and yes to the rest.\n\nNgozi"
case("trap_first_two_coded_piece_twice_samsung",
     message("trap_first_two_coded_piece_twice_samsung", text=gmail(body), frm=OKAFOR, mailer=SAMSUNG),
     expect({1: True, 2: True, 4: 6, 5: ["evidence"], 6: True, 7: True, 8: True, 9: True}, opioid_sparing=UNCLEAR),
     "trap: Samsung Email: 'First two yes, 3 = yes, 4 = 6, 5 = b, 3 = no, and yes to the rest.': 3 given yes "
     "and no on one line: asked, never the first of them; the others as written")

if __name__ == "__main__":
    write_cases(CASES)
