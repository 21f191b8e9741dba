#!/usr/bin/env python3
"""Writes tests/fixtures/heldback22e/NAME.eml + NAME.json: the fifth held-back
set of issue 22 (see ../../tests/fixtures/heldback22e/README.md). Rerun only
to change the set:
    python3 scripts/heldback22e/gen.py
"""
import lib
import cases  # noqa: F401 (registers the cases)

if __name__ == "__main__":
    lib.write_set("heldback22e")
