// Equal scores ordered by article id, not by docid: docids depend on how an
// index was built (a parallel build assigns them by thread timing, an
// incremental one by update order), ids do not. So two builds of the same
// articles rank them the same way, pages and cut-offs included.
#pragma once

#include <xapian.h>

#include <algorithm>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace newsearch {

/// The key that orders document @p did among equal scores: its unique id
/// term (schema::kPrefixId + id; over-long ids hold a hash, still unique
/// and build-independent). Reads the document's term list.
std::string tie_key(const Xapian::Database& db, Xapian::docid did);

/// Reorders each run of adjacent items of @p items with equal key(item)
/// (@p items is sorted by key) by tie_key() of did(item), ascending. Reads
/// term lists only for items that tie with a neighbour.
template <typename T, typename Key, typename Did>
void order_ties_by_id(const Xapian::Database& db, std::vector<T>& items, Key key, Did did) {
  for (std::size_t b = 0; b < items.size();) {
    std::size_t e = b + 1;
    while (e < items.size() && key(items[e]) == key(items[b])) ++e;
    if (e - b > 1) {
      std::vector<std::pair<std::string, T>> run;
      for (std::size_t i = b; i < e; ++i)
        run.emplace_back(tie_key(db, did(items[i])), std::move(items[i]));
      std::sort(run.begin(), run.end(),
                [](const auto& x, const auto& y) { return x.first < y.first; });
      for (std::size_t i = b; i < e; ++i) items[i] = std::move(run[i - b].second);
    }
    b = e;
  }
}

/// A match: document and its weight.
using WeightedDoc = std::pair<Xapian::docid, double>;

/// The @p depth best matches of @p enquire's query by weight, equal weights
/// by tie_key(), exactly as if the whole match were so sorted and then cut:
/// when equal weights straddle the cut, Xapian (which orders them by docid)
/// is asked for more until the whole run of that weight is in. Costs one
/// match of depth + 1 when no run straddles the cut, and at most a match of
/// max(64 * depth, 4096) (a longer run at the cut is cut in Xapian's order).
/// @p estimated: Xapian's estimate of all matches.
std::vector<WeightedDoc> top_matches(const Xapian::Database& db, Xapian::Enquire& enquire,
                                     std::size_t depth, std::size_t& estimated);

}  // namespace newsearch
