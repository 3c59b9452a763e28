#!/usr/bin/env python3
"""Load held (issue 12 point 7); run by bench/soak.sh. Python 3 stdlib only.

chancery-searchd serves the Reuters corpus while CLIENTS threads send
queries that never repeat (one to three words of the corpus vocabulary,
with a varying sort, page and filter), and chancery-index adds ARTICLES new
articles in batches, one run per minute. Prints a line per minute:
requests/s, p50 and p99 latency, errors (must be 0), searchd's RSS, the
index's article count; and a verdict on errors and RSS growth after the
first (warm-up) minute. Exits 1 on errors or growth beyond --growth-mb.
"""
import argparse
import collections
import http.client
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

from bench_lib import Searchd, add_common_args, load_corpus, rss_mb, \
    write_copies


def vocabulary(articles, size):
    counts = collections.Counter()
    for a in articles:
        text = (a.get("title", "") + " " + a.get("body", "")).lower()
        counts.update(re.findall(r"[a-z]{4,14}", text))
    return [w for w, c in counts.most_common(size) if c >= 3]


class Queries:
    """Search targets that never repeat within a run."""

    SORTS = ["", "&sort=date", "&sort=date_asc"]
    EXTRAS = ["", "", "&facets=", "&lang=en", "&from=1987-03",
              "&facets=country,org&facet_size=5", "&size=0"]

    def __init__(self, words, seed):
        self.words = words
        self.rng = random.Random(seed)
        self.seen = set()
        self.lock = threading.Lock()

    def next(self):
        with self.lock:
            while True:
                n = self.rng.choice((1, 1, 2, 2, 3))
                q = " ".join(self.rng.choice(self.words) for _ in range(n))
                if self.rng.random() < 0.1:
                    q = q[:max(3, len(q) // 2)].rstrip() + "*"
                target = "/api/search?q=%s&page=%d%s%s" % (
                    urllib.parse.quote(q), self.rng.randint(1, 3),
                    self.rng.choice(self.SORTS), self.rng.choice(self.EXTRAS))
                if target not in self.seen:
                    self.seen.add(target)
                    return target


def percentile(sorted_values, p):
    if not sorted_values:
        return float("nan")
    i = min(len(sorted_values) - 1, int(p / 100.0 * len(sorted_values)))
    return sorted_values[i]


def main():
    p = argparse.ArgumentParser()
    p.add_argument("minutes", nargs="?", type=int, default=10)
    add_common_args(p, batch=1000, seed=7)
    p.add_argument("--clients", type=int, default=8)
    p.add_argument("--articles", type=int, default=50000)
    p.add_argument("--growth-mb", type=float, default=32.0)
    a = p.parse_args()
    if not os.path.exists(a.corpus):
        sys.exit("soak: no corpus at %s" % a.corpus)
    work = tempfile.mkdtemp(prefix="chancery-soak-")
    index = os.path.join(a.bin, "chancery-index")
    try:
        articles = load_corpus(a.corpus)
        words = vocabulary(articles, 6000)
        db = os.path.join(work, "db")
        base = os.path.join(work, "base.jsonl")
        write_copies(articles, base, len(articles), "base")
        t = time.monotonic()
        subprocess.run([index, "--db", db, base], check=False,
                       stderr=subprocess.DEVNULL)
        print("soak: %s, %d cores; base index %d articles in %.0f s; %d "
              "clients, %d minutes, %d articles added in batches of %d; "
              "vocabulary %d words" %
              (time.strftime("%Y-%m-%d %H:%M"), os.cpu_count(),
               len(articles), time.monotonic() - t, a.clients, a.minutes,
               a.articles, a.batch, len(words)))
        # The new articles: copies of the corpus under new ids, one file a
        # minute, each indexed by one run.
        per_minute = (a.articles + a.minutes - 1) // a.minutes
        chunks = []
        for m in range(a.minutes):
            path = os.path.join(work, "add%02d.jsonl" % m)
            count = min(per_minute, a.articles - m * per_minute)
            write_copies(articles[(m * per_minute) % len(articles):] +
                         articles, path, max(0, count), "soak%d-" % m)
            chunks.append(path)

        sd = Searchd(a.bin, db, work)
        port = sd.port
        before = sd.get("/api/stats")[1]["articles"]

        queries = Queries(words, a.seed)
        start = time.monotonic()
        end = start + 60 * a.minutes
        samples = collections.defaultdict(list)   # minute -> latencies (ms)
        errors = collections.defaultdict(int)
        error_examples = []
        lock = threading.Lock()

        def client():
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            while True:
                now = time.monotonic()
                if now >= end:
                    return
                target = queries.next()
                t0 = time.monotonic()
                try:
                    conn.request("GET", target)
                    r = conn.getresponse()
                    body = r.read()
                    ok = r.status == 200 and body[:1] == b"{"
                    why = "%d %s" % (r.status, body[:120])
                    if r.getheader("Connection", "").lower() == "close":
                        conn.close()
                except (OSError, http.client.HTTPException) as e:
                    ok, why = False, repr(e)
                    conn.close()
                ms = (time.monotonic() - t0) * 1000.0
                minute = int((t0 - start) // 60)
                with lock:
                    if ok:
                        samples[minute].append(ms)
                    else:
                        errors[minute] += 1
                        if len(error_examples) < 5:
                            error_examples.append(target + " -> " + why)

        threads = [threading.Thread(target=client) for _ in range(a.clients)]
        for th in threads:
            th.start()
        rss = collections.defaultdict(float)
        heap = collections.defaultdict(float)
        docs = {}
        indexer, next_chunk, index_runs = None, 0, []
        while time.monotonic() < end:
            minute = int((time.monotonic() - start) // 60)
            if (next_chunk <= minute and next_chunk < len(chunks) and
                    (indexer is None or indexer.poll() is not None)):
                if indexer is not None:
                    index_runs.append(time.monotonic() - index_started)
                index_started = time.monotonic()
                indexer = subprocess.Popen(
                    [index, "--db", db, "--batch-size", str(a.batch),
                     chunks[next_chunk]], stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL)
                next_chunk += 1
            rss[minute] = max(rss[minute], rss_mb(sd.proc.pid))
            heap[minute] = max(heap[minute], sd.heap_in_use_mb())
            status, stats = sd.get("/api/stats")
            if status == 200:
                docs[minute] = stats["articles"]
            time.sleep(1.0)
        for th in threads:
            th.join()
        if indexer is not None:
            indexer.wait()
            index_runs.append(time.monotonic() - index_started)

        print("%6s %9s %8s %8s %8s %7s %11s %8s %9s" %
              ("minute", "requests", "req/s", "p50 ms", "p99 ms", "errors",
               "searchd MB", "heap MB", "articles"))
        total_req = total_err = 0
        for m in range(a.minutes):
            lat = sorted(samples[m])
            total_req += len(lat) + errors[m]
            total_err += errors[m]
            print("%6d %9d %8.0f %8.1f %8.1f %7d %11.0f %8.1f %9s" %
                  (m + 1, len(lat) + errors[m], (len(lat) + errors[m]) / 60.0,
                   percentile(lat, 50), percentile(lat, 99), errors[m],
                   rss[m], heap[m], docs.get(m, "?")))
        warm = [rss[m] for m in range(1, a.minutes)]
        growth = (max(warm) - warm[0]) if len(warm) > 1 else 0.0
        print("total: %d requests (%d distinct), %d errors; searchd RSS "
              "after warm-up %.0f -> %.0f MB (max growth %.0f MB); %d indexer "
              "runs, %.0f s each on average" %
              (total_req, len(queries.seen), total_err,
               warm[0] if warm else rss[0], warm[-1] if warm else rss[0],
               growth, len(index_runs),
               sum(index_runs) / max(1, len(index_runs))))
        for e in error_examples:
            print("  error: " + e)
        time.sleep(1.5)  # past the reload interval
        status, stats = sd.get("/api/stats")
        print("index at the end: %s articles (%d before the soak + %d added)"
              % (stats.get("articles") if status == 200 else "?",
                 before, a.articles))
        sd.stop()
        ok = total_err == 0 and growth <= a.growth_mb
        print("soak: %s" % ("held" if ok else "FAILED"))
        sys.exit(0 if ok else 1)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
