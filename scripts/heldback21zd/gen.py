#!/usr/bin/env python3
"""Writes tests/fixtures/heldback21zd/NAME.eml + NAME.json: the thirtieth held-back
set of issue 21 (see ../../tests/fixtures/heldback21zd/README.md). Rerun only
to change the set:
    python3 scripts/heldback21zd/gen.py
"""
import lib
import cases  # noqa: F401 (registers the cases)

if __name__ == "__main__":
    lib.write_set("heldback21zd")
