// search_bench: newsearch against a plain-Xapian baseline on one corpus and
// query set (or on every test collection under a directory), in one run:
// indexing time and size, warm query latency, and relevance against qrels.
// Opt-in (NEWSEARCH_BUILD_BENCHMARKS), never part of ctest. See bench/README.md.
#include <stdlib.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <unordered_set>
#include <vector>

#include "bench/bench_util.h"
#include "bench/query_prep.h"
#include "bench/trec_metrics.h"
#include "bench/xapian_baseline.h"
#include "newsearch/indexer.h"
#include "newsearch/newsearch.h"
#include "searcher/query_parser.h"  // kMaxQueryLeaves, kMaxQueryBytes

namespace {

namespace fs = std::filesystem;
using bench::BenchClock;
using bench::check_hits;
using bench::dir_bytes;
using bench::fmt;
using bench::Latency;
using bench::mb;
using bench::ratio;
using bench::seconds_since;
using bench::summarize;
using nlohmann::json;

// ---------------------------------------------------------------------------
// Configuration

struct Config {
  std::vector<std::string> corpus;
  std::string queries, qrels, name, work, json_path, trec_dir, suite, suite_prefix = "ir-";
  int rounds = 3, warmup = 1;
  std::size_t max_queries = 0, depth = 1000, k = 10;
  double min_map = 0;
  bool keep = false, reuse = false, allow_empty = false, no_latency = false, no_relevance = false,
       verbose = false;
};

/// One corpus + query set to measure.
struct Collection {
  std::string name;
  std::vector<std::string> corpus;
  std::string queries, qrels;
};

// ---------------------------------------------------------------------------
// Queries: the same prepared text goes to both engines.

struct Query {
  std::string id, raw, text;
};

using bench::prepare_query;
using bench::QueryPrep;

/// "qid<TAB>text" lines, or one query per line (qid = line number). Empty
/// lines and lines starting with '#' are skipped.
std::vector<Query> load_queries(const std::string& path, std::size_t max, QueryPrep& prep) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read queries '" + path + "'");
  std::vector<Query> out;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos || line[0] == '#') continue;
    ++prep.in_file;
    if (max && out.size() >= max) continue;
    Query q;
    const auto tab = line.find('\t');
    if (tab == std::string::npos) {
      q.id = std::to_string(prep.in_file);
      q.raw = line;
    } else {
      q.id = line.substr(0, tab);
      q.raw = line.substr(tab + 1);
    }
    q.text = prepare_query(q.raw, prep);
    out.push_back(std::move(q));
  }
  return out;
}

// ---------------------------------------------------------------------------
// One collection

struct IndexPart {
  bool measured = false;  ///< false with --reuse
  double ns_seconds = 0, base_build_seconds = 0, base_compact_seconds = 0;
  std::uint64_t ns_bytes = 0, base_raw_bytes = 0, base_bytes = 0, text_bytes = 0;
  newsearch::IndexStats ns;
  bench::ReadStats base_read;
};

struct Report {
  std::string name;
  std::vector<std::string> corpus;
  std::string queries_path, qrels_path;
  std::size_t ns_articles = 0, base_articles = 0;
  QueryPrep prep;
  std::size_t queries = 0, timed_queries = 0;
  IndexPart index;
  bool latency_done = false;
  Latency ns_lat, base_lat, base_plain_lat;
  int rounds = 0;
  double overlap10 = 0;                            ///< mean shared ids in the two engines' top 10
  std::size_t same_top10 = 0, compared_top10 = 0;  ///< newsearch limit 10 vs limit depth
  std::size_t hits_without_passage = 0;
  bool relevance_done = false;
  bench::Metrics ns_rel, base_rel;
  double ns_rel_seconds = 0, base_rel_seconds = 0;
  std::string ns_run_path, base_run_path;
  std::vector<std::string> checks;    ///< passed
  std::vector<std::string> failures;  ///< failed
};

void check(Report& rep, bool ok, const std::string& what) {
  (ok ? rep.checks : rep.failures).push_back(what);
}

void say(const std::string& s) { std::cerr << "search_bench: " << s << std::endl; }

/// Reads every source file once so that neither engine pays for a cold page cache.
void warm_sources(const std::vector<std::string>& sources) {
  const auto files =
      newsearch::find_sources(sources, [](const std::string&, const std::string&) {});
  std::vector<char> buf(1 << 20);
  for (const auto& f : files) {
    std::ifstream in(f.path, std::ios::binary);
    while (in.read(buf.data(), static_cast<std::streamsize>(buf.size())) || in.gcount() > 0) {
    }
  }
}

Report run_collection(const Config& cfg, const Collection& col, const fs::path& dir) {
  Report rep;
  rep.name = col.name;
  rep.corpus = col.corpus;
  rep.queries_path = col.queries;
  rep.qrels_path = col.qrels;
  const fs::path ns_index = dir / "newsearch-index", base_raw = dir / "baseline-index",
                 base_index = dir / "baseline-compact";

  // A directory corpus must not contain the judgements: *.txt files are articles.
  for (const auto& c : col.corpus)
    if (fs::is_directory(c))
      for (const auto& f : newsearch::find_sources({c}, [](auto&, auto&) {}))
        if (fs::path(f.path).filename().string().starts_with("qrels"))
          throw std::runtime_error("corpus directory '" + c + "' contains " + f.path +
                                   ", which the indexer would read as an article: pass the "
                                   "docs .jsonl.gz file instead");

  std::vector<Query> queries = load_queries(col.queries, cfg.max_queries, rep.prep);
  rep.queries = queries.size();
  if (queries.empty()) throw std::runtime_error("no queries in '" + col.queries + "'");

  // ---- 1. indexing
  const bool reuse = cfg.reuse && fs::exists(ns_index) && fs::exists(base_index);
  if (!reuse) {
    fs::remove_all(dir);
    fs::create_directories(dir);
    say(col.name + ": warming the page cache with the sources");
    warm_sources(col.corpus);
    newsearch::IndexerOptions io;
    io.db_path = ns_index.string();
    io.sources = col.corpus;
    if (cfg.verbose) {
      io.log.level = newsearch::LogLevel::kWarn;
      io.log.callback = [](newsearch::LogLevel level, std::string_view message) {
        std::cerr << "indexer " << newsearch::log_level_name(level) << ": " << message << "\n";
      };
    }
    say(col.name + ": indexing with newsearch");
    auto t0 = BenchClock::now();
    rep.index.ns = newsearch::run_indexer(io);
    rep.index.ns_seconds = seconds_since(t0);
    say(col.name + ": newsearch " + fmt(rep.index.ns_seconds) + " s; indexing the baseline");
    const auto b = bench::build_baseline(col.corpus, base_raw.string());
    rep.index.base_build_seconds = b.seconds;
    rep.index.base_read = b.read;
    rep.index.base_compact_seconds =
        bench::compact_baseline(base_raw.string(), base_index.string());
    say(col.name + ": baseline " + fmt(b.seconds) + " s + compact " +
        fmt(rep.index.base_compact_seconds) + " s");
    rep.index.measured = true;
    rep.index.text_bytes = b.read.text_bytes;
    rep.index.base_raw_bytes = dir_bytes(base_raw);
    fs::remove_all(base_raw);  // searches use the compacted baseline, like newsearch's
    check(rep, rep.index.ns.skipped == b.read.skipped && rep.index.ns.errors == 0,
          "indexer skipped " + std::to_string(rep.index.ns.skipped) + " records (baseline reader " +
              std::to_string(b.read.skipped) + "), " + std::to_string(rep.index.ns.errors) +
              " read errors");
  } else {
    say(col.name + ": reusing the indexes in " + dir.string());
  }
  rep.index.ns_bytes = dir_bytes(ns_index);
  rep.index.base_bytes = dir_bytes(base_index);

  newsearch::Searcher searcher = newsearch::Searcher::open(ns_index.string());
  bench::BaselineSearcher baseline(base_index.string());
  rep.ns_articles = searcher.article_count();
  rep.base_articles = baseline.doc_count();
  check(rep, rep.ns_articles == rep.base_articles && rep.ns_articles > 0,
        "both indexes hold the same number of articles (" + std::to_string(rep.ns_articles) +
            " / " + std::to_string(rep.base_articles) + ")");

  // Every query must parse in newsearch (after preparation).
  std::vector<Query> ok_queries;
  {
    std::size_t bad = 0;
    for (const auto& q : queries) {
      try {
        newsearch::SearchOptions o;
        o.limit = 1;
        searcher.search(q.text, o);
        ok_queries.push_back(q);
      } catch (const newsearch::Error& e) {
        if (++bad <= 5) say("query " + q.id + " '" + q.text + "': " + e.what());
      }
    }
    check(rep, bad == 0,
          "every prepared query parses in newsearch (" + std::to_string(bad) + " rejected)");
  }
  rep.timed_queries = ok_queries.size();

  // ---- 2. latency: top k with snippets, engines interleaved query by query
  std::map<std::string, std::vector<std::string>> ns_top;  // newsearch's top k, for later
  if (!cfg.no_latency) {
    say(col.name + ": latency, " + std::to_string(cfg.warmup) + " warm-up + " +
        std::to_string(cfg.rounds) + " timed rounds of " + std::to_string(ok_queries.size()) +
        " queries");
    constexpr int kEngines = 3;  // 0 newsearch, 1 baseline + snippets, 2 baseline ids only
    std::vector<std::vector<std::vector<double>>> lat(
        kEngines, std::vector<std::vector<double>>(static_cast<std::size_t>(cfg.rounds)));
    std::vector<std::vector<std::vector<std::string>>> ref(
        kEngines, std::vector<std::vector<std::string>>(ok_queries.size()));
    std::size_t empty[kEngines] = {0, 0, 0}, unstable = 0, snippet_bytes = 0;
    std::string bad_hits;
    newsearch::SearchOptions o;
    o.limit = cfg.k;
    for (int r = 0; r < cfg.warmup + cfg.rounds; ++r) {
      const bool timed = r >= cfg.warmup;
      for (std::size_t i = 0; i < ok_queries.size(); ++i) {
        for (int e = 0; e < kEngines; ++e) {
          const int eng = static_cast<int>((static_cast<std::size_t>(e + r) + i) % kEngines);
          std::vector<std::string> ids;
          double ms = 0;
          if (eng == 0) {
            const auto t0 = BenchClock::now();
            newsearch::SearchResults res = searcher.search(ok_queries[i].text, o);
            ms = seconds_since(t0) * 1e3;
            std::string problem = check_hits(res, rep.hits_without_passage);
            if (!problem.empty() && bad_hits.empty())
              bad_hits = "query " + ok_queries[i].id + ": " + problem;
            for (auto& h : res.hits) ids.push_back(std::move(h.id));
          } else {
            const auto t0 = BenchClock::now();
            ids = baseline.top(ok_queries[i].text, static_cast<unsigned>(cfg.k), eng == 1,
                               snippet_bytes);
            ms = seconds_since(t0) * 1e3;
          }
          auto& reference = ref[static_cast<std::size_t>(eng)][i];
          if (r == 0) {
            if (ids.empty()) ++empty[eng];
            reference = std::move(ids);
          } else if (ids != reference) {
            ++unstable;
          }
          if (timed)
            lat[static_cast<std::size_t>(eng)][static_cast<std::size_t>(r - cfg.warmup)].push_back(
                ms);
        }
      }
    }
    rep.hits_without_passage /= static_cast<std::size_t>(cfg.warmup + cfg.rounds);
    rep.latency_done = true;
    rep.rounds = cfg.rounds;
    rep.ns_lat = summarize(lat[0]);
    rep.base_lat = summarize(lat[1]);
    rep.base_plain_lat = summarize(lat[2]);
    double shared = 0;
    for (std::size_t i = 0; i < ok_queries.size(); ++i) {
      const auto& a = ref[0][i];
      const std::set<std::string> b(ref[1][i].begin(), ref[1][i].end());
      shared += static_cast<double>(
          std::count_if(a.begin(), a.end(), [&](const std::string& x) { return b.count(x); }));
      ns_top[ok_queries[i].id] = a;
    }
    rep.overlap10 = ok_queries.empty() ? 0 : shared / static_cast<double>(ok_queries.size());
    const std::string empties =
        std::to_string(empty[0]) + " newsearch, " + std::to_string(empty[1]) + " baseline";
    if (cfg.allow_empty)
      check(rep, true, "queries without hits (allowed by --allow-empty): " + empties);
    else
      check(rep, empty[0] == 0 && empty[1] == 0,
            "every query returns at least one hit on both engines (without hits: " + empties + ")");
    check(rep, unstable == 0,
          "every round returns the same top " + std::to_string(cfg.k) + " as the first (" +
              std::to_string(unstable) + " differing)");
    check(rep, bad_hits.empty(),
          "newsearch hits are well formed: ranks, unique ids, non-empty snippets, highlight "
          "offsets" +
              (bad_hits.empty() ? std::string() : " (" + bad_hits + ")"));
    check(rep, snippet_bytes > 0 || ok_queries.empty(), "the baseline produced snippets");
  }

  // ---- 3. relevance: depth-`depth` runs scored against the qrels
  if (!col.qrels.empty() && !cfg.no_relevance) {
    say(col.name + ": relevance run, depth " + std::to_string(cfg.depth));
    bench::Run ns_run, base_run;
    newsearch::SearchOptions o;
    o.limit = cfg.depth;
    o.passages_per_article = 1;
    auto t0 = BenchClock::now();
    for (const auto& q : ok_queries) {
      const auto res = searcher.search(q.text, o);
      auto& entries = ns_run[q.id];
      // newsearch orders by tiers, then score: the run's score is rank-based,
      // so that re-sorting by score keeps newsearch's order exactly.
      for (std::size_t i = 0; i < res.hits.size(); ++i)
        entries.push_back({res.hits[i].id, static_cast<double>(res.hits.size() - i)});
    }
    rep.ns_rel_seconds = seconds_since(t0);
    t0 = BenchClock::now();
    for (const auto& q : ok_queries)
      for (auto& [id, w] : baseline.ranked(q.text, static_cast<unsigned>(cfg.depth)))
        base_run[q.id].push_back({std::move(id), w});
    rep.base_rel_seconds = seconds_since(t0);

    const bench::Qrels qrels = bench::read_qrels(col.qrels);
    std::set<std::string> run_ids;
    for (const auto& q : queries) run_ids.insert(q.id);  // rejected queries score 0
    rep.ns_rel = bench::evaluate(qrels, ns_run, &run_ids);
    rep.base_rel = bench::evaluate(qrels, base_run, &run_ids);
    rep.relevance_done = true;

    for (const auto& [qid, top] : ns_top) {
      auto it = ns_run.find(qid);
      if (it == ns_run.end()) continue;
      std::vector<std::string> deep;
      for (std::size_t i = 0; i < it->second.size() && i < top.size(); ++i)
        deep.push_back(it->second[i].docid);
      ++rep.compared_top10;
      rep.same_top10 += deep == top;
    }

    const fs::path runs = cfg.trec_dir.empty() ? dir / "runs" : fs::path(cfg.trec_dir);
    fs::create_directories(runs);
    rep.ns_run_path = (runs / (col.name + ".newsearch.trec")).string();
    rep.base_run_path = (runs / (col.name + ".baseline.trec")).string();
    bench::write_trec_run(rep.ns_run_path, ns_run, "newsearch");
    bench::write_trec_run(rep.base_run_path, base_run, "xapian-baseline");
    {  // the prepared query text, to rerun other engines on exactly these queries
      std::ofstream qf(runs / (col.name + ".queries.tsv"));
      for (const auto& q : queries) qf << q.id << '\t' << q.text << '\n';
    }

    check(
        rep, rep.ns_rel.queries > 0,
        "the qrels judge some of the queries (" + std::to_string(rep.ns_rel.queries) + " judged)");
    check(rep, rep.ns_rel.map >= cfg.min_map,
          "newsearch MAP " + fmt(rep.ns_rel.map, 4) + " is at least --min-map " +
              fmt(cfg.min_map, 4));
  }
  return rep;
}

// ---------------------------------------------------------------------------
// Output

std::string join(const std::vector<std::string>& v, const std::string& sep) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : sep) + x;
  return s;
}

void print_report(const Report& r, const Config& cfg, std::ostream& out) {
  out << "\n## search_bench: " << r.name << "\n\n";
  out << "* corpus: " << join(r.corpus, " ") << " — " << r.ns_articles << " articles";
  if (r.index.measured)
    out << ", " << fmt(mb(r.index.text_bytes), 1)
        << " MB text (headline+body UTF-8, 10^6 bytes; skipped " << r.index.ns.skipped << ")";
  out << "\n* queries: " << r.queries_path << " — " << r.queries << " run";
  if (r.queries != r.prep.in_file)
    out << " (first " << r.queries << " of " << r.prep.in_file << ")";
  out << "; the same prepared text goes to both engines: " << r.prep.lowered
      << " all-caps lowercased, " << r.prep.operators << " with AND/OR/NOT lowercased, "
      << r.prep.stripped << " with quotes/parentheses/leading -,+/title: stripped, "
      << r.prep.truncated << " cut to " << newsearch::kMaxQueryLeaves << " words\n";
  if (!r.qrels_path.empty()) out << "* qrels: " << r.qrels_path << "\n";
  out << "* baseline: plain Xapian as in bench-peers/xapian_peer.cc (TermGenerator, English "
         "STEM_SOME, headline+body one text, QueryParser OR, BM25Weight defaults, "
         "MSet::snippet 200 bytes); compacted after the build, as newsearch compacts a fresh "
         "index\n";

  if (r.index.measured) {
    const auto& x = r.index;
    const double arts = static_cast<double>(x.ns.articles);
    const double base_total = x.base_build_seconds + x.base_compact_seconds;
    out << "\n### Indexing\n\n";
    out << "| engine | wall s | articles/s | MB/s | index MB | index/text "
           "|\n|---|---:|---:|---:|---:|---:|\n";
    auto row = [&](const std::string& name, double s, std::uint64_t bytes) {
      out << "| " << name << " | " << fmt(s) << " | " << fmt(ratio(arts, s), 0) << " | "
          << fmt(ratio(mb(x.text_bytes), s)) << " | " << fmt(mb(bytes), 1) << " | "
          << fmt(ratio(static_cast<double>(bytes), static_cast<double>(x.text_bytes))) << " |\n";
    };
    row(std::string("newsearch (") + (x.ns.compacted ? "incl. compaction" : "not compacted") + ")",
        x.ns_seconds, x.ns_bytes);
    row("baseline xapian, build only", x.base_build_seconds, x.base_raw_bytes);
    row("baseline xapian, build + compact", base_total, x.base_bytes);
    out << "| **newsearch / baseline (build + compact)** | **"
        << fmt(ratio(x.ns_seconds, base_total)) << "x** | | | **"
        << fmt(ratio(static_cast<double>(x.ns_bytes), static_cast<double>(x.base_bytes)))
        << "x** | |\n";
    out << "| newsearch / baseline (build only) | "
        << fmt(ratio(x.ns_seconds, x.base_build_seconds)) << "x | | | "
        << fmt(ratio(static_cast<double>(x.ns_bytes), static_cast<double>(x.base_raw_bytes)))
        << "x | |\n";
  } else {
    out << "\n### Indexing\n\nreused the indexes (--reuse): newsearch "
        << fmt(mb(r.index.ns_bytes), 1) << " MB, baseline " << fmt(mb(r.index.base_bytes), 1)
        << " MB (compacted), ratio "
        << fmt(ratio(static_cast<double>(r.index.ns_bytes),
                     static_cast<double>(r.index.base_bytes)))
        << "x\n";
  }

  if (r.latency_done) {
    out << "\n### Query latency (top " << cfg.k << ", warm, " << r.timed_queries
        << " queries, median of " << r.rounds << " rounds, engines interleaved query by query)\n\n";
    out << "| engine | p50 ms | p95 ms | mean ms | QPS |\n|---|---:|---:|---:|---:|\n";
    auto row = [&](const std::string& name, const Latency& l) {
      out << "| " << name << " | " << fmt(l.p50, 3) << " | " << fmt(l.p95, 3) << " | "
          << fmt(l.mean, 3) << " | " << fmt(l.qps, 0) << " |\n";
    };
    row("newsearch (passages + snippets)", r.ns_lat);
    row("baseline xapian + MSet::snippet", r.base_lat);
    row("baseline xapian, ids only (no snippets)", r.base_plain_lat);
    out << "| **newsearch / baseline + snippets** | **" << fmt(ratio(r.ns_lat.p50, r.base_lat.p50))
        << "x** | **" << fmt(ratio(r.ns_lat.p95, r.base_lat.p95)) << "x** | **"
        << fmt(ratio(r.ns_lat.mean, r.base_lat.mean)) << "x** | **"
        << fmt(ratio(r.ns_lat.qps, r.base_lat.qps)) << "x** |\n";
    out << "\nTop-" << cfg.k << " agreement: on average " << fmt(r.overlap10, 1)
        << " of newsearch's top " << cfg.k << " are also in the baseline's.";
    if (r.hits_without_passage)
      out << " Hits without any passage (articles with an empty body): " << r.hits_without_passage
          << " per round.";
    out << "\n";
  }

  if (r.relevance_done) {
    out << "\n### Relevance (depth " << cfg.depth << ", " << r.ns_rel.queries
        << " judged queries, trec_eval conventions)\n\n";
    out << "| engine | MAP | nDCG@10 | P@10 | MRR | R@100 | R@1000 | run s |\n"
           "|---|---:|---:|---:|---:|---:|---:|---:|\n";
    auto row = [&](const std::string& name, const bench::Metrics& m, double s) {
      out << "| " << name << " | " << fmt(m.map, 4) << " | " << fmt(m.ndcg10, 4) << " | "
          << fmt(m.p10, 4) << " | " << fmt(m.mrr, 4) << " | " << fmt(m.r100, 4) << " | "
          << fmt(m.r1000, 4) << " | " << fmt(s, 2) << " |\n";
    };
    row("newsearch", r.ns_rel, r.ns_rel_seconds);
    row("baseline xapian", r.base_rel, r.base_rel_seconds);
    const auto& a = r.ns_rel;
    const auto& b = r.base_rel;
    out << "| **newsearch / baseline** | **" << fmt(ratio(a.map, b.map)) << "x** | **"
        << fmt(ratio(a.ndcg10, b.ndcg10)) << "x** | **" << fmt(ratio(a.p10, b.p10)) << "x** | **"
        << fmt(ratio(a.mrr, b.mrr)) << "x** | " << fmt(ratio(a.r100, b.r100)) << "x | "
        << fmt(ratio(a.r1000, b.r1000)) << "x | |\n";
    if (cfg.keep || !cfg.trec_dir.empty())
      out << "\nTREC runs: " << r.ns_run_path << " " << r.base_run_path
          << " (prepared queries beside them: " << r.name << ".queries.tsv)";
    else
      out << "\n(TREC run files are deleted with the work directory: --trec-dir DIR keeps them.)";
    if (r.compared_top10)
      out << "\nnewsearch's top " << cfg.k << " at limit " << cfg.k << " equals the top " << cfg.k
          << " of its depth-" << cfg.depth << " run for " << r.same_top10 << " of "
          << r.compared_top10 << " queries (re-ranking depth and mean passage length differ).";
    out << "\n";
  }

  out << "\n### Checks\n\n";
  for (const auto& c : r.checks) out << "* PASS " << c << "\n";
  for (const auto& c : r.failures) out << "* **FAIL** " << c << "\n";
}

json metrics_json(const bench::Metrics& m) {
  return {{"map", m.map},    {"ndcg@10", m.ndcg10}, {"p@10", m.p10},       {"mrr", m.mrr},
          {"r@100", m.r100}, {"r@1000", m.r1000},   {"queries", m.queries}};
}

json latency_json(const Latency& l) {
  return {{"p50_ms", l.p50}, {"p95_ms", l.p95}, {"mean_ms", l.mean}, {"qps", l.qps}};
}

json report_json(const Report& r) {
  json j = {{"name", r.name},
            {"corpus", r.corpus},
            {"queries_file", r.queries_path},
            {"qrels_file", r.qrels_path},
            {"articles", r.ns_articles},
            {"queries", r.queries},
            {"queries_in_file", r.prep.in_file},
            {"query_preparation",
             {{"lowercased_all_caps", r.prep.lowered},
              {"operators_lowercased", r.prep.operators},
              {"special_chars_stripped", r.prep.stripped},
              {"truncated", r.prep.truncated}}},
            {"checks_passed", r.checks},
            {"checks_failed", r.failures}};
  const auto& x = r.index;
  j["index"] = {
      {"measured", x.measured}, {"newsearch_bytes", x.ns_bytes}, {"baseline_bytes", x.base_bytes}};
  if (x.measured) {
    const double base_total = x.base_build_seconds + x.base_compact_seconds;
    j["index"].update({{"text_bytes", x.text_bytes},
                       {"newsearch_seconds", x.ns_seconds},
                       {"newsearch_compacted", x.ns.compacted},
                       {"newsearch_skipped", x.ns.skipped},
                       {"baseline_build_seconds", x.base_build_seconds},
                       {"baseline_compact_seconds", x.base_compact_seconds},
                       {"baseline_uncompacted_bytes", x.base_raw_bytes},
                       {"ratio_seconds", ratio(x.ns_seconds, base_total)},
                       {"ratio_bytes", ratio(static_cast<double>(x.ns_bytes),
                                             static_cast<double>(x.base_bytes))}});
  }
  if (r.latency_done)
    j["latency"] = {{"rounds", r.rounds},
                    {"queries", r.timed_queries},
                    {"newsearch", latency_json(r.ns_lat)},
                    {"baseline_snippets", latency_json(r.base_lat)},
                    {"baseline_ids_only", latency_json(r.base_plain_lat)},
                    {"ratio_p50", ratio(r.ns_lat.p50, r.base_lat.p50)},
                    {"ratio_p95", ratio(r.ns_lat.p95, r.base_lat.p95)},
                    {"ratio_qps", ratio(r.ns_lat.qps, r.base_lat.qps)},
                    {"top10_overlap", r.overlap10}};
  if (r.relevance_done)
    j["relevance"] = {
        {"newsearch", metrics_json(r.ns_rel)},   {"baseline", metrics_json(r.base_rel)},
        {"newsearch_run", r.ns_run_path},        {"baseline_run", r.base_run_path},
        {"newsearch_seconds", r.ns_rel_seconds}, {"baseline_seconds", r.base_rel_seconds}};
  return j;
}

/// The cross-collection table of a --suite run.
void print_summary(const std::vector<Report>& reps, std::ostream& out) {
  out << "\n## Summary: newsearch (ns) vs plain-Xapian baseline (base)\n\n";
  out << "| collection | docs | judged queries | MAP ns | MAP base | nDCG@10 ns | nDCG@10 base | "
         "P@10 ns | "
         "P@10 base | MRR ns | MRR base | index s x | index MB x | p50 x | QPS x |\n"
         "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
  bench::Metrics sa, sb;
  std::size_t n = 0;
  for (const auto& r : reps) {
    const auto& x = r.index;
    out << "| " << r.name << " | " << r.ns_articles << " | " << r.ns_rel.queries << " | "
        << fmt(r.ns_rel.map, 4) << " | " << fmt(r.base_rel.map, 4) << " | "
        << fmt(r.ns_rel.ndcg10, 4) << " | " << fmt(r.base_rel.ndcg10, 4) << " | "
        << fmt(r.ns_rel.p10, 4) << " | " << fmt(r.base_rel.p10, 4) << " | " << fmt(r.ns_rel.mrr, 4)
        << " | " << fmt(r.base_rel.mrr, 4) << " | "
        << (x.measured ? fmt(ratio(x.ns_seconds, x.base_build_seconds + x.base_compact_seconds))
                       : "-")
        << " | " << fmt(ratio(static_cast<double>(x.ns_bytes), static_cast<double>(x.base_bytes)))
        << " | " << (r.latency_done ? fmt(ratio(r.ns_lat.p50, r.base_lat.p50)) : "-") << " | "
        << (r.latency_done ? fmt(ratio(r.ns_lat.qps, r.base_lat.qps)) : "-") << " |\n";
    if (!r.relevance_done) continue;
    ++n;
    sa.map += r.ns_rel.map, sb.map += r.base_rel.map;
    sa.ndcg10 += r.ns_rel.ndcg10, sb.ndcg10 += r.base_rel.ndcg10;
    sa.p10 += r.ns_rel.p10, sb.p10 += r.base_rel.p10;
    sa.mrr += r.ns_rel.mrr, sb.mrr += r.base_rel.mrr;
  }
  if (n) {
    const double d = static_cast<double>(n);
    out << "| **mean** | | | **" << fmt(sa.map / d, 4) << "** | **" << fmt(sb.map / d, 4)
        << "** | **" << fmt(sa.ndcg10 / d, 4) << "** | **" << fmt(sb.ndcg10 / d, 4) << "** | **"
        << fmt(sa.p10 / d, 4) << "** | **" << fmt(sb.p10 / d, 4) << "** | **" << fmt(sa.mrr / d, 4)
        << "** | **" << fmt(sb.mrr / d, 4) << "** | | | | |\n";
  }
  out << "\n(x = newsearch / baseline, measured in the same run; index s and MB against the "
         "compacted baseline; p50 and QPS of top-10 searches with snippets)\n";
}

/// Subdirectories of @p root named PREFIX* with a docs file, queries.tsv and qrels.txt.
std::vector<Collection> find_suite(const std::string& root, const std::string& prefix) {
  std::vector<Collection> out;
  for (const auto& e : fs::directory_iterator(root)) {
    const std::string name = e.path().filename().string();
    if (!e.is_directory() || !name.starts_with(prefix)) continue;
    const fs::path q = e.path() / "queries.tsv", qr = e.path() / "qrels.txt";
    if (!fs::exists(q) || !fs::exists(qr)) continue;
    for (const char* docs : {"docs.jsonl.gz", "articles.jsonl.gz", "docs.jsonl", "articles.jsonl"})
      if (fs::exists(e.path() / docs)) {
        out.push_back({name, {(e.path() / docs).string()}, q.string(), qr.string()});
        break;
      }
  }
  std::sort(out.begin(), out.end(),
            [](const Collection& a, const Collection& b) { return a.name < b.name; });
  return out;
}

std::string default_name(const std::string& corpus) {
  fs::path p = fs::absolute(corpus).lexically_normal();
  if (p.filename().empty()) p = p.parent_path();
  if (fs::is_directory(p)) return p.filename().string();
  return p.parent_path().filename().string();
}

}  // namespace

int main(int argc, char** argv) {
  Config cfg;
  CLI::App app{
      "search_bench: newsearch vs a plain-Xapian baseline (indexing, warm query latency, "
      "relevance), measured in one run. See bench/README.md."};
  app.add_option("--corpus", cfg.corpus,
                 "corpus: directories and/or .jsonl(.gz)/.txt files, as given to the indexer")
      ->check(CLI::ExistingPath);
  app.add_option("--queries", cfg.queries, "queries: qid<TAB>text lines, or one query per line")
      ->check(CLI::ExistingFile);
  app.add_option("--qrels", cfg.qrels, "TREC qrels (qid 0 docid rel): enables the relevance run")
      ->check(CLI::ExistingFile);
  app.add_option("--suite", cfg.suite,
                 "run every DIR/<prefix>*/ with docs.jsonl.gz + queries.tsv + qrels.txt "
                 "(instead of --corpus/--queries/--qrels) and print a summary table")
      ->check(CLI::ExistingDirectory);
  app.add_option("--suite-prefix", cfg.suite_prefix, "collection name prefix for --suite")
      ->capture_default_str();
  app.add_option("--name", cfg.name, "label (default: the corpus's directory name)");
  app.add_option("--rounds", cfg.rounds, "timed query rounds")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000));
  app.add_option("--warmup", cfg.warmup, "untimed warm-up rounds (the first one also checks)")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000));
  app.add_option("--max-queries", cfg.max_queries, "use only the first N queries (0 = all)")
      ->capture_default_str();
  app.add_option("--depth", cfg.depth, "depth of the relevance run (MAP)")
      ->capture_default_str()
      ->check(CLI::Range(std::size_t{10}, std::size_t{100000}));
  app.add_option("--min-map", cfg.min_map, "fail (exit 1) if newsearch's MAP is below this")
      ->capture_default_str();
  app.add_option("--work", cfg.work,
                 "scratch directory for the indexes and runs (default: a new temporary one); "
                 "its <name>/ subdirectory is replaced");
  app.add_flag("--keep", cfg.keep, "keep the indexes and TREC runs after the run");
  app.add_flag("--reuse", cfg.reuse,
               "reuse the indexes left in --work by a --keep run (skips the indexing section)");
  app.add_option("--json", cfg.json_path, "also write all numbers as JSON to this file");
  app.add_option("--trec-dir", cfg.trec_dir, "write the TREC run files here (kept)");
  app.add_flag("--allow-empty", cfg.allow_empty, "queries without hits do not fail the run");
  app.add_flag("--no-latency", cfg.no_latency, "skip the latency rounds");
  app.add_flag("--no-relevance", cfg.no_relevance, "skip the relevance run");
  app.add_flag("-v,--verbose", cfg.verbose, "log the indexer's warnings (skipped records)");
  CLI11_PARSE(app, argc, argv);

  std::vector<Collection> cols;
  if (!cfg.suite.empty()) {
    if (!cfg.corpus.empty() || !cfg.queries.empty() || !cfg.qrels.empty()) {
      std::cerr << "search_bench: --suite replaces --corpus, --queries and --qrels\n";
      return 2;
    }
    cols = find_suite(cfg.suite, cfg.suite_prefix);
    if (cols.empty()) {
      std::cerr << "search_bench: no " << cfg.suite_prefix << "* collections in " << cfg.suite
                << "\n";
      return 2;
    }
  } else {
    if (cfg.corpus.empty() || cfg.queries.empty()) {
      std::cerr << "search_bench: give --corpus and --queries (or --suite DIR); see --help\n";
      return 2;
    }
    if (cfg.min_map > 0 && (cfg.qrels.empty() || cfg.no_relevance)) {
      std::cerr << "search_bench: --min-map needs --qrels (and no --no-relevance)\n";
      return 2;
    }
    cols.push_back({cfg.name.empty() ? default_name(cfg.corpus.front()) : cfg.name, cfg.corpus,
                    cfg.queries, cfg.qrels});
  }

  bool temp_work = false;
  fs::path work;
  std::vector<Report> reports;
  int status = 0;
  try {
    if (cfg.work.empty()) {
      const char* tmp = std::getenv("TMPDIR");
      std::string templ = std::string(tmp && *tmp ? tmp : "/tmp") + "/search-bench.XXXXXX";
      if (!mkdtemp(templ.data())) throw std::runtime_error("cannot create a temporary directory");
      work = templ;
      temp_work = true;
    } else {
      work = fs::absolute(cfg.work);
      fs::create_directories(work);
    }
    for (const auto& col : cols) {
      const fs::path dir = work / col.name;
      Report rep = run_collection(cfg, col, dir);
      print_report(rep, cfg, std::cout);
      std::cout.flush();
      if (!rep.failures.empty()) status = 1;
      reports.push_back(std::move(rep));
      if (!cfg.keep) fs::remove_all(dir);  // indexes can be large: free them now
    }
    if (cols.size() > 1) print_summary(reports, std::cout);
    if (!cfg.json_path.empty()) {
      json j = json::array();
      for (const auto& r : reports) j.push_back(report_json(r));
      std::ofstream(cfg.json_path) << (reports.size() == 1 ? j[0] : j).dump(1) << "\n";
    }
  } catch (const std::exception& e) {
    std::cerr << "search_bench: " << e.what() << "\n";
    status = 2;
  }
  if (temp_work && !cfg.keep) {
    std::error_code ec;
    fs::remove_all(work, ec);
  } else if (temp_work) {
    std::cerr << "search_bench: kept " << work << "\n";
  }
  if (status == 1) std::cerr << "search_bench: some checks FAILED (see above)\n";
  return status;
}
