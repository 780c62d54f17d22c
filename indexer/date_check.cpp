#include "indexer/date_check.h"

#include "searcher/boundary/utf8.h"
#include "searcher/format/date_normalizer.h"

namespace newsearch {

std::optional<std::string> drop_bad_date(SourceRecord& a) {
  if (a.date.empty()) return std::nullopt;
  if (!normalize_date(a.date).empty()) {
    if (a.date_source.empty()) a.date_source = "field";
    return std::nullopt;
  }
  std::string bad = std::move(a.date);
  a.date.clear();
  a.date_source.clear();
  return bad;
}

std::string bad_date_message(const std::string& date) {
  return "date '" + utf8::excerpt(date) +
         "' is not an ISO 8601 date (YYYY, YYYY-MM, YYYY-MM-DD or "
         "YYYY-MM-DDThh:mm[:ss][Z|±hh:mm], a day that exists): indexed undated";
}

}  // namespace newsearch
