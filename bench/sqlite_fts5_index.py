#!/usr/bin/env python3
"""SQLite FTS5 baseline for bench/index_bench.sh: one row per article of a
JSON Lines file (id, title, body, date, source), porter unicode61 tokenizer,
one transaction, then 'optimize' (FTS5's merge of its segments, its
counterpart of compaction).
  sqlite_fts5_index.py DB FILE.jsonl[.gz]"""
import gzip
import json
import sqlite3
import sys


def articles(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            try:
                a = json.loads(line)
            except ValueError:
                continue
            if isinstance(a, dict) and a.get("id"):
                yield (a["id"], a.get("title", ""), a.get("body", ""),
                       a.get("date", ""), a.get("source", ""))


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: sqlite_fts5_index.py DB FILE.jsonl[.gz]")
    db = sqlite3.connect(sys.argv[1])
    db.execute("PRAGMA journal_mode=OFF")
    db.execute("PRAGMA synchronous=OFF")
    db.execute("CREATE VIRTUAL TABLE articles USING fts5("
               "id UNINDEXED, title, body, date UNINDEXED, source UNINDEXED, "
               "tokenize='porter unicode61')")
    with db:
        db.executemany("INSERT INTO articles VALUES (?, ?, ?, ?, ?)",
                       articles(sys.argv[2]))
    db.execute("INSERT INTO articles(articles) VALUES ('optimize')")
    db.commit()
    db.close()


if __name__ == "__main__":
    main()
