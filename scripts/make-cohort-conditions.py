#!/usr/bin/env python3
# Writes tests/fixtures/cohort-conditions.csv, the seed study's 43
# respondents (tests/fixtures/cohort.csv) as they would have answered
# config/seed-conditions.toml: used_ketamine is yes when any situation was;
# situations are their letters, or "n/a" for those who never used it;
# protocol_shared is the shared-guidance answer where the service has a
# written protocol, else "n/a"; last_prescribed a date in one of the forms
# doctors write, for those who used it. Two answer a question that does not
# apply to them: the first who never used ketamine gives a situation (b),
# the first other without a protocol says whether it was shared (no).
# Run from the repository root: python3 scripts/make-cohort-conditions.py
import csv
# Never digits alone: the simulated doctors would write those as a scale.
DATES = ["March 2025", "05/03/2025", "June 2024", "12 January 2026", "11/2025"]
rows = list(csv.DictReader(open("tests/fixtures/cohort.csv", newline="")))
out = []
anyway_situations = anyway_shared = False
for i, r in enumerate(rows):
    letters = [l for l, k in zip("abc", ["end_of_life", "early_adjuvant", "opioid_sparing"]) if r[k] == "yes"]
    used = bool(letters)
    situations = ", ".join(letters) if used else "n/a"
    if not used and not anyway_situations:
        situations, anyway_situations = "b", True
    shared = r["shared_guidance"] if r["written_protocol"] == "yes" else "n/a"
    if r["written_protocol"] == "no" and not anyway_shared and situations != "b":
        shared, anyway_shared = "no", True
    out.append({
        "email": r["email"],
        "used_ketamine": "yes" if used else "no",
        "situations": situations,
        "confidence": r["confidence"],
        "barriers": r["barriers"],
        "barriers_other": r["barriers_other"],
        "written_protocol": r["written_protocol"],
        "protocol_shared": shared,
        "training": r["training"],
        "last_prescribed": DATES[i % len(DATES)] if used else "",
        "comments": r["comments"],
    })
w = csv.DictWriter(open("tests/fixtures/cohort-conditions.csv", "w", newline=""), fieldnames=list(out[0]), lineterminator="\n")
w.writeheader()
w.writerows(out)
