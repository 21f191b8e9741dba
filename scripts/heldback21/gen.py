#!/usr/bin/env python3
"""Writes tests/fixtures/heldback/NAME.eml + NAME.json: the held-back reply
cases of issue 21 (tests/heldback.rs scores them; the README there says
how they were written and scored). The generated files are committed;
rerun only to change the set:
    python3 scripts/heldback21/gen.py
"""
import lib
import cases_a, cases_b, cases_c  # noqa: F401 (each registers its cases)

if __name__ == "__main__":
    lib.write_set("heldback")
