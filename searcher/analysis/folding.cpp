#include "searcher/analysis/folding.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

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

// Arabic normalisation as Lucene's ArabicNormalizer does it: harakat
// (fathatan .. sukun) removed, alef with madda or hamza above or below
// (decomposed by NFD to alef + mark) to bare alef. Hamza on waw and yeh
// (ؤ ئ) is kept: those are other letters.
constexpr UChar32 kAlef = 0x0627;
constexpr UChar32 kTatweel = 0x0640;  // ـ, a stretch of the line: removed

bool is_arabic_mark_dropped(UChar32 base, UChar32 mark) {
  if (mark >= 0x064B && mark <= 0x0652) return true;  // harakat
  return base == kAlef && mark >= 0x0653 && mark <= 0x0655;
}

// Alef maksura to yeh and teh marbuta to heh (Lucene), 0 for other letters.
UChar32 arabic_fold(UChar32 c) {
  switch (c) {
    case 0x0649: return 0x064A;  // ى -> ي
    case 0x0629: return 0x0647;  // ة -> ه
    default: return 0;
  }
}

// Marks (Unicode Mn) are removed where they are accents on letters that
// readers search without them: on Latin, Greek and Cyrillic letters
// (Çavuşoğlu = Cavusoglu, Ελλάδα = Ελλαδα, ё = е), and Arabic harakat.
// Elsewhere they are part of the letter or the word and are kept: Japanese
// voicing marks (が), Indic vowel signs (कुछ), Thai vowels (สวัสดี), Hebrew
// and the rest. Three Cyrillic letters that are letters of their own, not
// accented ones, keep their mark: й (и + breve), ў (у + breve) and
// Ukrainian ї (і + diaeresis).
bool mark_is_kept(UChar32 base, UChar32 mark) {
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(base, &status);
  switch (script) {
    case USCRIPT_LATIN:
    case USCRIPT_GREEK:
    case USCRIPT_COMMON: return false;
    case USCRIPT_CYRILLIC: return mark == 0x0306 || (base == 0x0456 && mark == 0x0308);
    case USCRIPT_ARABIC: return !is_arabic_mark_dropped(base, mark);
    default: return true;
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
  UChar32 base = 0;  // the last character that is not a mark
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) {
      if (!mark_is_kept(base, c)) continue;
      stripped.append(c);
      continue;
    }
    base = c;
    if (const char* rep = special_fold(c))
      stripped.append(icu::UnicodeString(rep, -1, icu::UnicodeString::kInvariant));
    else if (const UChar32 arabic = arabic_fold(c); arabic != 0)
      stripped.append(arabic);
    else if (c != kTatweel)
      stripped.append(c);
  }
  icu::UnicodeString composed = nfc_->normalize(stripped, status);
  if (U_FAILURE(status)) return std::string();
  std::string out;
  composed.toUTF8String(out);
  return out;
}

}  // namespace newsearch
