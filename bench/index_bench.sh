#!/usr/bin/env bash
# Indexing speed and memory: chancery-index (extraction on, both cores)
# against bench/bare_indexer, a bare single-threaded Xapian indexer, on the
# same corpus in the same run. Prints articles/s and peak RSS for each.
#   bench/index_bench.sh [CORPUS.jsonl.gz]   (default: the Reuters train split)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpora/reuters21578-train.jsonl.gz}
build=${BUILD:-build}
[[ -f $corpus ]] || { echo "index_bench: no corpus at $corpus" >&2; exit 1; }
cmake --build "$build" --target chancery-index bare_indexer >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

run() {  # label, command...
  local label=$1; shift
  local t0 t1
  t0=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$work/rss" "$@" >/dev/null 2>"$work/err" || {
    local rc=$?; [[ $rc -eq 3 ]] || { cat "$work/err" >&2; exit 1; }; }
  t1=$(date +%s.%N)
  local n secs rss
  n=$(zcat -f "$corpus" | grep -c .)
  rss=$(tail -n 1 "$work/rss")
  awk -v l="$label" -v n="$n" -v t0="$t0" -v t1="$t1" -v rss="$rss" 'BEGIN {
    s = t1 - t0
    printf "%-28s %6d articles  %7.2f s  %6.0f articles/s  peak RSS %5.0f MB\n", l, n, s, n / s, rss / 1024 }'
}

echo "corpus: $corpus ($(du -h "$corpus" | cut -f1) compressed), $(nproc) cores"
run "bare Xapian (baseline)" "$build/bin/bare_indexer" "$work/bare" "$corpus"
run "chancery-index" "$build/bin/chancery-index" --db "$work/chancery" "$corpus"
run "chancery-index, re-run" "$build/bin/chancery-index" --db "$work/chancery" "$corpus"
echo "index size: bare $(du -sh "$work/bare" | cut -f1), chancery $(du -sh "$work/chancery" | cut -f1)"
