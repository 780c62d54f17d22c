// Turns a parsed query (query_parser.h) into Xapian queries over the terms
// written by the indexer (index_schema.h).
#pragma once

#include <xapian.h>

#include "searcher/query_parser.h"

namespace newsearch {

struct BuiltQuery {
  /// Every soft AND treated as AND: articles with all the words.
  Xapian::Query strict;
  /// Every soft AND treated as OR: articles with any of them.
  Xapian::Query loose;
  /// False when strict and loose are the same query.
  bool has_soft_and = false;
};

/// @param headline_boost weight factor for headline matches.
BuiltQuery build_query(const QueryNode& root, double headline_boost);

/// The query that matches one leaf in the body and (boosted) the headline.
Xapian::Query leaf_query(const QueryLeaf& leaf, double headline_boost);

}  // namespace newsearch
