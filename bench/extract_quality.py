#!/usr/bin/env python3
"""Entity extraction quality and speed against labelled corpora.

Runs the extractor (by default `build/bin/chancery-index --extract FILE`,
which prints one JSON line per article: {"id", "countries": [codes],
"people": [{"id", "name"}], "orgs": [ids], ...}) over

  * the Reuters-21578 training split (../shared/corpora/reuters21578-train
    .jsonl.gz): country precision/recall/F1 against labels.places (slugs
    mapped to codes by config/entities/reuters_places.tsv) and people
    recall against labels.people;
  * the hand-labelled set tests/data/entities_labelled.jsonl: the same plus
    organisation precision/recall (labels.countries codes, labels.people
    full names, labels.orgs ids);

and prints the figures and the time taken. A person label counts as found
when an extracted person's name contains its surname (accents folded).
Standard library only. See bench/README-extract.md.
"""
import argparse
import gzip
import json
import os
import shlex
import subprocess
import sys
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
        print("note: the extractor rejected %d records (see its stderr)" % rejected)
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

    def line(self, what):
        p, r, f = self.figures()
        return "%-34s P %.3f  R %.3f  F1 %.3f  (tp %d fp %d fn %d)" % (
            what, p, r, f, self.tp, self.fp, self.fn)


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


def report_timing(name, rows, seconds):
    print("%s: %d articles in %.2f s (%.0f articles/s, extractor process "
          "including start-up)" % (name, len(rows), seconds,
                                   len(rows) / seconds if seconds else 0))


def bench_reuters(path, command, place_map, show_errors):
    rows = read_jsonl(path)
    predictions, seconds = run_extractor(command, path)
    missing = sum(1 for r in rows if r["id"] not in predictions)
    labelled, everything = PR(), PR()
    unmapped = set()
    errors = []
    for row in rows:
        pred = set((predictions.get(row["id"]) or {}).get("countries", []))
        gold = set()
        for slug in row["labels"]["places"]:
            if slug in place_map:
                gold.add(place_map[slug])
            else:
                unmapped.add(slug)
        everything.add(pred, gold)
        if gold:
            labelled.add(pred, gold)
            if pred != gold and len(errors) < show_errors:
                errors.append((row["id"], row.get("dateline"), row["title"],
                               sorted(pred - gold), sorted(gold - pred)))
    print("== Reuters-21578 train (%s)" % os.path.basename(path))
    report_timing("time", rows, seconds)
    if missing:
        print("WARNING: %d articles missing from the extractor output" % missing)
    if unmapped:
        print("WARNING: place slugs without a code: %s" % sorted(unmapped))
    print(labelled.line("countries (articles with places)"))
    print(everything.line("countries (all articles)"))

    def surnames(row):
        return [slug.split("-")[-1] for slug in row["labels"]["people"]]
    found, total = people_recall(rows, predictions, surnames)
    print("people recall (surname found)      %.3f  (%d of %d)" % (
        found / total if total else 0.0, found, total))
    for e in errors:
        print("  %s [%s] %s: extra %s missing %s" % e)


def bench_labelled(path, command):
    rows = read_jsonl(path)
    predictions, seconds = run_extractor(command, path)
    countries, orgs = PR(), PR()
    for row in rows:
        pred = predictions.get(row["id"]) or {}
        labels = row.get("labels", {})
        countries.add(set(pred.get("countries", [])),
                      set(labels.get("countries", [])))
        orgs.add(set(pred.get("orgs", [])), set(labels.get("orgs", [])))
    print("== Hand-labelled set (%s)" % os.path.basename(path))
    report_timing("time", rows, seconds)
    print(countries.line("countries"))

    def surnames(row):
        return [n.split()[-1] for n in row.get("labels", {}).get("people", [])
                if n.split()]
    found, total = people_recall(rows, predictions, surnames)
    print("people recall (surname found)      %.3f  (%d of %d)" % (
        found / total if total else 0.0, found, total))
    print(orgs.line("orgs"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--command",
                        default="build/bin/chancery-index --extract {file}",
                        help="extractor command; {file} is the input path "
                             "(appended when absent); run from the repo root")
    parser.add_argument("--reuters", default=os.path.join(
        REPO, "..", "shared", "corpora", "reuters21578-train.jsonl.gz"))
    parser.add_argument("--labelled", default=os.path.join(
        REPO, "tests", "data", "entities_labelled.jsonl"))
    parser.add_argument("--place-map", default=os.path.join(
        REPO, "config", "entities", "reuters_places.tsv"))
    parser.add_argument("--show-errors", type=int, default=0,
                        help="print this many Reuters country mismatches")
    args = parser.parse_args()

    ran = False
    if os.path.exists(args.reuters):
        bench_reuters(args.reuters, args.command,
                      read_place_map(args.place_map), args.show_errors)
        ran = True
    else:
        print("skipping Reuters: %s not found" % args.reuters)
    if os.path.exists(args.labelled):
        bench_labelled(args.labelled, args.command)
        ran = True
    else:
        print("skipping labelled set: %s not found" % args.labelled)
    return 0 if ran else 1


if __name__ == "__main__":
    sys.exit(main())
