#!/usr/bin/env python3
"""Writes tests/fixtures/heldback21u/NAME.eml + NAME.json: the twenty-first held-back
set of issue 21 (see ../../tests/fixtures/heldback21u/README.md). Rerun only
to change the set:
    python3 scripts/heldback21u/gen.py
"""
import lib
import cases  # noqa: F401 (registers the cases)

if __name__ == "__main__":
    lib.write_set("heldback21u")
