// Writes word variants (stem -> unstemmed forms) into the synonym table,
// where the searcher finds the positional terms of a query stem
// (index_schema.h, "word variants").
#pragma once

#include <xapian.h>

#include <string>
#include <unordered_set>

#include "indexer/document_builder.h"

namespace newsearch {

/// Adds each (stem, form) pair to a database's synonym table. Pairs already
/// added through this recorder are skipped without touching the database
/// (most words recur in every batch); the memory of them is bounded and
/// forgetting only costs a redundant, harmless add_synonym().
/// Not thread-safe: one per writer.
class VariantRecorder {
 public:
  void record(Xapian::WritableDatabase& db, const Variants& variants);
  /// Forgets every pair: after uncommitted changes were discarded.
  void forget() { seen_.clear(); }

 private:
  static constexpr std::size_t kMaxRemembered = 1'000'000;
  std::unordered_set<std::string> seen_;
};

}  // namespace newsearch
