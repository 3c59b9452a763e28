#!/usr/bin/env python3
"""Slow and idle clients against chancery-searchd (issue 12, point 4).

Indexes the bundled sample, starts chancery-searchd on a free loopback port,
opens IDLE connections that never send a byte (from 127.0.0.2) and TRICKLE
clients that send a request header one byte a second (from 127.0.0.3, each
reconnecting when the server drops it), then times a normal client's queries
(from 127.0.0.1, one connection per query, as a script would) and prints
p50/p99/max and the failures. Every address is a different client to the
per-client cap; run it twice to see the gate alone (caps raised so every
attacker is admitted, the default) and with the default caps (--default-caps).

    bench/slow_clients.py [--idle 1000] [--trickle 200] [--queries 500]
Needs build/bin/chancery-index and chancery-searchd (cmake --build build).
"""
import argparse
import os
import resource
import selectors
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
QUERIES = ["trade", "summit", "Ukraine", "climate", "sanctions", "election",
           "minister", "Beijing", "talks", "nuclear", "oil", "ceasefire"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def connect(port, source):
    s = socket.socket()
    s.bind((source, 0))
    s.connect(("127.0.0.1", port))
    return s


def wait_healthy(port, proc):
    for _ in range(200):
        if proc.poll() is not None:
            sys.exit("chancery-searchd exited: %s" % proc.stderr.read())
        try:
            with socket.create_connection(("127.0.0.1", port), 0.2) as s:
                s.sendall(b"GET /api/health HTTP/1.1\r\nHost: b\r\n"
                          b"Connection: close\r\n\r\n")
                if s.recv(64).startswith(b"HTTP/1.1 200"):
                    return
        except OSError:
            pass
        time.sleep(0.05)
    sys.exit("chancery-searchd did not answer /api/health")


class Trickler(threading.Thread):
    """Clients each sending one header byte per second, reconnecting."""

    def __init__(self, port, count):
        super().__init__(daemon=True)
        self.port, self.count = port, count
        self.stop = threading.Event()
        self.reconnects = 0

    def run(self):
        header = (b"GET /api/search?q=slow HTTP/1.1\r\nHost: b\r\n"
                  b"X-Pad: " + b"a" * 4000 + b"\r\n\r\n")
        socks = {}
        for i in range(self.count):
            socks[i] = [connect(self.port, "127.0.0.3"), 0]
        while not self.stop.wait(1.0):
            for i, entry in list(socks.items()):
                s, sent = entry
                try:
                    s.send(header[sent:sent + 1])
                    entry[1] = sent + 1
                except OSError:
                    s.close()
                    self.reconnects += 1
                    try:
                        socks[i] = [connect(self.port, "127.0.0.3"), 0]
                    except OSError:
                        pass
        for s, _ in socks.values():
            s.close()


def timed_query(port, q):
    """Seconds for one query on a new connection, or None on failure."""
    start = time.perf_counter()
    try:
        with socket.create_connection(("127.0.0.1", port), 5) as s:
            s.sendall(("GET /api/search?q=%s HTTP/1.1\r\nHost: b\r\n"
                       "Connection: close\r\n\r\n" %
                       urllib.parse.quote(q)).encode())
            data = b""
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                data += chunk
    except OSError:
        return None
    if not data.startswith(b"HTTP/1.1 200"):
        return None
    return time.perf_counter() - start


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--idle", type=int, default=1000)
    ap.add_argument("--trickle", type=int, default=200)
    ap.add_argument("--queries", type=int, default=500)
    ap.add_argument("--default-caps", action="store_true",
                    help="keep the server's default connection caps")
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    args = ap.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))

    work = tempfile.mkdtemp(prefix="slow-clients-")
    try:
        db = os.path.join(work, "db")
        subprocess.run([os.path.join(args.build, "bin", "chancery-index"),
                        "--db", db,
                        os.path.join(ROOT, "data/sample/articles.jsonl")],
                       check=True, stderr=subprocess.DEVNULL)
        port = free_port()
        cmd = [os.path.join(args.build, "bin", "chancery-searchd"), "--db", db,
               "--listen", "127.0.0.1:%d" % port, "--access-log=false"]
        if not args.default_caps:
            cmd += ["--max-connections-per-client", "100000",
                    "--max-connections", "100000"]
        proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True)
        wait_healthy(port, proc)

        # Unloaded first, for comparison.
        quiet = [timed_query(port, QUERIES[i % len(QUERIES)])
                 for i in range(100)]
        idle = []
        refused = 0
        for _ in range(args.idle):
            try:
                idle.append(connect(port, "127.0.0.2"))
            except OSError:
                refused += 1
        trickler = Trickler(port, args.trickle)
        trickler.start()
        time.sleep(2.0)
        times = [timed_query(port, QUERIES[i % len(QUERIES)])
                 for i in range(args.queries)]
        trickler.stop.set()
        trickler.join()
        # Idle connections the server closed or refused.
        sel = selectors.DefaultSelector()
        for s in idle:
            sel.register(s, selectors.EVENT_READ)
        dropped = len(sel.select(timeout=0.1))
        for s in idle:
            s.close()
        proc.terminate()
        proc.wait(10)

        ok = [t for t in times if t is not None]
        quiet_ok = [t for t in quiet if t is not None]
        print("chancery-searchd on 127.0.0.1:%d, %s caps" %
              (port, "default" if args.default_caps else "raised (gate only)"))
        print("%d idle connections (127.0.0.2; %d refused at connect, %d "
              "answered or closed by the server), %d clients trickling one "
              "header byte a second (127.0.0.3; %d reconnects)" %
              (args.idle, refused, dropped, args.trickle, trickler.reconnects))
        print("%-34s p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms  failed %d of %d"
              % ("normal client, no load", 1000 * percentile(quiet_ok, 50),
                 1000 * percentile(quiet_ok, 99), 1000 * max(quiet_ok),
                 len(quiet) - len(quiet_ok), len(quiet)))
        if ok:
            print("%-34s p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms  failed %d "
                  "of %d" % ("normal client, under attack",
                             1000 * percentile(ok, 50),
                             1000 * percentile(ok, 99), 1000 * max(ok),
                             len(times) - len(ok), len(times)))
        else:
            print("normal client, under attack: every query failed")
        return 0 if ok and len(ok) == len(times) else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
