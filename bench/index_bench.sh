#!/usr/bin/env bash
# Indexing speed, memory and index size: chancery-index (extraction with the
# named-entity tagger on, the defaults: --shards 0, compacted) beside two
# baselines on the same JSON Lines in the same run: bench/bare_indexer, a
# bare single-threaded Xapian indexer, and SQLite FTS5 through python3's
# sqlite3 (porter unicode61, one row per article, bench/sqlite_fts5_index.py);
# and chancery-index as it was before shards (--shards 1 --compact=false,
# the defaults until compaction became crash-safe).
# At 1x and 5x the corpus (the 5x replicate has its ids made unique), rounds
# alternate the systems; each figure is the median over the rounds of
# articles/s, MB/s of input, CPU seconds, peak RSS and index size on disk
# divided by the body text. Then, at 1x, the extraction variants, a re-run
# and the extraction alone (EXTRAS=0 skips them).
#   bench/index_bench.sh [CORPUS.jsonl.gz]   (default: the Reuters train split)
#   ROUNDS=3 MULTIPLES="1 5" EXTRAS=1 BUILD=build
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpora/reuters21578-train.jsonl.gz}
build=${BUILD:-build}
rounds=${ROUNDS:-3}
multiples=${MULTIPLES:-1 5}
[[ -f $corpus ]] || { echo "index_bench: no corpus at $corpus" >&2; exit 1; }
cmake --build "$build" --target chancery-index bare_indexer >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "corpus: $corpus ($(du -h "$corpus" | cut -f1) compressed), $(nproc) cores"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for m in $multiples; do  # input, and its articles, bytes and body bytes
  python3 - "$corpus" "$m" "$work/in.$m.jsonl" > "$work/in.$m.stats" <<'PY'
import gzip, json, sys
src, times, dst = sys.argv[1], int(sys.argv[2]), sys.argv[3]
lines = gzip.open(src, "rt", encoding="utf-8").read().splitlines()
n = body = 0
with open(dst, "w", encoding="utf-8") as out:
    for k in range(times):
        for line in lines:
            a = json.loads(line)
            if k:
                a["id"] = "%s-r%d" % (a["id"], k)
            out.write(json.dumps(a, ensure_ascii=False) + "\n")
            n += 1
            body += len(a.get("body", "").encode("utf-8"))
import os
print(n, os.path.getsize(dst), body)
PY
done

systems=(bare chancery chancery-1 sqlite)
declare -A names=(
  [bare]="bare Xapian indexer"
  [chancery]="chancery-index (--shards 0, compact)"
  [chancery-1]="chancery-index --shards 1 --no-compact"
  [sqlite]="SQLite FTS5 (python3 sqlite3)")
index() {  # system, db, input
  case $1 in
    bare) "$build/bin/bare_indexer" "$2" "$3" ;;
    chancery) "$build/bin/chancery-index" --shards 0 --compact --db "$2" "$3" ;;
    chancery-1) "$build/bin/chancery-index" --shards 1 --compact=false --db "$2" "$3" ;;
    sqlite) mkdir -p "$2" && python3 bench/sqlite_fts5_index.py "$2/fts5.db" "$3" ;;
  esac
}
measure() {  # system, multiple: one round from an empty index
  local db="$work/db.$1"
  rm -rf "$db"
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" bash -c "$(declare -f index); build=$build; index $1 $db $work/in.$2.jsonl" \
      >/dev/null 2>"$work/err.$1.$2" || {
    local rc=$?; [[ $rc -eq 3 ]] || { cat "$work/err.$1.$2" >&2; exit 1; }; }
  echo "$(tail -n 1 "$work/time") $(du -sb "$db" | cut -f1)" >> "$work/rounds.$1.$2"
}
for m in $multiples; do
  for ((r = 0; r < rounds; r++)); do
    # Alternate the order too, so no system always runs after the same one.
    if ((r % 2)); then order=("${systems[@]}"); else order=(sqlite chancery-1 chancery bare); fi
    for s in "${order[@]}"; do measure "$s" "$m"; done
  done
done
echo "load average after the rounds: $(cut -d' ' -f1-3 /proc/loadavg)"

echo
echo "medians of $rounds rounds; size = index on disk / body text"
printf "%-42s %4s %8s %10s %6s %8s %8s %6s\n" system "x" articles articles/s MB/s "CPU s" "RSS MB" size
for m in $multiples; do
  read -r n bytes body < "$work/in.$m.stats"
  for s in "${systems[@]}"; do
    awk -v n="$n" -v bytes="$bytes" -v body="$body" -v name="${names[$s]}" -v m="$m" '
      { wall[NR] = $1; cpu[NR] = $2 + $3; rss[NR] = $4 / 1024; size[NR] = $5 / body }
      function median(a, k,   i, j, t, c) {
        for (i = 1; i <= k; i++) c[i] = a[i]
        for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++)
          if (c[j] < c[i]) { t = c[i]; c[i] = c[j]; c[j] = t }
        return k % 2 ? c[(k + 1) / 2] : (c[k / 2] + c[k / 2 + 1]) / 2 }
      END {
        w = median(wall, NR)
        printf "%-42s %3dx %8d %10.0f %6.2f %8.1f %8.0f %6.2f\n", name, m, n,
               n / w, bytes / w / 1e6, median(cpu, NR), median(rss, NR), median(size, NR) }' \
      "$work/rounds.$s.$m"
  done
  echo "  chancery-index at ${m}x, last round: $(grep -h 'phases:' "$work/err.chancery.$m" | sed 's/chancery-index: //')"
  echo "  $(grep -h 'chancery-index: index' "$work/err.chancery.$m" | sed 's/chancery-index: //')"
  echo "  before shards: $(grep -h 'chancery-index: index' "$work/err.chancery-1.$m" | sed 's/chancery-index: //')"
done

[[ ${EXTRAS:-1} == 1 ]] || exit 0
first=$(echo $multiples | cut -d' ' -f1)
n=$(cut -d' ' -f1 "$work/in.$first.stats")
run() {  # label, command...  -> prints a line, keeps the figures
  local label=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >/dev/null 2>"$work/err" || {
    local rc=$?; [[ $rc -eq 3 ]] || { cat "$work/err" >&2; exit 1; }; }
  tail -n 1 "$work/time" | awk -v l="$label" -v n="$n" '{
    printf "%-40s %6d articles %7.2f s %6.0f articles/s  CPU %6.2f s  peak RSS %4.0f MB\n",
           l, n, $1, n / $1, $2 + $3, $4 / 1024 }'
  tail -n 1 "$work/time" > "$work/cpu.$label"
}
echo
echo "one run each at ${first}x:"
in="$work/in.$first.jsonl"
rm -rf "$work/full" "$work/rules" "$work/text" "$work/s1" "$work/s3"
run "chancery-index" "$build/bin/chancery-index" --db "$work/full" "$in"
run "chancery-index --shards 1 (compacted)" "$build/bin/chancery-index" --shards 1 --compact --db "$work/s1" "$in"
run "chancery-index --shards 3" "$build/bin/chancery-index" --shards 3 --compact --db "$work/s3" "$in"
run "chancery-index --entities rules" "$build/bin/chancery-index" --entities rules --db "$work/rules" "$in"
run "chancery-index --no-entities" "$build/bin/chancery-index" --no-entities --db "$work/text" "$in"
run "chancery-index, re-run (unchanged)" "$build/bin/chancery-index" --db "$work/full" "$in"
# Extraction runs on the analysis threads beside the writers, so its
# wall-clock cost hides; its CPU cost is bounded by a --extract run (one
# thread, which also reads the input and prints JSON).
run "chancery-index --extract (1 thread)" "$build/bin/chancery-index" --extract "$in"
awk -v full="$(cut -d' ' -f2,3 "$work/cpu.chancery-index")" \
    -v ext="$(cut -d' ' -f2,3 "$work/cpu.chancery-index --extract (1 thread)")" 'BEGIN {
  split(full, f, " "); split(ext, e, " ")
  printf "extraction CPU (upper bound) / indexing CPU: %.0f%%\n", 100 * (e[1] + e[2]) / (f[1] + f[2]) }'
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
