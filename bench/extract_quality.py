#!/usr/bin/env python3
"""Entity extraction quality and speed, rules beside ner, against labelled data.

Runs the extractor in each mode (by default `build/bin/chancery-index
--extract --entities MODE FILE` for MODE in rules and ner; one JSON line
per article: {"id", "countries": [codes], "people": [{"id", "name"}],
"orgs": [ids], ...}) over

  * the Reuters-21578 training split (../shared/corpora/reuters21578-train
    .jsonl.gz), split by NEWID (id "reuters-<NEWID>") into a tuning part
    (last digit 3-9) and a held-out part (last digit 0-2): country
    precision/recall/F1 against labels.places (slugs mapped to codes by
    config/entities/reuters_places.tsv) and people recall against
    labels.people, for the part --part names (tuning by default; score
    the held-out part once, after the rules are chosen). Rules and
    thresholds are chosen on the tuning part only; --show-errors and
    --explain print tuning-part mismatches only;
  * the hand-labelled set tests/data/entities_labelled.jsonl: the same plus
    organisation precision/recall (labels.countries codes, labels.people
    full names, labels.orgs ids);
  * the seed article of issue 4 (../shared/seeds/000_83c4fa17666cda5e.txt,
    as common/entities/entity_extractor_test.cc reads it): whether its
    countries, people and organisations come out exactly;

and prints the figures of every mode side by side, with the wall time of
each extractor run. A person label counts as found when an extracted
person's name contains its surname (accents folded). Standard library
only. See bench/README-extract.md.
"""
import argparse
import gzip
import json
import os
import shlex
import subprocess
import sys
import tempfile
import time
import unicodedata

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def open_text(path):
    if path.endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8")
    return open(path, encoding="utf-8")


def read_jsonl(path):
    with open_text(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def read_place_map(path):
    mapping = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            slug, code = line.rstrip("\n").split("\t")
            mapping[slug] = code
    return mapping


def fold(text):
    """Lower case without accents; German umlauts also as 'ae' etc."""
    text = text.lower()
    plain = "".join(c for c in unicodedata.normalize("NFKD", text)
                    if not unicodedata.combining(c))
    expanded = (text.replace("ä", "ae").replace("ö", "oe")
                .replace("ü", "ue").replace("ß", "ss"))
    expanded = "".join(c for c in unicodedata.normalize("NFKD", expanded)
                       if not unicodedata.combining(c))
    return plain, expanded


def name_words(name):
    words = set()
    for form in fold(name):
        for w in form.replace("-", " ").replace("'", " ").split():
            words.add(w.strip(".,"))
    return words


def run_extractor(command, path):
    """Returns ({id: prediction}, seconds)."""
    argv = [a.replace("{file}", path) for a in shlex.split(command)]
    if not any("{file}" in a for a in shlex.split(command)):
        argv.append(path)
    start = time.monotonic()
    proc = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          cwd=REPO, check=False)
    seconds = time.monotonic() - start
    # chancery-index exits 3 when it finished but rejected some records
    # (Reuters has a few empty stories); those count as finding nothing.
    if proc.returncode not in (0, 3):
        sys.exit("extractor failed (%d): %s\n%s" % (
            proc.returncode, " ".join(argv), proc.stderr.decode()[-2000:]))
    rejected = sum(1 for line in proc.stderr.decode("utf-8", "replace").splitlines()
                   if ": " in line and path in line)
    if rejected:
        print("note: %s rejected %d records (see its stderr)" % (
            " ".join(argv[:-1] if argv[-1] == path else argv), rejected))
    predictions = {}
    for line in proc.stdout.decode("utf-8").splitlines():
        line = line.strip()
        if line.startswith("{"):
            row = json.loads(line)
            predictions[row.get("id")] = row
    return predictions, seconds


class PR:
    def __init__(self):
        self.tp = self.fp = self.fn = 0

    def add(self, predicted, gold):
        self.tp += len(predicted & gold)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)

    def figures(self):
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def cell(self):
        return "P %.3f R %.3f F1 %.3f" % self.figures()

    def counts(self):
        return "tp %d fp %d fn %d" % (self.tp, self.fp, self.fn)


def people_recall(rows, predictions, surnames_of):
    found = total = 0
    for row in rows:
        pred = predictions.get(row["id"]) or {}
        words = set()
        for person in pred.get("people", []):
            words |= name_words(person.get("name", "")) | name_words(
                person.get("id", "").replace("-", " "))
        for surname in surnames_of(row):
            total += 1
            if name_words(surname) & words:
                found += 1
    return found, total


def recall_cell(found_total):
    found, total = found_total
    return "%.3f (%d of %d)" % (found / total if total else 0.0, found, total)


CELL = 26  # width of one mode's column


def print_header(modes):
    print("%-36s" % "" + "".join("%-*s" % (CELL, m) for m in modes))


def print_row(what, cells):
    print("%-36s" % what + "".join("%-*s" % (CELL, c) for c in cells))


def print_timing(modes, runs, articles):
    cells = []
    for m in modes:
        seconds = runs[m][1]
        cells.append("%.2f s (%.0f art/s)" % (
            seconds, articles / seconds if seconds else 0))
    print_row("wall time (process, with start-up)", cells)


def heldout_newid(article_id):
    """True for the held-out part: NEWID ending in 0, 1 or 2."""
    newid = article_id.rsplit("-", 1)[-1]
    return newid.isdigit() and int(newid) % 10 <= 2


def explain_countries(mode, rows, predictions, gold_of, limit):
    """Per-country false positives and misses of `mode` over `rows` (the
    tuning part only), most frequent first, then `limit` articles each."""
    fp, fn = {}, {}
    for row in rows:
        gold = gold_of[row["id"]]
        if not gold:
            continue
        pred = set((predictions.get(row["id"]) or {}).get("countries", []))
        for code in pred - gold:
            fp.setdefault(code, []).append(row["id"])
        for code in gold - pred:
            fn.setdefault(code, []).append(row["id"])
    for what, table in (("false positives", fp), ("misses", fn)):
        print("-- %s: country %s, tuning part only (%d)" % (
            mode, what, sum(len(v) for v in table.values())))
        for code, ids in sorted(table.items(), key=lambda kv: -len(kv[1])):
            print("  %-4s %4d  %s" % (code, len(ids), " ".join(ids[:limit])))


def bench_reuters(path, modes, commands, place_map, show_errors, part,
                  explain):
    rows = read_jsonl(path)
    runs = {m: run_extractor(commands[m], path) for m in modes}
    unmapped = set()
    gold_of = {}
    for row in rows:
        gold = set()
        for slug in row["labels"]["places"]:
            if slug in place_map:
                gold.add(place_map[slug])
            else:
                unmapped.add(slug)
        gold_of[row["id"]] = gold
    if unmapped:
        print("WARNING: place slugs without a code: %s" % sorted(unmapped))
    parts = [("tuning part (NEWID last digit 3-9)",
              [r for r in rows if not heldout_newid(r["id"])]),
             ("HELD-OUT part (NEWID last digit 0-2)",
              [r for r in rows if heldout_newid(r["id"])])]

    def surnames(row):
        return [slug.split("-")[-1] for slug in row["labels"]["people"]]

    print("== Reuters-21578 train (%s), %d articles" % (
        os.path.basename(path), len(rows)))
    print_header(modes)
    print_timing(modes, runs, len(rows))
    for m in modes:
        missing = sum(1 for r in rows if r["id"] not in runs[m][0])
        if missing:
            print("WARNING: %s: %d articles missing from the extractor output"
                  % (m, missing))
    if part != "all":
        parts = [parts[0] if part == "tuning" else parts[1]]
    for name, part in parts:
        print("-- %s: %d articles, %d with places" % (
            name, len(part), sum(1 for r in part if gold_of[r["id"]])))
        labelled = {m: PR() for m in modes}
        everything = {m: PR() for m in modes}
        for row in part:
            gold = gold_of[row["id"]]
            for m in modes:
                pred = set((runs[m][0].get(row["id"]) or {}).get(
                    "countries", []))
                everything[m].add(pred, gold)
                if gold:
                    labelled[m].add(pred, gold)
        print_row("countries (articles with places)",
                  [labelled[m].cell() for m in modes])
        print_row("", ["(%s)" % labelled[m].counts() for m in modes])
        print_row("countries (all articles)",
                  [everything[m].cell() for m in modes])
        print_row("people recall (surname found)",
                  [recall_cell(people_recall(part, runs[m][0], surnames))
                   for m in modes])
    tuning = [r for r in rows if not heldout_newid(r["id"])]
    if explain:
        for m in modes:
            explain_countries(m, tuning, runs[m][0], gold_of, explain)
    if show_errors:
        for m in modes:
            print("-- %s: first %d country mismatches, tuning part only"
                  % (m, show_errors))
            shown = 0
            for row in tuning:
                gold = gold_of[row["id"]]
                pred = set((runs[m][0].get(row["id"]) or {}).get(
                    "countries", []))
                if gold and pred != gold:
                    print("  %s [%s] %s: extra %s missing %s" % (
                        row["id"], row.get("dateline"), row["title"],
                        sorted(pred - gold), sorted(gold - pred)))
                    shown += 1
                    if shown >= show_errors:
                        break


def read_curated_org_ids(path):
    ids = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                ids.add(line.split("\t", 1)[0])
    return ids


def bench_labelled(path, modes, commands, curated_orgs):
    rows = read_jsonl(path)
    runs = {m: run_extractor(commands[m], path) for m in modes}

    def surnames(row):
        return [n.split()[-1] for n in row.get("labels", {}).get("people", [])
                if n.split()]

    print("== Hand-labelled set (%s), %d articles" % (
        os.path.basename(path), len(rows)))
    print_header(modes)
    print_timing(modes, runs, len(rows))
    countries = {m: PR() for m in modes}
    orgs = {m: PR() for m in modes}
    curated = {m: PR() for m in modes}
    for row in rows:
        labels = row.get("labels", {})
        for m in modes:
            pred = runs[m][0].get(row["id"]) or {}
            countries[m].add(set(pred.get("countries", [])),
                             set(labels.get("countries", [])))
            found, gold = set(pred.get("orgs", [])), set(labels.get("orgs", []))
            orgs[m].add(found, gold)
            curated[m].add(found & curated_orgs, gold)
    print_row("countries", [countries[m].cell() for m in modes])
    print_row("people recall (surname found)",
              [recall_cell(people_recall(rows, runs[m][0], surnames))
               for m in modes])
    print_row("orgs", [orgs[m].cell() for m in modes])
    print_row("", ["(%s)" % orgs[m].counts() for m in modes])
    # The labels name curated organisations (config/entities/orgs.tsv)
    # only; ner mode also reports other tagged ORG names by folded name.
    print_row("orgs, curated ids only", [curated[m].cell() for m in modes])


# What the seed article must give, as EntityExtractorSeedTest checks it.
SEED_COUNTRIES = {"FR", "CN", "RU", "UA", "US", "TW"}
SEED_PEOPLE = {"Stéphane Séjourné", "Wang Yi", "Emmanuel Macron",
               "Catherine Colonnade"}
SEED_ORGS = {"eu"}


def bench_seed(path, modes, commands):
    with open(path, encoding="utf-8") as f:
        body = f.read()
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8",
                                     delete=False) as out:
        out.write(json.dumps({"id": "seed", "body": body, "lang": "en"}) + "\n")
        seed_jsonl = out.name
    try:
        runs = {m: run_extractor(commands[m], seed_jsonl) for m in modes}
    finally:
        os.unlink(seed_jsonl)
    print("== Seed article (%s)" % os.path.basename(path))
    print_header(modes)
    cells = []
    for m in modes:
        pred = runs[m][0].get("seed") or {}
        found = {
            "countries": set(pred.get("countries", [])),
            "people": {p.get("name", "") for p in pred.get("people", [])},
            "orgs": set(pred.get("orgs", [])),
        }
        wanted = {"countries": SEED_COUNTRIES, "people": SEED_PEOPLE,
                  "orgs": SEED_ORGS}
        wrong = []
        for facet in ("countries", "people", "orgs"):
            extra = found[facet] - wanted[facet]
            missing = wanted[facet] - found[facet]
            if extra:
                wrong.append("%s extra %s" % (facet, sorted(extra)))
            if missing:
                wrong.append("%s missing %s" % (facet, sorted(missing)))
        cells.append("; ".join(wrong) if wrong else "exact")
    if any(c != "exact" for c in cells):
        for m, c in zip(modes, cells):
            print("%-36s%s" % ("countries, people, orgs (%s)" % m, c))
    else:
        print_row("countries, people, orgs", cells)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--modes", default="rules,ner",
                        help="comma-separated --entities modes, run side by "
                             "side")
    parser.add_argument("--command",
                        default="build/bin/chancery-index --extract "
                                "--entities {mode} {file}",
                        help="extractor command; {mode} is each of --modes, "
                             "{file} the input path (appended when absent); "
                             "run from the repo root")
    parser.add_argument("--reuters", default=os.path.join(
        REPO, "..", "shared", "corpora", "reuters21578-train.jsonl.gz"))
    parser.add_argument("--labelled", default=os.path.join(
        REPO, "tests", "data", "entities_labelled.jsonl"))
    parser.add_argument("--seed", default=os.path.join(
        REPO, "..", "shared", "seeds", "000_83c4fa17666cda5e.txt"))
    parser.add_argument("--place-map", default=os.path.join(
        REPO, "config", "entities", "reuters_places.tsv"))
    parser.add_argument("--orgs", default=os.path.join(
        REPO, "config", "entities", "orgs.tsv"),
        help="the curated organisations (ids in the first column)")
    parser.add_argument("--show-errors", type=int, default=0,
                        help="print this many Reuters country mismatches "
                             "per mode (tuning part only)")
    parser.add_argument("--part", choices=("tuning", "heldout", "all"),
                        default="tuning",
                        help="which Reuters part to score: the tuning part "
                             "(default), the held-out part (score it once, "
                             "after the rules are chosen), or both")
    parser.add_argument("--explain", type=int, default=0, metavar="N",
                        help="print each country's false positives and "
                             "misses on the tuning part, with N article ids "
                             "each")
    args = parser.parse_args()
    modes = [m for m in args.modes.split(",") if m]
    commands = {m: args.command.replace("{mode}", m) for m in modes}

    ran = False
    if os.path.exists(args.reuters):
        bench_reuters(args.reuters, modes, commands,
                      read_place_map(args.place_map), args.show_errors,
                      args.part, args.explain)
        ran = True
    else:
        print("skipping Reuters: %s not found" % args.reuters)
    if os.path.exists(args.labelled):
        bench_labelled(args.labelled, modes, commands,
                       read_curated_org_ids(args.orgs))
        ran = True
    else:
        print("skipping labelled set: %s not found" % args.labelled)
    if os.path.exists(args.seed):
        bench_seed(args.seed, modes, commands)
    else:
        print("skipping seed article: %s not found" % args.seed)
    return 0 if ran else 1


if __name__ == "__main__":
    sys.exit(main())
