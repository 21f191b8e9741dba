#!/usr/bin/env python3
"""Writes tests/fixtures/heldback21ze/NAME.eml + NAME.json: the thirty-first held-back
set of issue 21 (see ../../tests/fixtures/heldback21ze/README.md). Rerun only
to change the set:
    python3 scripts/heldback21ze/gen.py
"""
import lib
import cases  # noqa: F401 (registers the cases)

if __name__ == "__main__":
    lib.write_set("heldback21ze")
