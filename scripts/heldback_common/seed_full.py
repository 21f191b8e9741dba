"""The seed-full survey (config/seed-full.toml) as the corpus generators of
our own write replies to it: its answer ids, its conditions, and
`mailgen` configured for Dr Aisha Lewis's invitation
(tests/fixtures/sources/invitation-aisha-seed-full.eml, sent Tue 1 Dec
2026 09:00 UTC), with replies dated from `first_reply` on. The client
writers (clients.py, clients_new.py) take the configured set from a module
named `lib`, so `configure` registers `mailgen` under that name. The
held-back sets keep their own lib.py on purpose (written apart)."""
import datetime
import sys

import mailgen

IDS = ["used_ketamine", "situations", "confidence", "confidence_areas.dosing", "confidence_areas.routes",
       "confidence_areas.side_effects", "barriers", "barrier_rank", "written_protocol", "protocol_shared", "training",
       "last_prescribed", "years_in_palliative", "comments"]
CONDITION = {"situations": "used_ketamine", "confidence_areas.dosing": "used_ketamine",
             "confidence_areas.routes": "used_ketamine", "confidence_areas.side_effects": "used_ketamine",
             "last_prescribed": "used_ketamine", "protocol_shared": "written_protocol"}


def configure(name, first_reply):
    """Configures `mailgen` for the set `name` (message ids and boundaries
    derive from it), replies from `first_reply` on."""
    mailgen.configure(name, "invitation-aisha-seed-full.eml", "kqzspgmacb4z5aaaz6kdsuzxwjh5znlp", IDS,
                      [i for i in IDS if i not in ("last_prescribed", "comments")],
                      ("Aisha", "Lewis", "aisha.lewis@riverside-pcu.test"),
                      datetime.datetime(2026, 12, 1, 9, 0, 0), replies=(first_reply, 5, 12),
                      condition=CONDITION)
    sys.modules["lib"] = mailgen
