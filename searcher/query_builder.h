// Turns a parsed query (query_parser.h) into Xapian queries over the terms
// written by the indexer (index_schema.h): each leaf's terms are its
// LeafMatch's (leaf_match.h); this combines fields and operators.
#pragma once

#include <xapian.h>

#include "searcher/leaf_match.h"
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

/// @param matches the leaves of @p root (their forms are not needed).
/// @param headline_boost weight factor of the extra headline evidence (leaf_query).
BuiltQuery build_query(const QueryNode& root, const LeafMatches& matches, double headline_boost);

/// The query that matches one leaf in the article (headline and body as one
/// text) plus, when @p headline_boost > 0, its headline matches once more with
/// that weight factor. A title: leaf matches the headline only.
Xapian::Query leaf_query(const LeafMatch& leaf, double headline_boost);

}  // namespace newsearch
