// Function words ("the", "of", "und", "que", ...): their share of a line's
// words tells running text from menus and headlines (jusText's stopword
// density). Used by the line classifier only (the query parser has its own short list
// of query stopwords); the index keeps every word.
#pragma once

#include <string_view>

namespace newsearch {

/// True if @p lower (a lower-cased word) is a function word of English or of
/// one of the other languages common in news (de, fr, es, it, pt, id, ru).
bool is_function_word(std::string_view lower);

}  // namespace newsearch
