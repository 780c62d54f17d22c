// Restricting a Xapian query to a known set of documents: the second,
// feedback-expanded match of a long query re-weights the first match's
// candidates instead of searching the whole index again.
#pragma once

#include <xapian.h>

#include <vector>

namespace newsearch {

/// @p query restricted to the documents @p pool (any order, repeats allowed;
/// docids of the one database searched, not of a multi-database handle):
/// the same weights as @p query alone, matching only pool documents. The
/// matcher visits the pool documents only (it skips every other posting list
/// to them), so the cost grows with the pool, not with the index.
Xapian::Query within_pool(const Xapian::Query& query, std::vector<Xapian::docid> pool);

}  // namespace newsearch
