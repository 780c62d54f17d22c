// Helpers shared by the benchmark programs: number formatting, directory
// sizes, latency statistics and the well-formedness check of newsearch hits.
// Only the public newsearch API is used here.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <unordered_set>
#include <vector>

#include "newsearch/results.h"

namespace bench {

inline std::string fmt(double v, int prec = 2) {
  char b[64];
  std::snprintf(b, sizeof b, "%.*f", prec, v);
  return b;
}

/// Total size of the regular files under @p p (0 if it does not exist).
inline std::uint64_t dir_bytes(const std::filesystem::path& p) {
  std::uint64_t n = 0;
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(p, ec);
       !ec && it != std::filesystem::end(it); it.increment(ec))
    if (it->is_regular_file(ec)) n += it->file_size(ec);
  return n;
}

/// Megabytes of 10^6 bytes, as in the peer tables.
inline double mb(std::uint64_t bytes) { return static_cast<double>(bytes) / 1e6; }

inline double ratio(double a, double b) { return b > 0 ? a / b : 0.0; }

/// Nearest-rank percentile of sorted values (@p p in 0..1).
inline double percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  auto i = static_cast<std::size_t>(std::ceil(p * static_cast<double>(sorted.size())));
  return sorted[std::min(sorted.size(), std::max<std::size_t>(i, 1)) - 1];
}

inline double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

struct Latency {
  double p50 = 0, p95 = 0, p99 = 0, mean = 0, qps = 0;
};

/// Per round: p50, p95, p99 (nearest rank), mean, QPS = queries / sum(latency);
/// the result is the median of each over the rounds (as the peer harness does).
inline Latency summarize(const std::vector<std::vector<double>>& rounds_ms) {
  std::vector<double> p50, p95, p99, mean, qps;
  for (auto v : rounds_ms) {
    if (v.empty()) continue;
    std::sort(v.begin(), v.end());
    double sum = 0;
    for (double x : v) sum += x;
    p50.push_back(percentile(v, 0.50));
    p95.push_back(percentile(v, 0.95));
    p99.push_back(percentile(v, 0.99));
    mean.push_back(sum / static_cast<double>(v.size()));
    qps.push_back(sum > 0 ? 1000.0 * static_cast<double>(v.size()) / sum : 0);
  }
  return {median(p50), median(p95), median(p99), median(mean), median(qps)};
}

/// Problems with one newsearch result list (ranks, duplicate ids, snippets and
/// highlight offsets); empty when it is well formed. Hits without passages
/// (articles with an empty body) are counted in @p without_passage.
inline std::string check_hits(const newsearch::SearchResults& r, std::size_t& without_passage) {
  std::unordered_set<std::string> ids;
  for (std::size_t i = 0; i < r.hits.size(); ++i) {
    const auto& h = r.hits[i];
    if (h.rank != i + 1) return "hit " + std::to_string(i) + " has rank " + std::to_string(h.rank);
    if (h.id.empty()) return "hit " + std::to_string(h.rank) + " has no id";
    if (!ids.insert(h.id).second) return "id " + h.id + " returned twice";
    if (h.passages.empty()) ++without_passage;
    for (const auto& p : h.passages) {
      const auto& s = p.snippet;
      if (s.text.empty()) return "empty snippet for " + h.id;
      std::size_t last = 0;
      for (const auto& hl : s.highlights) {
        if (hl.byte_begin >= hl.byte_end || hl.byte_end > s.text.size() || hl.byte_begin < last)
          return "bad highlight offsets in the snippet of " + h.id;
        last = hl.byte_end;
      }
    }
  }
  return {};
}

}  // namespace bench
