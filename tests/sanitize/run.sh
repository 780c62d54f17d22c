#!/usr/bin/env bash
# Runs the test suite of an ASan+UBSan sub-build (tests/CMakeLists.txt, the
# "asan:" test) and fails if any sanitizer report was written, by the test
# executables or by the indexer and search processes they spawn (children
# inherit ASAN_OPTIONS/UBSAN_OPTIONS, so their reports land in LOG_DIR too,
# whatever exit status the test saw).
#
#   tests/sanitize/run.sh BUILD_DIR LOG_DIR
set -uo pipefail
build="$1"
logs="$2"

rm -rf "$logs"
mkdir -p "$logs"
# detect_leaks: the suite is leak-free, so a leak fails like any report.
# halt_on_error / -fno-sanitize-recover: the first report ends the process.
export ASAN_OPTIONS="log_path=$logs/asan:halt_on_error=1:detect_leaks=1"
export UBSAN_OPTIONS="log_path=$logs/ubsan:halt_on_error=1:print_stacktrace=1"
export LSAN_OPTIONS="log_path=$logs/lsan"

# Not run here:
#  - the tests that build sub-projects of their own: "tsan:"
#    (ThreadSanitizer cannot be combined with ASan) and "package:" (its
#    consumers are built without the sanitizers, so they cannot link the
#    instrumented library); "asan:" and "fuzz:" are not even defined in this
#    sub-build (NEWSEARCH_SANITIZE_SUBBUILD);
#  - "ops: SIGKILL at any point ...": eight >4 MB index builds killed at
#    fixed delays, 340 s under ASan (five times the rest of the suite
#    together) for a test of crash safety, not of memory errors; its delays
#    are also tuned to where the uninstrumented indexer is after them.
status=0
ctest --test-dir "$build" --output-on-failure -j"${CMAKE_BUILD_PARALLEL_LEVEL:-2}" --timeout 900 \
      -E '^(tsan|package): |^ops: ?SIGKILL at any point' || status=$?

reports=$(find "$logs" -type f | sort)
if [ -n "$reports" ]; then
    echo "sanitizer reports in $logs:" >&2
    for r in $reports; do
        echo "==== $r" >&2
        head -60 "$r" >&2
    done
    exit 1
fi
exit $status
