#!/usr/bin/env bash
# Two builds of newsearch compared in one run, for changes that must not
# change behaviour (a refactor) or must state their cost (a feature):
#
#   bench/compare_builds.sh OLD_BUILD NEW_BUILD [--work DIR] [--pairs N] [--own-indexes]
#                           [--shared DIR] [--skip relevance|known-item|speed]...
#
# OLD_BUILD, NEW_BUILD  build trees configured with -DNEWSEARCH_BUILD_BENCHMARKS=ON
#                       (bin/search_bench, bin/speed_bench, bin/indexer)
# --work DIR            scratch [/tmp/newsearch-compare]; reused across runs: the
#                       Reuters indexes are built once (by OLD) and kept
# --pairs N             speed rounds as OLD,NEW pairs (2): a pair is one
#                       `speed_bench --reuse` of each on the same indexes
# --own-indexes         known-item and speed use one Reuters index per build, made
#                       by that build's indexer (for a change of the index format
#                       or of the analysis): each build's indexing is timed (wall
#                       seconds, default indexer flags, compaction included) and
#                       its size taken (du -sb), and the searches of each build
#                       run on its own index. Both share one plain-Xapian baseline
#                       (made by OLD's speed_bench). Indexes are rebuilt when a
#                       build's indexer changed, else kept in DIR/own/.
# --shared DIR          holds data/ and bench-peers/ [../shared beside the clone]
# --skip PART           leave out a part (repeatable)
#
# Parts:
#  relevance   search_bench --suite on the 8 IR collections, each build indexing
#              with its own indexer; MAP, nDCG@10 and P@10 per collection to 4
#              decimals, and whether the TREC runs are byte-identical.
#  known-item  the 101k Reuters corpus with the peer harness's known-item queries
#              (MRR = MAP); the index is OLD's, so this compares the searchers
#              (with --own-indexes: each build's own).
#  speed       bench/speed_bench.sh's 1200 queries on the 101k corpus, (b) top-10
#              passages with snippets, 1 thread: p50 and p99 of each build,
#              median over the pairs, and NEW/OLD.
# Exit status: 0 done (the figures are measurements: read them), 2 setup error.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
shared=$here/../shared
work=/tmp/newsearch-compare pairs=2 skip=" " own=0
[[ $# -ge 2 ]] || { sed -n '2,35p' "$0" >&2; exit 2; }
old=$(realpath "$1") new=$(realpath "$2"); shift 2
while [[ $# -gt 0 ]]; do
  case $1 in
    --work) work=$2; shift 2;;
    --pairs) pairs=$2; shift 2;;
    --own-indexes) own=1; shift;;
    --shared) shared=$2; shift 2;;
    --skip) skip+="$2 "; shift 2;;
    *) sed -n '2,35p' "$0" >&2; exit 2;;
  esac
done
for b in "$old" "$new"; do
  for p in search_bench speed_bench indexer; do
    [[ -x $b/bin/$p ]] || { echo "compare_builds: no $b/bin/$p" >&2; exit 2; }
  done
done
data=$shared/data peers=$shared/bench-peers
[[ -d $data ]] || { echo "compare_builds: no $data (../shared beside the clone, or --shared)" >&2; exit 2; }
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

# --own-indexes: DIR/own/{old,new}/newsearch, each made by its build's indexer
# (default flags); DIR/own/{old,new}/figures: "seconds bytes articles", then the
# indexer it came from; DIR/own/baseline: the plain-Xapian baseline, shared.
own_index() {
  local tag=$1 b=$2 o=$work/own/$1 reuters=$data/reuters-news-2006-2013 stamp t0 t1
  stamp="$(realpath "$b/bin/indexer") $(stat -c %Y "$b/bin/indexer")"
  if [[ -s $o/figures && $(sed -n 2p "$o/figures") == "$stamp" ]]; then
    say "own indexes: keeping the $tag build's index in $o"
    return
  fi
  rm -rf "$o"
  mkdir -p "$o"
  say "own indexes: the $tag build indexes the 101k Reuters corpus (about 10 minutes)"
  cat "$reuters"/*.jsonl.gz > /dev/null  # warm the page cache, as speed_bench does
  t0=$(date +%s.%N)
  "$b/bin/indexer" --db "$o/newsearch" --log-level warn "$reuters" > "$o/indexer.out" 2> "$o/indexer.log" \
    || { tail -3 "$o/indexer.log" >&2; exit 2; }
  t1=$(date +%s.%N)
  printf '%s %s %s\n%s\n' "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')" \
    "$(du -sb "$o/newsearch" | cut -f1)" \
    "$(grep -o 'articles=[0-9]*' "$o/indexer.out" | tail -1 | cut -d= -f2)" "$stamp" > "$o/figures"
}

own_indexes() {
  local reuters=$data/reuters-news-2006-2013 os ob oa ns nb na
  own_index old "$old"
  own_index new "$new"
  if [[ ! -s $work/own/baseline.json ]]; then
    say "own indexes: the plain-Xapian baseline (OLD's speed_bench)"
    rm -rf "$work/own/baseline" "$work/own/baseline-raw"
    "$old/bin/speed_bench" --child-baseline "$work/own/baseline-raw" "$work/own/baseline" "$reuters" \
      > "$work/own/baseline.tmp" 2> "$work/own/baseline.log" \
      || { tail -3 "$work/own/baseline.log" >&2; exit 2; }
    rm -rf "$work/own/baseline-raw"
    mv "$work/own/baseline.tmp" "$work/own/baseline.json"
  fi
  read -r os ob oa < "$work/own/old/figures"
  read -r ns nb na < "$work/own/new/figures"
  echo "### Own indexes (Reuters 101k, each build's indexer, default flags)"
  echo
  echo "| | old | new | new/old |"
  echo "|---|---|---|---|"
  awk -v os="$os" -v ns="$ns" -v ob="$ob" -v nb="$nb" -v oa="$oa" -v na="$na" 'BEGIN {
    printf "| index wall s | %.1f | %.1f | %.3f |\n", os, ns, ns / os
    printf "| index bytes (du -sb) | %d | %d | %.3f |\n", ob, nb, nb / ob
    printf "| articles | %d | %d | |\n", oa, na }'
  echo
}

# own_link TAG DIR NS_NAME BASE_NAME: TAG's own index and the baseline, hard
# linked as DIR/NS_NAME and DIR/BASE_NAME (the benches only read them).
own_link() {
  rm -rf "$2"
  mkdir -p "$2"
  cp -al "$work/own/$1/newsearch" "$2/$3"
  cp -al "$work/own/baseline" "$2/$4"
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
  local corpus=$data/reuters-news-2006-2013 q=$peers/queries/reuters-news-2006-2013 tag b
  local args=(--corpus "$corpus" --queries "$q.tsv" --qrels "$q.qrels" --no-latency --keep)
  if ((own)); then
    for tag in old new; do
      b=$old; [[ $tag == new ]] && b=$new
      own_link "$tag" "$work/known-item-own-$tag/$(basename "$corpus")" newsearch-index baseline-compact
      say "known-item: the $tag build on its own index"
      rm -rf "$work/ki-$tag"
      "$b/bin/search_bench" "${args[@]}" --work "$work/known-item-own-$tag" --reuse \
        --json "$work/ki-$tag.json" --trec-dir "$work/ki-$tag" > "$work/ki-$tag.md" 2> "$work/ki-$tag.log" \
        || true
      [[ -s $work/ki-$tag.json ]] || { tail -5 "$work/ki-$tag.log" >&2; exit 2; }
    done
  else
    args+=(--work "$work/known-item")
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
  fi
  echo "### Known-item (Reuters 101k, MRR = MAP; MAP / nDCG@10 / P@10$( ((own)) && echo ', each build on its own index'))"
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
  local common=(--corpus "$reuters" --queries "$s/queries.tsv"
                --name reuters-100k --expect-articles "$expect")
  local engines=(--work "$s/engines")
  if ((own)); then
    for tag in old new; do
      own_link "$tag" "$s/engines-own-$tag" newsearch baseline
      /usr/bin/python3 - "$work/own/$tag/figures" "$work/own/baseline.json" \
        > "$s/engines-own-$tag/index-figures.json" <<'EOF'
import json, sys
secs, size, articles = open(sys.argv[1]).readline().split()
b = json.load(open(sys.argv[2]))
ns = {"build_s": float(secs), "compact_s": 0.0, "peak_rss_mib": 0.0, "cpu_s": 0.0,
      "bytes_before": int(size), "bytes_after": int(size), "articles": int(articles)}
base = {"build_s": b["build_s"], "compact_s": b["compact_s"], "peak_rss_mib": 0.0,
        "cpu_s": 0.0, "bytes_before": 0, "bytes_after": 0, "articles": b["articles"]}
print(json.dumps({"newsearch": ns, "baseline": base, "text_bytes": b["text_bytes"]}))
EOF
    done
  elif [[ ! -d $s/engines/newsearch ]]; then
    say "speed: the old build indexes the 101k corpus for speed_bench (about 10 minutes)"
    "$old/bin/speed_bench" "${common[@]}" "${engines[@]}" --indexer "$old/bin/indexer" --json "$s/first.json" \
      > "$s/first.md" 2> "$s/first.log" || true
  fi
  : > "$s/pairs.txt"
  for ((i = 1; i <= pairs; i++)); do
    for tag in old new; do
      b=$old; [[ $tag == new ]] && b=$new
      say "speed: pair $i, $tag build"
      if ((own)); then engines=(--work "$s/engines-own-$tag"); fi
      "$b/bin/speed_bench" "${common[@]}" "${engines[@]}" --indexer "$b/bin/indexer" --reuse --cold 1 \
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
  if ((own)) && { wants known-item || wants speed; }; then own_indexes; fi
  if wants relevance; then relevance; fi
  if wants known-item; then known_item; fi
  if wants speed; then speed; fi
} | tee "$work/compare.md"
say "report: $work/compare.md"
