#include "searcher/options_check.h"

#include <chrono>
#include <cmath>
#include <string>

#include "newsearch/error.h"

namespace newsearch {
namespace {

[[noreturn]] void bad(const char* name, const std::string& value, const std::string& rule) {
  throw Error(ErrorCode::kInvalidArgument,
              std::string("SearchOptions::") + name + " is " + value + ": " + rule);
}

void check_count(const char* name, std::size_t v, std::size_t min) {
  if (v < min || v > kMaxSearchDepth)
    bad(name, std::to_string(v),
        "must be between " + std::to_string(min) + " and " + std::to_string(kMaxSearchDepth));
}

void check_weight(const char* name, double v) {
  // NaN fails every comparison: it would silently scramble the ranking.
  if (!(v >= 0.0 && v <= kMaxOptionWeight))
    bad(name, std::isnan(v) ? "NaN" : std::to_string(v),
        "must be a finite number between 0 and " +
            std::to_string(static_cast<long long>(kMaxOptionWeight)));
}

}  // namespace

void check_search_options(const SearchOptions& o) {
  check_count("limit", o.limit, 1);
  check_count("offset", o.offset, 0);
  check_count("rerank_depth", o.rerank_depth, 0);
  if (o.passages_per_article == 0) bad("passages_per_article", "0", "must be positive");
  if (o.snippet_chars == 0) bad("snippet_chars", "0", "must be positive");
  if (o.time_budget.count() < 0)
    bad("time_budget", std::to_string(o.time_budget.count()) + " ms", "must not be negative");
  // A day at most: now() + budget must not overflow the clock.
  if (o.time_budget > std::chrono::hours(24))
    bad("time_budget", std::to_string(o.time_budget.count()) + " ms", "must be at most 24 hours");
  check_weight("article_weight", o.article_weight);
  check_weight("headline_weight", o.headline_weight);
  check_weight("headline_boost", o.headline_boost);
}

}  // namespace newsearch
