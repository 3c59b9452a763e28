#!/usr/bin/env bash
# Indexing speed and memory: chancery-index (extraction on, both cores)
# against bench/bare_indexer, a bare single-threaded Xapian indexer, on the
# same corpus in the same run; beside it the rule-based extractor alone
# (--entities rules, the extractor before the named-entity tagger), then
# without extraction, a re-run, and the extraction alone. Prints articles/s, CPU seconds and peak RSS.
#   bench/index_bench.sh [CORPUS.jsonl.gz]   (default: the Reuters train split)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpora/reuters21578-train.jsonl.gz}
build=${BUILD:-build}
[[ -f $corpus ]] || { echo "index_bench: no corpus at $corpus" >&2; exit 1; }
cmake --build "$build" --target chancery-index bare_indexer >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
n=$(zcat -f "$corpus" | grep -c .)

run() {  # label, command...  -> prints a line, leaves seconds in $work/secs
  local label=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >/dev/null 2>"$work/err" || {
    local rc=$?; [[ $rc -eq 3 ]] || { cat "$work/err" >&2; exit 1; }; }
  tail -n 1 "$work/time" | awk -v l="$label" -v n="$n" '{
    printf "%-34s %6d articles %7.2f s %6.0f articles/s  CPU %6.2f s  peak RSS %4.0f MB\n",
           l, n, $1, n / $1, $2 + $3, $4 / 1024 }'
  tail -n 1 "$work/time" > "$work/cpu.$label"
}

echo "corpus: $corpus ($(du -h "$corpus" | cut -f1) compressed), $(nproc) cores"
echo "bare and chancery-index alternate ${ROUNDS:=3} times from empty indexes; each line is the median round"
median() {  # key, label -> prints the median round's line, keeps its figures
  sort -n -k1,1 "$work/rounds.$1" | awk -v m=$(( (ROUNDS + 1) / 2 )) 'NR == m' > "$work/time"
  cp "$work/time" "$work/cpu.$2"
  awk -v l="$2" -v n="$n" '{
    printf "%-34s %6d articles %7.2f s %6.0f articles/s  CPU %6.2f s  peak RSS %4.0f MB\n",
           l, n, $1, n / $1, $2 + $3, $4 / 1024 }' "$work/time"
}
measure() {  # label, db dir, command...: one round from an empty index
  local label=$1 db=$2; shift 2
  rm -rf "$db"
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >/dev/null 2>"$work/err" || {
    local rc=$?; [[ $rc -eq 3 ]] || { cat "$work/err" >&2; exit 1; }; }
  tail -n 1 "$work/time" >> "$work/rounds.$label"
}
for ((r = 0; r < ROUNDS; r++)); do
  measure bare "$work/bare" "$build/bin/bare_indexer" "$work/bare" "$corpus"
  measure chancery "$work/full" "$build/bin/chancery-index" --db "$work/full" "$corpus"
  measure rules "$work/rules" "$build/bin/chancery-index" --entities rules --db "$work/rules" "$corpus"
  measure text "$work/text" "$build/bin/chancery-index" --no-entities --db "$work/text" "$corpus"
done
median bare "bare Xapian indexer (baseline)"
median chancery "chancery-index"
median rules "chancery-index --entities rules"
median text "chancery-index --no-entities"
run "chancery-index, re-run (unchanged)" "$build/bin/chancery-index" --db "$work/full" "$corpus"
# Extraction runs on the analysis threads beside the writer, so its
# wall-clock cost hides; its CPU cost is bounded by a --extract run (one
# thread, which also reads the input and prints JSON).
run "chancery-index --extract (1 thread)" "$build/bin/chancery-index" --extract "$corpus"
awk -v full="$(cut -d' ' -f2,3 "$work/cpu.chancery-index")" \
    -v ext="$(cut -d' ' -f2,3 "$work/cpu.chancery-index --extract (1 thread)")" 'BEGIN {
  split(full, f, " "); split(ext, e, " ")
  printf "extraction CPU (upper bound) / indexing CPU: %.0f%%\n", 100 * (e[1] + e[2]) / (f[1] + f[2]) }'
awk -v ner="$(cut -d' ' -f1 "$work/cpu.chancery-index")" \
    -v rules="$(cut -d' ' -f1 "$work/cpu.chancery-index --entities rules")" 'BEGIN {
  printf "named-entity extractor against rules only: %+.1f%% wall time\n", 100 * (ner - rules) / rules }'
echo "index size: bare $(du -sh "$work/bare" | cut -f1), chancery $(du -sh "$work/full" | cut -f1)"
