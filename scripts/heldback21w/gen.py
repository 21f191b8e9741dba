#!/usr/bin/env python3
"""Writes tests/fixtures/heldback21w/NAME.eml + NAME.json: the twenty-third held-back
set of issue 21 (see ../../tests/fixtures/heldback21w/README.md). Rerun only
to change the set:
    python3 scripts/heldback21w/gen.py
"""
import lib
import cases  # noqa: F401 (registers the cases)

if __name__ == "__main__":
    lib.write_set("heldback21w")
