#include "searcher/analysis/headline.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <memory>

#include "searcher/boundary/utf8.h"

namespace newsearch {
namespace {

bool has_word_char(std::string_view s) {
  const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
  const auto n = static_cast<std::int32_t>(s.size());
  for (std::int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c >= 0 && u_isalnum(c)) return true;
  }
  return false;
}

// The first sentence of s, as UTF-8 (s when ICU cannot say).
std::string first_sentence(std::string_view s) {
  const icu::UnicodeString u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
  std::string out;
  if (U_FAILURE(status) || !it) return std::string(s);
  it->setText(u);
  it->first();
  const int32_t end = it->next();
  u.tempSubString(0, end == icu::BreakIterator::DONE ? u.length() : end).toUTF8String(out);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

std::string derived_headline(std::string_view text, std::size_t max_bytes) {
  if (!has_word_char(text)) return "";
  std::string sentence = first_sentence(text);
  if (sentence.size() <= max_bytes + max_bytes / 5) return sentence;  // a little over is fine
  std::size_t cut = sentence.rfind(' ', max_bytes);
  if (cut == std::string::npos || cut < max_bytes / 2) {
    cut = max_bytes;
    while (cut > 0 && utf8::is_continuation(static_cast<unsigned char>(sentence[cut]))) --cut;
  }
  sentence.resize(cut);
  while (!sentence.empty() && (sentence.back() == ' ' || sentence.back() == ',' ||
                               sentence.back() == ';' || sentence.back() == ':'))
    sentence.pop_back();
  return sentence + "\xE2\x80\xA6";
}

}  // namespace newsearch
