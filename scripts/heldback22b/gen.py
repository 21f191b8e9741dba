#!/usr/bin/env python3
"""Writes tests/fixtures/heldback22b/NAME.eml + NAME.json: the second held-back
set of issue 22 (see ../../tests/fixtures/heldback22b/README.md). Rerun only
to change the set:
    python3 scripts/heldback22b/gen.py
"""
import os
import lib
import cases  # noqa: F401 (registers the cases)

if __name__ == "__main__":
    out = os.path.join(lib.ROOT, "tests/fixtures/heldback22b")
    os.makedirs(out, exist_ok=True)
    for f in os.listdir(out):
        if f.endswith((".eml", ".json")):
            os.remove(os.path.join(out, f))
    names = [c[0] for c in lib.CASES]
    assert len(names) == len(set(names)), "duplicate case names"
    lib.write(out)
