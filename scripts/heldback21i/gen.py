#!/usr/bin/env python3
"""Writes tests/fixtures/heldback21i/NAME.eml + NAME.json: the ninth held-back
set of issue 21 (see ../../tests/fixtures/heldback21i/README.md). Rerun only
to change the set:
    python3 scripts/heldback21i/gen.py
"""
import lib
import cases  # noqa: F401 (registers the cases)

if __name__ == "__main__":
    lib.write_set("heldback21i")
