// Arabic before stemming. Internal to newsearch::analysis (analyzer.cpp).
#pragma once

#include <string>
#include <string_view>

namespace newsearch {

/// @p term (normalised: folding.cpp) without its definite article and the
/// particles joined to it: وال، بال، كال، فال، لل، ال ("and the", "with the",
/// "like the", "so the", "for the", "the"), when two letters or more remain;
/// else without a one-letter particle و، ب، ل، ف، ك when four letters or more
/// remain (ووزارة، بوزارة، لوزارة -> وزارة). Snowball's Arabic stemmer strips
/// ال but keeps وال and the lone particles before nouns. A shorter word keeps
/// its first letter (لجنة، وطن): many words begin with one of those letters.
/// A longer one that begins with one loses it (لبنان -> بنان) the same way in
/// articles and queries, so it still matches itself.
std::string without_arabic_article(std::string_view term);

}  // namespace newsearch
