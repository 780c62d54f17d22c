// ParsedArticle → Xapian::Document, following index_schema.h exactly.
#pragma once

#include <xapian.h>

#include <string>
#include <utility>
#include <vector>

#include "indexer/article.h"
#include "newsearch/analyzer.h"
#include "searcher/analysis/passages.h"

namespace newsearch {

/// The Q term of an article id. Ids longer than Xapian's term limit allows
/// are replaced by a hash of the id.
std::string id_term(const std::string& id);

/// (stem, form) pairs of one article whose normalised form differs from its
/// stem, each once: what the writer adds to the synonym table
/// (index_schema.h, "word variants").
using Variants = std::vector<std::pair<std::string, std::string>>;

/// Builds the document of one article: terms with positions for headline and
/// body, stemmed terms, the id term, values (with the passage layout) and
/// the stored record. Its word variants go to @p variants if given.
Xapian::Document build_document(const ParsedArticle& article, Analyzer& analyzer,
                                Variants* variants = nullptr,
                                const PassageOptions& passages = {});

}  // namespace newsearch
