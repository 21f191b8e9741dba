#!/usr/bin/env python3
"""Writes the reply-corpus cases of letters followed by sentences of
reason ("b and c. The data are thin and I have seen bad reactions."),
the commonest miss of issue 21's sets 21u-21y, and of "None for me",
each with a near case still asked ("b. Maybe c too.").
Reuses the helpers of make-reply-fixtures.py; writes only its own cases:
    python3 scripts/make-reply-fixtures-21letters.py
"""
import os, runpy

HERE = os.path.dirname(os.path.abspath(__file__))
base = runpy.run_path(os.path.join(HERE, "make-reply-fixtures.py"), run_name="fixtures")
globals().update({k: v for k, v in base.items() if not k.startswith("__")})
CASES = []
case = reply_case_into(CASES)

WARD = '"Dr Ellen Ward" <jack.clarke@north-hospice.test>'


one_changed = one_changed_into(case, WARD, "Ellen")

one_changed("letters_then_sentences_apple_mail", 5,
            "a and c. We rarely use it, so nobody feels fluent. The dysphoria frightens families.",
            ["expertise", "side_effects"], apple, APPLE_MAIL,
            "Apple Mail: '5. a and c. We rarely use it, ... The dysphoria frightens families.': a and c, then reasons")
one_changed("trap_letters_then_maybe_apple_mail", 5, "b. Maybe c too.", UNCLEAR, apple, APPLE_MAIL,
            "trap: Apple Mail: '5. b. Maybe c too.': another letter, hedged: asked")
one_changed("none_for_me_outlook", 5, "None for me", ["none"], outlook, None,
            "Outlook: '5. None for me': no barriers")

if __name__ == "__main__":
    write_cases(CASES)
