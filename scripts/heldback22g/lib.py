"""The seventh held-back set of issue 22 (heldback22g): replies to config/seed-full.toml from
Aisha Lewis to the invitation of 1 Dec 2026 09:00 UTC, sent 21-29 Dec 2026.
Everything else is scripts/heldback_common/mailgen.py."""
import datetime, os, sys
sys.path.insert(1, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "heldback_common"))
import mailgen  # noqa: E402

IDS = ["used_ketamine", "situations", "confidence", "confidence_areas.dosing", "confidence_areas.routes",
       "confidence_areas.side_effects", "barriers", "barrier_rank", "written_protocol", "protocol_shared", "training",
       "last_prescribed", "years_in_palliative", "comments"]
# show_if: question -> the yes/no question whose yes it needs
CONDITION = {"situations": "used_ketamine", "confidence_areas.dosing": "used_ketamine",
             "confidence_areas.routes": "used_ketamine", "confidence_areas.side_effects": "used_ketamine",
             "last_prescribed": "used_ketamine", "protocol_shared": "written_protocol"}
mailgen.configure("heldback22g", "invitation-aisha-seed-full.eml", "kqzspgmacb4z5aaaz6kdsuzxwjh5znlp", IDS,
                  [i for i in IDS if i not in ("last_prescribed", "comments")], ("Aisha", "Lewis", "aisha.lewis@riverside-pcu.test"),
                  datetime.datetime(2026, 12, 1, 9, 0, 0), replies=(datetime.datetime(2026, 12, 21, 8, 0), 9, 13),
                  condition=CONDITION)
from mailgen import *  # noqa: E402,F401,F403
