// The raw stopword lists (stopword_lists.cpp says where each comes from).
// Read through stopwords.h, which folds them.
#pragma once

#include <array>
#include <string_view>

namespace newsearch::stopword_lists {

struct List {
  std::string_view code;   ///< ISO 639-1
  std::string_view words;  ///< separated by single spaces, as written
};

/// Sorted by code.
const std::array<List, 22>& all();

}  // namespace newsearch::stopword_lists
