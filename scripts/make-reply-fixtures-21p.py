#!/usr/bin/env python3
"""Writes the reply-corpus cases for the wrong values of issue 21's
fifteenth held-back set (tests/fixtures/heldback21p), each in our own
words and another client than the held-back case, with a near case beside
each that must still read: a value then the doctor saying they cannot
answer ("hard to say yes or no"), a yes taken back after "but" ("but we
wouldn't call it a protocol"), and a sentence about what should happen
("whatever guidance comes from this should ..."), which answers no
question of fact.
Reuses the helpers of make-reply-fixtures.py; writes only its own cases:
    python3 scripts/make-reply-fixtures-21p.py
"""
import os, runpy

HERE = os.path.dirname(os.path.abspath(__file__))
base = runpy.run_path(os.path.join(HERE, "make-reply-fixtures.py"), run_name="fixtures")
globals().update({k: v for k, v in base.items() if not k.startswith("__")})
CASES = []
case = reply_case_into(CASES)

OKAFOR = '"Dr Ngozi Okafor" <jack.clarke@north-hospice.test>'


# ---- a value, then the doctor saying they cannot answer ----
body = listed({**LISTED, 2: "Now and then, once they're on a driver anyway - hard to say yes or no really"}) + "\n\nNgozi"
case("cannot_say_after_a_value_thunderbird",
     message("cannot_say_after_a_value_thunderbird", text=thunderbird(body), frm=OKAFOR, mailer=THUNDERBIRD),
     expect(LISTED_EXPECT, early_adjuvant=UNCLEAR),
     "Thunderbird: '2. Now and then, once they're on a driver anyway - hard to say yes or no really': the "
     "doctor says they cannot answer: asked")

body = listed({**LISTED, 2: "Yes - I can say that without hesitation"}) + "\n\nNgozi"
case("trap_can_say_thunderbird",
     message("trap_can_say_thunderbird", text=thunderbird(body), frm=OKAFOR, mailer=THUNDERBIRD),
     expect({**LISTED_EXPECT, 2: True}),
     "trap: Thunderbird: '2. Yes - I can say that without hesitation': the doctor can say: yes")

# ---- a yes taken back after "but" ----
body = listed({**LISTED, 6: "Yes, there's a page on the intranet but we wouldn't call it a protocol"}) + "\n\nNgozi"
case("yes_taken_back_after_but_samsung",
     message("yes_taken_back_after_but_samsung", text=gmail(body), frm=OKAFOR, mailer=SAMSUNG),
     expect(LISTED_EXPECT, written_protocol=UNCLEAR),
     "Samsung Email: '6. Yes, there's a page on the intranet but we wouldn't call it a protocol': the yes "
     "is taken back after 'but': asked")

body = listed({**LISTED, 6: "Yes, there's one on the intranet but it is due for review"}) + "\n\nNgozi"
case("trap_yes_but_a_reason_samsung",
     message("trap_yes_but_a_reason_samsung", text=gmail(body), frm=OKAFOR, mailer=SAMSUNG),
     expect({**LISTED_EXPECT, 6: True}),
     "trap: Samsung Email: '6. Yes, there's one on the intranet but it is due for review': what follows "
     "'but' takes nothing back: yes")

# ---- a sentence about what should happen ----
body = (listed(WITHOUT_7) + "\n\nA lot of our work is in people's homes, so whatever guidance comes from this "
        "should suit the community services as well.\n\nNgozi")
case("prose_what_should_happen_apple_mail",
     message("prose_what_should_happen_apple_mail", text=apple(body), frm=OKAFOR, mailer=APPLE_MAIL),
     expect(WITHOUT_7_EXPECT),
     "Apple Mail: a list without 7, then 'whatever guidance comes from this should suit the community "
     "services as well': a wish, no answer to 7 (community guidance)")

body = (listed(WITHOUT_7) + "\n\nA lot of our work is in people's homes, so we wrote guidance with the "
        "community services in the autumn.\n\nNgozi")
case("trap_prose_what_was_done_apple_mail",
     message("trap_prose_what_was_done_apple_mail", text=apple(body), frm=OKAFOR, mailer=APPLE_MAIL),
     expect(WITHOUT_7_EXPECT, shared_guidance=inferred(True)),
     "trap: Apple Mail: a list without 7, then 'so we wrote guidance with the community services in the "
     "autumn': what was done: an inferred yes")

if __name__ == "__main__":
    write_cases(CASES)
