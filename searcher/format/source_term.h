// The publisher filter term (index_schema.h, B<source>): one definition for
// the indexer, which adds it, and SearchOptions::sources, which looks it up.
// Internal to newsearch::analysis.
#pragma once

#include <string>
#include <string_view>

#include "newsearch/analyzer.h"

namespace newsearch {

/// 64-bit FNV-1a of @p bytes as 16 hex digits: the content hash of source
/// records and the hash of keys too long for a Xapian term.
std::string fnv1a_hex(std::string_view bytes);

/// The term of a key too long to keep (index_schema.h, kMaxTermKeyBytes):
/// @p prefix, "#" and fnv1a_hex(@p key).
std::string hashed_term(std::string_view prefix, std::string_view key);

/// The B term of publisher name @p source: kPrefixSource and the name
/// normalised as a whole (Analyzer::normalize: "Agence France-Presse" ->
/// "agence france-presse"); a normalised name of 200 bytes or more (Xapian
/// limits terms to 245) becomes "#" and its fnv1a_hex. "" if the normalised
/// name holds no letter or digit ("!!!", "  "): no filter can name such a
/// publisher, and a filter with such a name is refused.
std::string source_term(const Analyzer& analyzer, std::string_view source);

}  // namespace newsearch
