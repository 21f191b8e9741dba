#!/usr/bin/env python3
"""Writes tests/fixtures/heldback22/NAME.eml + NAME.json: the held-back set of
issue 22 (see ../README.md), replies to invitation-aisha.eml (written by
make_invitation.py). Rerun only to change the set:
    python3 make_invitation.py && python3 gen.py
"""
import lib
import cases  # noqa: F401 (registers the cases)

if __name__ == "__main__":
    lib.write_set("heldback22")
