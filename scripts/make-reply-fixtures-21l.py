#!/usr/bin/env python3
"""Writes the reply-corpus cases for the wrong values and misses of issue
21's eleventh and twelfth held-back sets (tests/fixtures/heldback21l,
heldback21m), each in our own words and another client than the held-back
case, with traps beside them: an answer changed inside its own line after
its value ("No - oops, scratch that, yes: ...", "Yes - sorry, I misread
that one. No."), with plain reasons that keep reading as before; "make 4 a
7" below a list, and a change by number that no form reads, which puts the
answer in doubt.
Reuses the helpers of make-reply-fixtures.py; writes only its own cases:
    python3 scripts/make-reply-fixtures-21l.py
"""
import os, runpy

HERE = os.path.dirname(os.path.abspath(__file__))
base = runpy.run_path(os.path.join(HERE, "make-reply-fixtures.py"), run_name="fixtures")
globals().update({k: v for k, v in base.items() if not k.startswith("__")})
CASES = []
case = reply_case_into(CASES)

NOWAK = '"Dr Tomasz Nowak" <jack.clarke@north-hospice.test>'


# ---- an answer changed inside its own line, after its value ----
body = listed({**LISTED, 3: "No - oops, scratch that, yes: we halved one man's oxycodone"}) + "\n\nTomasz"
case("changed_in_line_scratch_that_thunderbird",
     message("changed_in_line_scratch_that_thunderbird", text=thunderbird(body), frm=NOWAK, mailer=THUNDERBIRD),
     expect({**LISTED_EXPECT, 3: True}),
     "Thunderbird: '3. No - oops, scratch that, yes: <what they did>': the no taken back within its own line, "
     "the later yes is the answer, never the no with a reason")

body = listed({**LISTED, 2: "Yes \u2013 sorry, I misread that one. No."}) + "\n\nTomasz"
case("changed_in_line_misread_apple_mail",
     message("changed_in_line_misread_apple_mail", text=apple(body), frm=NOWAK, mailer=APPLE_MAIL),
     expect(LISTED_EXPECT),
     "Apple Mail: '2. Yes \u2013 sorry, I misread that one. No.': the later no is the answer")

body = listed({**LISTED, 5: "a \u2013 sorry, I misread the list: c"}) + "\n\nTomasz"
case("changed_in_line_option_samsung",
     message("changed_in_line_option_samsung", text=gmail(body), frm=NOWAK, mailer=SAMSUNG),
     expect({**LISTED_EXPECT, 5: ["side_effects"]}),
     "Samsung Email: '5. a \u2013 sorry, I misread the list: c': the later option is the answer")

body = listed({**LISTED, 3: "No - sorry, maybe yes, I'd need to look at our notes"}) + "\n\nTomasz"
case("trap_changed_in_line_unclear_thunderbird",
     message("trap_changed_in_line_unclear_thunderbird", text=thunderbird(body), frm=NOWAK, mailer=THUNDERBIRD),
     expect(LISTED_EXPECT, opioid_sparing=UNCLEAR),
     "trap: Thunderbird: '3. No - sorry, maybe yes, I'd need to look at our notes': the no is doubted, the yes "
     "is not sure: asked, never no")

body = listed({**LISTED, 2: "No \u2013 we wait for the pain team to review first", 3: "No. Sorry, we rarely get "
              "the chance", 6: "Yes, sorry - it's on the intranet somewhere"}) + "\n\nTomasz"
case("trap_changed_in_line_plain_reasons_apple_mail",
     message("trap_changed_in_line_plain_reasons_apple_mail", text=apple(body), frm=NOWAK, mailer=APPLE_MAIL),
     expect(LISTED_EXPECT, early_adjuvant=ok(False, "we wait for the pain team to review first")),
     "trap: Apple Mail: '2. No \u2013 we wait for ...', '3. No. Sorry, we rarely get the chance', '6. Yes, sorry "
     "- it's on the intranet somewhere': a word such as wait or sorry in a plain reason that gives no other "
     "value: read as before")

body = listed({**LISTED, 6: "Yes, sorry, no copy to hand though"}) + "\n\nTomasz"
case("trap_changed_in_line_sorry_no_words_thunderbird",
     message("trap_changed_in_line_sorry_no_words_thunderbird", text=thunderbird(body), frm=NOWAK,
             mailer=THUNDERBIRD),
     expect(LISTED_EXPECT, written_protocol=UNCLEAR),
     "trap: Thunderbird: '6. Yes, sorry, no copy to hand though': a no right after the apology may take the yes "
     "back, or start a reason: asked, never a no")

# ---- "make 4 a 7" below a list ----
body = listed({**LISTED, 4: "9"}) + "\n\nActually make 4 a 7 \u2013 the 9 was optimistic.\n\nTomasz"
case("make_number_a_number_below_list_samsung",
     message("make_number_a_number_below_list_samsung", text=gmail(body), frm=NOWAK, mailer=SAMSUNG),
     expect({**LISTED_EXPECT, 4: 7}),
     "Samsung Email: a list with '4. 9', then 'Actually make 4 a 7 \u2013 the 9 was optimistic': a correction, 7")

body = listed({**LISTED, 4: "9"}) + "\n\nSorry, change 4 to a 5.\n\nTomasz"
case("change_number_to_a_number_thunderbird",
     message("change_number_to_a_number_thunderbird", text=thunderbird(body), frm=NOWAK, mailer=THUNDERBIRD),
     expect({**LISTED_EXPECT, 4: 5}),
     "Thunderbird: a list with '4. 9', then 'Sorry, change 4 to a 5': a correction, 5")

body = listed({**LISTED, 4: "9"}) + "\n\nOops - make that 4 an 8.\n\nTomasz"
case("make_that_number_a_number_apple_mail",
     message("make_that_number_a_number_apple_mail", text=apple(body), frm=NOWAK, mailer=APPLE_MAIL),
     expect({**LISTED_EXPECT, 4: 8}),
     "Apple Mail: a list with '4. 9', then 'Oops - make that 4 an 8': a correction, 8")

body = listed({**LISTED, 4: "9"}) + "\n\nOn reflection 4 should be a 7.\n\nTomasz"
case("number_should_be_a_number_samsung",
     message("number_should_be_a_number_samsung", text=gmail(body), frm=NOWAK, mailer=SAMSUNG),
     expect({**LISTED_EXPECT, 4: 7}),
     "Samsung Email: a list with '4. 9', then 'On reflection 4 should be a 7': a correction, 7")

body = listed({**LISTED, 4: "9"}) + "\n\nActually make 4 a 7 \u2013 or an 8, I can't decide.\n\nTomasz"
case("trap_make_number_a_number_or_apple_mail",
     message("trap_make_number_a_number_or_apple_mail", text=apple(body), frm=NOWAK, mailer=APPLE_MAIL),
     expect(LISTED_EXPECT, confidence=UNCLEAR),
     "trap: Apple Mail: 'Actually make 4 a 7 \u2013 or an 8, I can't decide': two new values: asked, never 7 "
     "or the 9")

body = listed({**LISTED, 4: "9"}) + "\n\nActually make 4 something lower - the 9 was optimistic.\n\nTomasz"
case("trap_make_number_unread_samsung",
     message("trap_make_number_unread_samsung", text=gmail(body), frm=NOWAK, mailer=SAMSUNG),
     expect(LISTED_EXPECT, confidence=UNCLEAR),
     "trap: Samsung Email: 'Actually make 4 something lower - the 9 was optimistic': a change no form reads: "
     "asked, never the 9")

# ---- a yes with how often in brackets or after a comma ----
body = listed({**LISTED, 1: "Yes (maybe three or four patients in the last year, all at home)",
               3: "yes, in roughly one patient every couple of months"}) + "\n\nTomasz"
case("yes_how_often_after_thunderbird",
     message("yes_how_often_after_thunderbird", text=thunderbird(body), frm=NOWAK, mailer=THUNDERBIRD),
     expect({**LISTED_EXPECT, 1: True,
             3: ok(True, "in roughly one patient every couple of months")}),
     "Thunderbird: '1. Yes (maybe three or four patients in the last year, all at home)', '3. yes, in roughly one "
     "patient every couple of months': a yes, then how often (a number of patients, not another answer) for a "
     "'Have you ...' question: yes")

body = listed({**LISTED, 1: "Yes (maybe, or no - I'd have to check)", 3: "yes, or perhaps not"}) + "\n\nTomasz"
case("trap_yes_how_often_hedged_thunderbird",
     message("trap_yes_how_often_hedged_thunderbird", text=thunderbird(body), frm=NOWAK, mailer=THUNDERBIRD),
     expect(LISTED_EXPECT, end_of_life=UNCLEAR, opioid_sparing=UNCLEAR),
     "trap: Thunderbird: '1. Yes (maybe, or no - I'd have to check)', '3. yes, or perhaps not': hedged after the "
     "yes: asked")

# ---- two options with a slash ----
body = listed({**LISTED, 5: "A/C"}) + "\n\nTomasz"
case("options_with_slash_multiple_apple_mail",
     message("options_with_slash_multiple_apple_mail", text=apple(body), frm=NOWAK, mailer=APPLE_MAIL),
     expect({**LISTED_EXPECT, 5: ["expertise", "side_effects"]}),
     "Apple Mail: '5. A/C' for the barriers (choose all that apply): both, a and c")

body = listed({**LISTED, 5: "A/C, or maybe just C"}) + "\n\nTomasz"
case("trap_options_with_slash_or_apple_mail",
     message("trap_options_with_slash_or_apple_mail", text=apple(body), frm=NOWAK, mailer=APPLE_MAIL),
     expect(LISTED_EXPECT, barriers=UNCLEAR),
     "trap: Apple Mail: '5. A/C, or maybe just C': alternatives offered: asked (a slash for a single choice is "
     "one or the other, asked: a unit test, this survey has none)")

body = listed({**LISTED, 4: "6/7", 5: "A/C"}) + "\n\nTomasz"
case("trap_options_with_slash_either_elsewhere_thunderbird",
     message("trap_options_with_slash_either_elsewhere_thunderbird", text=thunderbird(body), frm=NOWAK,
             mailer=THUNDERBIRD),
     expect(LISTED_EXPECT, confidence=UNCLEAR, barriers=UNCLEAR),
     "trap: Thunderbird: '4. 6/7' and '5. A/C': this doctor's slash is 'or' (six or seven): the options are "
     "asked too, never both")

# ---- a summary, the other kinds' answers given on the next line ----
body = "All yes apart from 3 and 7, which are no.\nConfidence 5. Barriers: side effects mainly.\n\nTomasz"
case("summary_then_labels_one_line_samsung",
     message("summary_then_labels_one_line_samsung", text=gmail(body), frm=NOWAK, mailer=SAMSUNG),
     expect({1: True, 2: True, 3: False, 4: 5, 5: ["side_effects"], 6: True, 7: False, 8: True, 9: True}),
     "Samsung Email: 'All yes apart from 3 and 7, which are no.', then 'Confidence 5. Barriers: side effects "
     "mainly.' on one line: the summary for the yes/no questions, the labelled answers for the others")

body = ("In short: yes to all of them except numbers 3 and 7, where it's a no.\n\nConfidence 5. Barriers: "
        "mainly the side effects.\n\nTomasz")
case("summary_where_its_a_no_thunderbird",
     message("summary_where_its_a_no_thunderbird", text=thunderbird(body), frm=NOWAK, mailer=THUNDERBIRD),
     expect({1: True, 2: True, 3: False, 4: 5, 5: ["side_effects"], 6: True, 7: False, 8: True, 9: True}),
     "Thunderbird: 'In short: yes to all of them except numbers 3 and 7, where it's a no.': a summary after a "
     "lead, the exceptions' value after 'where it's'")

body = ("All yes apart from 3 and 7, which are no.\nConfidence 5. The barriers are hard to pin down, honestly."
        "\n\nTomasz")
case("trap_summary_then_label_and_prose_samsung",
     message("trap_summary_then_label_and_prose_samsung", text=gmail(body), frm=NOWAK, mailer=SAMSUNG),
     expect({1: True, 2: True, 3: False, 6: True, 7: False, 8: True, 9: True}, confidence=INF(5),
            barriers=UNCLEAR),
     "trap: Samsung Email: the summary, then 'Confidence 5. The barriers are hard to pin down, honestly.': one "
     "sentence is no labelled answer, so the line is not read as labels (the score read from it as prose, "
     "inferred): 5 asked")

body = ("Short version: yes to most of them except 3 and 7, where it's a no.\n\nConfidence 5. Barriers: "
        "mainly the side effects.\n\nTomasz")
case("trap_summary_most_of_them_thunderbird",
     message("trap_summary_most_of_them_thunderbird", text=thunderbird(body), frm=NOWAK, mailer=THUNDERBIRD),
     expect({4: 5, 5: ["side_effects"]}),
     "trap: Thunderbird: 'Short version: yes to most of them except 3 and 7, where it's a no.': most is not all, "
     "which are yes cannot be told: no yes/no question read")

# ---- a range of questions given one value ----
body = "Brief answers:\nQ1-3: no, yes, no\n4: 6\n5: a\nQ6-9: yes to all of them\n\nTomasz"
case("grouped_range_one_value_thunderbird",
     message("grouped_range_one_value_thunderbird", text=thunderbird(body), frm=NOWAK, mailer=THUNDERBIRD),
     expect({1: False, 2: True, 3: False, 4: 6, 5: ["expertise"], 6: True, 7: True, 8: True, 9: True}),
     "Thunderbird: answers grouped by ranges, the last 'Q6-9: yes to all of them': one value for each question "
     "of the range")

body = "Brief answers:\nQ1-3: no, yes, no\n4: 6\n5: a\nQ6-9: mostly yes\n\nTomasz"
case("trap_grouped_range_mostly_thunderbird",
     message("trap_grouped_range_mostly_thunderbird", text=thunderbird(body), frm=NOWAK, mailer=THUNDERBIRD),
     expect({1: False, 2: True, 3: False, 4: 6, 5: ["expertise"]}, written_protocol=UNCLEAR),
     "trap: Thunderbird: 'Q6-9: mostly yes': which are yes cannot be told: 6 asked (the line read as its "
     "first question's), 7-9 not read")

# ---- places and numbered answers on one line ----
body = "First three no, 4 = 6, 5 = b, and yes to everything after that.\n\nTomasz"
case("places_and_numbers_one_line_apple_mail",
     message("places_and_numbers_one_line_apple_mail", text=apple(body), frm=NOWAK, mailer=APPLE_MAIL),
     expect({1: False, 2: False, 3: False, 4: 6, 5: ["evidence"], 6: True, 7: True, 8: True, 9: True}),
     "Apple Mail: 'First three no, 4 = 6, 5 = b, and yes to everything after that': the first three by place, "
     "4 and 5 by number, the rest (6-9; 10 is free text) yes")

body = "First three no, 4 = 6, and 5 is a hard one to call, yes to everything after that.\n\nTomasz"
case("trap_places_and_numbers_prose_apple_mail",
     message("trap_places_and_numbers_prose_apple_mail", text=apple(body), frm=NOWAK, mailer=APPLE_MAIL),
     {},
     "trap: Apple Mail: '..., and 5 is a hard one to call, yes to everything after that': a piece that is no "
     "answer by number or place: the line is not read by place (nothing read, never 6-9 guessed)")

# ---- a number with a note in brackets, a score changed "from 6 to 4" ----
body = (listed(LISTED) + "\n\nOne more change: for 7 (community guidance), please put yes.\n"
        "And please change my confidence from 6 to 4.\n\nTomasz")
case("number_noted_and_score_changed_samsung",
     message("number_noted_and_score_changed_samsung", text=gmail(body), frm=NOWAK, mailer=SAMSUNG),
     expect({**LISTED_EXPECT, 7: True, 4: 4}),
     "Samsung Email: a list, then 'for 7 (community guidance), please put yes' (the note in brackets names 7 "
     "again) and 'please change my confidence from 6 to 4': both corrections")

body = listed(LISTED) + "\n\nWe plan to change the protocol to include ketamine next year.\n\nTomasz"
case("trap_change_the_protocol_plan_samsung",
     message("trap_change_the_protocol_plan_samsung", text=gmail(body), frm=NOWAK, mailer=SAMSUNG),
     expect(LISTED_EXPECT),
     "trap: Samsung Email: 'We plan to change the protocol to include ketamine next year': a plan, no answer "
     "changed: 6 as listed")

if __name__ == "__main__":
    write_cases(CASES)
