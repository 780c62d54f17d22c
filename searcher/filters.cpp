#include "searcher/filters.h"

#include <vector>

#include "newsearch/error.h"
#include "searcher/boundary/utf8.h"
#include "searcher/format/date_normalizer.h"
#include "searcher/format/index_schema.h"
#include "searcher/format/source_term.h"
#include "searcher/query_languages.h"

namespace newsearch {
namespace {

// Sorts after every character of a stored date, so "2012" + kAfter bounds
// every value that starts with "2012" (the upper bound is inclusive at the
// precision given).
constexpr char kAfter = '~';

std::string checked_date(const std::string& iso, const char* which) {
  const std::string d = normalize_date(iso);
  if (d.empty())
    throw Error(ErrorCode::kInvalidArgument, std::string(which) + " '" + utf8::excerpt(iso) +
                                                 "' is not an ISO 8601 date (YYYY, YYYY-MM, "
                                                 "YYYY-MM-DD or YYYY-MM-DDThh:mm[:ss][Z|±hh:mm])");
  return d;
}

Xapian::Query date_filter(const SearchOptions& o) {
  if (o.date_from.empty() && o.date_to.empty()) return {};
  const unsigned slot = schema::kSlotDate;
  if (o.date_to.empty())
    return Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, checked_date(o.date_from, "date_from"));
  const std::string upper = checked_date(o.date_to, "date_to") + kAfter;
  if (o.date_from.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, upper);
  const std::string lower = checked_date(o.date_from, "date_from");
  if (lower > upper)
    throw Error(ErrorCode::kInvalidArgument, "date_from '" + utf8::excerpt(o.date_from) +
                                                 "' is after date_to '" + utf8::excerpt(o.date_to) +
                                                 "'");
  return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, lower, upper);
}

Xapian::Query source_filter(const SearchOptions& o, const Analyzer& analyzer) {
  if (o.sources.empty()) return {};
  std::vector<Xapian::Query> terms;
  for (const auto& s : o.sources) {
    std::string term = source_term(analyzer, s);  // the indexer's term
    if (term.empty())
      throw Error(ErrorCode::kInvalidArgument,
                  "source '" + utf8::excerpt(s) + "' has no letters or digits");
    terms.emplace_back(std::move(term));
  }
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

Xapian::Query language_filter(const SearchOptions& o) {
  std::vector<Xapian::Query> terms;
  for (const std::string& code : language_filter_codes(o))
    terms.emplace_back(schema::term(schema::kPrefixLanguage, code));
  if (terms.empty()) return {};
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

// Both queries, either if the other is empty.
Xapian::Query both(const Xapian::Query& a, const Xapian::Query& b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  return Xapian::Query(Xapian::Query::OP_AND, a, b);
}

// The filters on what an article is (source, language), not when.
Xapian::Query attribute_filter(const SearchOptions& o, const Analyzer& analyzer) {
  return both(source_filter(o, analyzer), language_filter(o));
}

}  // namespace

Xapian::Query filter_query(const SearchOptions& options, const Analyzer& analyzer) {
  return both(attribute_filter(options, analyzer), date_filter(options));
}

bool has_date_filter(const SearchOptions& options) {
  return !options.date_from.empty() || !options.date_to.empty();
}

Xapian::Query undated_filter(const SearchOptions& options, const Analyzer& analyzer) {
  if (!has_date_filter(options)) return {};
  // Every stored date starts with a digit (normalize_date()); an undated
  // article has no value in the slot at all (an empty value is none).
  const Xapian::Query dated(Xapian::Query::OP_VALUE_GE, schema::kSlotDate, std::string("0"));
  Xapian::Query others = attribute_filter(options, analyzer);
  if (others.empty()) others = Xapian::Query::MatchAll;
  return Xapian::Query(Xapian::Query::OP_AND_NOT, others, dated);
}

Xapian::Query apply_filter(const Xapian::Query& query, const Xapian::Query& filter) {
  if (filter.empty()) return query;
  return Xapian::Query(Xapian::Query::OP_FILTER, query, filter);
}

}  // namespace newsearch
