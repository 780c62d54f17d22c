// Stopwords by language: words too common to carry meaning in a
// bag-of-words query ("the", "der", "и"). Lists and their sources:
// stopword_lists.cpp. Internal to newsearch::analysis (Analyzer::is_stopword).
#pragma once

#include <string_view>

namespace newsearch {

class Folder;

/// Whether the normalised (folded) @p term is a stopword of the language
/// @p code. Languages without a list have no stopwords. The lists are
/// folded by @p folder once, on the first call; thread-safe.
bool is_stopword_in(const Folder& folder, std::string_view code, std::string_view term);

}  // namespace newsearch
