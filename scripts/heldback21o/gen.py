#!/usr/bin/env python3
"""Writes tests/fixtures/heldback21o/NAME.eml + NAME.json: held-back set 21o
of issue 21 (see ../../tests/fixtures/heldback21o/README.md). Rerun only
to change the set:
    python3 scripts/heldback21o/gen.py
"""
import lib
import cases  # noqa: F401 (registers the cases)

if __name__ == "__main__":
    lib.write_set("heldback21o")
