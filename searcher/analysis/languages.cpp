#include "searcher/analysis/languages.h"

#include <algorithm>
#include <array>

namespace newsearch::languages {
namespace {

// Every language of Xapian 1.4's Snowball stemmers (Stem::get_available_
// languages(), less the English variants porter, lovins and earlyenglish
// and Dutch's kraaij_pohlmann), then languages without one that news
// archives hold and CLD2 names (analysed unstemmed). Sorted by code.
constexpr std::array<Language, 48> kTable{{
    {"ar", "arabic", "arabic"},
    {"bg", "bulgarian", ""},
    {"bn", "bengali", ""},
    {"ca", "catalan", "catalan"},
    {"cs", "czech", ""},
    {"da", "danish", "danish"},
    {"de", "german", "german"},
    {"el", "greek", ""},
    {"en", "english", "english"},
    {"es", "spanish", "spanish"},
    {"et", "estonian", ""},
    {"eu", "basque", "basque"},
    {"fa", "persian", ""},
    {"fi", "finnish", "finnish"},
    {"fr", "french", "french"},
    {"ga", "irish", "irish"},
    {"he", "hebrew", ""},
    {"hi", "hindi", ""},
    {"hr", "croatian", ""},
    {"hu", "hungarian", "hungarian"},
    {"hy", "armenian", "armenian"},
    {"id", "indonesian", "indonesian"},
    {"it", "italian", "italian"},
    {"ja", "japanese", ""},
    {"ko", "korean", ""},
    {"lt", "lithuanian", "lithuanian"},
    {"lv", "latvian", ""},
    {"mk", "macedonian", ""},
    {"ms", "malay", ""},
    {"nb", "bokmal", "norwegian"},
    {"ne", "nepali", "nepali"},
    {"nl", "dutch", "dutch"},
    {"nn", "nynorsk", "norwegian"},
    {"no", "norwegian", "norwegian"},
    {"pl", "polish", ""},
    {"pt", "portuguese", "portuguese"},
    {"ro", "romanian", "romanian"},
    {"ru", "russian", "russian"},
    {"sk", "slovak", ""},
    {"sl", "slovenian", ""},
    {"sr", "serbian", ""},
    {"sv", "swedish", "swedish"},
    {"ta", "tamil", "tamil"},
    {"th", "thai", ""},
    {"tr", "turkish", "turkish"},
    {"uk", "ukrainian", ""},
    {"vi", "vietnamese", ""},
    {"zh", "chinese", ""},
}};

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace

std::span<const Language> table() { return kTable; }

const Language* find(std::string_view code) {
  const auto it =
      std::lower_bound(kTable.begin(), kTable.end(), code,
                       [](const Language& l, std::string_view c) { return l.code < c; });
  return it != kTable.end() && it->code == code ? &*it : nullptr;
}

std::optional<std::string> canonical(std::string_view given) {
  const std::size_t cut = given.find_first_of("-_");
  const std::string head = lower(given.substr(0, cut));
  if (head.size() == 2 && is_ascii_letter(head[0]) && is_ascii_letter(head[1])) return head;
  if (cut != std::string_view::npos || head.empty()) return std::nullopt;  // "und-Latn", ""
  for (const Language& l : kTable)
    if (head == l.name) return std::string(l.code);
  for (const Language& l : kTable)  // "german2" is no name: only stemmer names
    if (head == l.stemmer) return std::string(l.code);
  return std::nullopt;
}

std::string_view stemmer_of(std::string_view code) {
  const Language* l = find(code);
  return l ? l->stemmer : std::string_view();
}

}  // namespace newsearch::languages
