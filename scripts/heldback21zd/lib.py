"""The thirtieth held-back set of issue 21 (heldback21zd): replies to config/example.toml from
Jack Clarke to the real invitation of 26 Nov 2026 00:48:48 UTC, sent 27 Nov - 30 Dec 2026, 07:00-21:59 UTC (before the close at 17:00 on the 31st).
Everything else is scripts/heldback_common/mailgen.py."""
import datetime, os, sys
sys.path.insert(1, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "heldback_common"))
import mailgen  # noqa: E402

IDS = ["end_of_life", "early_adjuvant", "opioid_sparing", "confidence", "barriers",
       "written_protocol", "shared_guidance", "training", "research", "comments"]
mailgen.configure("heldback21zd", "invitation-jack.eml", "kv2h4aqxmvoeav4e7oxmo74mkeafjul6", IDS, IDS[:9], ("Jack", "Clarke", "jack.clarke@north-hospice.test"),
                  datetime.datetime(2026, 11, 26, 0, 48, 48), replies=(datetime.datetime(2026, 11, 27, 7, 0), 34, 15))
from mailgen import *  # noqa: E402,F401,F403
