#!/usr/bin/env python3
"""Writes the reply-corpus cases for the wrong values of issue 21's
twenty-seventh and twenty-eighth held-back sets (heldback21zb, 21zc),
each in our own words and another client than the held-back case, with a
near case beside each: below the list "3 is more honestly a 6" and "the
patient I meant for 1 may have been ..." (asked, never the list's),
"Once, sort of - ..." (asked), and a draft sent out for comment as the
answer to "Has your service developed shared guidance?" (asked; to "has
it been shared?" a draft sent out is a yes).
Reuses the helpers of make-reply-fixtures.py; writes only its own cases:
    python3 scripts/make-reply-fixtures-21zbc.py
"""
import os, runpy

HERE = os.path.dirname(os.path.abspath(__file__))
base = runpy.run_path(os.path.join(HERE, "make-reply-fixtures.py"), run_name="fixtures")
globals().update({k: v for k, v in base.items() if not k.startswith("__")})
CASES = []
case = reply_case_into(CASES)

REID = '"Dr Alan Reid" <jack.clarke@north-hospice.test>'
one_changed = one_changed_into(case, REID, "Alan")

body = listed(LISTED) + "\n\nHaving looked again, 4 is more honestly a 4 - please use that.\n\nAlan"
case("below_list_is_more_honestly_outlook", message("below_list_is_more_honestly_outlook", text=outlook(body), frm=REID),
     expect({**LISTED_EXPECT, 4: UNCLEAR}),
     "Outlook: '4. 6' in the list, then 'Having looked again, 4 is more honestly a 4 - please use that': a change no "
     "form reads: asked, never the list's 6")

body = listed(LISTED) + "\n\nThinking back, the case I meant for 1 may have been on the ward team's watch - probably no.\n\nAlan"
case("below_list_for_one_may_have_been_gmail",
     message("below_list_for_one_may_have_been_gmail", text=gmail(body), frm=REID),
     expect({**LISTED_EXPECT, 1: UNCLEAR}),
     "Gmail: '1. yes' in the list, then 'the case I meant for 1 may have been on the ward team's watch - probably no': "
     "asked")

body = listed(LISTED) + "\n\nFor context, 2 patients may have been on both drugs.\n\nAlan"
case("trap_count_may_have_been_gmail", message("trap_count_may_have_been_gmail", text=gmail(body), frm=REID),
     expect(LISTED_EXPECT), "trap: Gmail: '2 patients may have been on both drugs': a count, no question named")

one_changed("once_sort_of_apple_mail", 3, "Once, sort of - the registrar started it and I kept it going", UNCLEAR,
            apple, APPLE_MAIL, "Apple Mail: '3. Once, sort of - the registrar started it ...': said loosely: asked")
one_changed("draft_out_for_comment_not_developed_outlook", 7,
            "It's a draft - sent out to the district nurses for comment in November", UNCLEAR, outlook, None,
            "Outlook: '7. It's a draft - sent out to the district nurses for comment' to 'Has your service developed "
            "shared guidance?': not finished: asked")

if __name__ == "__main__":
    write_cases(CASES)
