#!/usr/bin/env bash
# Incremental reindex benchmark on a real corpus (opt-in; not part of ctest).
#
#   bench/reindex_bench.sh [BUILD_DIR] [CORPUS_DIR]
#
# Copies the corpus's .jsonl.gz shards to a scratch directory, then times:
#   full      a fresh index build
#   nochange  a second run over the same files (reads hashes only)
#   1pct      a run after 1% of the articles changed (body edited)
#   delete    a run after one shard was removed (prunes its articles)
# and checks the article counts after each run. Prints times and ratios to
# the full build, which is measured in the same run (machines are noisy).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
corpus=${2:-$here/../shared/data/reuters-news-2006-2013}
indexer=$build/bin/indexer
work=$(mktemp -d "${TMPDIR:-/tmp}/newsearch-reindex-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/src"
cp "$corpus"/*.jsonl.gz "$work/src/"
total=$(zcat "$work"/src/*.jsonl.gz | wc -l)
echo "corpus: $corpus ($total articles)"

run() {  # run NAME EXPECTED_ARTICLES: time one indexer run, check its summary
  local name=$1 expect=$2 start end line
  start=$(date +%s.%N)
  line=$("$indexer" --db "$work/index" --log-level warn --compact-threshold 0 "$work/src")
  end=$(date +%s.%N)
  echo "$name: $line"
  [[ $line == *"articles=$expect "* ]] || { echo "FAIL: expected articles=$expect" >&2; exit 1; }
  awk -v a="$start" -v b="$end" 'BEGIN { print b - a }' > "$work/$name.secs"
}

run full "$total"
run nochange "$total"
# Edit 1% of the articles: every 100th line of each shard gets a new body word.
for f in "$work"/src/*.jsonl.gz; do
  zcat "$f" | awk 'NR % 100 == 0 { sub(/"body": *"/, "&EDITED "); } { print }' | gzip -1 > "$f.tmp"
  mv "$f.tmp" "$f"
done
changed=$(zcat "$work"/src/*.jsonl.gz | grep -c '"body": *"EDITED ' || true)
run 1pct "$total"
shard=$(ls "$work"/src/*.jsonl.gz | head -1)
gone=$(zcat "$shard" | wc -l)
rm "$shard"
run delete "$((total - gone))"

full=$(cat "$work/full.secs")
printf '\n%-10s %10s %10s\n' run seconds "x full"
for n in full nochange 1pct delete; do
  s=$(cat "$work/$n.secs")
  awk -v n="$n" -v s="$s" -v f="$full" 'BEGIN { printf "%-10s %10.2f %10.3f\n", n, s, s / f }'
done
echo "(1pct edited $changed articles; delete removed $gone)"
