#include "searcher/analysis/stopwords.h"

#include <map>
#include <string>
#include <unordered_set>

#include "searcher/analysis/folding.h"
#include "searcher/analysis/stopword_lists.h"

namespace newsearch {
namespace {

using Folded = std::map<std::string, std::unordered_set<std::string>, std::less<>>;

Folded fold_lists(const Folder& folder) {
  Folded out;
  for (const auto& list : stopword_lists::all()) {
    auto& words = out[std::string(list.code)];
    std::string_view rest = list.words;
    while (!rest.empty()) {
      const std::size_t space = rest.find(' ');
      const std::string_view word = rest.substr(0, space);
      if (!word.empty()) words.insert(folder.fold(word));
      rest.remove_prefix(space == std::string_view::npos ? rest.size() : space + 1);
    }
  }
  return out;
}

}  // namespace

bool is_stopword_in(const Folder& folder, std::string_view code, std::string_view term) {
  static const Folded kFolded = fold_lists(folder);
  const auto it = kFolded.find(code);
  return it != kFolded.end() && it->second.count(std::string(term)) > 0;
}

}  // namespace newsearch
