#!/usr/bin/env python3
"""Mechanical checks of a held-back set, without the parser: every .eml
parses with Python's email package and has the headers the earlier sets
have; every .json has their keys and value shapes, and question ids of the
survey file. Usage: check.py FIXTURE_DIR SURVEY_TOML"""
import email, email.policy, glob, json, os, re, sys, tomllib, collections

d, survey = sys.argv[1], sys.argv[2]
qs = tomllib.load(open(survey, "rb"))["question"]
ids = {}
for q in qs:
    if q["type"] == "grid":
        for it in q["items"]:
            ids[f'{q["id"]}.{it["id"]}'] = q
    else:
        ids[q["id"]] = q
errors, statuses, n = [], collections.Counter(), 0
for eml in sorted(glob.glob(os.path.join(d, "*.eml"))):
    name = os.path.basename(eml)[:-4]
    raw = open(eml, "rb").read()
    m = email.message_from_bytes(raw, policy=email.policy.default)
    for hname in ("From", "To", "Subject", "Date", "Message-ID", "In-Reply-To", "References", "MIME-Version", "Content-Type"):
        if not m.get(hname):
            errors.append(f"{name}: no {hname}")
    if m.defects:
        errors.append(f"{name}: defects {m.defects}")
    texts = [p for p in m.walk() if p.get_content_maintype() == "text"]
    if not texts:
        errors.append(f"{name}: no text part")
    for p in texts:
        try:
            p.get_content()
        except Exception as e:
            errors.append(f"{name}: {p.get_content_type()} does not decode: {e}")
        if p.defects:
            errors.append(f"{name}: part defects {p.defects}")
    js = os.path.join(d, name + ".json")
    if not os.path.exists(js):
        errors.append(f"{name}: no json"); continue
    e = json.load(open(js))
    if list(e) != ["note", "kind", "token", "bounced_recipient", "answers", "missing"]:
        errors.append(f"{name}: keys {list(e)}")
    if e["kind"] != "reply" or e["bounced_recipient"] is not None or not re.fullmatch(r"[a-z0-9]{32}", e["token"]):
        errors.append(f"{name}: kind/token")
    if e["token"] not in (m.get("References", "") + m.get("In-Reply-To", "") + m.get("To", "")):
        errors.append(f"{name}: token not in References/In-Reply-To/To")
    for qid, a in e["answers"].items():
        n += 1
        statuses[a["status"]] += 1
        if qid not in ids:
            errors.append(f"{name}: unknown question {qid}"); continue
        q = ids[qid]
        if set(a) - {"status", "value", "other"} or a["status"] not in ("ok", "inferred", "unclear", "invalid"):
            errors.append(f"{name}: {qid} shape {a}")
        v = a["value"]
        if a["status"] in ("unclear", "invalid"):
            if v is not None:
                errors.append(f"{name}: {qid} {a['status']} with value")
            continue
        if isinstance(v, dict):
            allowed = q.get("allow", [])
            if list(v) != ["reserved"] or v["reserved"] not in allowed:
                errors.append(f"{name}: {qid} reserved {v} not allowed ({allowed})")
            continue
        t = q["type"]
        okv = {"yes_no": lambda v: isinstance(v, bool),
               "scale": lambda v: isinstance(v, int) and not isinstance(v, bool) and q["min"] <= v <= q["max"],
               "grid": lambda v: isinstance(v, int) and not isinstance(v, bool) and q["min"] <= v <= q["max"],
               "multiple_choice": lambda v: isinstance(v, list) and v and all(x in [o["id"] for o in q["options"]] for x in v) and len(set(v)) == len(v),
               "ranking": lambda v: isinstance(v, list) and sorted(v) == sorted(o["id"] for o in q["options"]),
               "date": lambda v: isinstance(v, str) and re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", v),
               "duration": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool) and v >= 0,
               "text": lambda v: isinstance(v, str) and v.strip() == v and v}[t](v)
        if not okv:
            errors.append(f"{name}: {qid} value {v!r} not a {t}")
        if "other" in a and not (t == "multiple_choice" and "other" in v and isinstance(a["other"], str)):
            errors.append(f"{name}: {qid} other")
        if t == "multiple_choice" and "none" in v and len(v) > 1:
            errors.append(f"{name}: {qid} none with others")
    for qid in e["missing"]:
        if qid not in ids or qid in e["answers"]:
            errors.append(f"{name}: missing {qid}")
print(f"{len(glob.glob(os.path.join(d, '*.eml')))} cases, {n} expected answers: {dict(statuses)}")
print("\n".join(errors) or "no errors")
