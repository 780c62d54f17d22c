#!/usr/bin/env bash
# install_test.sh BUILD_DIR SOURCE_DIR WORK_DIR
# The installed-package contract, from outside the source tree:
#  - `cmake --install` into a temporary prefix;
#  - the installed headers include no Xapian, ICU or spdlog header;
#  - the shared library exports the public API and hides the internals;
#  - examples/embed builds against the prefix with find_package(newsearch)
#    (shared and static library) and with pkg-config, and each build prints
#    the expected results for an index of corpus/ made by the installed indexer.
set -euo pipefail
build=$1 src=$2 work=$3
rm -rf "$work"
mkdir -p "$work"
prefix=$work/prefix
fail() { echo "FAIL: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$prefix" >"$work/install.log"
lib=$(find "$prefix" -name 'libnewsearch.so' | head -1)
pc=$(find "$prefix" -name 'newsearch.pc' | head -1)
[[ -n $lib && -f $(dirname "$lib")/libnewsearch.a ]] || fail "shared and static library not installed"
[[ -n $pc ]] || fail "newsearch.pc not installed"
[[ -x $prefix/bin/search && -x $prefix/bin/indexer ]] || fail "programs not installed"

if grep -rE '#include <(xapian|unicode/|spdlog)' "$prefix/include/newsearch"; then
  fail "an installed header includes a dependency's header"
fi
exported=$(nm -DC --defined-only "$lib")
grep -q 'newsearch::Searcher::open' <<<"$exported" || fail "Searcher::open is not exported"
grep -q 'newsearch::IndexWriter::put' <<<"$exported" || fail "IndexWriter::put is not exported"
if grep -E 'newsearch::(parse_query|run_search|build_document|IndexStore|split_passages|make_snippet|PassageRanker)' <<<"$exported"; then
  fail "internal symbols are exported"
fi
# The rule, for every exported symbol: either it is a public name of
# namespace newsearch (newsearch::f or newsearch::Class::member, or the
# typeinfo or vtable of a class, each name declared in the installed headers;
# never a nested class such as a pimpl's Impl, never a std template instance
# over a newsearch type), or it is a weak (vague-linkage) instance of a
# std, Xapian or spdlog template or inline function, which any user of that
# template may define too, and which names nothing of newsearch.
public_words=" $(cat "$prefix"/include/newsearch/*.h | grep -oE '[A-Za-z_][A-Za-z0-9_]*' | sort -u | tr '\n' ' ') "
is_public() {  # demangled symbol
  local s=${1#typeinfo name for } path part parts
  s=${s#typeinfo for }
  s=${s#vtable for }
  [[ $s == newsearch::* ]] || return 1
  path=${s%%[([]*}                # the qualified name, without [abi:...] or parameters
  IFS=: read -r -a parts <<<"${path//::/:}"
  (( ${#parts[@]} == 2 || ${#parts[@]} == 3 )) || return 1
  for part in "${parts[@]:1}"; do
    part=${part#\~}
    [[ $part == operator* ]] && part=operator
    [[ $part != Impl && $public_words == *" $part "* ]] || return 1
  done
}
bad=()
while read -r _ kind sym; do
  if [[ $sym == *newsearch* ]]; then
    is_public "$sym" || bad+=("$kind $sym")
  elif [[ $kind != [WVu] ]]; then
    bad+=("$kind $sym")
  fi
done <<<"$exported"
if (( ${#bad[@]} )); then
  printf '  %s\n' "${bad[@]}" >&2
  fail "${#bad[@]} exported symbols are neither public newsearch names nor weak template instances"
fi
echo "exports: $(grep -c 'newsearch::' <<<"$exported") public newsearch symbols" \
     "and $(grep -vc 'newsearch' <<<"$exported") weak instances of std, Xapian or spdlog templates"

# The installed programs run from the prefix (RPATH $ORIGIN/../lib).
"$prefix/bin/indexer" --db "$work/index" --log-level warn "$src/corpus" >"$work/indexer.out"
grep -q 'added=5 ' "$work/indexer.out" || fail "indexer: $(cat "$work/indexer.out")"

check() {  # name binary: runs the example, checks its output
  local out=$work/$1.out
  "$2" "$work/index" Aguila Saleh >"$out" || fail "$1: exit status $?"
  grep -q '^newsearch [0-9.]*: about [0-9]* matches in 5 articles$' "$out" || fail "$1: header: $(head -1 "$out")"
  grep -q '^1\. .*\[003_' "$out" || fail "$1: 003 is not first: $(cat "$out")"
  grep -q '\[Aguila\] \[SALEH\]' "$out" || fail "$1: no highlights: $(cat "$out")"
  set +e
  "$2" "$work/index" "\"unbalanced" >/dev/null 2>"$work/$1.err"
  local status=$?
  set -e
  [[ $status -eq 2 ]] && grep -q 'query-syntax' "$work/$1.err" || fail "$1: bad query gave $status"
  echo "$1: OK"
}

for kind in shared static; do
  cmake -S "$src/examples/embed" -B "$work/embed-$kind" -DCMAKE_PREFIX_PATH="$prefix" \
        -DCMAKE_BUILD_TYPE=Release -DEMBED_STATIC=$([[ $kind == static ]] && echo ON || echo OFF) \
        >"$work/embed-$kind.log"
  cmake --build "$work/embed-$kind" >>"$work/embed-$kind.log"
  check "cmake-$kind" "$work/embed-$kind/embed"
done

export PKG_CONFIG_PATH=$(dirname "$pc")
c++ -std=c++17 "$src/examples/embed/embed.cpp" -o "$work/embed-pkgconfig" \
    $(pkg-config --cflags --libs newsearch) -Wl,-rpath,"$(pkg-config --variable=libdir newsearch)"
check pkg-config "$work/embed-pkgconfig"
