// Arabic before stemming. Internal to newsearch::analysis (analyzer.cpp).
#pragma once

#include <string>
#include <string_view>

namespace newsearch {

/// @p term (normalised: folding.cpp) without its definite article and the
/// particles joined to it: وال، بال، كال، فال، لل، ال ("and the", "with the",
/// "like the", "so the", "for the", "the"), when two letters or more remain.
/// Snowball's Arabic stemmer strips ال but keeps وال and stems الحكومه and
/// حكومه apart once teh marbuta is normalised; after this step every one of
/// حكومة، الحكومة، والحكومة، للحكومة stems to حكوم. A lone و, ب, ل, ك or ف
/// is not stripped here: many words begin with one of those letters
/// (وزير، بلد، لبنان، كتاب، فرنسا); Snowball decides those.
std::string without_arabic_article(std::string_view term);

}  // namespace newsearch
