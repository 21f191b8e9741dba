#!/usr/bin/env python3
"""Writes tests/fixtures/heldback21b/NAME.eml + NAME.json: the second held-back
set of issue 21 (see ../README.md). Rerun only to change the set:
    python3 gen.py
"""
import lib
import cases_a, cases_b, cases_c  # noqa: F401 (each registers its cases)

if __name__ == "__main__":
    lib.write_set("heldback21b")
