#!/usr/bin/env python3
"""Writes tests/fixtures/heldback21zc/NAME.eml + NAME.json: the twenty-ninth held-back
set of issue 21 (see ../../tests/fixtures/heldback21zc/README.md). Rerun only
to change the set:
    python3 scripts/heldback21zc/gen.py
"""
import lib
import cases  # noqa: F401 (registers the cases)

if __name__ == "__main__":
    lib.write_set("heldback21zc")
