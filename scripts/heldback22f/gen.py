#!/usr/bin/env python3
"""Writes tests/fixtures/heldback22f/NAME.eml + NAME.json: the sixth held-back
set of issue 22 (see ../../tests/fixtures/heldback22f/README.md). Rerun only
to change the set:
    python3 scripts/heldback22f/gen.py
"""
import lib
import cases  # noqa: F401 (registers the cases)

if __name__ == "__main__":
    lib.write_set("heldback22f")
