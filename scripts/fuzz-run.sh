#!/usr/bin/env bash
# Runs the libFuzzer targets of a CHANCERY_FUZZ build (BUILD/fuzz/targets.tsv)
# and prints, per target: seconds, executions, executions/s, coverage (cov:
# edges and ft: features of libFuzzer, measured by replaying the corpus kept)
# and findings. Used by `make fuzz-smoke` and bench/fuzz.sh.
#
#   scripts/fuzz-run.sh --build DIR --out DIR --seconds N [--jobs N]
#                       [--nice N] [--keep-going] [--copy-binaries]
#                       [TARGET...]
#
# Each target keeps its corpus in OUT/<target>/corpus (seeded from the build's
# seeds and fuzz/regressions/<target>/) and its findings in
# OUT/<target>/crashes. Without --keep-going a target stops at its first
# finding; with it (libFuzzer's fork mode) it goes on for the whole time.
# --copy-binaries runs copies in OUT/bin, so that rebuilding during a long
# run does not change what it runs (fork mode re-executes the binary).
# Exits 1 when any target found something or failed to run.
set -euo pipefail
cd "$(dirname "$0")/.."
build=build-asan out= seconds= jobs=2 niceness=0 keep_going=0 copy=0
targets=()
while (($#)); do
  case $1 in
    --build) build=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    --nice) niceness=$2; shift 2 ;;
    --keep-going) keep_going=1; shift ;;
    --copy-binaries) copy=1; shift ;;
    -*) echo "fuzz-run: unknown option $1" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
[[ -n $out && -n $seconds ]] || { echo "fuzz-run: --out and --seconds are required" >&2; exit 2; }
manifest=$build/fuzz/targets.tsv
[[ -f $manifest ]] || { echo "fuzz-run: no $manifest (configure with -DCHANCERY_FUZZ=ON)" >&2; exit 2; }

# UBSan reports count as findings; third-party leaks are listed in lsan.supp.
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export LSAN_OPTIONS=suppressions=$PWD/fuzz/lsan.supp:print_suppressions=0

declare -A binary seeds dict regressions
names=()
while IFS=$'\t' read -r name bin seed_dir dict_file regression_dir; do
  binary[$name]=$bin seeds[$name]=$seed_dir dict[$name]=$dict_file
  regressions[$name]=$regression_dir
  names+=("$name")
done < "$manifest"
((${#targets[@]})) || targets=("${names[@]}")
for t in "${targets[@]}"; do
  [[ -n ${binary[$t]:-} ]] || { echo "fuzz-run: no target $t in $manifest" >&2; exit 2; }
done

run_target() {  # name: fuzzes it for $seconds, leaves log, rc and elapsed
  local t=$1 dir=$out/$1
  mkdir -p "$dir/corpus" "$dir/crashes"
  local args=(-max_total_time="$seconds" -timeout=30 -rss_limit_mb=2560
              -print_final_stats=1 -artifact_prefix="$dir/crashes/")
  [[ ${dict[$t]} != - ]] && args+=(-dict="${dict[$t]}")
  ((keep_going)) && args+=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
  local corpora=("$dir/corpus" "${seeds[$t]}")
  [[ -d ${regressions[$t]} ]] && corpora+=("${regressions[$t]}")
  local start=$SECONDS rc=0
  nice -n "$niceness" "${binary[$t]}" "${args[@]}" "${corpora[@]}" \
    >"$dir/log" 2>&1 || rc=$?
  echo "$rc" >"$dir/rc"
  echo $((SECONDS - start)) >"$dir/elapsed"
}

mkdir -p "$out"
if ((copy)); then
  mkdir -p "$out/bin"
  for t in "${targets[@]}"; do
    cp "${binary[$t]}" "$out/bin/" && binary[$t]=$out/bin/$(basename "${binary[$t]}")
  done
fi
echo "fuzz-run: ${#targets[@]} targets, ${seconds}s each, $jobs at a time, into $out"
for t in "${targets[@]}"; do
  while (($(jobs -rp | wc -l) >= jobs)); do wait -n || true; done
  run_target "$t" &
done
wait

printf '%-15s %7s %12s %9s %7s %8s %7s %8s\n' \
  target seconds execs execs/s cov ft corpus findings
failed=0
for t in "${targets[@]}"; do
  dir=$out/$t
  # The last status line ("#N" execs so far), or the final stats.
  execs=$( (grep -aoE '^#[0-9]+' "$dir/log" || true) | tail -n 1 | tr -d '#')
  units=$(sed -n 's/^stat::number_of_executed_units: //p' "$dir/log" | tail -n 1)
  ((${units:-0} > ${execs:-0})) && execs=$units
  elapsed=$(cat "$dir/elapsed")
  # Coverage of what is kept, the same measure whatever the mode of the run.
  replay=$(nice -n "$niceness" "${binary[$t]}" -runs=0 "$dir/corpus" 2>&1 |
           grep -a 'INITED' | tail -n 1 || true)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$replay")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$replay")
  findings=$(find "$dir/crashes" -type f | wc -l)
  corpus=$(find "$dir/corpus" -type f | wc -l)
  printf '%-15s %7s %12s %9s %7s %8s %7s %8s\n' "$t" "$elapsed" "${execs:-0}" \
    $(( ${execs:-0} / (elapsed > 0 ? elapsed : 1) )) "${cov:-?}" "${ft:-?}" \
    "$corpus" "$findings"
  if (($(cat "$dir/rc") != 0 || findings > 0)); then
    failed=1
    echo "  $t: exit $(cat "$dir/rc"), see $dir/log and $dir/crashes/" >&2
  fi
done
exit $failed
