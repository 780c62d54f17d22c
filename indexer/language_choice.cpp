#include "indexer/language_choice.h"

#include "searcher/analysis/language_detector.h"
#include "searcher/boundary/utf8.h"

namespace newsearch {
namespace {

// Headline and paragraphs, up to what the detector reads.
std::string detection_text(const SourceRecord& a) {
  std::string text = a.title;
  for (const std::string& p : a.paragraphs) {
    if (text.size() >= kDetectBytes) break;
    text += "\n";
    text += p;
  }
  return text;
}

}  // namespace

std::optional<std::string> drop_bad_language(SourceRecord& a) {
  if (a.lang.empty()) return std::nullopt;
  std::string code = Analyzer::language_code(a.lang);
  if (!code.empty()) {
    a.lang = std::move(code);
    return std::nullopt;
  }
  std::string given = std::move(a.lang);
  a.lang.clear();
  return given;
}

std::string bad_language_message(const std::string& given) {
  return "lang '" + utf8::excerpt(given) +
         "' is no ISO 639-1 code or language name: its language is detected instead";
}

LanguageChoice choose_language(const SourceRecord& a, const Analyzer& analyzer) {
  if (!a.lang_source.empty()) return {a.lang, a.lang_source};
  // Canonical after drop_bad_language(); checked again for any other path.
  if (std::string given = Analyzer::language_code(a.lang); !given.empty())
    return {std::move(given), "field"};
  if (std::string found = analyzer.detect_language(detection_text(a)); !found.empty())
    return {std::move(found), "detected"};
  return {analyzer.default_language(), "default"};
}

void settle_language(SourceRecord& a, const Analyzer& analyzer) {
  LanguageChoice c = choose_language(a, analyzer);
  a.lang = std::move(c.lang);
  a.lang_source = std::move(c.source);
}

}  // namespace newsearch
