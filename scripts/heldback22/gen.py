#!/usr/bin/env python3
"""Writes tests/fixtures/heldback22/NAME.eml + NAME.json: the held-back set of
issue 22 (see ../README.md), replies to invitation-aisha.eml (written by
make_invitation.py). Rerun only to change the set:
    python3 make_invitation.py && python3 gen.py
"""
import os
import lib
import cases  # noqa: F401 (registers the cases)

if __name__ == "__main__":
    out = os.path.join(lib.ROOT, "tests/fixtures/heldback22")
    for f in os.listdir(out):
        if f.endswith((".eml", ".json")):
            os.remove(os.path.join(out, f))
    names = [c[0] for c in lib.CASES]
    assert len(names) == len(set(names)), "duplicate case names"
    lib.write(out)
