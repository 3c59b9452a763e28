#!/usr/bin/env bash
# clang-tidy with the checks in .clang-tidy over every C++ file of the build
# (compile_commands.json in BUILD, default build/); any finding fails.
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build}"
if [[ ! -f "$build/compile_commands.json" ]]; then
  echo "lint: $build/compile_commands.json is missing; run make build first" >&2
  exit 2
fi
# GCC-only warning flags in the compile commands are not clang's business.
# In a unity tree (CHANCERY_UNITY_BUILD, the default) the translation units
# are the batches BUILD/<dir>/CMakeFiles/<target>.dir/Unity/unity_N_cxx.cxx,
# which include our .cc files: the pattern takes them, and .clang-tidy's
# HeaderFilterRegex reports what is found in the included files. The
# configuration is passed, not looked up beside each file, because a batch
# lives in the build tree, which need not be under this one.
run-clang-tidy -p "$build" -j "$(nproc)" -quiet -config "$(cat .clang-tidy)" \
  -extra-arg=-Wno-unknown-warning-option \
  "/(common|indexer|searchd|bench|tests|fuzz)/" >"$build/lint.log" 2>&1 || {
  grep -E "(warning|error):" "$build/lint.log" | sort -u >&2 || true
  echo "lint: clang-tidy found problems (full log: $build/lint.log)" >&2
  exit 1
}
echo "lint: clang-tidy clean over $(grep -c '"file"' "$build/compile_commands.json") translation units"
