// ParsedArticle → Xapian::Document, following index_schema.h exactly.
#pragma once

#include <xapian.h>

#include "indexer/article.h"
#include "newsearch/analyzer.h"
#include "searcher/analysis/passages.h"

namespace newsearch {

/// The Q term of an article id. Ids longer than Xapian's term limit allows
/// are replaced by a hash of the id.
std::string id_term(const std::string& id);

/// Builds the document of one article: terms with positions for headline and
/// body, stemmed terms, the id term, values and the stored record.
Xapian::Document build_document(const ParsedArticle& article, Analyzer& analyzer,
                                const PassageOptions& passages = {});

}  // namespace newsearch
