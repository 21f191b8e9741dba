"""Helpers of the reading phase of scripts/bench (20-read); not a phase.

  read.py fill DB MAILDIR MAILBOX N      N replies into a Dovecot Maildir, as a real inbox
                                         holds them (see `fill`); prints the counts as JSON
  read.py fetch HOST PORT CA USER N      a plain fetch over TLS (imaplib, UID FETCH
                                         BODY.PEEK[] in batches of 500, into memory);
                                         prints seconds
  read.py run HOST PORT CA USER DB -- COMMAND...
                                         starts COMMAND (the daemon), waits until the store
                                         has processed every message and the INBOX is
                                         empty, then stops it; prints JSON: seconds, peak
                                         RSS in KB, messages processed, follow-ups queued (by kind) and sent

The password is in $MAILSTACK_PASSWORD.
"""

import glob
import imaplib
import json
import os
import re
import signal
import sqlite3
import ssl
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BATCH = 500


def fixtures(corpus, want):
    """The .eml files of a corpus whose .json says what `want` accepts."""
    out = []
    for path in sorted(glob.glob(os.path.join(ROOT, "tests/fixtures", corpus, "*.json"))):
        with open(path) as f:
            meta = json.load(f)
        if want(meta):
            with open(path[:-5] + ".eml", "rb") as f:
                out.append((f.read(), meta))
    return out


MESSAGE_ID = re.compile(rb"^Message-ID:[^\r\n]*(\r?\n[ \t][^\r\n]*)*", re.I | re.M)


def unique(raw, n):
    """The message with a Message-ID of its own (the daemon drops duplicates)."""
    mid = b"Message-ID: <bench.%d@doctors.test>" % n
    if MESSAGE_ID.search(raw):
        return MESSAGE_ID.sub(mid, raw, count=1)
    return mid + b"\r\n" + raw


# Of every 20 messages: 17 replies, one from a stranger, one automatic
# reply, one delivery report.
PATTERN = ["matched"] * 17 + ["unmatched", "automatic", "bounce"]
FROM = re.compile(rb"^From:[^\r\n]*(\r?\n[ \t][^\r\n]*)*", re.M)


def counts(n):
    kinds = [PATTERN[i % 20] for i in range(n)]
    return kinds, kinds.count("matched"), kinds.count("bounce")


def fill(db, maildir, mailbox, n):
    """Writes n messages into the INBOX Maildir, mixed as PATTERN says:
    replies with the token of an invited person from that person's address,
    each from a different person (the reply corpus's styles in turn);
    replies from unlisted senders without a token; automatic replies and
    delivery reports of the bounce corpus, the reports naming invited
    people who did not reply."""
    local = mailbox.split("@")[0].encode()
    conn = sqlite3.connect(db)
    people = conn.execute(
        "SELECT selector || verifier, email FROM recipients ORDER BY id"
    ).fetchall()
    replies = fixtures("replies", lambda m: m["kind"] == "reply" and m.get("token"))
    autos = fixtures("bounces", lambda m: m["kind"] == "auto_reply")
    bounces = fixtures("bounces", lambda m: m["kind"] == "bounce" and m.get("bounced_recipients"))
    kinds, matched, bounced = counts(n)
    assert len(people) >= matched + bounced, "the store lists %d people" % len(people)
    for d in ("new", "tmp", "cur"):
        os.makedirs(os.path.join(maildir, d), exist_ok=True)
    import pwd
    mail = pwd.getpwnam("mail")
    stamp = int(time.time())
    replied = reported = 0
    for i, kind in enumerate(kinds):
        if kind == "matched":
            token, email = people[replied]
            replied += 1
            raw, meta = replies[i % len(replies)]
            old = meta["token"].encode()
            raw = raw.replace(b"survey+" + old, local + b"+" + token.encode())
            raw = raw.replace(old, token.encode())
            raw = FROM.sub(b"From: <" + email.encode() + b">", raw, count=1)
        elif kind == "unmatched":
            raw, meta = replies[i % len(replies)]
            raw = raw.replace(b"survey+" + meta["token"].encode(), local)
            raw = raw.replace(meta["token"].encode(), b"")
            raw = FROM.sub(b"From: <stranger%d@elsewhere.test>" % i, raw, count=1)
        elif kind == "automatic":
            raw, _ = autos[i % len(autos)]
        else:
            raw, meta = bounces[i % len(bounces)]
            _, email = people[matched + reported]
            reported += 1
            for failed in meta["bounced_recipients"]:
                raw = raw.replace(failed.encode(), email.encode())
        raw = unique(raw, i)
        name = "%d.M%dP%d.bench,S=%d" % (stamp, i, os.getpid(), len(raw))
        path = os.path.join(maildir, "tmp", name)
        with open(path, "wb") as f:
            f.write(raw)
        os.chown(path, mail.pw_uid, mail.pw_gid)
        os.rename(path, os.path.join(maildir, "new", name))
    for d in ("", "new", "tmp", "cur"):
        os.chown(os.path.join(maildir, d), mail.pw_uid, mail.pw_gid)
    print(json.dumps({"messages": n, "matched": matched, "bounces": bounced}))


def login(host, port, ca, user):
    context = ssl.create_default_context(cafile=ca)
    imap = imaplib.IMAP4_SSL(host, int(port), ssl_context=context)
    imap.login(user, os.environ["MAILSTACK_PASSWORD"])
    return imap


def fetch(host, port, ca, user, n):
    """The plain fetch: every message of the INBOX into memory."""
    start = time.perf_counter()
    imap = login(host, port, ca, user)
    imap.select("INBOX", readonly=True)
    typ, data = imap.uid("SEARCH", None, "ALL")
    uids = data[0].split()
    held = []
    for first in range(0, len(uids), BATCH):
        chunk = b",".join(uids[first:first + BATCH]).decode()
        typ, data = imap.uid("FETCH", chunk, "(BODY.PEEK[])")
        assert typ == "OK", data
        held.extend(part[1] for part in data if isinstance(part, tuple))
    imap.logout()
    seconds = time.perf_counter() - start
    assert len(held) == int(n), "fetched %d of %s" % (len(held), n)
    print("%.6f" % seconds)


def peak_rss_kb(pid):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def cpu_seconds(pid):
    """The CPU time (user and system, every thread) a process has used."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except OSError:
        return 0.0


def machine_busy():
    """The CPU seconds the whole machine has been busy (every process and
    the kernel), from /proc/stat."""
    with open("/proc/stat") as f:
        fields = f.readline().split()
    return sum(int(fields[i]) for i in (1, 2, 3, 6, 7, 8)) / os.sysconf("SC_CLK_TCK")


def run(host, port, ca, user, db, command):
    """The daemon, timed from its start until every message is processed
    and filed out of the INBOX."""
    imap = login(host, port, ca, user)
    typ, data = imap.status("INBOX", "(MESSAGES)")
    waiting = int(re.search(rb"MESSAGES (\d+)", data[0]).group(1))
    start = time.perf_counter()
    busy = machine_busy()
    daemon = subprocess.Popen(command, stdout=subprocess.DEVNULL,
                              stderr=open(os.environ.get("BENCH_READ_LOG", os.devnull), "w"))
    conn = None
    processed = 0
    rss = 0
    deadline = start + float(os.environ.get("BENCH_READ_LIMIT", "900"))
    try:
        while True:
            time.sleep(0.05)
            assert daemon.poll() is None, "the daemon exited: %s" % daemon.returncode
            rss = max(rss, peak_rss_kb(daemon.pid))
            assert time.perf_counter() < deadline, "not done in time: %d processed" % processed
            if conn is None and os.path.exists(db):
                conn = sqlite3.connect("file:%s?mode=ro" % db, uri=True, timeout=10)
            if conn is None:
                continue
            try:
                processed = conn.execute(
                    "SELECT COUNT(*) FROM messages WHERE state != 'new'").fetchone()[0]
            except sqlite3.OperationalError:
                continue
            if processed < waiting:
                continue
            typ, data = imap.status("INBOX", "(MESSAGES)")
            if int(re.search(rb"MESSAGES (\d+)", data[0]).group(1)) == 0:
                break
        seconds = time.perf_counter() - start
        machine = machine_busy() - busy
        rss = max(rss, peak_rss_kb(daemon.pid))
        cpu = cpu_seconds(daemon.pid)
    finally:
        daemon.send_signal(signal.SIGTERM)
        try:
            daemon.wait(timeout=30)
        except subprocess.TimeoutExpired:
            daemon.kill()
            daemon.wait()
    imap.logout()
    kinds = dict(conn.execute(
        "SELECT kind, COUNT(*) FROM outbox WHERE kind != 'invitation' GROUP BY kind").fetchall())
    sent = conn.execute(
        "SELECT COUNT(*) FROM outbox WHERE kind != 'invitation' AND state = 'sent'").fetchone()[0]
    print(json.dumps({"seconds": seconds, "cpu_seconds": cpu, "machine_cpu_seconds": machine, "rss_kb": rss, "processed": processed,
                      "follow_ups": sum(kinds.values()), "follow_ups_sent": sent,
                      "by_kind": kinds}))


def main():
    args = sys.argv[1:]
    if args[:1] == ["fill"] and len(args) == 5:
        fill(args[1], args[2], args[3], int(args[4]))
    elif args[:1] == ["fetch"] and len(args) == 6:
        fetch(*args[1:])
    elif args[:1] == ["run"] and "--" in args:
        cut = args.index("--")
        run(*args[1:cut], args[cut + 1:])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
