// speed_bench: index and query speed of newsearch against a plain-Xapian
// baseline on one corpus, in one run, printed as ONE markdown table with the
// ratios, the peers' figures (optional) and the bars of issue 6.
//
// newsearch side: the `indexer` program (child process: wall time, peak RSS
// from wait4) and the public newsearch::Searcher only, so API changes inside
// the library do not touch this file. Baseline: bench/xapian_baseline.h (the
// one place with internal calls: it reads articles with newsearch's readers).
// Opt-in (NEWSEARCH_BUILD_BENCHMARKS), never part of ctest. See bench/README.md.
#include <fcntl.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "bench/bench_util.h"
#include "bench/child_process.h"
#include "bench/speed_report.h"
#include "bench/xapian_baseline.h"
#include "newsearch/newsearch.h"

namespace {

namespace fs = std::filesystem;
using namespace bench;
using nlohmann::json;

struct Config {
  std::vector<std::string> corpus, indexer_args;
  std::string queries, work, indexer, peers_json, json_path, from_json, name = "corpus";
  std::size_t expect_articles = 0, max_queries = 0;
  int rounds = 3, warmup = 1, threads = 2, cold = 10;
  double p99_bar_ms = 10;
  bool reuse = false;
};

struct Query {
  std::string id, text;
};

std::vector<Query> load_queries(const std::string& path, std::size_t max) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read queries '" + path + "'");
  std::vector<Query> out;
  for (std::string line; std::getline(in, line) && (!max || out.size() < max);) {
    const auto tab = line.find('\t');
    if (tab == std::string::npos || line.empty() || line[0] == '#') continue;
    out.push_back({line.substr(0, tab), line.substr(tab + 1)});
  }
  if (out.empty()) throw std::runtime_error("no qid<TAB>query lines in '" + path + "'");
  return out;
}

void say(const std::string& s) { std::cerr << "speed_bench: " << s << std::endl; }

std::string self_exe() { return fs::read_symlink("/proc/self/exe").string(); }

/// Reads every file of the corpus once, so that no engine pays for a cold page cache.
void warm_sources(const std::vector<std::string>& sources) {
  std::vector<char> buf(1 << 20);
  auto slurp = [&](const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    while (in.read(buf.data(), static_cast<std::streamsize>(buf.size())) || in.gcount() > 0) {
    }
  };
  for (const auto& s : sources) {
    if (!fs::is_directory(s))
      slurp(s);
    else
      for (const auto& e : fs::recursive_directory_iterator(s))
        if (e.is_regular_file()) slurp(e.path());
  }
}

// ---------------------------------------------------------------------------
// Child modes (the harness runs itself, so that peak RSS is the engine's alone)

/// --child-baseline RAW COMPACT SOURCE...: build + compact the baseline, print JSON.
int child_baseline(int argc, char** argv) {
  const std::vector<std::string> sources(argv + 4, argv + argc);
  const auto b = build_baseline(sources, argv[2]);
  const double compact_s = compact_baseline(argv[2], argv[3]);
  std::cout << json{{"articles", b.read.articles}, {"skipped", b.read.skipped},
                    {"errors", b.read.errors},     {"text_bytes", b.read.text_bytes},
                    {"build_s", b.seconds},        {"compact_s", compact_s}}
                   .dump()
            << "\n";
  return b.read.errors == 0 ? 0 : 1;
}

/// --child-probe newsearch|baseline INDEX QUERIES MAX: run every query once (top 10
/// with snippets), print the number that had hits. Its peak RSS is the searcher's.
int child_probe(char** argv) {
  const std::string engine = argv[2], index = argv[3];
  const auto queries = load_queries(argv[4], std::stoull(argv[5]));
  std::size_t with_hits = 0, bytes = 0;
  if (engine == "newsearch") {
    auto s = newsearch::Searcher::open(index);
    for (const auto& q : queries) with_hits += !s.search(q.text).hits.empty();
  } else {
    BaselineSearcher s(index);
    for (const auto& q : queries) with_hits += !s.top(q.text, 10, true, bytes).empty();
  }
  std::cout << with_hits << "\n";
  return 0;
}

// ---------------------------------------------------------------------------
// Indexing

std::size_t summary_field(const std::string& out, const std::string& key) {
  std::smatch m;
  if (!std::regex_search(out, m, std::regex("(^| )" + key + "=([0-9]+)"))) return SIZE_MAX;
  return std::stoull(m[2]);
}

/// Builds both indexes under @p dir (or reloads the figures of a kept run).
IndexFigures build_indexes(const Config& cfg, const fs::path& dir, Checks& checks) {
  const fs::path saved = dir / "index-figures.json";
  if (cfg.reuse && fs::exists(saved)) {
    say("reusing the indexes in " + dir.string());
    return index_figures_from_json(json::parse(std::ifstream(saved)));
  }
  fs::remove_all(dir);
  fs::create_directories(dir);
  say("warming the page cache with the sources");
  warm_sources(cfg.corpus);
  IndexFigures f;
  const std::string ns = (dir / "newsearch").string();

  say("newsearch: indexing (no compaction), then compacting");
  std::vector<std::string> cmd = {cfg.indexer,           "--db", ns, "--log-level", "warn",
                                  "--compact-threshold", "0"};
  cmd.insert(cmd.end(), cfg.indexer_args.begin(), cfg.indexer_args.end());
  cmd.insert(cmd.end(), cfg.corpus.begin(), cfg.corpus.end());
  const ChildResult build = run_child(cmd, (dir / "indexer-build.out").string());
  f.ns.build_s = build.seconds;
  f.ns.bytes_before = dir_bytes(ns);
  const ChildResult compact =
      run_child({cfg.indexer, "--db", ns, "--log-level", "warn", "--compact"},
                (dir / "indexer-compact.out").string());
  f.ns.compact_s = compact.seconds;
  f.ns.bytes_after = dir_bytes(ns);
  f.ns.peak_rss_mib = std::max(build.peak_rss_mib, compact.peak_rss_mib);
  f.ns.cpu_s = build.cpu_seconds + compact.cpu_seconds;
  f.ns.articles = summary_field(build.out, "articles");
  const std::size_t skipped = summary_field(build.out, "skipped");
  checks.add(build.status == 0 && compact.status == 0 && skipped == 0,
             "the indexer exited 0 (build " + std::to_string(build.status) + ", compact " +
                 std::to_string(compact.status) + "), skipped " + std::to_string(skipped) +
                 " records: " + build.out.substr(0, build.out.find('\n')));
  say("newsearch: " + fmt(f.ns.build_s) + " s + compact " + fmt(f.ns.compact_s) + " s");

  say("baseline: indexing + compacting");
  cmd = {self_exe(), "--child-baseline", (dir / "baseline-raw").string(),
         (dir / "baseline").string()};
  cmd.insert(cmd.end(), cfg.corpus.begin(), cfg.corpus.end());
  const ChildResult base = run_child(cmd, (dir / "baseline-build.out").string());
  checks.add(base.status == 0, "the baseline build exited 0 (" + std::to_string(base.status) + ")");
  if (base.status == 0) {
    const json j = json::parse(base.out);
    f.base.build_s = j["build_s"];
    f.base.compact_s = j["compact_s"];
    f.base.articles = j["articles"];
    f.text_bytes = j["text_bytes"];
  }
  f.base.peak_rss_mib = base.peak_rss_mib;
  f.base.cpu_s = base.cpu_seconds;
  f.base.bytes_before = dir_bytes(dir / "baseline-raw");
  f.base.bytes_after = dir_bytes(dir / "baseline");
  fs::remove_all(dir / "baseline-raw");
  say("baseline: " + fmt(f.base.build_s) + " s + compact " + fmt(f.base.compact_s) + " s");
  std::ofstream(saved) << index_figures_to_json(f).dump(1) << "\n";
  return f;
}

// ---------------------------------------------------------------------------
// Queries

/// One way of answering a query: returns the top-10 ids. @p thread selects the
/// thread's own handle where the engine needs one (plain Xapian objects are not
/// thread safe; newsearch::Searcher is shared, as its API allows).
struct Engine {
  std::string name;
  std::function<std::vector<std::string>(const std::string& query, int thread)> run;
};

struct EngineState {
  std::vector<std::vector<std::string>> reference;  ///< top 10 per query, first round
  std::size_t empty = 0, unstable = 0;
  std::vector<std::vector<double>> round_ms[3];  ///< [threads] -> rounds -> latencies
  std::vector<double> round_qps[3];              ///< [threads] -> rounds
};

/// Runs every query on @p threads threads, each thread all queries from its own
/// offset; records latencies and wall-clock QPS, and compares each top 10 with
/// the reference (recorded on the first call).
void run_round(const Engine& e, const std::vector<Query>& qs, int threads, bool timed,
               EngineState& st) {
  const std::size_t n = qs.size();
  std::vector<std::vector<double>> ms(static_cast<std::size_t>(threads));
  std::vector<std::vector<std::vector<std::string>>> ids(static_cast<std::size_t>(threads));
  const bool record = st.reference.empty();
  const auto t0 = BenchClock::now();
  auto work = [&](int t) {
    auto& my_ms = ms[static_cast<std::size_t>(t)];
    auto& my_ids = ids[static_cast<std::size_t>(t)];
    my_ids.resize(n);
    for (std::size_t k = 0; k < n; ++k) {
      const std::size_t i =
          (k + static_cast<std::size_t>(t) * n / static_cast<std::size_t>(threads)) % n;
      const auto q0 = BenchClock::now();
      my_ids[i] = e.run(qs[i].text, t);
      my_ms.push_back(seconds_since(q0) * 1e3);
    }
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(work, t);
  work(0);
  for (auto& th : pool) th.join();
  const double wall = seconds_since(t0);
  if (record) {
    st.reference = ids[0];
    for (const auto& r : st.reference) st.empty += r.empty();
  }
  for (const auto& per_thread : ids)
    for (std::size_t i = 0; i < n; ++i) st.unstable += per_thread[i] != st.reference[i];
  if (!timed) return;
  std::vector<double> all;
  for (const auto& v : ms) all.insert(all.end(), v.begin(), v.end());
  st.round_ms[threads].push_back(std::move(all));
  st.round_qps[threads].push_back(static_cast<double>(n) * threads / wall);
}

LatencyFigures figures(const EngineState& st, int threads) {
  Latency l = summarize(st.round_ms[threads]);
  l.qps = median(st.round_qps[threads]);  // wall-clock QPS, comparable across thread counts
  return {l, !st.round_ms[threads].empty()};
}

/// The cold figure: evict the index from the page cache, open, one query (with
/// snippets); the median over @p n different queries, in milliseconds.
double cold_ms(const std::function<void(const std::string&)>& open_and_query,
               const std::string& index, const std::vector<Query>& qs, int n) {
  std::vector<double> ms;
  for (int i = 0; i < n; ++i) {
    evict_from_page_cache(index);
    const auto t0 = BenchClock::now();
    open_and_query(qs[static_cast<std::size_t>(i) * qs.size() / static_cast<std::size_t>(n)].text);
    ms.push_back(seconds_since(t0) * 1e3);
  }
  return median(ms);
}

double probe_rss(const std::string& engine, const fs::path& index, const Config& cfg,
                 const fs::path& dir, std::size_t nq, Checks& checks) {
  const ChildResult r = run_child({self_exe(), "--child-probe", engine, index.string(), cfg.queries,
                                   std::to_string(cfg.max_queries)},
                                  (dir / ("probe-" + engine + ".out")).string());
  checks.add(r.status == 0 && std::stoull("0" + r.out) == nq,
             engine + " searcher RSS probe: exit " + std::to_string(r.status) + ", " +
                 std::to_string(std::stoull("0" + r.out)) + " of " + std::to_string(nq) +
                 " queries with hits");
  return r.peak_rss_mib;
}

QueryFigures run_queries(const Config& cfg, const fs::path& dir, const std::vector<Query>& qs,
                         std::size_t expected, Checks& checks) {
  QueryFigures f;
  const fs::path ns_index = dir / "newsearch", base_index = dir / "baseline";
  const int threads = std::max(1, std::min(cfg.threads, 2));

  say("cold: open + first query, page cache of the index evicted, " + std::to_string(cfg.cold) +
      " times per engine");
  f.ns_cold_ms =
      cold_ms([&](const std::string& q) { newsearch::Searcher::open(ns_index.string()).search(q); },
              ns_index.string(), qs, cfg.cold);
  f.base_cold_ms = cold_ms(
      [&](const std::string& q) {
        std::size_t bytes = 0;
        BaselineSearcher(base_index.string()).top(q, 10, true, bytes);
      },
      base_index.string(), qs, cfg.cold);

  newsearch::Searcher searcher = newsearch::Searcher::open(ns_index.string());
  std::vector<std::unique_ptr<BaselineSearcher>> base;
  for (int t = 0; t < threads; ++t)
    base.push_back(std::make_unique<BaselineSearcher>(base_index.string()));
  f.ns_articles = searcher.article_count();
  f.base_articles = base[0]->doc_count();
  checks.add(f.ns_articles == expected && f.base_articles == expected,
             "both indexes hold the expected " + std::to_string(expected) +
                 " articles (newsearch " + std::to_string(f.ns_articles) + ", baseline " +
                 std::to_string(f.base_articles) + ")");

  // (a) top-10 articles: the cheapest the public API allows (it always makes a
  // snippet): re-rank only the page. (b) top-10 passages with snippets: the defaults.
  newsearch::SearchOptions opt_a, opt_b;
  opt_a.rerank_depth = opt_a.limit;
  std::atomic<std::size_t> errors{0}, bad_hits{0}, snippet_bytes{0};
  std::atomic<std::size_t> without_passage{0};
  auto ns_run = [&](const newsearch::SearchOptions& o) {
    return [&, o](const std::string& q, int) {
      std::vector<std::string> ids;
      try {
        newsearch::SearchResults r = searcher.search(q, o);
        std::size_t wp = 0;
        if (!check_hits(r, wp).empty()) ++bad_hits;
        without_passage += wp;
        for (auto& h : r.hits) ids.push_back(std::move(h.id));
      } catch (const newsearch::Error&) {
        ++errors;
      }
      return ids;
    };
  };
  auto base_run = [&](bool snippets) {
    return [&, snippets](const std::string& q, int t) {
      std::size_t bytes = 0;
      auto ids = base[static_cast<std::size_t>(t)]->top(q, 10, snippets, bytes);
      snippet_bytes += bytes;
      return ids;
    };
  };
  const std::vector<Engine> engines = {{"newsearch (a)", ns_run(opt_a)},
                                       {"newsearch (b)", ns_run(opt_b)},
                                       {"baseline (a)", base_run(false)},
                                       {"baseline (b)", base_run(true)}};
  std::vector<EngineState> st(engines.size());
  for (int t = 1; t <= threads; ++t) {
    say("warm queries, " + std::to_string(t) + " thread(s): " + std::to_string(cfg.warmup) +
        " warm-up + " + std::to_string(cfg.rounds) + " timed rounds of " +
        std::to_string(qs.size()) + " queries per thread and engine");
    for (int r = 0; r < cfg.warmup + cfg.rounds; ++r)
      for (std::size_t k = 0; k < engines.size(); ++k) {  // engine order rotates per round
        const std::size_t e = (k + static_cast<std::size_t>(r)) % engines.size();
        run_round(engines[e], qs, t, r >= cfg.warmup, st[e]);
      }
  }
  for (int t = 1; t <= threads; ++t) {
    f.ns_a[t] = figures(st[0], t), f.ns_b[t] = figures(st[1], t);
    f.base_a[t] = figures(st[2], t), f.base_b[t] = figures(st[3], t);
  }
  checks.add(errors == 0,
             "every query parses in newsearch (" + std::to_string(errors) + " errors)");
  std::string empties, unstable;
  std::size_t n_empty = 0, n_unstable = 0;
  for (std::size_t e = 0; e < engines.size(); ++e) {
    empties += (e ? ", " : "") + engines[e].name + " " + std::to_string(st[e].empty);
    unstable += (e ? ", " : "") + engines[e].name + " " + std::to_string(st[e].unstable);
    n_empty += st[e].empty, n_unstable += st[e].unstable;
  }
  checks.add(n_empty == 0,
             "every query returns hits on every engine (without hits: " + empties + ")");
  checks.add(
      n_unstable == 0,
      "every round and thread returns the first round's top 10 (differing: " + unstable + ")");
  checks.add(bad_hits == 0,
             "newsearch hits are well formed: ranks, unique ids, snippets, "
             "highlight offsets (" +
                 std::to_string(bad_hits) + " bad lists)");
  checks.add(snippet_bytes > 0, "the baseline produced snippets");

  say("searcher RSS: a child process per engine runs every query once");
  f.ns_rss_mib = probe_rss("newsearch", ns_index, cfg, dir, qs.size(), checks);
  f.base_rss_mib = probe_rss("baseline", base_index, cfg, dir, qs.size(), checks);
  return f;
}

double loadavg() {
  double l = 0;
  std::ifstream("/proc/loadavg") >> l;
  return l;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 4 && std::string(argv[1]) == "--child-baseline") return child_baseline(argc, argv);
  if (argc == 6 && std::string(argv[1]) == "--child-probe") return child_probe(argv);

  Config cfg;
  CLI::App app{
      "speed_bench: newsearch vs plain Xapian, index and query speed, one table. "
      "See bench/README.md."};
  app.add_option("--corpus", cfg.corpus, "directories and/or .jsonl(.gz) files")
      ->check(CLI::ExistingPath);
  app.add_option("--queries", cfg.queries, "qid<TAB>query lines (bench/make_speed_queries.py)")
      ->check(CLI::ExistingFile);
  app.add_option("--indexer", cfg.indexer, "the newsearch indexer program")
      ->check(CLI::ExistingFile);
  app.add_option(
      "--indexer-arg", cfg.indexer_args,
      "extra flag for the indexer's build run (repeatable), e.g. --indexer-arg=--threads=1");
  app.add_option("--work", cfg.work, "scratch directory; its contents are replaced");
  app.add_option("--name", cfg.name, "label of the corpus in the table");
  app.add_option("--expect-articles", cfg.expect_articles,
                 "articles both indexes must hold (default: what the baseline read)");
  app.add_option("--max-queries", cfg.max_queries, "only the first N queries (0 = all)");
  app.add_option("--rounds", cfg.rounds, "timed rounds")
      ->capture_default_str()
      ->check(CLI::Range(1, 100));
  app.add_option("--warmup", cfg.warmup, "untimed rounds (the first records the reference top 10)")
      ->capture_default_str()
      ->check(CLI::Range(1, 100));
  app.add_option("--threads", cfg.threads, "1 or 2: also measure with 2 threads")
      ->capture_default_str()
      ->check(CLI::Range(1, 2));
  app.add_option("--cold", cfg.cold, "cold opens per engine")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000));
  app.add_option("--p99-bar-ms", cfg.p99_bar_ms, "the p99 bar for (b)")->capture_default_str();
  app.add_option("--peers-json", cfg.peers_json, "results.json of bench-peers/run_all.sh");
  app.add_option("--json", cfg.json_path, "also write every figure as JSON here");
  app.add_flag("--reuse", cfg.reuse, "reuse the indexes a previous run left in --work");
  app.add_option("--from-json", cfg.from_json,
                 "measure nothing: print the table of an earlier run's --json file (with "
                 "--peers-json: and the peers)")
      ->check(CLI::ExistingFile);
  CLI11_PARSE(app, argc, argv);
  if (!cfg.from_json.empty()) {
    Checks checks;
    Report rep = report_from_json(json::parse(std::ifstream(cfg.from_json)), checks);
    if (!cfg.peers_json.empty()) rep.peers = load_peers(cfg.peers_json);
    print_report(rep, checks, std::cout);
    return checks.failed() ? 1 : 0;
  }
  if (cfg.corpus.empty() || cfg.queries.empty() || cfg.indexer.empty() || cfg.work.empty()) {
    std::cerr << "speed_bench: give --corpus, --queries, --indexer and --work (or --from-json)\n";
    return 2;
  }

  try {
    Checks checks;
    const auto qs = load_queries(cfg.queries, cfg.max_queries);
    const fs::path dir = fs::absolute(cfg.work);
    Report rep;
    rep.name = cfg.name;
    rep.queries = qs.size();
    for (const auto& q : qs) ++rep.query_kinds[q.id.substr(0, 1)];
    rep.load_before = loadavg();
    rep.index = build_indexes(cfg, dir, checks);
    const std::size_t expected =
        cfg.expect_articles ? cfg.expect_articles : rep.index.base.articles;
    checks.add(rep.index.ns.articles == expected,
               "the indexer reports " + std::to_string(rep.index.ns.articles) +
                   " articles (expected " + std::to_string(expected) + ")");
    rep.query = run_queries(cfg, dir, qs, expected, checks);
    rep.load_after = loadavg();
    rep.rounds = cfg.rounds;
    rep.threads = std::max(1, std::min(cfg.threads, 2));
    rep.p99_bar_ms = cfg.p99_bar_ms;
    if (!cfg.peers_json.empty()) rep.peers = load_peers(cfg.peers_json);
    print_report(rep, checks, std::cout);
    if (!cfg.json_path.empty())
      std::ofstream(cfg.json_path) << report_json(rep, checks).dump(1) << "\n";
    return checks.failed() ? 1 : 0;
  } catch (const std::exception& e) {
    std::cerr << "speed_bench: " << e.what() << "\n";
    return 2;
  }
}
