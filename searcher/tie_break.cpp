#include "searcher/tie_break.h"

#include <algorithm>
#include <cstdint>

#include "searcher/format/index_schema.h"

namespace newsearch {

std::string tie_key(const Xapian::Database& db, Xapian::docid did) {
  const std::string prefix(schema::kPrefixId);
  Xapian::TermIterator t = db.termlist_begin(did);
  t.skip_to(prefix);
  if (t != db.termlist_end(did) && (*t).starts_with(prefix)) return *t;
  return {};  // no id term (not written by newsearch): such documents tie
}

std::vector<WeightedDoc> top_matches(const Xapian::Database& db, Xapian::Enquire& enquire,
                                     std::size_t depth, std::size_t& estimated) {
  if (depth == 0) {
    estimated = enquire.get_mset(0, 0).get_matches_estimated();
    return {};
  }
  // Ask for one more than needed: a run of equal weight straddles the cut
  // only if that one ties with the last kept; then double until the run ends.
  // Bounded, so that a giant run of equal weights (a one-word query over
  // thousands of same-length headlines) cannot make the match as long as
  // the index: past it, the run is cut in Xapian's order.
  const std::uint64_t all = db.get_doccount();
  const std::uint64_t most = std::max<std::uint64_t>(depth * 64, 4096);
  Xapian::MSet mset;
  for (std::uint64_t want = depth + 1;; want = std::min({all, most, want * 2})) {
    mset = enquire.get_mset(0, static_cast<Xapian::doccount>(want));
    const Xapian::doccount got = mset.size();
    if (got <= depth || got < want || want >= all || want >= most ||
        mset[got - 1].get_weight() < mset[static_cast<Xapian::doccount>(depth - 1)].get_weight())
      break;
  }
  estimated = mset.get_matches_estimated();
  std::vector<WeightedDoc> out;
  for (auto it = mset.begin(); it != mset.end(); ++it) out.emplace_back(*it, it.get_weight());
  order_ties_by_id(
      db, out, [](const WeightedDoc& d) { return d.second; },
      [](const WeightedDoc& d) { return d.first; });
  if (out.size() > depth) out.resize(depth);
  return out;
}

}  // namespace newsearch
