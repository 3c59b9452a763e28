"""What bench/faults.py and bench/soak.py share: paths, the corpus, and a
chancery-searchd on a free loopback port. Python 3 stdlib only."""
import gzip
import http.client
import json
import os
import signal
import socket
import subprocess
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_CORPUS = os.path.join(ROOT, "..", "shared", "corpora",
                              "reuters21578-train.jsonl.gz")


def add_common_args(parser, batch, seed):
    """--bin, --corpus, --batch (articles per commit), --seed."""
    parser.add_argument("--bin", default=os.path.join(ROOT, "build", "bin"))
    parser.add_argument("--corpus", default=DEFAULT_CORPUS)
    parser.add_argument("--batch", type=int, default=batch)
    parser.add_argument("--seed", type=int, default=seed)


def load_corpus(path):
    """The articles of a JSON Lines file (gzipped or not), as dicts."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def write_copies(articles, path, count, tag):
    """`count` articles cycling through `articles`, each copy under a new
    id ("<id>-<tag><copy>"), as JSON Lines."""
    with open(path, "w", encoding="utf-8") as out:
        for n in range(count):
            a = dict(articles[n % len(articles)])
            a["id"] = "%s-%s%d" % (a["id"], tag, n // len(articles))
            out.write(json.dumps(a) + "\n")


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def rss_mb(pid):
    """VmRSS of a live process, in MB (0 when gone)."""
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return 0.0


class Searchd:
    """chancery-searchd over `db` on a free loopback port, its output in
    WORKDIR/searchd.log; started and answering when constructed."""

    def __init__(self, bin_dir, db, workdir, extra=()):
        self.port = free_port()
        self.log = open(os.path.join(workdir, "searchd.log"), "ab")
        self.proc = subprocess.Popen(
            [os.path.join(bin_dir, "chancery-searchd"), "--db", db,
             "--listen", "127.0.0.1:%d" % self.port, "--no-access-log"] +
            list(extra), stdout=self.log, stderr=self.log)
        for _ in range(400):
            if self.get("/api/health")[0] in (200, 503):
                return
            time.sleep(0.025)
        raise RuntimeError("searchd did not start")

    def get(self, target, timeout=10):
        """(status, parsed JSON or None); status 0 when nothing answered."""
        try:
            c = http.client.HTTPConnection("127.0.0.1", self.port,
                                           timeout=timeout)
            c.request("GET", target)
            r = c.getresponse()
            body = r.read()
            c.close()
            try:
                return r.status, json.loads(body)
            except ValueError:
                return r.status, None
        except (OSError, http.client.HTTPException) as e:
            return 0, str(e)

    def alive(self):
        return self.proc.poll() is None

    def stop(self):
        """SIGTERM; its exit status."""
        if self.alive():
            self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(timeout=30)
