#!/usr/bin/env bash
# ctest driver: `indexer --print` on the scraped-news pages, then
# extraction_eval on the held-out (test) split with the issue 17 gates.
# Usage: extraction_eval_gate.sh INDEXER EXTRACTION_EVAL DATA_DIR
# Exit: 0 gates met, 1 a gate missed or indexer --print failed,
# 77 skipped (DATA_DIR absent, or NEWSEARCH_TEST_NO_SHARED_DATA=1), 2 usage.
set -uo pipefail
[[ $# -eq 3 ]] || { sed -n '2,7p' "$0" >&2; exit 2; }
indexer=$1 evaluator=$2 data=$3
if [[ ${NEWSEARCH_TEST_NO_SHARED_DATA:-} == 1 || ! -f $data/truth.jsonl ]]; then
  echo "skipped: $data is absent (../shared/data beside the source tree)"
  exit 77
fi
out=$(mktemp "${TMPDIR:-/tmp}/extraction-gate.XXXXXX.jsonl")
trap 'rm -f "$out"' EXIT
"$indexer" --print "$data/pages" >"$out" || {
  rc=$?
  echo "FAIL: '$indexer --print $data/pages' failed (exit $rc)" >&2
  exit 1
}
"$evaluator" --truth "$data/truth.jsonl" --extracted "$out" --pages "$data/pages" \
  --split test --worst 10 --min-f1 0.85 --min-headline 0.80 --min-date 0.70
