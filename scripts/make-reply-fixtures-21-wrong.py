#!/usr/bin/env python3
"""Writes the reply-corpus cases for the wrong values issue 21's second
held-back set (tests/fixtures/heldback21b) found, each in our own words and
another client than the held-back case that showed it: Outlook's initials
as comment marking, a correction by the question's words below the quote,
question numbers in words in a P.S., a table with a notes column, a
choice's reason that adds to it, hedged yes/no and numbers, and options
with a slash between them. Reuses the helpers of make-reply-fixtures.py;
writes only its own cases:
    python3 scripts/make-reply-fixtures-21-wrong.py
"""
import json, os, runpy

HERE = os.path.dirname(os.path.abspath(__file__))
base = runpy.run_path(os.path.join(HERE, "make-reply-fixtures.py"), run_name="fixtures")
globals().update({k: v for k, v in base.items() if not k.startswith("__")})
CASES = []

def case(name, raw, kind="reply", token=TOKEN, answers=None, missing=None, note=""):
    answers = answers or {}
    if missing is None:
        missing = [i for i in REQUIRED if i not in answers] if kind == "reply" else []
    CASES.append((name, raw, {"note": note, "kind": kind, "token": token, "bounced_recipient": None,
                              "answers": answers, "missing": missing}))

MENSAH = '"Dr Samuel Mensah" <jack.clarke@north-hospice.test>'

# ---- Outlook's comment marking with the writer's initials ----
marked = {q: f"[SM] {a}" for q, a in {1: "No", 3: "Yes", 4: "3", 5: "b", 6: "No", 7: "Yes", 8: "No", 9: "Yes",
                                       10: "Happy to share our audit data if useful."}.items()}
marked[2] = "[NA]"
text = ("Hi Asha,\n\nMy answers are marked below.\n\nSam\n\n" + OUTLOOK_HEADER_TEXT + "\n" + unquoted_below(marked) + "\n")
case("comment_marking_initials_outlook_mac", message("comment_marking_initials_outlook_mac", text=text, subject="RE: " + SUBJECT,
     frm=MENSAH, mailer="Microsoft Outlook 16.89"),
     answers=expect({1: False, 3: True, 4: 3, 5: ["evidence"], 6: False, 7: True, 8: False, 9: True,
                     10: "Happy to share our audit data if useful."}, early_adjuvant=UNCLEAR),
     note="Outlook for Mac, comment marking by initials '[SM] No': the initials label the writer, in the comment too; '[NA]' is not initials but not applicable: unclear")

# ---- a correction by the question's words below the whole quote ----
text = ("1. Yes\n2. Yes\n3. No\n4. 8\n5. c\n6. Yes\n7. Yes\n8. No\n9. Yes\n\nSam\n\nSent from my iPad\n\n> " + APPLE_WROTE + "\n> \n"
        + quote(INV_TEXT) + "\n\nOne more thing - I wrote no against the training question, when it should have been yes. Sorry!\n")
case("correction_i_wrote_below_quote_ipad", message("correction_i_wrote_below_quote_ipad", text=text, frm=MENSAH, mailer="iPad Mail (22B91)"),
     answers=expect({1: True, 2: True, 3: False, 4: 8, 5: ["side_effects"], 6: True, 7: True, 8: True, 9: True}),
     note="iPad, below the whole quote: 'I wrote no against the training question, when it should have been yes' corrects the list's no by the question's words")

# ---- question numbers in words in a P.S., one adding an option ----
text = ("1 - yes\n2 - no\n3 - yes\n4 - 5\n5 - b\n6 - no\n7 - no\n8 - yes\n9 - yes\n\nRegards,\nSam\n\n"
        "P.S. Sorry - question five should be b and c, I left side effects off by mistake. And number eight should have been no.\n\n"
        + WROTE + "\n" + quote(INV_TEXT) + "\n")
case("correction_numbers_in_words_ps_gmail", message("correction_numbers_in_words_ps_gmail", text=text, frm=MENSAH),
     answers=expect({1: True, 2: False, 3: True, 4: 5, 5: ["evidence", "side_effects"], 6: False, 7: False, 8: False, 9: True}),
     note="a P.S. naming questions by numbers in words: 'question five should be b and c' adds side effects, 'number eight should have been no'")

# ---- a table whose header names the answer column, with a comments column ----
rows = ["Q | Response | Comments", "--|----------|---------", "1 | Y        | about 6 patients a year, all on syringe drivers",
        "2 | N        | never early on", "3 | Y        |", "4 | 5        | 8 if pharmacy stocked it", "5 | b        | no trials worth the name",
        "6 | N        | being written", "7 | N        |", "8 | Y        | no course locally yet", "9 | Y        |"]
text = "\n".join(rows) + "\n\nSam\n\n" + TB_WROTE + "\n" + quote(INV_TEXT) + "\n"
case("table_comments_column_flowed", flowed("table_comments_column_flowed", text, frm=MENSAH),
     answers=expect({1: True, 2: False, 3: True, 4: 5, 5: ["evidence"], 6: False, 7: False, 8: True, 9: True}),
     note="Thunderbird: a table whose header names the 'Response' column; the 'Comments' column after it is no answer ('8 if pharmacy stocked it', 'no course locally yet')")

rows = ["| 4 | 7 | 9 with a protocol |", "| 8 | Yes | no local course |", "| 9 | Yes | definitely |"]
text = "\n".join(rows) + "\n\nSam\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n"
case("table_trap_notes_without_header", message("table_trap_notes_without_header", text=text, frm=MENSAH),
     answers={"confidence": UNCLEAR, "training": UNCLEAR, "research": ok(True)},
     note="trap: pipe rows with no header where the middle cell is an answer and the last a note that reads otherwise: asked, never the note")

# ---- a choice's reason that adds to it ----
ans = {4: "6", 5: "c, and the price - £40 an ampoule", 6: "Yes", 9: "Yes"}
text = "See below.\n\n" + WROTE + "\n\n" + text_inline(ans) + "\n"
case("reason_adds_option_gmail", message("reason_adds_option_gmail", text=text, frm=MENSAH),
     answers=expect({4: 6, 6: True, 9: True}, barriers=UNCLEAR),
     note="trap: 'c, and the price - ...' adds a barrier not ticked as e): asked, never c alone")

# ---- hedges ----
ans = {1: "I think so", 2: "I don't think so", 3: "Yes", 4: "7ish", 6: "Not to my knowledge", 7: "Not that I know of", 8: "Yes", 9: "Yes"}
html = '<html><body><div>Inline below.</div>' + OUTLOOK_HEADER_HTML + html_inline_same_paragraph(ans, "color:#7030A0") + '</body></html>'
case("trap_hedges_outlook_web", message("trap_hedges_outlook_web", html=html, frm=MENSAH),
     answers=expect({3: True, 8: True, 9: True}, end_of_life=UNCLEAR, early_adjuvant=UNCLEAR, confidence=UNCLEAR,
                    written_protocol=UNCLEAR, shared_guidance=UNCLEAR),
     note="trap: 'I think so', 'I don't think so', '7ish', 'Not to my knowledge', 'Not that I know of' are hedges: asked, never yes, no or 7")

# ---- options with a slash between them ----
text = "1. no\n2. no\n3. yes\n4. 4\n5. b/c\n6. no\n7. no\n8. yes\n9. yes\n\nSam\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n"
case("trap_slash_between_options", message("trap_slash_between_options", text=text, frm=MENSAH, mailer="Microsoft Outlook for Android"),
     answers=expect({1: False, 2: False, 3: True, 4: 4, 5: ["evidence", "side_effects"], 6: False, 7: False, 8: True,
                     9: True}),
     note="'b/c' for the barriers (choose all that apply) is both, as writers of held-back sets meant it (it was "
          "asked as one or the other until heldback21m); for a single choice it is still asked")

# ---- heldback21b's misses that are hedge or contradiction look-alikes ----
LIST = ["1. Yes", "2. No", "3. Yes", "4. 6", "5. a", "6. No", "7. Yes", "8. Yes", "9. No"]
LIST_VALUES = {1: True, 2: False, 3: True, 4: 6, 5: ["expertise"], 6: False, 7: True, 8: True, 9: False}
text = ("\n".join(LIST) + "\n\nKind regards,\nSam\n\nAlso, Q7 should read a no rather than a yes \u2013 the community team never signed it off.\n\n"
        + TB_WROTE + "\n" + quote(INV_TEXT) + "\n")
case("correction_should_read_a_no_flowed", flowed("correction_should_read_a_no_flowed", text, frm=MENSAH),
     answers=expect(LIST_VALUES, shared_guidance=ok(False)),
     note="'Q7 should read a no rather than a yes': 'a no' is no, the list's yes corrected")

text = ("1. Yes\n2. No\n3. Yes\n4. 6\n5. a\n6. Yes\n7. Yes\n8. Yes\n9. No\n\nPlease disregard my answer to 6, make that a no.\n\nSam\n"
        "________________________________\n" + OUTLOOK_HEADER_TEXT + "\n" + INV_TEXT + "\n")
case("correction_disregard_make_that_owa", message("correction_disregard_make_that_owa", text=text, frm=MENSAH, subject="RE: " + SUBJECT),
     answers=expect(LIST_VALUES, written_protocol=ok(False)),
     note="OWA: 'Please disregard my answer to 6, make that a no': the answer taken back and the new one given after 'make that'")

ans = {1: "Yes", 2: "No", 4: "5 - it would rise to 8 once we have pharmacy support", 8: "Yes", 9: "Definitely, no question"}
text = "Inline below.\n\n" + WROTE + "\n\n" + text_inline(ans) + "\n"
case("reasons_hypothetical_and_no_question_gmail", message("reasons_hypothetical_and_no_question_gmail", text=text, frm=MENSAH),
     answers=expect({1: True, 2: False, 4: 5, 8: True, 9: ok(True, "no question")}),
     note="'5 - it would rise to 8 once we have pharmacy support' is 5 (the 8 is what it would be); 'Definitely, no question' is yes, not yes and no")

ans = {3: "Yes", 4: "4 \u2013 we have only had 3 or 4 referrals for it", 6: "No"}
text = "See below.\n\n" + WROTE + "\n\n" + text_inline(ans) + "\n"
case("reason_count_or_range_gmail", message("reason_count_or_range_gmail", text=text, frm=MENSAH),
     answers=expect({3: True, 4: 4, 6: False}),
     note="'4 - we have only had 3 or 4 referrals for it': '3 or 4 referrals' is a count, not another score or a hedge")

text = ("1. Yes\n2. No\n3. Yes\n4. 6\n5. a\n6. No\n7. Yes\n8. No\n9. No\n\nSam\n\nOn second thoughts, the training one is a yes from me \u2013 "
        "our induction covered very little.\n\n" + WROTE + "\n" + quote(INV_TEXT) + "\n")
case("correction_on_second_thoughts_by_words", message("correction_on_second_thoughts_by_words", text=text, frm=MENSAH),
     answers=expect({1: True, 2: False, 3: True, 4: 6, 5: ["expertise"], 6: False, 7: True, 8: True, 9: False}),
     note="'On second thoughts, the training one is a yes from me' below the list: a word of reconsidering makes it a correction")

text = ("1. Yes\n2. No\n3. Yes\n4. 6\n5. a\n6. No\n7. Yes\n8. No\n9. No\n\nThe training one is a yes from me, our induction covered very little.\n\nSam\n\n"
        + WROTE + "\n" + quote(INV_TEXT) + "\n")
case("trap_restated_without_reconsidering", message("trap_restated_without_reconsidering", text=text, frm=MENSAH),
     answers=expect({1: True, 2: False, 3: True, 4: 6, 5: ["expertise"], 6: False, 7: True, 9: False}, training=UNCLEAR),
     note="trap: 'The training one is a yes from me' against the list's no, with no word of reconsidering: a contradiction, asked")

ans = {5: "b, not c: side effects have been manageable", 6: "Yes"}
text = "Inline.\n\n" + WROTE + "\n\n" + text_inline(ans) + "\n"
case("reason_not_other_letter_gmail", message("reason_not_other_letter_gmail", text=text, frm=MENSAH),
     answers=expect({5: ["evidence"], 6: True}),
     note="'b, not c: side effects have been manageable': a letter after 'not' is taken back, not added")

if __name__ == "__main__":
    write_cases(CASES)
