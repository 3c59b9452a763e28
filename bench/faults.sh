#!/usr/bin/env bash
# Faults and input bombs at full size (issue 12 points 5 and 6): 30 SIGKILLs
# of chancery-index under a serving searchd with a checksum against an
# uninterrupted run, a full disk, a damaged index, and the input bombs with
# peak RSS per bomb. About 10 minutes on 2 cores; needs root for the tmpfs.
#   bench/faults.sh [kills|diskfull|damaged|bombs ...] [--kills N] ...
# (bench/faults.py --help lists the options). The short versions are the
# tests in tests/robustness/.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD:-build}
cmake --build "$build" --target chancery-index chancery-searchd \
  index_checksum >/dev/null
exec python3 bench/faults.py --bin "$build/bin" "$@"
