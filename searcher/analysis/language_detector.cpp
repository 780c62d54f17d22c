#include "searcher/analysis/language_detector.h"

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include "searcher/analysis/languages.h"
#include "searcher/boundary/utf8.h"

namespace newsearch {
namespace {

// CLD2 calls a short text unreliable even when one language has nearly all
// of it (a headline, a two-sentence brief); such an answer is still taken
// when that language holds at least this share of the text's letters and
// the text has this many bytes of letters.
constexpr int kMinPercentUnreliable = 90;
constexpr int kMinTextBytesUnreliable = 24;

std::string_view prefix_to_detect(std::string_view text) {
  if (text.size() <= kDetectBytes) return text;
  std::size_t cut = kDetectBytes;
  while (cut > 0 && utf8::is_continuation(static_cast<unsigned char>(text[cut]))) --cut;
  return text.substr(0, cut);
}

}  // namespace

std::string detect_language_of(std::string_view text) {
  text = prefix_to_detect(text);
  CLD2::Language top3[3];
  int percent3[3] = {0, 0, 0};
  double scores3[3];
  int text_bytes = 0, valid_prefix = 0;
  bool reliable = false;
  const CLD2::CLDHints hints{nullptr, nullptr, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
  const CLD2::Language found = CLD2::ExtDetectLanguageSummaryCheckUTF8(
      text.data(), static_cast<int>(text.size()), true, &hints, 0, top3, percent3, scores3, nullptr,
      &text_bytes, &reliable, &valid_prefix);
  if (found == CLD2::UNKNOWN_LANGUAGE || found == CLD2::TG_UNKNOWN_LANGUAGE) return "";
  if (!reliable && (top3[0] != found || percent3[0] < kMinPercentUnreliable ||
                    text_bytes < kMinTextBytesUnreliable))
    return "";
  return languages::canonical(CLD2::LanguageCode(found)).value_or("");
}

}  // namespace newsearch
