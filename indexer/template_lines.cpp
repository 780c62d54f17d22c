#include "indexer/template_lines.h"

#include <algorithm>
#include <unordered_set>
#include <utility>

#include "searcher/analysis/line_features.h"
#include "searcher/format/index_schema.h"
#include "searcher/format/source_term.h"

namespace newsearch {

TemplateLines::TemplateLines(Index index) : index_(std::move(index)) {}

std::string TemplateLines::term(std::string_view source_key, std::string_view line) {
  const std::size_t words = word_count(line, schema::kMaxTemplateLineWords);
  if (words == 0 || words > schema::kMaxTemplateLineWords) return "";
  std::string key(source_key);
  key += '\x1F';
  key += pattern_key(line);
  return schema::term(schema::kPrefixLine, fnv1a_hex(key));
}

std::vector<std::string> TemplateLines::learn(const std::vector<std::string>& terms,
                                              const std::string& id) {
  std::vector<std::string> distinct;
  std::unordered_set<std::string> seen;
  for (const std::string& t : terms) {
    if (t.empty() || !seen.insert(t).second) continue;
    distinct.push_back(t);
    if (frozen_) continue;
    auto [it, fresh] = counts_.try_emplace(t);
    // The index's count is read before this run writes an article with the
    // term, so the run's own articles are not counted twice.
    Count& c = it->second;
    if (fresh && index_.count) {
      c.indexed = index_.count(t);
      // Articles of earlier runs holding a line still below the threshold
      // hold it as text: few (under kMinTemplateArticles), remembered now,
      // before this run's articles join them in the index.
      if (c.indexed > 0 && c.indexed < schema::kMinTemplateArticles && index_.holders)
        c.early = index_.holders(t);
    }
    ++c.run;
    if (c.indexed + c.run < schema::kMinTemplateArticles) {
      c.early.push_back(id);
    } else if (!c.early.empty()) {  // crossed now: the early readers are due
      due_.insert(due_.end(), c.early.begin(), c.early.end());
      c.early.clear();
    }
  }
  return distinct;
}

bool TemplateLines::is_template(const std::string& term) const {
  const auto it = counts_.find(term);
  return it != counts_.end() && it->second.indexed + it->second.run >= schema::kMinTemplateArticles;
}

std::vector<std::string> TemplateLines::take_due() {
  std::sort(due_.begin(), due_.end());
  due_.erase(std::unique(due_.begin(), due_.end()), due_.end());
  return std::exchange(due_, {});
}

}  // namespace newsearch
