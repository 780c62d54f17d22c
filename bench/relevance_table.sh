#!/bin/bash
# One command, one table: newsearch vs the plain-Xapian baseline vs the peer
# engines (Lucene 8, SQLite FTS5, Sphinx, Omega, Xapian variants) on every IR
# test collection, with MAP, nDCG@10, P@10 and R@1000, and the bar
# "newsearch MAP >= best peer MAP x 1.05" per collection. See bench/README.md.
#
#   bench/relevance_table.sh [BUILD_DIR] [DATA_DIR] [PEERS_DIR]
#
# BUILD_DIR  a build with -DNEWSEARCH_BUILD_BENCHMARKS=ON (default build-bench)
# DATA_DIR   holds ir-*/{docs.jsonl.gz,queries.tsv,qrels.txt} (default ../shared/data)
# PEERS_DIR  per-collection peer results: results.json (a RESULTS dir of
#            run_testcolls.sh / run_all.sh) or table.md (default
#            ../shared/bench-peers/results)
# Environment: WORK (scratch dir, default a new one under $TMPDIR), FACTOR (1.05).
# Writes WORK/suite.json, WORK/suite.md (search_bench's report), the TREC
# runs in WORK/runs/, and WORK/table.md (the table, also printed).
# Exit status: 0 every collection meets the bar, 1 some miss it, 2 error.
set -euo pipefail
main() {
  local root build data peers work
  root="$(cd "$(dirname "$0")/.." && pwd)"
  build="${1:-$root/build-bench}"
  data="${2:-$root/../shared/data}"
  peers="${3:-$root/../shared/bench-peers/results}"
  work="${WORK:-$(mktemp -d "${TMPDIR:-/tmp}/relevance_table.XXXXXX")}"
  [ -x "$build/bin/search_bench" ] || {
    echo "relevance_table: no $build/bin/search_bench (configure with -DNEWSEARCH_BUILD_BENCHMARKS=ON)" >&2
    exit 2
  }
  mkdir -p "$work"
  echo "relevance_table: running search_bench --suite $data (about 3 minutes); scratch in $work" >&2
  "$build/bin/search_bench" --suite "$data" --no-latency --work "$work/indexes" \
      --trec-dir "$work/runs" --json "$work/suite.json" >"$work/suite.md" 2>"$work/suite.log" || {
    local rc=$?
    # 1 = a check failed (listed in the report); anything else is a setup error.
    grep -h '^\* FAIL' "$work/suite.md" >&2 || true
    [ "$rc" -eq 1 ] || { tail -5 "$work/suite.log" >&2; exit 2; }
  }
  local rc=0
  /usr/bin/python3 "$root/bench/relevance_table.py" --factor "${FACTOR:-1.05}" \
      "$work/suite.json" "$peers" | tee "$work/table.md" || rc=${PIPESTATUS[0]}
  exit "$rc"
}
main "$@"
