#include "searcher/query_languages.h"

#include <algorithm>

#include "newsearch/error.h"
#include "searcher/format/index_schema.h"

namespace newsearch {
namespace {

std::string code_or_throw(const std::string& given, const char* option) {
  std::string code = Analyzer::language_code(given);
  if (code.empty())
    throw Error(ErrorCode::kInvalidArgument,
                std::string(option) + ": '" + given +
                    "' is no language (give an ISO 639-1 code such as \"de\", or a name)");
  return code;
}

// The languages of the index's articles with their counts, most first.
std::vector<std::pair<std::string, Xapian::doccount>> index_languages(const Xapian::Database& db) {
  std::vector<std::pair<std::string, Xapian::doccount>> out;
  const std::string prefix(schema::kPrefixLanguage);
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it)
    out.emplace_back((*it).substr(prefix.size()), it.get_termfreq());
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  return out;
}

}  // namespace

std::vector<std::string> language_filter_codes(const SearchOptions& options) {
  std::vector<std::string> codes;
  for (const std::string& l : options.languages)
    codes.push_back(code_or_throw(l, "SearchOptions::languages"));
  return codes;
}

QueryLanguages::QueryLanguages(const Xapian::Database& db, const SearchOptions& options,
                               Analyzer& analyzer)
    : db_(db), analyzer_(analyzer) {
  if (!options.query_language.empty()) {
    languages_.emplace_back(code_or_throw(options.query_language, "SearchOptions::query_language"),
                            1);
    return;
  }
  const std::vector<std::string> filter = language_filter_codes(options);
  for (auto& [code, count] : index_languages(db))
    if (filter.empty() || std::find(filter.begin(), filter.end(), code) != filter.end())
      languages_.emplace_back(code, count);
  for (const std::string& code : filter)  // filtered languages the index lacks still analyse
    if (std::none_of(languages_.begin(), languages_.end(),
                     [&](const auto& l) { return l.first == code; }))
      languages_.emplace_back(code, 0);
  if (languages_.empty()) languages_.emplace_back(analyzer.default_language(), 0);
}

std::vector<std::string> QueryLanguages::codes() const {
  std::vector<std::string> out;
  for (const auto& l : languages_) out.push_back(l.first);
  return out;
}

bool QueryLanguages::is_stopword(const std::string& term) const {
  if (languages_.size() == 1) return analyzer_.is_stopword(term, languages_[0].first);
  std::vector<bool> listed;
  bool any = false;
  for (const auto& l : languages_) {
    listed.push_back(analyzer_.is_stopword(term, l.first));
    any = any || listed.back();
  }
  if (!any) return false;
  double with_word = 0, stop_with_word = 0, all = 0, stop_all = 0;
  for (std::size_t i = 0; i < languages_.size(); ++i) {
    const auto& [code, articles] = languages_[i];
    const double n =
        db_.get_termfreq(schema::stem_term(schema::kPrefixStem, code, analyzer_.stem(term, code)));
    with_word += n;
    all += articles;
    if (listed[i]) {
      stop_with_word += n;
      stop_all += articles;
    }
  }
  return with_word > 0 ? 2 * stop_with_word >= with_word : 2 * stop_all >= all;
}

ParseContext QueryLanguages::parse_context() const {
  return {codes(), [this](const std::string& term) { return is_stopword(term); }};
}

}  // namespace newsearch
