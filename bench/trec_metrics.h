// TREC-style relevance metrics for search_bench (own code; Debian ships no
// trec_eval). Conventions follow trec_eval and ../shared/bench-peers/evaluate.py:
//  * qrels lines are "qid iter docid rel" (TREC) or "qid docid rel";
//  * a document is relevant when rel >= 1; graded rel is the nDCG gain;
//  * a run is re-sorted per query by score descending, ties by docid
//    descending (byte order), and duplicate docids are dropped (first kept);
//  * every judged query (at least one rel >= 1) is averaged, like
//    `trec_eval -c`: a judged query missing from the run scores 0.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <unordered_set>
#include <vector>

namespace bench {

/// qid -> docid -> relevance grade.
using Qrels = std::map<std::string, std::map<std::string, int>>;

struct RunEntry {
  std::string docid;
  double score = 0.0;
};
/// qid -> retrieved documents, in the engine's order.
using Run = std::map<std::string, std::vector<RunEntry>>;

struct Metrics {
  double map = 0, ndcg10 = 0, p10 = 0, r100 = 0, r1000 = 0, mrr = 0;
  std::size_t queries = 0;  ///< judged queries averaged
};

inline Qrels read_qrels(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read qrels '" + path + "'");
  Qrels q;
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream s(line);
    std::vector<std::string> f;
    for (std::string w; s >> w;) f.push_back(w);
    if (f.size() != 3 && f.size() != 4) continue;
    const std::string& qid = f[0];
    const std::string& did = f.size() == 4 ? f[2] : f[1];
    try {
      q[qid][did] = static_cast<int>(std::stod(f.back()));
    } catch (const std::exception&) {
      continue;  // a header line
    }
  }
  return q;
}

/// The run for one query as trec_eval sees it: score desc, docid desc, deduplicated.
inline std::vector<std::string> trec_order(const std::vector<RunEntry>& entries) {
  std::vector<RunEntry> e;
  std::unordered_set<std::string> seen;
  for (const auto& x : entries)
    if (seen.insert(x.docid).second) e.push_back(x);
  std::stable_sort(e.begin(), e.end(), [](const RunEntry& a, const RunEntry& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.docid > b.docid;
  });
  std::vector<std::string> out;
  out.reserve(e.size());
  for (auto& x : e) out.push_back(std::move(x.docid));
  return out;
}

inline Metrics eval_query(const std::vector<std::string>& ranked,
                          const std::map<std::string, int>& judged) {
  Metrics m;
  std::size_t nrel = 0;
  for (const auto& [d, g] : judged) nrel += g >= 1;
  if (nrel == 0) return m;
  auto grade = [&](const std::string& d) {
    auto it = judged.find(d);
    return it == judged.end() ? 0 : it->second;
  };
  std::size_t hits = 0;
  double ap = 0, dcg = 0;
  for (std::size_t i = 0; i < ranked.size(); ++i) {
    const int g = grade(ranked[i]);
    const double rank = static_cast<double>(i + 1);
    if (g >= 1) {
      ++hits;
      ap += static_cast<double>(hits) / rank;
      if (m.mrr == 0) m.mrr = 1.0 / rank;
      if (i < 10) m.p10 += 1;
      if (i < 100) m.r100 += 1;
      if (i < 1000) m.r1000 += 1;
    }
    if (i < 10 && g > 0) dcg += g / std::log2(rank + 1);
  }
  std::vector<int> ideal;
  for (const auto& [d, g] : judged)
    if (g > 0) ideal.push_back(g);
  std::sort(ideal.rbegin(), ideal.rend());
  double idcg = 0;
  for (std::size_t i = 0; i < ideal.size() && i < 10; ++i)
    idcg += ideal[i] / std::log2(static_cast<double>(i) + 2);
  const double n = static_cast<double>(nrel);
  m.map = ap / n;
  m.ndcg10 = idcg > 0 ? dcg / idcg : 0;
  m.p10 /= 10.0;
  m.r100 /= n;
  m.r1000 /= n;
  m.queries = 1;
  return m;
}

/// Mean metrics over the judged queries in @p qids (all judged queries when
/// @p qids is null). @p per_query, if given, receives each query's metrics.
inline Metrics evaluate(const Qrels& qrels, const Run& run, const std::set<std::string>* qids,
                        std::map<std::string, Metrics>* per_query = nullptr) {
  Metrics sum;
  for (const auto& [qid, judged] : qrels) {
    if (qids && !qids->count(qid)) continue;
    if (std::none_of(judged.begin(), judged.end(), [](const auto& kv) { return kv.second >= 1; }))
      continue;
    auto it = run.find(qid);
    const Metrics m =
        eval_query(it == run.end() ? std::vector<std::string>{} : trec_order(it->second), judged);
    if (per_query) (*per_query)[qid] = m;
    sum.map += m.map;
    sum.ndcg10 += m.ndcg10;
    sum.p10 += m.p10;
    sum.r100 += m.r100;
    sum.r1000 += m.r1000;
    sum.mrr += m.mrr;
    ++sum.queries;
  }
  if (sum.queries > 0) {
    const double n = static_cast<double>(sum.queries);
    sum.map /= n, sum.ndcg10 /= n, sum.p10 /= n, sum.r100 /= n, sum.r1000 /= n, sum.mrr /= n;
  }
  return sum;
}

/// Writes "qid Q0 docid rank score tag" lines, in the run's order.
inline void write_trec_run(const std::string& path, const Run& run, const std::string& tag) {
  FILE* f = std::fopen(path.c_str(), "w");
  if (!f) throw std::runtime_error("cannot write '" + path + "'");
  for (const auto& [qid, entries] : run) {
    std::size_t rank = 1;
    for (const auto& e : entries)
      std::fprintf(f, "%s Q0 %s %zu %.6f %s\n", qid.c_str(), e.docid.c_str(), rank++, e.score,
                   tag.c_str());
  }
  std::fclose(f);
}

}  // namespace bench
