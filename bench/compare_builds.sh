#!/usr/bin/env bash
# Two builds of newsearch compared in one run, for changes that must not
# change behaviour (a refactor) or must state their cost (a feature):
#
#   bench/compare_builds.sh OLD_BUILD NEW_BUILD [--work DIR] [--pairs N] [--skip relevance|known-item|speed]...
#
# OLD_BUILD, NEW_BUILD  build trees configured with -DNEWSEARCH_BUILD_BENCHMARKS=ON
#                       (bin/search_bench, bin/speed_bench, bin/indexer)
# --work DIR            scratch [/tmp/newsearch-compare]; reused across runs: the
#                       Reuters indexes are built once (by OLD) and kept
# --pairs N             speed rounds as OLD,NEW pairs (2): a pair is one
#                       `speed_bench --reuse` of each on the same indexes
# --skip PART           leave out a part (repeatable)
#
# Parts:
#  relevance   search_bench --suite on the 8 IR collections, each build indexing
#              with its own indexer; MAP, nDCG@10 and P@10 per collection to 4
#              decimals, and whether the TREC runs are byte-identical.
#  known-item  the 101k Reuters corpus with the peer harness's known-item queries
#              (MRR = MAP); the index is OLD's, so this compares the searchers.
#  speed       bench/speed_bench.sh's 1200 queries on the 101k corpus, (b) top-10
#              passages with snippets, 1 thread: p50 and p99 of each build,
#              median over the pairs, and NEW/OLD.
# Exit status: 0 done (the figures are measurements: read them), 2 setup error.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
data=$here/../shared/data
peers=$here/../shared/bench-peers
work=/tmp/newsearch-compare pairs=2 skip=" "
[[ $# -ge 2 ]] || { sed -n '2,28p' "$0" >&2; exit 2; }
old=$(realpath "$1") new=$(realpath "$2"); shift 2
while [[ $# -gt 0 ]]; do
  case $1 in
    --work) work=$2; shift 2;;
    --pairs) pairs=$2; shift 2;;
    --skip) skip+="$2 "; shift 2;;
    *) sed -n '2,28p' "$0" >&2; exit 2;;
  esac
done
for b in "$old" "$new"; do
  for p in search_bench speed_bench indexer; do
    [[ -x $b/bin/$p ]] || { echo "compare_builds: no $b/bin/$p" >&2; exit 2; }
  done
done
[[ -d $data ]] || { echo "compare_builds: no $data (../shared beside the clone)" >&2; exit 2; }
mkdir -p "$work"
say() { echo "compare_builds: $*" >&2; }
wants() { [[ $skip != *" $1 "* ]]; }

# metrics SUITE_JSON: "collection map ndcg p10" lines, 4 decimals.
metrics() {
  /usr/bin/python3 - "$1" <<'EOF'
import json, sys
j = json.load(open(sys.argv[1]))
runs = j if isinstance(j, list) else [j]
for r in runs:
    m = r["relevance"]["newsearch"]
    print(r.get("name", "?"), "%.4f %.4f %.4f" % (m["map"], m["ndcg@10"], m["p@10"]))
EOF
}

relevance() {
  local tag b
  for tag in old new; do
    b=$old; [[ $tag == new ]] && b=$new
    say "relevance: $tag build indexes and runs the 8 IR collections"
    rm -rf "$work/rel-$tag"
    mkdir -p "$work/rel-$tag"
    "$b/bin/search_bench" --suite "$data" --no-latency --work "$work/rel-$tag/indexes" \
      --trec-dir "$work/rel-$tag/runs" --json "$work/rel-$tag/suite.json" \
      > "$work/rel-$tag/suite.md" 2> "$work/rel-$tag/suite.log" || true
    [[ -s $work/rel-$tag/suite.json ]] || { tail -5 "$work/rel-$tag/suite.log" >&2; exit 2; }
  done
  echo "### Relevance (newsearch MAP / nDCG@10 / P@10, 4 decimals)"
  echo
  echo "| collection | old | new | same |"
  echo "|---|---|---|---|"
  join <(metrics "$work/rel-old/suite.json" | sort) <(metrics "$work/rel-new/suite.json" | sort) |
    awk '{ o = $2 " / " $3 " / " $4; n = $5 " / " $6 " / " $7;
           printf "| %s | %s | %s | %s |\n", $1, o, n, (o == n ? "yes" : "NO") }'
  local same=0 total=0 f
  for f in "$work/rel-old/runs"/*.newsearch.trec; do
    total=$((total + 1))
    cmp -s "$f" "$work/rel-new/runs/$(basename "$f")" && same=$((same + 1))
  done
  echo
  echo "newsearch TREC runs byte-identical: $same of $total"
  echo
}

known_item() {
  local corpus=$data/reuters-news-2006-2013 q=$peers/queries/reuters-news-2006-2013
  local args=(--corpus "$corpus" --queries "$q.tsv" --qrels "$q.qrels" --no-latency
              --work "$work/known-item" --keep)
  if [[ ! -d $work/known-item ]]; then
    say "known-item: the old build indexes the 101k Reuters corpus (about 10 minutes)"
    "$old/bin/search_bench" "${args[@]}" --json "$work/ki-old.json" --trec-dir "$work/ki-old" \
      > "$work/ki-old.md" 2> "$work/ki-old.log" || true
  else
    "$old/bin/search_bench" "${args[@]}" --reuse --json "$work/ki-old.json" \
      --trec-dir "$work/ki-old" > "$work/ki-old.md" 2> "$work/ki-old.log" || true
  fi
  "$new/bin/search_bench" "${args[@]}" --reuse --json "$work/ki-new.json" \
    --trec-dir "$work/ki-new" > "$work/ki-new.md" 2> "$work/ki-new.log" || true
  echo "### Known-item (Reuters 101k, MRR = MAP)"
  echo
  echo "old: $(metrics "$work/ki-old.json")"
  echo "new: $(metrics "$work/ki-new.json")"
  local f same=0 total=0
  for f in "$work/ki-old"/*.newsearch.trec; do
    total=$((total + 1))
    cmp -s "$f" "$work/ki-new/$(basename "$f")" && same=$((same + 1))
  done
  echo "newsearch TREC runs byte-identical: $same of $total"
  echo
}

# b_latency SPEED_JSON: "p50 p99" of newsearch (b), 1 thread.
b_latency() {
  /usr/bin/python3 -c 'import json,sys; b=json.load(open(sys.argv[1]))["query"]["newsearch_b_1"]; print(b["p50_ms"], b["p99_ms"])' "$1"
}

speed() {
  local s=$work/speed reuters=$data/reuters-news-2006-2013 i tag b expect
  mkdir -p "$s"
  [[ -s $s/queries.tsv ]] || /usr/bin/python3 "$here/bench/make_speed_queries.py" "$reuters" "$s/queries.tsv"
  expect=$(zcat "$reuters"/*.jsonl.gz | grep -c .)
  local common=(--corpus "$reuters" --queries "$s/queries.tsv" --work "$s/engines"
                --name reuters-100k --expect-articles "$expect")
  if [[ ! -d $s/engines/newsearch ]]; then
    say "speed: the old build indexes the 101k corpus for speed_bench (about 10 minutes)"
    "$old/bin/speed_bench" "${common[@]}" --indexer "$old/bin/indexer" --json "$s/first.json" \
      > "$s/first.md" 2> "$s/first.log" || true
  fi
  : > "$s/pairs.txt"
  for ((i = 1; i <= pairs; i++)); do
    for tag in old new; do
      b=$old; [[ $tag == new ]] && b=$new
      say "speed: pair $i, $tag build"
      "$b/bin/speed_bench" "${common[@]}" --indexer "$b/bin/indexer" --reuse --cold 1 \
        --json "$s/$tag-$i.json" > "$s/$tag-$i.md" 2> "$s/$tag-$i.log" \
        || { tail -3 "$s/$tag-$i.log" >&2; exit 2; }
      echo "$tag $i $(b_latency "$s/$tag-$i.json")" >> "$s/pairs.txt"
    done
  done
  echo "### Speed ((b) top-10 passages + snippets, 1 thread, 1200 queries, 101k Reuters)"
  echo
  echo "| round | old p50 ms | new p50 ms | old p99 ms | new p99 ms |"
  echo "|---|---|---|---|---|"
  /usr/bin/python3 - "$s/pairs.txt" <<'EOF'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1])]
by = {}
for tag, i, p50, p99 in rows:
    by.setdefault(i, {})[tag] = (float(p50), float(p99))
for i in sorted(by, key=int):
    o, n = by[i]["old"], by[i]["new"]
    print("| %s | %.3f | %.3f | %.3f | %.3f |" % (i, o[0], n[0], o[1], n[1]))
med = lambda tag, k: statistics.median(by[i][tag][k] for i in by)
print("| median | %.3f | %.3f | %.3f | %.3f |" % (med("old", 0), med("new", 0), med("old", 1), med("new", 1)))
print()
print("new/old: p50 %.3fx, p99 %.3fx" % (med("new", 0) / med("old", 0), med("new", 1) / med("old", 1)))
EOF
  echo
}

{
  echo "## $(basename "$old") ($(git -C "$(dirname "$old")" rev-parse --short HEAD 2>/dev/null || echo '?'))" \
       "vs $(basename "$new") ($(git -C "$(dirname "$new")" rev-parse --short HEAD 2>/dev/null || echo '?'))"
  echo
  if wants relevance; then relevance; fi
  if wants known-item; then known_item; fi
  if wants speed; then speed; fi
} | tee "$work/compare.md"
say "report: $work/compare.md"
