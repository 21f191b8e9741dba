#!/usr/bin/env python3
"""Writes tests/fixtures/heldback21b/NAME.eml + NAME.json: the second held-back
set of issue 21 (see ../README.md). Rerun only to change the set:
    python3 gen.py
"""
import os, sys
import lib
import cases_a, cases_b, cases_c  # noqa: F401 (each registers its cases)

if __name__ == "__main__":
    out = os.path.join(lib.ROOT, "tests/fixtures/heldback21b")
    for f in os.listdir(out):
        if f.endswith((".eml", ".json")):
            os.remove(os.path.join(out, f))
    names = [c[0] for c in lib.CASES]
    assert len(names) == len(set(names)), "duplicate case names"
    lib.write(out)
