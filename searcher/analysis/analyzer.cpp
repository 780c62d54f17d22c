// Implements include/newsearch/analyzer.h on top of ICU and Xapian::Stem.
// This file and folding.cpp are the only code that include ICU headers.
#include "newsearch/analyzer.h"

#include <unicode/brkiter.h>
#include <unicode/utext.h>
#include <xapian.h>

#include <unordered_map>

#include "newsearch/error.h"
#include "searcher/analysis/arabic.h"
#include "searcher/analysis/folding.h"
#include "searcher/analysis/language_detector.h"
#include "searcher/analysis/languages.h"
#include "searcher/analysis/stopwords.h"

namespace newsearch {
namespace {

// Bumped whenever a change to the rules below changes the terms produced, and
// whenever the reading of sources changes what gets analysed (v2: the line
// classifier of scraped pages, issue 17; v3: per-language stemming and
// script-aware folding, issue 18).
constexpr const char* kRulesVersion = "newsearch-icu-v3";

bool has_digit(std::string_view s) {
  for (char c : s)
    if (c >= '0' && c <= '9') return true;
  return false;
}

// The surface text between two word segments joins them into a compound
// only when it is exactly one hyphen (ASCII, U+2010 or U+2011).
bool is_hyphen_join(std::string_view gap) {
  return gap == "-" || gap == "\xE2\x80\x90" || gap == "\xE2\x80\x91";
}

std::unique_ptr<icu::BreakIterator> make_iterator(bool words) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      words ? icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status)
            : icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status) || !it)
    throw Error(ErrorCode::kInternal,
                std::string("ICU break iterator unavailable: ") + u_errorName(status));
  return it;
}

// Points an ICU iterator at UTF-8 text without copying it; boundaries are
// then byte offsets into that text.
class Utf8Text {
 public:
  Utf8Text(icu::BreakIterator& it, std::string_view text) {
    UErrorCode status = U_ZERO_ERROR;
    ut_ = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    if (U_SUCCESS(status)) it.setText(ut_, status);
    if (U_FAILURE(status)) {
      utext_close(ut_);
      throw Error(ErrorCode::kInternal, std::string("ICU setText: ") + u_errorName(status));
    }
  }
  ~Utf8Text() { utext_close(ut_); }
  Utf8Text(const Utf8Text&) = delete;
  Utf8Text& operator=(const Utf8Text&) = delete;

 private:
  UText* ut_ = nullptr;
};

// Hidden: a nested class takes the visibility of the exported Analyzer, so
// its out-of-line members would otherwise be exported with it.
// The stemmer of one language and a memo of its recent stems. Snowball
// costs about 300 ns a word; news text repeats its words, so the memo
// answers most calls (about 90 ns). Bounded: cleared when full, which keeps
// it small per Analyzer (one per search handle or indexing thread).
class LanguageStemmer {
 public:
  explicit LanguageStemmer(std::string_view code) {
    const std::string_view name = languages::stemmer_of(code);
    if (name.empty()) return;
    stemmer_ = Xapian::Stem(std::string(name));
    stemming_ = true;
    arabic_ = code == "ar";
  }

  std::string stem(const std::string& term) const {
    if (!stemming_ || has_digit(term)) return term;
    if (auto it = cache_.find(term); it != cache_.end()) return it->second;
    if (cache_.size() >= kCacheEntries) cache_.clear();
    std::string stemmed = stemmer_(arabic_ ? without_arabic_article(term) : term);
    cache_.emplace(term, stemmed);
    return stemmed;
  }

 private:
  static constexpr std::size_t kCacheEntries = 20000;
  Xapian::Stem stemmer_;
  bool stemming_ = false;
  bool arabic_ = false;  // the article is stripped first (arabic.h)
  mutable std::unordered_map<std::string, std::string> cache_;
};

std::string default_code(const AnalyzerOptions& options) {
  const std::optional<std::string> code = languages::canonical(options.language);
  if (!code)
    throw Error(ErrorCode::kInvalidArgument,
                "unknown language '" + options.language +
                    "': give an ISO 639-1 code such as \"en\" or \"de\", or a name");
  return *code;
}

}  // namespace

// Hidden: a nested class takes the visibility of the exported Analyzer, so
// its out-of-line members would otherwise be exported with it.
struct __attribute__((visibility("hidden"))) Analyzer::Impl {
  AnalyzerOptions options;
  std::string default_language;
  std::unique_ptr<icu::BreakIterator> words = make_iterator(true);
  std::unique_ptr<icu::BreakIterator> sentences = make_iterator(false);
  Folder folder;
  mutable std::unordered_map<std::string, LanguageStemmer> stemmers;  // by code, made on first use

  explicit Impl(const AnalyzerOptions& opts)
      : options(opts), default_language(default_code(opts)) {}

  // The canonical code of @p language, the default for "" or none.
  std::string code_of(std::string_view language) const {
    if (language.empty() || language == default_language) return default_language;
    return languages::canonical(language).value_or(default_language);
  }

  const LanguageStemmer& stemmer(const std::string& code) const {
    auto it = stemmers.find(code);
    if (it == stemmers.end()) it = stemmers.emplace(code, LanguageStemmer(code)).first;
    return it->second;
  }

  // Appends the joined form of the compound tokens[first..] (two or more parts).
  void emit_joined(std::vector<Token>& tokens, std::size_t first,
                   const LanguageStemmer& stems) const {
    std::string joined;
    for (std::size_t i = first; i < tokens.size(); ++i) joined += tokens[i].term;
    if (joined.size() > options.max_term_bytes) return;
    Token t{joined,
            stems.stem(joined),
            tokens[first].position,
            tokens[first].byte_begin,
            tokens.back().byte_end,
            true};
    tokens.push_back(std::move(t));
  }

  std::vector<Token> analyze(std::string_view text, const LanguageStemmer& stems);
};

std::vector<Token> Analyzer::Impl::analyze(std::string_view text, const LanguageStemmer& stems) {
  std::vector<Token> tokens;
  Utf8Text bound(*words, text);
  std::uint32_t position = 0;
  std::size_t compound_first = 0;  // index in tokens of the current run's first part
  std::size_t compound_parts = 0;
  std::size_t prev_end = std::string_view::npos;
  for (int32_t begin = words->first(), end = words->next(); end != icu::BreakIterator::DONE;
       begin = end, end = words->next()) {
    if (words->getRuleStatus() < UBRK_WORD_NONE_LIMIT) continue;  // spaces, punctuation
    const auto b = static_cast<std::size_t>(begin), e = static_cast<std::size_t>(end);
    std::string term = folder.fold(text.substr(b, e - b));
    const bool joins = compound_parts > 0 && prev_end != std::string_view::npos &&
                       is_hyphen_join(text.substr(prev_end, b - prev_end));
    if (!joins) {
      if (compound_parts >= 2) emit_joined(tokens, compound_first, stems);
      compound_parts = 0;
    }
    const std::uint32_t pos = position++;
    if (term.empty() || term.size() > options.max_term_bytes) {
      compound_parts = 0;  // a dropped token breaks a compound
      prev_end = std::string_view::npos;
      continue;
    }
    if (compound_parts == 0) compound_first = tokens.size();
    ++compound_parts;
    prev_end = e;
    std::string stemmed = stems.stem(term);
    tokens.push_back(Token{std::move(term), std::move(stemmed), pos, b, e, false});
  }
  if (compound_parts >= 2) emit_joined(tokens, compound_first, stems);
  return tokens;
}

Analyzer::Analyzer(const AnalyzerOptions& options) : impl_(std::make_unique<Impl>(options)) {}
Analyzer::~Analyzer() = default;
Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;

std::vector<Token> Analyzer::analyze(std::string_view text) {
  return impl_->analyze(text, impl_->stemmer(impl_->default_language));
}

std::vector<Token> Analyzer::analyze(std::string_view text, std::string_view language) {
  return impl_->analyze(text, impl_->stemmer(impl_->code_of(language)));
}

std::string Analyzer::normalize(std::string_view word) const { return impl_->folder.fold(word); }

std::string Analyzer::stem(const std::string& term) const {
  return impl_->stemmer(impl_->default_language).stem(term);
}

std::string Analyzer::stem(const std::string& term, std::string_view language) const {
  return impl_->stemmer(impl_->code_of(language)).stem(term);
}

bool Analyzer::is_stopword(std::string_view term, std::string_view language) const {
  return is_stopword_in(impl_->folder, impl_->code_of(language), term);
}

std::string Analyzer::detect_language(std::string_view text) const {
  return detect_language_of(text);
}

std::string Analyzer::language_code(std::string_view language) {
  return languages::canonical(language).value_or("");
}

const std::string& Analyzer::default_language() const noexcept { return impl_->default_language; }

std::vector<std::pair<std::size_t, std::size_t>> Analyzer::sentences(std::string_view text) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  Utf8Text bound(*impl_->sentences, text);
  auto& it = *impl_->sentences;
  for (int32_t begin = it.first(), end = it.next(); end != icu::BreakIterator::DONE;
       begin = end, end = it.next())
    out.emplace_back(static_cast<std::size_t>(begin), static_cast<std::size_t>(end));
  return out;
}

std::string Analyzer::analyzer_id() const {
  return std::string(kRulesVersion) + "/" + std::to_string(impl_->options.max_term_bytes);
}

const AnalyzerOptions& Analyzer::options() const noexcept { return impl_->options; }

}  // namespace newsearch
