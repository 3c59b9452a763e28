#!/usr/bin/env bash
# Load held (issue 12 point 7): MINUTES (default 10) of non-repeating
# queries from 8 clients while chancery-index adds 50,000 articles in
# batches; prints requests/s, p50/p99, errors and searchd's RSS per minute.
#   bench/soak.sh [MINUTES] [--clients N] [--articles N] ...
# (bench/soak.py --help lists the options.)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BUILD:-build}
cmake --build "$build" --target chancery-index chancery-searchd >/dev/null
exec python3 bench/soak.py --bin "$build/bin" "$@"
