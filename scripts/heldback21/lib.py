"""The first held-back set of issue 21 (tests/fixtures/heldback/): replies to config/example.toml
from Jack Clarke, to an invitation dated 5 January 2026, every reply dated the next day.
Everything else is scripts/heldback_common/mailgen.py."""
import datetime, os, sys
sys.path.insert(1, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "heldback_common"))
import mailgen  # noqa: E402

IDS = ["end_of_life", "early_adjuvant", "opioid_sparing", "confidence", "barriers",
       "written_protocol", "shared_guidance", "training", "research", "comments"]
mailgen.configure("heldback21", "invitation-jack.eml", "kv2h4aqxmvoeav4e7oxmo74mkeafjul6", IDS, IDS[:9], ("Jack", "Clarke", "jack.clarke@north-hospice.test"),
                  datetime.datetime(2026, 1, 5, 9, 0), fixed_date="Tue, 6 Jan 2026 10:12:00 +0000",
                  thread_index="AQHcfk3X2qJ8v0H0Tk6bQ1mW3yZp8A==")
from mailgen import *  # noqa: E402,F401,F403
