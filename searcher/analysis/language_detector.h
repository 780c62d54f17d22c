// Language identification of article text with CLD2 (Debian's libcld2):
// the only code that includes CLD2 headers. Internal to
// newsearch::analysis (Analyzer::detect_language).
#pragma once

#include <string>
#include <string_view>

namespace newsearch {

/// The ISO 639-1 code of the language @p text is written in, or "" when
/// CLD2 cannot tell it reliably: too little text, a mixture with no clear
/// majority, or a language without a two-letter code. Reads at most the
/// first kDetectBytes bytes (cut at a character boundary); invalid UTF-8
/// ends the text read. Thread-safe (CLD2 keeps no state between calls).
std::string detect_language_of(std::string_view text);

inline constexpr std::size_t kDetectBytes = 16384;

}  // namespace newsearch
