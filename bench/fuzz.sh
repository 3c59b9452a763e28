#!/usr/bin/env bash
# The long fuzzing run: every libFuzzer target (fuzz/) for HOURS each, all
# in parallel under nice -n 19 (JOBS=N runs N at a time instead), in
# libFuzzer's fork mode so that a finding does not end a target's run.
# Corpora are kept in fuzz-out/<target>/corpus and grow from run to run;
# findings go to fuzz-out/<target>/crashes (minimise one with
# `BINARY -minimize_crash=1 FILE`, fix it, and add it to
# fuzz/regressions/<target>/). Prints target, seconds, execs, execs/s,
# cov, ft, corpus size and findings.
#   bench/fuzz.sh HOURS [TARGET...]     (HOURS may be a fraction: 0.25)
set -euo pipefail
cd "$(dirname "$0")/.."
[[ $# -ge 1 ]] || { echo "usage: bench/fuzz.sh HOURS [TARGET...]" >&2; exit 2; }
hours=$1; shift
seconds=$(awk -v h="$hours" 'BEGIN { printf "%d", h * 3600 }')
out=${FUZZ_OUT:-fuzz-out}
build=${ASAN_BUILD:-build-asan}
make --no-print-directory fuzz-build ASAN_BUILD="$build" >/dev/null
count=$(wc -l <"$build/fuzz/targets.tsv")
echo "bench/fuzz: started $(date -u +%FT%TZ), $(nproc) cores"
scripts/fuzz-run.sh --build "$build" --out "$out" --seconds "$seconds" \
  --jobs "${JOBS:-$count}" --nice 19 --keep-going --copy-binaries "$@"
