#!/usr/bin/env python3
"""Faults and input bombs at full size (issue 12 points 5 and 6); run by
bench/faults.sh, which builds the binaries. Python 3 stdlib only.

Sections (all by default, or name some: kills diskfull damaged bombs):
  kills     chancery-index SIGKILLed at KILLS random points over the Reuters
            corpus replicated REPLICAS times, while chancery-searchd serves
            the same index and a poller checks that its total only moves in
            whole batches; then a re-run, whose count and checksum must
            equal an uninterrupted run's. Bounded by --kill-seconds.
  diskfull  a 16 MB tmpfs fills up while indexing: exit 1, one clear line,
            the last commit readable with the count the line gives.
  damaged   searchd over an index whose files are overwritten with garbage:
            answers per status, then seconds to recover after an in-place
            repair and after a replace by rename.
  bombs     a 10 MB gzip inflating to 10 GB, a 200 MB JSON line, a JSON
            array of 5 million objects, a 100 MB HTML page, XML feeds with
            an external entity and an entity-expansion bomb, a 1 GB text
            file without a newline: exit status, seconds, peak RSS, first
            message, and whether the next input's article was indexed.
Prints figures; exits 1 when a property fails.
"""
import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import zlib

from bench_lib import Searchd, add_common_args, load_corpus, write_copies

FAILURES = []


def check(ok, what):
    if not ok:
        FAILURES.append(what)
        print("  FAILED: " + what)
    return ok


def run_measured(argv):
    """Runs argv; returns (exit status, seconds, peak RSS MB, stderr head).

    Peak RSS comes from GNU time when there is one: wait4's ru_maxrss of a
    child spawned by this (large) Python process would include this
    process's own peak, which Linux records when the child execs.
    """
    err_path = tempfile.mktemp(prefix="faults-err-")
    rss_path = err_path + ".rss"
    timer = ["/usr/bin/time", "-f", "%M", "-o", rss_path] \
        if os.path.exists("/usr/bin/time") else []
    start = time.monotonic()
    with open(err_path, "wb") as err:
        p = subprocess.Popen(timer + argv, stdout=subprocess.DEVNULL,
                             stderr=err)
        _, status, usage = os.wait4(p.pid, 0)
    seconds = time.monotonic() - start
    rc = os.waitstatus_to_exitcode(status)
    rss = usage.ru_maxrss / 1024.0
    if timer:
        with open(rss_path) as f:
            lines = f.read().split()
        rss = int(lines[-1]) / 1024.0
        os.remove(rss_path)
    with open(err_path, "rb") as f:
        text = f.read(1 << 16).decode("utf-8", "replace")
    os.remove(err_path)
    return rc, seconds, rss, text


def checksum(bin_dir, db):
    out = subprocess.run([os.path.join(bin_dir, "index_checksum"), db],
                         capture_output=True, text=True)
    if out.returncode != 0:
        return None
    _, n, _, h = out.stdout.split()
    return int(n), h


def write_replicated(corpus, path, replicas):
    """The corpus REPLICAS times, ids suffixed so each copy is new."""
    articles = load_corpus(corpus)
    write_copies(articles, path, len(articles) * replicas, "r")
    return len(articles) * replicas


# --- kills -----------------------------------------------------------------

def section_kills(a, work):
    print("\n== kills: %d SIGKILLs of chancery-index while searchd serves" %
          a.kills)
    index = os.path.join(a.bin, "chancery-index")
    corpus_copy = os.path.join(work, "kills.jsonl")
    lines = write_replicated(a.corpus, corpus_copy, a.replicas)
    batch = a.batch
    args = ["--batch-size", str(batch), corpus_copy]
    ref = os.path.join(work, "reference")
    # Exit 3: Reuters has a few empty articles, rejected.
    rc, secs, rss, err = run_measured([index, "--db", ref] + args)
    check(rc in (0, 3), "uninterrupted run exit %d: %s" % (rc, err[-300:]))
    expected = checksum(a.bin, ref)
    n = expected[0]
    print("  input: %d articles (%s x%d), batch %d; uninterrupted run %.1f s,"
          " %s" % (lines, os.path.basename(a.corpus), a.replicas, batch,
                   secs, expected))
    db = os.path.join(work, "db")
    subprocess.run([index, "--db", db, "--delete", "none"],
                   capture_output=True)
    sd = Searchd(a.bin, db, work, ["--reload-interval-ms", "50"])
    stop = threading.Event()
    seen = {"answers": 0, "bad": [], "totals": set(), "backwards": 0,
            "last": 0}

    def poll():
        last = 0
        while not stop.is_set():
            status, body = sd.get("/api/search?q=&size=0&facets=")
            if status != 200 or not isinstance(body, dict):
                seen["bad"].append("%s %s" % (status, str(body)[:200]))
            else:
                t = body["total"]
                seen["answers"] += 1
                seen["totals"].add(t)
                if t % batch != 0 and t != n:
                    seen["bad"].append("half-written batch: total %d" % t)
                if t < last:
                    seen["backwards"] += 1
                last = seen["last"] = t
            time.sleep(0.005)

    poller = threading.Thread(target=poll)
    poller.start()
    rng = random.Random(a.seed)
    start = time.monotonic()
    kills, at_commit, prev = 0, 0, 0
    kill_counts = []
    while (kills < a.kills and time.monotonic() - start < a.kill_seconds and
           prev + 2 * batch <= n):
        # Kill once searchd shows 1 or 2 more batches, plus up to 300 ms:
        # inside the analysis of the next batch or inside its commit.
        target = prev + batch * rng.randint(1, 2)
        p = subprocess.Popen([index, "--db", db] + args,
                             stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
        while p.poll() is None and seen["last"] < target:
            time.sleep(0.005)
        time.sleep(rng.uniform(0, 0.3))
        finished = p.poll() is not None
        p.send_signal(signal.SIGKILL)
        p.wait()
        now = checksum(a.bin, db)
        check(now is not None, "index does not open after a kill")
        if now is None or finished:
            break  # finished before the kill: the index is complete
        kills += 1
        at_commit += now[0] % batch == 0
        check(now[0] >= prev, "count went back %d -> %d" % (prev, now[0]))
        prev = now[0]
        kill_counts.append(now[0])
    rc, rsecs, _, err = run_measured([index, "--db", db] + args)
    check(rc in (0, 3), "re-run exit %d: %s" % (rc, err[-300:]))
    time.sleep(0.3)
    stop.set()
    poller.join()
    got = checksum(a.bin, db)
    print("  %d kills in %.0f s; counts after each kill: %s" %
          (kills, time.monotonic() - start,
           " ".join(str(c) for c in kill_counts)))
    print("  at a commit after every kill: %d of %d" % (at_commit, kills))
    print("  re-run %.1f s -> %s; uninterrupted %s" % (rsecs, got, expected))
    print("  searchd: %d answers, %d distinct totals, %d bad, %d backwards,"
          " alive %s" % (seen["answers"], len(seen["totals"]),
                         len(seen["bad"]), seen["backwards"], sd.alive()))
    check(kills == a.kills, "only %d kills within the time bound" % kills)
    check(at_commit == kills, "an index was not at a commit")
    check(got == expected, "count/checksum differ from uninterrupted run")
    check(not seen["bad"], "bad answers: %s" % seen["bad"][:3])
    check(seen["backwards"] == 0, "total went backwards")
    check(sd.alive(), "searchd died")
    sd.stop()
    shutil.rmtree(db, ignore_errors=True)
    shutil.rmtree(ref, ignore_errors=True)


# --- disk full -------------------------------------------------------------

def section_diskfull(a, work):
    print("\n== diskfull: a 16 MB tmpfs fills up while indexing")
    mnt = os.path.join(work, "mnt")
    os.makedirs(mnt, exist_ok=True)
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs",
                       mnt]).returncode != 0:
        print("  SKIPPED: cannot mount a tmpfs (needs root)")
        return
    try:
        index = os.path.join(a.bin, "chancery-index")
        corpus_copy = os.path.join(work, "diskfull.jsonl")
        write_replicated(a.corpus, corpus_copy, 3)
        first = os.path.join(work, "first.jsonl")
        with open(corpus_copy) as f, open(first, "w") as out:
            for i, line in enumerate(f):
                if i >= 2000:
                    break
                out.write(line)
        db = os.path.join(mnt, "db")
        rc, _, _, err = run_measured([index, "--db", db, first])
        check(rc in (0, 3), "first run exit %d" % rc)
        before = checksum(a.bin, db)
        rc, secs, _, err = run_measured([index, "--db", db, "--batch-size",
                                         "2000", corpus_copy])
        after = checksum(a.bin, db)
        lines = [l for l in err.splitlines() if "error" in l]
        print("  before: %s; full run exit %d after %.1f s" %
              (before, rc, secs))
        print("  message: %s" % (lines[0] if lines else "(none)"))
        print("  after: %s" % (after,))
        check(rc == 1, "exit %d, not 1" % rc)
        check(len(lines) == 1, "%d error lines" % len(lines))
        check(after is not None, "index does not open after the disk filled")
        said = None
        if lines and "last commit (" in lines[0]:
            said = int(lines[0].split("last commit (")[1].split()[0])
        check(after is not None and said == after[0],
              "the line says %s articles, the index has %s" %
              (said, after and after[0]))
    finally:
        subprocess.run(["umount", mnt])


# --- damaged index ---------------------------------------------------------

TARGETS = ["/api/search?q=oil+prices&size=10",
           "/api/search?q=&size=10&sort=date",
           "/api/search?q=bank*&size=5&facets=country,person,org",
           "/api/facet/country?prefix=u", "/api/stats", "/api/health"]


def damage(db, seed):
    rng = random.Random(seed)
    for name in ("postlist.glass", "docdata.glass"):
        path = os.path.join(db, name)
        size = os.path.getsize(path)
        with open(path, "r+b") as f:
            f.seek(8192)
            f.write(bytes(rng.randrange(256) for _ in range(size - 8192)))


def recovery_seconds(sd, limit=10.0):
    start = time.monotonic()
    while time.monotonic() - start < limit:
        if all(sd.get(t)[0] == 200 for t in TARGETS):
            return time.monotonic() - start
        time.sleep(0.02)
    return None


def section_damaged(a, work):
    print("\n== damaged: searchd over an index damaged under it")
    index = os.path.join(a.bin, "chancery-index")
    good = os.path.join(work, "good")
    # One plain database (no stub): damage() and the repair copy its files.
    rc, _, _, _ = run_measured([index, "--db", good, "--shards", "1",
                                "--compact=false", a.corpus])
    db = os.path.join(work, "live")
    shutil.copytree(good, db)
    sd = Searchd(a.bin, db, work, ["--reload-interval-ms", "50"])
    for step in ("repair in place", "replace by rename"):
        damage(db, 7)
        time.sleep(0.2)
        statuses = {}
        for t in TARGETS * 5:
            status, body = sd.get(t)
            ok_json = isinstance(body, dict)
            key = "%s%s" % (status, "" if ok_json else " (not JSON)")
            statuses[key] = statuses.get(key, 0) + 1
        print("  damaged: answers by status %s" % statuses)
        check(set(statuses) <= {"200", "503"}, "answers other than 200/503")
        check("503" in statuses, "damage not noticed")
        if step == "repair in place":
            for name in os.listdir(good):
                shutil.copyfile(os.path.join(good, name),
                                os.path.join(db, name))
        else:
            shutil.copytree(good, db + ".new")
            os.rename(db, db + ".old")
            os.rename(db + ".new", db)
        secs = recovery_seconds(sd)
        print("  after %s: all 200 again in %s s" %
              (step, "%.2f" % secs if secs is not None else "NEVER"))
        check(secs is not None, "no recovery after " + step)
    check(sd.alive(), "searchd died")
    print("  searchd exit on SIGTERM: %d" % sd.stop())


# --- bombs -----------------------------------------------------------------

BEFORE = '{"id":"before","title":"Before the bomb","body":"Indexed first."}\n'
AFTER = '{"id":"after","title":"After the bomb","body":"Still indexed."}\n'


def gzip_member(pieces):
    c = zlib.compressobj(9, zlib.DEFLATED, 31)
    out = [c.compress(p) for p in pieces]
    out.append(c.flush())
    return b"".join(out)


def make_bombs(d):
    bombs = []
    path = os.path.join(d, "bomb10g.jsonl.gz")
    with open(path, "wb") as f:
        f.write(gzip_member([BEFORE.encode(),
                             b'{"id":"bomb","title":"x","body":"']))
        f.write(gzip_member(b"a" * (1 << 20) for _ in range(10 * 1024)))
        f.write(gzip_member([b'"}\n' + AFTER.encode()]))
    bombs.append(("gzip 10 GB inflated", [path]))
    path = os.path.join(d, "line200m.jsonl")
    with open(path, "w") as f:
        f.write(BEFORE + '{"id":"bomb","title":"x","body":"')
        for _ in range(200):
            f.write("w" * (1 << 20))
        f.write('"}\n' + AFTER)
    bombs.append(("JSON line 200 MB", [path]))
    path = os.path.join(d, "array5m.json")
    with open(path, "w") as f:
        f.write("[\n" + BEFORE.strip() + ",\n")
        for i in range(5000000):
            f.write('{"n":%d},' % i)
        f.write("\n" + AFTER.strip() + "]\n")
    bombs.append(("JSON array 5M objects", [path]))
    after = os.path.join(d, "after.jsonl")
    with open(after, "w") as f:
        f.write(AFTER)
    path = os.path.join(d, "page100m.html")
    chunk = "<p>Ministers met in Geneva to discuss the agenda.</p>\n" * 1000
    with open(path, "w") as f:
        f.write("<html><head><title>Huge</title></head><body>\n")
        for _ in range((100 << 20) // len(chunk)):
            f.write(chunk)
        f.write("</body></html>\n")
    bombs.append(("HTML page 100 MB", [path, after]))
    secret = os.path.join(d, "secret.txt")
    with open(secret, "w") as f:
        f.write("TOPSECRET")
    path = os.path.join(d, "xxe.xml")
    with open(path, "w") as f:
        f.write('<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY x SYSTEM '
                '"file://%s">]>\n<rss><channel><item><title>A &x; B</title>'
                '<description>&x;</description></item></channel></rss>\n'
                % secret)
    bombs.append(("XML external entity", [path, after]))
    path = os.path.join(d, "lol.xml")
    with open(path, "w") as f:
        f.write('<?xml version="1.0"?>\n<!DOCTYPE rss [\n'
                ' <!ENTITY a0 "lollollollollollollollollollollol">\n')
        for i in range(1, 13):
            f.write(' <!ENTITY a%d "%s">\n' % (i, ("&a%d;" % (i - 1)) * 10))
        f.write(']>\n<rss><channel><item><title>Bomb &a12;</title>'
                '<description>x</description></item></channel></rss>\n')
    bombs.append(("XML entity expansion", [path, after]))
    path = os.path.join(d, "flat1g.txt")
    with open(path, "wb") as f:
        piece = b"a" * (1 << 20)
        for _ in range(1024):
            f.write(piece)
    bombs.append(("text 1 GB, no newline", [path, after]))
    return bombs


def section_bombs(a, work):
    print("\n== bombs: full size, default settings (entity models loaded)")
    d = os.path.join(work, "bombs")
    os.makedirs(d, exist_ok=True)
    t = time.monotonic()
    bombs = make_bombs(d)
    print("  generated in %.0f s" % (time.monotonic() - t))
    index = os.path.join(a.bin, "chancery-index")
    print("  %-24s %9s %4s %7s %8s  %-5s %s" %
          ("bomb", "on disk", "exit", "seconds", "peak RSS", "next", "message"))
    for label, files in bombs:
        db = os.path.join(d, "db")
        shutil.rmtree(db, ignore_errors=True)
        rc, secs, rss, err = run_measured([index, "--db", db] + files)
        contents = subprocess.run(
            [os.path.join(a.bin, "index_checksum"), db, "After the bomb",
             "TOPSECRET"], capture_output=True, text=True).stdout
        msgs = [l for l in err.splitlines()
                if "added," not in l and "%]" not in l]
        next_ok = "After the bomb: yes" in contents
        size = sum(os.path.getsize(f) for f in files)
        print("  %-24s %7.1f MB %4d %7.1f %6.0f MB  %-5s %s" %
              (label, size / 1e6, rc, secs, rss, "yes" if next_ok else "NO",
               (msgs[0] if msgs else "")[:110]))
        check(rc in (0, 1, 3), "%s: exit %d" % (label, rc))
        check(rss < a.rss_bound_mb, "%s: peak RSS %.0f MB over %d MB" %
              (label, rss, a.rss_bound_mb))
        check("TOPSECRET: no" in contents, "%s: file:// was read" % label)
        check(next_ok, "%s: the article after it was not indexed" % label)
    shutil.rmtree(d, ignore_errors=True)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("sections", nargs="*",
                   default=["kills", "diskfull", "damaged", "bombs"])
    add_common_args(p, batch=500, seed=12)
    p.add_argument("--kills", type=int, default=30)
    p.add_argument("--replicas", type=int, default=2)
    p.add_argument("--kill-seconds", type=float, default=600)
    p.add_argument("--rss-bound-mb", type=int, default=512)
    p.add_argument("--workdir", default=None)
    a = p.parse_args()
    if not os.path.exists(a.corpus):
        sys.exit("faults: no corpus at %s" % a.corpus)
    work = tempfile.mkdtemp(prefix="chancery-faults-", dir=a.workdir)
    print("faults: %s, %d cores, work dir %s" %
          (time.strftime("%Y-%m-%d %H:%M"), os.cpu_count(), work))
    try:
        for s in a.sections:
            globals()["section_" + s](a, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("\nfaults: %s" % ("all properties held" if not FAILURES else
                           "%d FAILED" % len(FAILURES)))
    sys.exit(1 if FAILURES else 0)


if __name__ == "__main__":
    main()
