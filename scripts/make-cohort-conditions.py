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
#
# It also writes tests/fixtures/cohort-full.csv, the same answers for
# config/seed-full.toml: the grid of confidence (its three items as
# "a) 4, b) 3, c) 5", from the doctor's confidence; "n/a" for those who
# never used ketamine), the ranking of barriers in one of the forms doctors
# write, and the years in palliative care in words or numbers with a unit.
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

RANKS = ["b > a > d > c", "b, a, c, d", "a, b, c, d", "c > b > a > d"]
YEARS = ["10 years", "12 yrs", "ten years", "18 months", "7 years", "twenty years"]
full = []
for i, r in enumerate(out):
    c = int(r["confidence"])
    grid = (f"a) {min(5, max(1, c // 2))}, b) {min(5, max(1, (c + 1) // 2))}, c) {min(5, max(1, c // 2 + 1))}"
            if r["used_ketamine"] == "yes" else "n/a")
    row = {}
    for k, v in r.items():
        row[k] = v
        if k == "confidence":
            row["confidence_areas"] = grid
        if k == "barriers_other":
            row["barrier_rank"] = RANKS[i % len(RANKS)]
        if k == "last_prescribed":
            row["years_in_palliative"] = YEARS[i % len(YEARS)]
    full.append(row)
w = csv.DictWriter(open("tests/fixtures/cohort-full.csv", "w", newline=""), fieldnames=list(full[0]), lineterminator="\n")
w.writeheader()
w.writerows(full)
