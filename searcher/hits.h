// The last stage of a search: the hits of the page asked for, with their
// passages and snippets. Only here are articles' stored records read and
// passages analysed.
#pragma once

#include <xapian.h>

#include <cstddef>
#include <vector>

#include "newsearch/analyzer.h"
#include "newsearch/results.h"
#include "searcher/query_plan.h"
#include "searcher/ranking.h"

namespace newsearch {

/// The hits ranked options.offset + 1 to options.offset + options.limit of
/// @p order (rank()). Past the deadline, snippets are not highlighted.
/// @throws Error(kCorruption) for an article whose stored passages disagree
///         with its layout; Xapian::Error.
std::vector<Hit> page_hits(Xapian::Database& db, Analyzer& analyzer, const QueryPlan& plan,
                           const std::vector<Examined>& examined,
                           const std::vector<std::size_t>& order);

}  // namespace newsearch
