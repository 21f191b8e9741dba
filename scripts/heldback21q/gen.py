#!/usr/bin/env python3
"""Writes tests/fixtures/heldback21q/NAME.eml + NAME.json: the seventeenth held-back
set of issue 21 (see ../../tests/fixtures/heldback21q/README.md). Rerun only
to change the set:
    python3 scripts/heldback21q/gen.py
"""
import lib
import cases  # noqa: F401 (registers the cases)

if __name__ == "__main__":
    lib.write_set("heldback21q")
