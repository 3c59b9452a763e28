#!/usr/bin/env bash
# Runs the tests of a sanitizer tree (make asan-test, make tsan-test) so that
# any sanitizer report fails:
#   scripts/sanitizer-ctest.sh BUILD_DIR TESTS_REGEX [ctest args...]
# TESTS_REGEX picks the test binaries the tree built (in a sanitizer tree
# each binary is one ctest test of its name, see chancery_test). Every report, also one from a chancery-index or
# chancery-searchd the tests start (their stderr goes to files the test may
# not print), is written to BUILD_DIR/sanitizer-reports/; the run fails when
# that directory is not empty afterwards, whatever the tests said.
set -euo pipefail
cd "$(dirname "$0")/.."
build="$1"
tests="$2"
shift 2
reports="$(pwd)/$build/sanitizer-reports"
rm -rf "$reports"
mkdir -p "$reports"

# halt_on_error: the first report ends the process with a failing status.
# Suppression files (one per sanitizer, every entry names its upstream bug)
# are read only when they exist.
suppressions="$(pwd)/scripts/sanitizers"
common="halt_on_error=1:log_path=$reports/report:print_stacktrace=1"
# (detect_stack_use_after_return is left off: it made the ASan run 40%
# slower, over the time budget of make test.)
asan="$common:detect_leaks=1:check_initialization_order=1:strict_init_order=1"
asan+=":detect_odr_violation=2"
lsan="report_objects=1"
ubsan="$common"
tsan="$common:second_deadlock_stack=1:history_size=4"
[[ -f "$suppressions/lsan.supp" ]] && lsan+=":suppressions=$suppressions/lsan.supp"
[[ -f "$suppressions/ubsan.supp" ]] && ubsan+=":suppressions=$suppressions/ubsan.supp"
[[ -f "$suppressions/tsan.supp" ]] && tsan+=":suppressions=$suppressions/tsan.supp"
export ASAN_OPTIONS="$asan" LSAN_OPTIONS="$lsan" UBSAN_OPTIONS="$ubsan"
export TSAN_OPTIONS="$tsan"

status=0
(cd "$build" && ctest --output-on-failure -R "$tests" "$@") || status=$?
if compgen -G "$reports/report*" >/dev/null; then
  for f in "$reports"/report*; do
    echo "=== sanitizer report $f" >&2
    cat "$f" >&2
  done
  echo "sanitizer-ctest: sanitizer reports in $reports" >&2
  status=1
fi
exit "$status"
