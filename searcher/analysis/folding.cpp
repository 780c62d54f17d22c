#include "searcher/analysis/folding.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "newsearch/error.h"

namespace newsearch {
namespace {

// Letters with no canonical decomposition that readers still treat as their
// base letter when searching (ł in Wałęsa, ø in Støre, ı in Turkish names).
// Applied after case folding, so only lower-case forms are needed.
const char* special_fold(UChar32 c) {
  switch (c) {
    case 0x0142: return "l";   // ł
    case 0x00F8: return "o";   // ø
    case 0x0111: return "d";   // đ
    case 0x00F0: return "d";   // ð
    case 0x0131: return "i";   // ı
    case 0x00E6: return "ae";  // æ
    case 0x0153: return "oe";  // œ
    case 0x00FE: return "th";  // þ
    case 0x0127: return "h";   // ħ
    default: return nullptr;
  }
}

bool is_ascii(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

// Unifies the apostrophe look-alikes ICU keeps inside words (’ ʼ ‘ ′) to '.
void unify_apostrophes(std::string& s) {
  static constexpr std::string_view kAlike[] = {"\xE2\x80\x99", "\xCA\xBC", "\xE2\x80\x98",
                                                "\xE2\x80\xB2"};
  for (auto a : kAlike)
    for (auto p = s.find(a); p != std::string::npos; p = s.find(a, p)) s.replace(p, a.size(), "'");
}

void erase_all(std::string& s, char c) { std::erase(s, c); }

// Apostrophes, full stops and digit groups (analyzer.h, step 3).
std::string finish(std::string s) {
  unify_apostrophes(s);
  if (s.size() > 2 && s.ends_with("'s")) s.resize(s.size() - 2);
  erase_all(s, '\'');
  const bool numeric = !s.empty() && s[0] >= '0' && s[0] <= '9';
  erase_all(s, numeric ? ',' : '.');
  return s;
}

}  // namespace

Folder::Folder() {
  UErrorCode status = U_ZERO_ERROR;
  nfkc_cf_ = icu::Normalizer2::getNFKCCasefoldInstance(status);
  nfd_ = icu::Normalizer2::getNFDInstance(status);
  nfc_ = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status))
    throw Error(ErrorCode::kInternal, std::string("ICU normaliser: ") + u_errorName(status));
}

std::string Folder::fold(std::string_view word) const {
  if (is_ascii(word)) {  // fast path: most English text
    std::string s(word);
    for (char& c : s)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return finish(std::move(s));
  }
  return finish(fold_unicode(word));
}

std::string Folder::fold_unicode(std::string_view word) const {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString folded =
      nfkc_cf_->normalize(icu::UnicodeString::fromUTF8(
                              icu::StringPiece(word.data(), static_cast<int32_t>(word.size()))),
                          status);
  icu::UnicodeString decomposed = nfd_->normalize(folded, status);
  icu::UnicodeString stripped;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    if (const char* rep = special_fold(c))
      stripped.append(icu::UnicodeString(rep, -1, icu::UnicodeString::kInvariant));
    else
      stripped.append(c);
  }
  icu::UnicodeString composed = nfc_->normalize(stripped, status);
  if (U_FAILURE(status)) return std::string();
  std::string out;
  composed.toUTF8String(out);
  return out;
}

}  // namespace newsearch
