#!/usr/bin/env python3
"""Writes the reply-corpus cases for the wrong values of issue 21's
thirteenth and fourteenth held-back sets (tests/fixtures/heldback21n,
heldback21o), each in our own words and another client than the held-back
case, with a trap beside each: a value then doubt about the fact itself
("it may have been", "Once? Not sure if"), "none ... except" an exception
named, "nothing ... yet" in a sentence about a question, and a sentence
that names question 10 by its number and so answers no other question;
reasons that only hold "may" or "none" keep reading as before.
Reuses the helpers of make-reply-fixtures.py; writes only its own cases:
    python3 scripts/make-reply-fixtures-21n.py
"""
import os, runpy

HERE = os.path.dirname(os.path.abspath(__file__))
base = runpy.run_path(os.path.join(HERE, "make-reply-fixtures.py"), run_name="fixtures")
globals().update({k: v for k, v in base.items() if not k.startswith("__")})
CASES = []
case = reply_case_into(CASES)

OKAFOR = '"Dr Ngozi Okafor" <jack.clarke@north-hospice.test>'


# ---- a value, then doubt about the fact itself ----
body = listed({**LISTED, 3: "Yes - although it may have been the registrar's decision rather than mine"}) + "\n\nNgozi"
case("doubt_may_have_been_thunderbird",
     message("doubt_may_have_been_thunderbird", text=thunderbird(body), frm=OKAFOR, mailer=THUNDERBIRD),
     expect(LISTED_EXPECT, opioid_sparing=UNCLEAR),
     "Thunderbird: '3. Yes - although it may have been the registrar's decision rather than mine': the doctor "
     "doubts the fact the yes stands for: asked")

body = listed({**LISTED, 3: "Yes - the family may want it at home too"}) + "\n\nNgozi"
case("trap_doubt_may_in_a_reason_thunderbird",
     message("trap_doubt_may_in_a_reason_thunderbird", text=thunderbird(body), frm=OKAFOR, mailer=THUNDERBIRD),
     expect({**LISTED_EXPECT, 3: True}),
     "trap: Thunderbird: '3. Yes - the family may want it at home too': 'may' in a reason doubts nothing: yes")

body = listed({**LISTED, 2: "Yes? Not sure if it was in the first week of the pain"}) + "\n\nNgozi"
case("doubt_value_queried_samsung",
     message("doubt_value_queried_samsung", text=gmail(body), frm=OKAFOR, mailer=SAMSUNG),
     expect(LISTED_EXPECT, early_adjuvant=UNCLEAR),
     "Samsung Email: '2. Yes? Not sure if it was in the first week of the pain': a question mark on the value "
     "and doubt about the fact: asked")

body = listed({**LISTED, 2: "Yes. Not sure why it isn't done more"}) + "\n\nNgozi"
case("trap_doubt_not_sure_why_samsung",
     message("trap_doubt_not_sure_why_samsung", text=gmail(body), frm=OKAFOR, mailer=SAMSUNG),
     expect({**LISTED_EXPECT, 2: True}),
     "trap: Samsung Email: '2. Yes. Not sure why it isn't done more': wondering about something else: yes")

# ---- none, except an exception named ----
body = listed({**LISTED, 5: "None really, except for the occasional patient with nightmares"}) + "\n\nNgozi"
case("none_except_named_apple_mail",
     message("none_except_named_apple_mail", text=apple(body), frm=OKAFOR, mailer=APPLE_MAIL),
     expect(LISTED_EXPECT, barriers=UNCLEAR),
     "Apple Mail: '5. None really, except for the occasional patient with nightmares': an exception named "
     "after none contradicts it: asked")

body = listed({**LISTED, 5: "None really"}) + "\n\nNgozi"
case("trap_none_really_apple_mail",
     message("trap_none_really_apple_mail", text=apple(body), frm=OKAFOR, mailer=APPLE_MAIL),
     expect({**LISTED_EXPECT, 5: ["none"]}),
     "trap: Apple Mail: '5. None really': no exception named: no barriers")

# ---- "nothing ... yet" in a sentence ----
body = (listed(WITHOUT_7) + "\n\nNothing agreed with the community services yet, though they keep asking."
        "\n\nNgozi")
case("prose_nothing_yet_thunderbird",
     message("prose_nothing_yet_thunderbird", text=thunderbird(body), frm=OKAFOR, mailer=THUNDERBIRD),
     expect(WITHOUT_7_EXPECT, shared_guidance=inferred(False)),
     "Thunderbird: a list without 7, then 'Nothing agreed with the community services yet': 'nothing' "
     "negates: an inferred no, never a yes")

body = (listed(WITHOUT_7) + "\n\nWe agreed guidance with the community services in the spring."
        "\n\nNgozi")
case("trap_prose_agreed_thunderbird",
     message("trap_prose_agreed_thunderbird", text=thunderbird(body), frm=OKAFOR, mailer=THUNDERBIRD),
     expect({**WITHOUT_7_EXPECT}, shared_guidance=inferred(True)),
     "trap: Thunderbird: a list without 7, then 'We agreed guidance with the community services in the "
     "spring': no negation: an inferred yes")

# ---- a sentence naming question 10 by its number ----
body = (listed(LISTED) + "\n\nAnd for 10: the community services find the liquid hard to get hold of."
        "\n\nNgozi")
case("for_ten_names_its_question_samsung",
     message("for_ten_names_its_question_samsung", text=gmail(body), frm=OKAFOR, mailer=SAMSUNG),
     expect(LISTED_EXPECT),
     "Samsung Email: a list, then 'And for 10: the community services find the liquid hard to get hold of': "
     "the sentence names question 10, never an answer to 7 (community guidance)")

# ---- a safe miss: "None (d)" ----
body = listed({**LISTED, 5: "Nothing (d)"}) + "\n\nNgozi"
case("none_then_its_letter_apple_mail",
     message("none_then_its_letter_apple_mail", text=apple(body), frm=OKAFOR, mailer=APPLE_MAIL),
     expect({**LISTED_EXPECT, 5: ["none"]}),
     "Apple Mail: '5. Nothing (d)': the exclusive option's word and its own letter: no barriers")

body = listed({**LISTED, 5: "None (b)"}) + "\n\nNgozi"
case("trap_none_then_another_letter_apple_mail",
     message("trap_none_then_another_letter_apple_mail", text=apple(body), frm=OKAFOR, mailer=APPLE_MAIL),
     expect(LISTED_EXPECT, barriers=UNCLEAR),
     "trap: Apple Mail: '5. None (b)': none with another option's letter contradicts itself: asked")

if __name__ == "__main__":
    write_cases(CASES)
