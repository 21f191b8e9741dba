#!/usr/bin/env python3
"""Writes tests/fixtures/heldback22g/NAME.eml + NAME.json: the seventh held-back
set of issue 22 (see ../../tests/fixtures/heldback22g/README.md). Rerun only
to change the set:
    python3 scripts/heldback22g/gen.py
"""
import lib
import cases  # noqa: F401 (registers the cases)

if __name__ == "__main__":
    lib.write_set("heldback22g")
