#!/usr/bin/env bash
# Speed at archive scale (issue 6): builds speed_bench and runs it on the
# Reuters corpus (100k) or the 1M-article corpus generated from it, and prints
# ONE markdown table: newsearch, the plain-Xapian baseline, their ratio, the
# peers (optional) and the bars of issue 6 with pass/fail. Opt-in; not ctest.
#
#   bench/speed_bench.sh [--corpus 100k|1m] [--work DIR] [--build DIR]
#                        [--peers | --peers-json FILE] [--reuse] [-- SPEED_BENCH_ARGS...]
#
#   --corpus     100k: ../shared/data/reuters-news-2006-2013 (default);
#                1m: /tmp/newsearch-1m, made by make_corpus_1m.py if missing
#   --work       scratch directory [/tmp/newsearch-speed/CORPUS]; holds the
#                queries, the indexes, table.md and speed.json
#   --peers      first run ../shared/bench-peers/run_all.sh on the same corpus
#                and queries (needs its apt packages; 100k: about 30 minutes)
#   --peers-json the results.json of an earlier peers run, for the peer columns
#   --reuse      reuse the indexes of an earlier run in --work (queries only)
#   --table-only measure nothing: reprint WORK/speed.json's table (e.g. with
#                --peers-json once the peers have finished)
# Exit status: 0 all checks passed (bars may fail: they are measurements),
# 1 a check failed, 2 setup error.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
corpus_kind=100k work= build=$here/build-bench peers=0 peers_json= reuse=() table_only=0
while [[ $# -gt 0 ]]; do
  case $1 in
    --corpus) corpus_kind=$2; shift 2;;
    --work) work=$2; shift 2;;
    --build) build=$2; shift 2;;
    --peers) peers=1; shift;;
    --peers-json) peers_json=$(realpath "$2"); shift 2;;
    --reuse) reuse=(--reuse); shift;;
    --table-only) table_only=1; shift;;
    --) shift; break;;
    *) sed -n '2,20p' "$0" >&2; exit 2;;
  esac
done
reuters=$(realpath "$here/../shared/data/reuters-news-2006-2013")
case $corpus_kind in
  100k) corpus=$reuters p99_bar=10 need_gb=8;;
  1m) corpus=/tmp/newsearch-1m p99_bar=20 need_gb=60;;
  *) echo "speed_bench.sh: --corpus is 100k or 1m" >&2; exit 2;;
esac
work=${work:-/tmp/newsearch-speed/$corpus_kind}
mkdir -p "$work"
if [[ $table_only == 1 ]]; then
  exec "$build/bin/speed_bench" --from-json "$work/speed.json" ${peers_json:+--peers-json "$peers_json"}
fi
avail_gb=$(df -P --block-size=1G "$work" | awk 'NR == 2 { print $4 }')
if [[ ${#reuse[@]} -eq 0 && $avail_gb -lt $need_gb ]]; then
  echo "speed_bench.sh: $work has ${avail_gb} GB free; the $corpus_kind run needs about $need_gb GB" >&2
  exit 2
fi

echo "== build ($build)" >&2
cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=Release -DNEWSEARCH_BUILD_BENCHMARKS=ON \
  -DNEWSEARCH_BUILD_TESTS=OFF > "$work/cmake.log"
# The whole project (target names are not part of the contract; bin/indexer is).
cmake --build "$build" -j2 >> "$work/cmake.log"

if [[ $corpus_kind == 1m ]]; then
  echo "== 1M-article corpus in $corpus (generated once, then reused)" >&2
  /usr/bin/python3 "$here/bench/make_corpus_1m.py" "$reuters" "$corpus"
  expect=$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["articles"])' \
    "$corpus/MANIFEST.json")
else
  expect=$(zcat "$corpus"/*.jsonl.gz | grep -c .)
fi
# Queries always come from the real articles, which the 1M corpus contains verbatim.
/usr/bin/python3 "$here/bench/make_speed_queries.py" "$reuters" "$work/queries.tsv"
echo "== corpus $corpus: $expect articles; queries $(sha256sum "$work/queries.tsv" | cut -c1-16)" >&2

if [[ $peers == 1 ]]; then
  echo "== peers (bench-peers/run_all.sh; log in $work/peers.log)" >&2
  NAME=speed-$corpus_kind WORK=$work/peers RESULTS=$work/peers-results \
    "$here/../shared/bench-peers/run_all.sh" "$corpus" "$work/queries.tsv" > "$work/peers.log" 2>&1 \
    || { echo "speed_bench.sh: the peers run failed; see $work/peers.log" >&2; exit 2; }
  peers_json=$work/peers-results/results.json
fi

echo "== speed_bench" >&2
status=0
"$build/bin/speed_bench" --corpus "$corpus" --queries "$work/queries.tsv" \
  --indexer "$build/bin/indexer" --work "$work/engines" --name "reuters-$corpus_kind" \
  --expect-articles "$expect" --p99-bar-ms "$p99_bar" --json "$work/speed.json" \
  ${peers_json:+--peers-json "$peers_json"} "${reuse[@]}" "$@" > "$work/table.md" || status=$?
cat "$work/table.md"
echo "(table: $work/table.md, figures: $work/speed.json)" >&2
exit "$status"
