#!/usr/bin/python3
"""Attribute perf samples to phases of newsearch, from call stacks.

    perf record -e cpu-clock -F 250 --call-graph dwarf,32768 -o P.data -- PROGRAM...
    perf script -i P.data -F ip,sym | bench/perf_phases.py index|query

Each sample goes to the innermost frame of its stack that matches one of the
phase patterns below (so ICU analysis called while building a document counts
as analysis, not as document building); samples matching none are "other".
Xapian 1.4 on Debian has no symbols for its internals, so its time shows up
under the public entry point our code called (replace_document, commit, ...).
Prints "percent  samples  phase", largest first.
"""
import re
import sys

PHASES = {
    "index": [
        ("gunzip + JSON parse (reader)", r"inflate|gzread|JsonlReader|parse_jsonl|nlohmann"),
        ("content hash", r"content_hash|XXH|sha|fnv"),
        ("unchanged check (value lookup)", r"IndexWriter::unchanged"),
        ("stemming (Xapian::Stem)", r"Xapian::Stem::operator"),
        ("analysis: ICU word breaks", r"BreakIterator"),
        ("analysis: folding/normalisation", r"fold|Normalizer|normalize|u_|ucase|icu_\d+::"),
        ("analysis: rest of Analyzer::analyze", r"Analyzer::Impl::analyze|Analyzer::analyze"),
        ("passage splitting", r"split_passages"),
        ("stored record encode (MessagePack)", r"encode_stored_article|to_msgpack"),
        ("Document add_posting/add_term/values", r"Document::Internal::add_|Document::add_|set_data"),
        ("build_document (rest)", r"build_document"),
        ("Xapian replace_document (buffering postings)", r"replace_document"),
        ("Xapian commit (flush to B-trees)", r"WritableDatabase::commit"),
        ("Xapian compact", r"Database::compact"),
        ("IndexWriter::put (rest)", r"IndexWriter::put"),
    ],
    "query": [
        ("query parse + build", r"parse_query|build_query|QueryBuilder|query_builder"),
        ("Xapian match (get_mset)", r"Enquire::get_mset|Enquire::Internal"),
        ("idf / termfreq lookups", r"get_termfreq|(anonymous namespace)::idf"),
        ("stored record decode (MessagePack)", r"decode_stored_article|from_msgpack"),
        ("document fetch (get_document/get_data)", r"Database::get_document|Document::get_data|Document::Internal"),
        ("stemming (Xapian::Stem)", r"Xapian::Stem::operator"),
        ("analysis: ICU word breaks", r"BreakIterator"),
        ("analysis: folding/normalisation", r"fold|Normalizer|normalize|icu_\d+::"),
        ("analysis: rest of Analyzer::analyze", r"Analyzer::Impl::analyze|Analyzer::analyze"),
        ("passage evidence (PassageRanker::examine)", r"PassageRanker::examine"),
        ("snippet", r"make_snippet|snippet"),
        ("rank/score passages", r"rank_passages|PassageRanker::score"),
        ("result assembly (make_hit)", r"make_hit|make_passage"),
        ("metadata lookup", r"get_metadata"),
        ("database open/reopen", r"Database::Database|Database::reopen|Searcher::open"),
        ("run_search (rest)", r"run_search"),
        ("Searcher::search (rest)", r"Searcher::search"),
    ],
}


def stacks(lines):
    cur = []
    for line in lines:
        line = line.strip()
        if not line:
            if cur:
                yield cur
            cur = []
            continue
        parts = line.split(None, 1)
        cur.append(parts[1] if len(parts) > 1 else "")
    if cur:
        yield cur


def main():
    if len(sys.argv) != 2 or sys.argv[1] not in PHASES:
        sys.exit(__doc__)
    phases = [(name, re.compile(rx)) for name, rx in PHASES[sys.argv[1]]]
    counts, total = {}, 0
    for st in stacks(sys.stdin):
        total += 1
        phase = "other"
        for frame in st:  # innermost first
            hit = next((name for name, rx in phases if rx.search(frame)), None)
            if hit:
                phase = hit
                break
        counts[phase] = counts.get(phase, 0) + 1
    for name, n in sorted(counts.items(), key=lambda kv: -kv[1]):
        print(f"{100.0 * n / total:6.1f}%  {n:7d}  {name}")
    print(f"{100.0:6.1f}%  {total:7d}  total samples")


if __name__ == "__main__":
    main()
