#!/usr/bin/env bash
# Multilingual benchmark (issue 18): inflection recall per language, the share
# of wrong-language hits, language identification, index time and size.
#
#   bench/languages.sh [BUILD_DIR] [--baseline OLD_BUILD_DIR] [--data DIR]
#                      [--worst N] [--keep]
#
# BUILD_DIR   a build tree with bin/indexer and bin/search (default: build)
# --baseline  a second build measured in the same run (e.g. today's main)
# --data      the shared data directory holding multilingual-news/ (default:
#             ../shared/data beside the clone, else beside the main clone of
#             this worktree)
# --worst N   list the N worst groups per build (default 12)
# --keep      keep the scratch directory (indexes, --print output)
#
# What it does (definitions in bench/languages.py's docstring):
#  1. indexes multilingual-news/articles.jsonl.gz (11,507 articles, 11
#     languages) with each build into a fresh index in a temp directory:
#     wall time and size on disk;
#  2. for every form of bench/data/inflections.tsv: `search --json -n 10000
#     FORM`, and the share of the group's articles found (ground truth: the
#     articles of the group's language containing any of its forms as a
#     whole word, after NFKC + case folding, Unicode letter/mark/number runs
#     as words), plus the share of hits in another language; per language,
#     for dev / test / all groups, the means over the languages with a
#     Snowball stemmer and over all languages, and the issue's bar (>= 0.90
#     mean over the stemmed languages, none below 0.80). With a build whose
#     `search --help` offers --lang, the same again with `--lang L`;
#  3. language identification: the JSONL without its `lang` field read by
#     `indexer --print`, each record's "lang" against the original: per
#     language accuracy and confusions, the overall share (bar >= 98 %);
#     skipped for a build whose --print has no "lang_source".
# About 2-4 minutes per build on 2 cores; nothing is kept outside the temp
# directory (removed at the end unless --keep).
#
# Exit status: 0 it ran (the figures are measurements, a missed bar is not an
# error), 1 some searches or the identification run failed (listed at the
# end), 2 setup error, 77 the data is absent (skipped).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=$here/build baseline="" data="" extra=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --baseline) baseline=${2:?--baseline needs a build directory}; shift 2 ;;
    --data) data=${2:?--data needs a directory}; shift 2 ;;
    --worst) extra+=(--worst "${2:?--worst needs a number}"); shift 2 ;;
    --keep) extra+=(--keep); shift ;;
    -h|--help) sed -n '2,38p' "$0"; exit 0 ;;
    -*) echo "languages.sh: unknown option $1" >&2; exit 2 ;;
    *) build=$1; shift ;;
  esac
done
if [[ -z $data ]]; then
  data=$here/../shared/data
  if [[ ! -d $data ]]; then
    # A worktree: look beside the main clone (git's common dir is its .git).
    common=$(git -C "$here" rev-parse --path-format=absolute --git-common-dir 2>/dev/null || true)
    [[ -n $common ]] && data=$(dirname "$common")/../shared/data
  fi
fi
file=$data/multilingual-news/articles.jsonl.gz
if [[ ! -f $file ]]; then
  echo "languages.sh: skipped: no $file (../shared beside the clone, or --data DIR)"
  exit 77
fi
for b in "$build" ${baseline:+"$baseline"}; do
  for p in indexer search; do
    [[ -x $b/bin/$p ]] || { echo "languages.sh: no $b/bin/$p (build the indexer_cli and search_cli targets)" >&2; exit 2; }
  done
done
command -v python3 >/dev/null || { echo "languages.sh: needs python3" >&2; exit 2; }
exec python3 "$here/bench/languages.py" --build "$build" ${baseline:+--baseline "$baseline"} \
  --data "$file" --groups "$here/bench/data/inflections.tsv" "${extra[@]}"
