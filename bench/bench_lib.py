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

    def get_raw(self, target, timeout=10):
        """(status, body bytes); status 0 and the reason when nothing
        answered."""
        try:
            c = http.client.HTTPConnection("127.0.0.1", self.port,
                                           timeout=timeout)
            c.request("GET", target)
            r = c.getresponse()
            body = r.read()
            c.close()
            return r.status, body
        except (OSError, http.client.HTTPException) as e:
            return 0, str(e)

    def get(self, target, timeout=10):
        """(status, parsed JSON or None); status 0 when nothing answered."""
        status, body = self.get_raw(target, timeout)
        if status == 0:
            return status, body
        try:
            return status, json.loads(body)
        except ValueError:
            return status, None

    def heap_in_use_mb(self):
        """The malloc heap in use, from GET /metrics, in MB (0 when it
        cannot be read)."""
        status, body = self.get_raw("/metrics")
        if status != 200:
            return 0.0
        for line in body.decode("utf-8", "replace").splitlines():
            if line.startswith('chancery_heap_bytes{state="in_use"} '):
                return float(line.split()[-1]) / (1024.0 * 1024.0)
        return 0.0

    def alive(self):
        return self.proc.poll() is None

    def stop(self):
        """SIGTERM; its exit status."""
        if self.alive():
            self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(timeout=30)
