// speed_bench's figures, checks and the one markdown table (newsearch,
// baseline, ratio, peers, bar, pass/fail). Kept apart from the measuring code.
#pragma once

#include <fstream>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "bench/bench_util.h"

namespace bench {

struct EngineIndex {
  double build_s = 0, compact_s = 0, peak_rss_mib = 0;
  double cpu_s = 0;  ///< user + system of build and compaction (robust to a busy machine)
  std::uint64_t bytes_before = 0, bytes_after = 0;
  std::size_t articles = 0;
  double total_s() const { return build_s + compact_s; }
};

struct IndexFigures {
  EngineIndex ns, base;
  std::uint64_t text_bytes = 0;  ///< UTF-8 headline + body, as the peers count it
};

inline nlohmann::json index_figures_to_json(const IndexFigures& f) {
  auto e = [](const EngineIndex& x) {
    return nlohmann::json{{"build_s", x.build_s},           {"compact_s", x.compact_s},
                          {"peak_rss_mib", x.peak_rss_mib}, {"cpu_s", x.cpu_s},
                          {"bytes_before", x.bytes_before}, {"bytes_after", x.bytes_after},
                          {"articles", x.articles}};
  };
  return {{"newsearch", e(f.ns)}, {"baseline", e(f.base)}, {"text_bytes", f.text_bytes}};
}

inline IndexFigures index_figures_from_json(const nlohmann::json& j) {
  auto e = [](const nlohmann::json& x) {
    EngineIndex r;
    r.build_s = x["build_s"], r.compact_s = x["compact_s"], r.peak_rss_mib = x["peak_rss_mib"];
    r.cpu_s = x.value("cpu_s", 0.0);
    r.bytes_before = x["bytes_before"], r.bytes_after = x["bytes_after"],
    r.articles = x["articles"];
    return r;
  };
  return {e(j["newsearch"]), e(j["baseline"]), j["text_bytes"]};
}

struct LatencyFigures {
  Latency l;
  bool measured = false;
};

struct QueryFigures {
  double ns_cold_ms = 0, base_cold_ms = 0, ns_rss_mib = 0, base_rss_mib = 0;
  std::size_t ns_articles = 0, base_articles = 0;
  LatencyFigures ns_a[3], ns_b[3], base_a[3], base_b[3];  ///< by thread count (1, 2)
};

/// One peer's row of bench-peers' results.json.
struct Peer {
  std::string name;
  double index_s = 0, index_cpu = 0, index_rss = 0, search_rss = 0, docs = 0, text_bytes = 0;
  double index_bytes = 0, final_bytes = 0;  ///< final: after xapian-compact, if any
  std::optional<Latency> plain, snip;
};

inline std::vector<Peer> load_peers(const std::string& path) {
  const auto j = nlohmann::json::parse(std::ifstream(path));
  std::vector<Peer> out;
  auto num = [](const nlohmann::json& o, const char* k) {
    return o.contains(k) && o[k].is_number() ? o[k].get<double>() : 0.0;
  };
  auto lat = [&](const nlohmann::json& o) -> std::optional<Latency> {
    if (!o.is_object()) return std::nullopt;
    return Latency{num(o, "p50"), num(o, "p95"), num(o, "p99"), num(o, "mean"), num(o, "qps")};
  };
  for (const char* name : {"lucene", "fts5", "sphinx", "omega", "xapian"}) {
    if (!j["peers"].contains(name)) continue;
    const auto& p = j["peers"][name];
    Peer r;
    r.name = name;
    r.docs = num(j["corpus"], "docs");
    r.text_bytes = num(j["corpus"], "text_bytes");
    r.index_s = num(p["index_time"], "wall_s");
    r.index_rss = num(p["index_time"], "max_rss_mb");
    r.index_cpu = num(p["index_time"], "user_s") + num(p["index_time"], "sys_s");
    r.index_bytes = num(p, "index_bytes");
    r.final_bytes = p.contains("compact_bytes") ? num(p, "compact_bytes") : r.index_bytes;
    r.search_rss = num(p["search"], "server_rss_mb");
    if (r.search_rss == 0) r.search_rss = num(p["search_time"], "max_rss_mb");
    r.plain = lat(p["plain"]);
    r.snip = lat(p["snip"]);
    out.push_back(std::move(r));
  }
  return out;
}

/// Pass/fail checks of the run's results (not the bars): any failure, exit 1.
class Checks {
 public:
  void add(bool ok, const std::string& what) { (ok ? passed_ : failed_).push_back(what); }
  bool failed() const { return !failed_.empty(); }
  const std::vector<std::string>& passed() const { return passed_; }
  const std::vector<std::string>& failures() const { return failed_; }

 private:
  std::vector<std::string> passed_, failed_;
};

struct Report {
  std::string name;
  std::size_t queries = 0;
  std::map<std::string, std::size_t> query_kinds;  ///< B, P, N -> count
  int rounds = 0, threads = 1;
  double p99_bar_ms = 10, load_before = 0, load_after = 0;
  IndexFigures index;
  QueryFigures query;
  std::vector<Peer> peers;
};

/// The table: one row per figure; cells are already formatted.
class Table {
 public:
  explicit Table(const std::vector<Peer>& peers) : peers_(peers) {}

  /// @p peer(p) gives a peer's cell ("" when it has no such figure).
  void row(const std::string& what, const std::string& ns, const std::string& base,
           const std::string& ratio, const std::function<std::string(const Peer&)>& peer,
           const std::string& bar = "", std::optional<bool> pass = std::nullopt) {
    std::string r = "| " + what + " | " + ns + " | " + base + " | " + ratio + " |";
    for (const auto& p : peers_) r += " " + (peer ? peer(p) : std::string()) + " |";
    r += " " + bar + " | " + (pass ? (*pass ? "PASS" : "**FAIL**") : std::string()) + " |";
    rows_.push_back(r);
  }

  void print(std::ostream& out) const {
    out << "| measurement | newsearch | xapian baseline | newsearch / baseline |";
    for (const auto& p : peers_)
      out << " " << p.name << (p.name == "xapian" ? " (peer)" : "") << " |";
    out << " bar (issue 6) | bar met |\n|---|---:|---:|---:|";
    for (std::size_t i = 0; i < peers_.size(); ++i) out << "---:|";
    out << "---|---|\n";
    for (const auto& r : rows_) out << r << "\n";
  }

 private:
  const std::vector<Peer>& peers_;
  std::vector<std::string> rows_;
};

inline void print_report(const Report& r, const Checks& checks, std::ostream& out) {
  const auto& x = r.index;
  const auto& q = r.query;
  const double text_mb = mb(x.text_bytes);
  const double arts = static_cast<double>(x.ns.articles);
  out << "\n## speed_bench: " << r.name << "\n\n";
  out << "* " << x.ns.articles << " articles, " << fmt(text_mb, 1)
      << " MB text (headline + body UTF-8, 10^6 bytes); " << r.queries << " queries (";
  for (const auto& [k, n] : r.query_kinds) out << n << " " << k << " ";
  out << "= bags / phrases / names); " << r.rounds << " timed rounds, median shown; load average "
      << fmt(r.load_before) << " before, " << fmt(r.load_after) << " after\n";
  out << "* (a) top-10 articles: newsearch with rerank_depth = limit = 10 (its API always makes "
         "one "
         "snippet per hit); baseline ids only. (b) top-10 passages with snippets: newsearch "
         "defaults (as `search` returns them); baseline + MSet::snippet per hit\n";
  out << "* 2 threads: one shared newsearch::Searcher; the baseline has a Xapian::Database per "
         "thread. QPS = queries / wall time. Peers: bench-peers/run_all.sh on the same corpus and "
         "queries (separate run; 1 thread)\n\n";

  Table t(r.peers);
  auto f0 = [](double v) { return fmt(v, 0); };
  // A peer's figure, blank when its results do not have it.
  auto pf = [](double v, int prec) { return v > 0 ? fmt(v, prec) : std::string(); };
  auto f1 = [](double v) { return fmt(v, 1); };
  auto x2 = [](double a, double b) { return fmt(ratio(a, b)) + "x"; };
  auto d = [](std::uint64_t v) { return static_cast<double>(v); };
  auto per_text = [&](std::uint64_t bytes) { return fmt(ratio(d(bytes), d(x.text_bytes))); };
  t.row("articles indexed", std::to_string(x.ns.articles), std::to_string(x.base.articles), "",
        [](const Peer& p) { return fmt(p.docs, 0); });
  t.row("index build wall s (build + compaction)", fmt(x.ns.total_s()), fmt(x.base.total_s()),
        x2(x.ns.total_s(), x.base.total_s()), [&](const Peer& p) { return pf(p.index_s, 1); });
  t.row("index build CPU s (user + sys; less sensitive to a busy machine)", fmt(x.ns.cpu_s),
        fmt(x.base.cpu_s), x2(x.ns.cpu_s, x.base.cpu_s),
        [&](const Peer& p) { return pf(p.index_cpu, 1); });
  t.row("&nbsp;&nbsp;of which compaction s", fmt(x.ns.compact_s), fmt(x.base.compact_s),
        x2(x.ns.compact_s, x.base.compact_s), nullptr);
  t.row("docs/s", f0(arts / x.ns.total_s()), f0(arts / x.base.total_s()),
        x2(x.base.total_s(), x.ns.total_s()),
        [&](const Peer& p) { return pf(ratio(p.docs, p.index_s), 0); });
  const double mbs_ratio = ratio(x.base.total_s(), x.ns.total_s());
  t.row(
      "MB/s of article text", fmt(text_mb / x.ns.total_s()), fmt(text_mb / x.base.total_s()),
      fmt(mbs_ratio) + "x",
      [&](const Peer& p) { return pf(ratio(p.text_bytes / 1e6, p.index_s), 2); }, ">= 2x baseline",
      mbs_ratio >= 2.0);
  t.row(
      "indexer peak RSS MiB", f0(x.ns.peak_rss_mib), f0(x.base.peak_rss_mib),
      x2(x.ns.peak_rss_mib, x.base.peak_rss_mib), [&](const Peer& p) { return pf(p.index_rss, 0); },
      "<= 2048", x.ns.peak_rss_mib <= 2048);
  t.row("index MB before compaction (x text)",
        f1(mb(x.ns.bytes_before)) + " (" + per_text(x.ns.bytes_before) + ")",
        f1(mb(x.base.bytes_before)) + " (" + per_text(x.base.bytes_before) + ")",
        x2(d(x.ns.bytes_before), d(x.base.bytes_before)),
        [&](const Peer& p) { return pf(p.index_bytes / 1e6, 1); });
  const double after = ratio(d(x.ns.bytes_after), d(x.text_bytes));
  t.row(
      "index MB after compaction (x text); peers: final",
      f1(mb(x.ns.bytes_after)) + " (" + fmt(after) + ")",
      f1(mb(x.base.bytes_after)) + " (" + per_text(x.base.bytes_after) + ")",
      x2(d(x.ns.bytes_after), d(x.base.bytes_after)),
      [](const Peer& p) {
        return fmt(p.final_bytes / 1e6, 1) + " (" + fmt(ratio(p.final_bytes, p.text_bytes)) + ")";
      },
      "<= 2.0x text", after <= 2.0);
  t.row("cold: open + first query (b), index evicted from page cache, median ms",
        fmt(q.ns_cold_ms, 1), fmt(q.base_cold_ms, 1), x2(q.ns_cold_ms, q.base_cold_ms), nullptr);

  double lucene_p50 = 0.34;  // issue 6's figure, unless the peers were measured
  for (const auto& p : r.peers)
    if (p.name == "lucene" && p.plain) lucene_p50 = p.plain->p50;
  auto lat_rows = [&](const std::string& label, const LatencyFigures* ns,
                      const LatencyFigures* base, int th, bool snip) {
    if (!ns[th].measured) return;
    const Latency &a = ns[th].l, &b = base[th].l;
    auto peer = [&](double Latency::*m) {
      return std::function<std::string(const Peer&)>([=](const Peer& p) {
        const auto& l = snip ? p.snip : p.plain;
        return th == 1 && l ? fmt((*l).*m, m == &Latency::qps ? 0 : 3) : std::string();
      });
    };
    const std::string pre =
        label + ", " + std::to_string(th) + " thread" + (th > 1 ? "s" : "") + ", ";
    const bool bars = snip && th == 1;
    t.row(pre + "p50 ms", fmt(a.p50, 3), fmt(b.p50, 3), x2(a.p50, b.p50), peer(&Latency::p50),
          bars ? "<= lucene top-10 p50 (" + fmt(lucene_p50, 3) + ")" : "",
          bars ? std::optional<bool>(a.p50 <= lucene_p50) : std::nullopt);
    t.row(pre + "p95 ms", fmt(a.p95, 3), fmt(b.p95, 3), x2(a.p95, b.p95), peer(&Latency::p95));
    t.row(pre + "p99 ms", fmt(a.p99, 3), fmt(b.p99, 3), x2(a.p99, b.p99), peer(&Latency::p99),
          bars ? "<= " + fmt(r.p99_bar_ms, 0) + " ms" : "",
          bars ? std::optional<bool>(a.p99 <= r.p99_bar_ms) : std::nullopt);
    t.row(pre + "QPS", f0(a.qps), f0(b.qps), x2(a.qps, b.qps), peer(&Latency::qps));
  };
  for (int th = 1; th <= r.threads; ++th)
    lat_rows("(a) top-10 articles", q.ns_a, q.base_a, th, false);
  for (int th = 1; th <= r.threads; ++th)
    lat_rows("(b) top-10 passages + snippets", q.ns_b, q.base_b, th, true);
  if (r.threads == 2) {
    const double ns_scale = ratio(q.ns_b[2].l.qps, q.ns_b[1].l.qps);
    const double base_scale = ratio(q.base_b[2].l.qps, q.base_b[1].l.qps);
    t.row("(b) QPS 2 threads / 1 thread", fmt(ns_scale), fmt(base_scale), x2(ns_scale, base_scale),
          nullptr, ">= 1.8", ns_scale >= 1.8);
    t.row("(a) QPS 2 threads / 1 thread", fmt(ratio(q.ns_a[2].l.qps, q.ns_a[1].l.qps)),
          fmt(ratio(q.base_a[2].l.qps, q.base_a[1].l.qps)), "", nullptr);
  }
  t.row(
      "searcher process peak RSS MiB (every query once, (b))", f0(q.ns_rss_mib), f0(q.base_rss_mib),
      x2(q.ns_rss_mib, q.base_rss_mib), [&](const Peer& p) { return pf(p.search_rss, 0); },
      "<= 64 (1M index)", q.ns_rss_mib <= 64);
  t.print(out);

  out << "\n### Checks\n\n";
  for (const auto& c : checks.passed()) out << "* PASS " << c << "\n";
  for (const auto& c : checks.failures()) out << "* **FAIL** " << c << "\n";
}

inline nlohmann::json latency_json(const LatencyFigures& f) {
  return {{"p50_ms", f.l.p50},
          {"p95_ms", f.l.p95},
          {"p99_ms", f.l.p99},
          {"mean_ms", f.l.mean},
          {"qps", f.l.qps}};
}

inline LatencyFigures latency_from_json(const nlohmann::json& j) {
  return {{j["p50_ms"], j["p95_ms"], j["p99_ms"], j["mean_ms"], j["qps"]}, true};
}

/// Every figure and check of a run (the peers are not included: they come
/// from their own results.json). report_from_json() reads it back.
inline nlohmann::json report_json(const Report& r, const Checks& checks) {
  const auto& q = r.query;
  nlohmann::json jq = {
      {"newsearch_cold_ms", q.ns_cold_ms},   {"baseline_cold_ms", q.base_cold_ms},
      {"newsearch_rss_mib", q.ns_rss_mib},   {"baseline_rss_mib", q.base_rss_mib},
      {"newsearch_articles", q.ns_articles}, {"baseline_articles", q.base_articles}};
  for (int t = 1; t <= r.threads; ++t) {
    const std::string th = std::to_string(t);
    jq["newsearch_a_" + th] = latency_json(q.ns_a[t]);
    jq["newsearch_b_" + th] = latency_json(q.ns_b[t]);
    jq["baseline_a_" + th] = latency_json(q.base_a[t]);
    jq["baseline_b_" + th] = latency_json(q.base_b[t]);
  }
  return {{"name", r.name},
          {"queries", r.queries},
          {"query_kinds", r.query_kinds},
          {"rounds", r.rounds},
          {"threads", r.threads},
          {"p99_bar_ms", r.p99_bar_ms},
          {"load_before", r.load_before},
          {"load_after", r.load_after},
          {"index", index_figures_to_json(r.index)},
          {"query", jq},
          {"checks_passed", checks.passed()},
          {"checks_failed", checks.failures()}};
}

inline Report report_from_json(const nlohmann::json& j, Checks& checks) {
  Report r;
  r.name = j["name"], r.queries = j["queries"], r.rounds = j["rounds"];
  r.query_kinds = j.value("query_kinds", std::map<std::string, std::size_t>{});
  r.threads = j.value("threads", 2), r.p99_bar_ms = j.value("p99_bar_ms", 10.0);
  r.load_before = j.value("load_before", 0.0), r.load_after = j.value("load_after", 0.0);
  r.index = index_figures_from_json(j["index"]);
  const auto& jq = j["query"];
  auto& q = r.query;
  q.ns_cold_ms = jq["newsearch_cold_ms"], q.base_cold_ms = jq["baseline_cold_ms"];
  q.ns_rss_mib = jq["newsearch_rss_mib"], q.base_rss_mib = jq["baseline_rss_mib"];
  for (int t = 1; t <= r.threads; ++t) {
    const std::string th = std::to_string(t);
    q.ns_a[t] = latency_from_json(jq["newsearch_a_" + th]);
    q.ns_b[t] = latency_from_json(jq["newsearch_b_" + th]);
    q.base_a[t] = latency_from_json(jq["baseline_a_" + th]);
    q.base_b[t] = latency_from_json(jq["baseline_b_" + th]);
  }
  for (const auto& c : j["checks_passed"]) checks.add(true, c);
  for (const auto& c : j["checks_failed"]) checks.add(false, c);
  return r;
}

}  // namespace bench
