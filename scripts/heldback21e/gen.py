#!/usr/bin/env python3
"""Writes tests/fixtures/heldback21e/NAME.eml + NAME.json: the fifth held-back
set of issue 21 (see ../../tests/fixtures/heldback21e/README.md). Rerun only
to change the set:
    python3 scripts/heldback21e/gen.py
"""
import lib
import cases  # noqa: F401 (registers the cases)

if __name__ == "__main__":
    lib.write_set("heldback21e")
