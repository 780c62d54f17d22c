// SearchOptions filters (publisher, date range) as a Xapian filter query,
// following index_schema.h: B<source> terms and the kSlotDate value.
#pragma once

#include <xapian.h>

#include "newsearch/analyzer.h"
#include "newsearch/search_options.h"

namespace newsearch {

/// The filter of @p options, or an empty query when it filters nothing.
/// Sources are normalised by @p analyzer exactly as the indexer normalises
/// them. @throws Error(kInvalidArgument) for a date that is not ISO 8601 or
/// a range whose start is after its end.
Xapian::Query filter_query(const SearchOptions& options, const Analyzer& analyzer);

/// True if @p options filter by date (date_from or date_to set).
bool has_date_filter(const SearchOptions& options);

/// What the date filter of @p options leaves out for having no date: the
/// articles that pass every other filter (the sources) and have no
/// kSlotDate value. An empty query when @p options set no date filter.
Xapian::Query undated_filter(const SearchOptions& options, const Analyzer& analyzer);

/// @p query restricted to @p filter (unchanged if the filter is empty).
Xapian::Query apply_filter(const Xapian::Query& query, const Xapian::Query& filter);

}  // namespace newsearch
