#!/usr/bin/env bash
# Body, headline and date extraction on the scraped-news pages (issue 17).
#
#   bench/extraction.sh [BUILD_DIR] [--data DIR] [--worst N]
#
# BUILD_DIR  a build tree with bin/indexer and bin/extraction_eval (default: build)
# --data     the scraped-news directory (default: ../shared/data/scraped-news
#            beside the clone)
# --worst N  also list the N worst pages of the test split by F1 (default 10)
#
# Runs `BUILD/bin/indexer --print DATA/pages` into a temporary file, then
# extraction_eval on it with --pages DATA/pages for the keep-everything
# baseline: the table for dev, test and all (split: FNV-1a 64-bit of the page
# id, even -> dev, odd -> test). Exit status: 0 done (the figures are
# measurements: read them), 2 setup error or indexer --print failed.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=$here/build data=$here/../shared/data/scraped-news worst=10
while [[ $# -gt 0 ]]; do
  case $1 in
    --data) data=${2:?--data needs a directory}; shift 2 ;;
    --worst) worst=${2:?--worst needs a number}; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    -*) echo "extraction.sh: unknown option $1" >&2; exit 2 ;;
    *) build=$1; shift ;;
  esac
done
indexer=$build/bin/indexer evaluator=$build/bin/extraction_eval
for f in "$indexer" "$evaluator"; do
  [[ -x $f ]] || { echo "extraction.sh: no $f (build the tests in $build)" >&2; exit 2; }
done
[[ -f $data/truth.jsonl && -d $data/pages ]] ||
  { echo "extraction.sh: no $data/truth.jsonl and pages/ (../shared beside the clone, or --data)" >&2; exit 2; }

out=$(mktemp "${TMPDIR:-/tmp}/extraction.XXXXXX.jsonl")
err=$(mktemp "${TMPDIR:-/tmp}/extraction.XXXXXX.err")
trap 'rm -f "$out" "$err"' EXIT
if ! "$indexer" --print "$data/pages" >"$out" 2>"$err"; then
  echo "extraction.sh: '$indexer --print $data/pages' failed:" >&2
  sed 's/^/  /' "$err" | head -20 >&2
  exit 2
fi
echo "extraction: $(grep -c . "$out" || true) records from $indexer --print"
"$evaluator" --truth "$data/truth.jsonl" --extracted "$out" --pages "$data/pages" \
  --split test --worst "$worst"
