#include "indexer/template_lines.h"

#include <unordered_set>

#include "searcher/analysis/line_features.h"
#include "searcher/format/index_schema.h"
#include "searcher/format/source_term.h"

namespace newsearch {

TemplateLines::TemplateLines(std::function<std::uint32_t(const std::string&)> indexed)
    : indexed_(std::move(indexed)) {}

std::string TemplateLines::term(std::string_view source_key, std::string_view line) {
  const std::size_t words = word_count(line, schema::kMaxTemplateLineWords);
  if (words == 0 || words > schema::kMaxTemplateLineWords) return "";
  std::string key(source_key);
  key += '\x1F';
  key += pattern_key(line);
  return schema::term(schema::kPrefixLine, fnv1a_hex(key));
}

std::vector<std::string> TemplateLines::learn(const std::vector<std::string>& terms) {
  std::vector<std::string> distinct;
  std::unordered_set<std::string> seen;
  for (const std::string& t : terms) {
    if (t.empty() || !seen.insert(t).second) continue;
    distinct.push_back(t);
    if (frozen_) continue;
    auto [it, fresh] = counts_.try_emplace(t);
    // The index's count is read before this run writes an article with the
    // term, so the run's own articles are not counted twice.
    if (fresh) it->second.indexed = indexed_ ? indexed_(t) : 0;
    ++it->second.run;
  }
  return distinct;
}

bool TemplateLines::is_template(const std::string& term) const {
  const auto it = counts_.find(term);
  return it != counts_.end() && it->second.indexed + it->second.run >= schema::kMinTemplateArticles;
}

std::vector<std::string> TemplateLines::crossed() const {
  std::vector<std::string> out;
  for (const auto& [term, c] : counts_)
    if (c.indexed + c.run >= schema::kMinTemplateArticles &&
        c.indexed + 1 < schema::kMinTemplateArticles)
      out.push_back(term);
  return out;
}

}  // namespace newsearch
