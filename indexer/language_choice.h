// The language an article is analysed in (issue 18): the one its record
// gives (JSON Lines "lang", Article::language) when that names a language;
// otherwise the one CLD2 detects in its headline and body; otherwise the
// analyzer's default language (AnalyzerOptions::language, "en" unless set).
// Decided once per article, recorded in its stored record and L term, and
// used for every stem of it (index_schema.h).
#pragma once

#include <optional>
#include <string>

#include "indexer/source_record.h"
#include "newsearch/analyzer.h"

namespace newsearch {

/// Canonicalises @p a's given lang ("DE", "de-AT", "German" -> "de"). One
/// that names no language ("klingon", "und", "deu") is cleared, so that the
/// language is detected instead, and returned as it was given; nullopt when
/// nothing was dropped (also for an empty lang).
std::optional<std::string> drop_bad_language(SourceRecord& a);

/// The warning text for a dropped lang @p given (cut to a short excerpt).
std::string bad_language_message(const std::string& given);

/// An article's language (ISO 639-1) and how it was chosen (lang_source).
struct LanguageChoice {
  std::string lang;
  std::string source;
};

/// The language of @p a: a.lang and a.lang_source when a.lang_source is set
/// (an article read back for a revision keeps its language); else as in the
/// file comment.
LanguageChoice choose_language(const SourceRecord& a, const Analyzer& analyzer);

/// Sets a.lang and a.lang_source (source_record.h) to choose_language()'s
/// answer: unchanged when a.lang_source is already set (an article read back for a revision keeps
/// its language). A given a.lang is canonicalised (drop_bad_language() says when it names no
/// language; here such a one is detected silently).
void settle_language(SourceRecord& a, const Analyzer& analyzer);

}  // namespace newsearch
