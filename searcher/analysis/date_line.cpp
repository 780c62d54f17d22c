#include "searcher/analysis/date_line.h"

#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdio>
#include <unordered_map>
#include <unordered_set>

#include "searcher/analysis/folding.h"
#include "searcher/format/date_normalizer.h"

namespace newsearch {
namespace {

constexpr std::size_t kMaxLineBytes = 200;
constexpr int kMaxNames = 6;   // capitalised words: a byline, a publisher
constexpr int kMaxOthers = 1;  // any other word or number
constexpr int kMaxByline = 4;  // words after "by" read as a name, whatever their case

enum class Label { kNone, kPublished, kUpdated };

// Label and link words around a date, case- and accent-folded.
const std::unordered_set<std::string>& furniture() {
  static const std::unordered_set<std::string> words = {
      // English labels and links
      "published", "publish", "posted", "post", "updated", "update", "last", "first", "modified",
      "on", "at", "by", "date", "dated", "time", "am", "pm", "of", "t", "st", "nd", "rd", "th",
      "min", "mins", "minute", "minutes", "read", "hour", "hours", "hr", "hrs", "ago", "day",
      "days", "comments", "comment", "edited", "created",
      // zones
      "et", "est", "edt", "ct", "cst", "cdt", "mt", "mst", "mdt", "pt", "pst", "pdt", "akst", "hst",
      "gmt", "utc", "bst", "cet", "cest", "ist", "aest", "aedt", "jst", "kst", "eet", "eest", "msk",
      "hkt", "sgt", "wib", "wita", "sast", "wat", "eat", "z",
      // other languages
      "de", "del", "em", "le", "la", "el", "um", "alle", "il", "pada", "oleh", "a", "as", "mis",
      "jour", "publicado", "publicada", "atualizado", "atualizada", "actualizado", "actualizada",
      "pubblicato", "pubblicata", "aggiornato", "aggiornata", "diterbitkan", "diperbarui",
      "veroffentlicht", "publiziert", "aktualisiert", "von", "par", "di", "por", "publie",
      "опубликовано", "обновлено", "в", "г", "er", "eme", "jam"};
  return words;
}

Label label_of(const std::string& folded) {
  static const std::unordered_set<std::string> published = {
      "published",   "posted",         "publicado",  "publicada", "pubblicato",  "pubblicata",
      "diterbitkan", "veroffentlicht", "publiziert", "publie",    "опубликовано"};
  static const std::unordered_set<std::string> updated = {
      "updated",    "modified",   "atualizado", "atualizada",   "actualizado", "actualizada",
      "aggiornato", "aggiornata", "diperbarui", "aktualisiert", "обновлено"};
  if (published.count(folded)) return Label::kPublished;
  if (updated.count(folded)) return Label::kUpdated;
  return Label::kNone;
}

// Month (1-12) and weekday names of the languages of the pages, folded.
struct Names {
  std::unordered_map<std::string, int> months;  // -1: means two different months
  std::unordered_set<std::string> weekdays;
};

std::string utf8_of(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

void add_month(Names& n, const std::string& name, int month) {
  if (name.size() < 3) return;
  const auto [it, fresh] = n.months.emplace(name, month);
  if (!fresh && it->second != month) it->second = -1;
}

void add_locale(Names& n, const Folder& folder, const char* locale) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::DateFormatSymbols symbols{icu::Locale(locale), status};
  if (U_FAILURE(status)) return;  // a missing locale only loses its names
  using Sym = icu::DateFormatSymbols;
  for (const auto context : {Sym::FORMAT, Sym::STANDALONE}) {
    for (const auto width : {Sym::WIDE, Sym::ABBREVIATED}) {
      int32_t count = 0;
      const icu::UnicodeString* months = symbols.getMonths(count, context, width);
      for (int32_t i = 0; i < count && i < 12; ++i)
        add_month(n, folder.fold(utf8_of(months[i])), i + 1);
      const icu::UnicodeString* days = symbols.getWeekdays(count, context, width);
      for (int32_t i = 1; i < count; ++i) n.weekdays.insert(folder.fold(utf8_of(days[i])));
    }
  }
}

const Names& names() {
  static const Names n = [] {
    Names built;
    const Folder folder;
    for (const char* l : {"en", "pt", "it", "id", "ru", "de", "fr", "es", "nl"})
      add_locale(built, folder, l);
    add_month(built, "sept", 9);
    built.weekdays.erase("");
    return built;
  }();
  return n;
}

int month_of(const std::string& folded) {
  const auto it = names().months.find(folded);
  return it == names().months.end() ? 0 : std::max(it->second, 0);
}

// --- tokens ---------------------------------------------------------------

enum class Kind { kNum, kWord, kPunct };

struct Token {
  Kind kind;
  std::string text;    // as written (a punctuation token: one code point)
  std::string folded;  // words: Folder::fold(text)
  bool glued = false;  // no space before it
  bool capital = false;
};

bool is_space(UChar32 c) { return u_isUWhiteSpace(c) || c == 0xA0 || c == 0x200B; }
bool is_letter(UChar32 c) {
  return u_isalpha(c) || u_charType(c) == U_NON_SPACING_MARK ||
         u_charType(c) == U_COMBINING_SPACING_MARK;
}

// "20194:29" (a year glued to a time, as some sites print it): split in two.
void push_number(std::vector<Token>& out, std::string digits, bool glued, bool before_colon) {
  if (before_colon && (digits.size() == 5 || digits.size() == 6)) {
    const int year = std::stoi(digits.substr(0, 4));
    if (year >= 1900 && year <= 2100) {
      out.push_back({Kind::kNum, digits.substr(0, 4), {}, glued, false});
      out.push_back({Kind::kNum, digits.substr(4), {}, true, false});
      return;
    }
  }
  out.push_back({Kind::kNum, std::move(digits), {}, glued, false});
}

std::vector<Token> tokenize(std::string_view line, const Folder& folder) {
  std::vector<Token> out;
  const auto* s = reinterpret_cast<const uint8_t*>(line.data());
  const auto n = static_cast<int32_t>(line.size());
  bool glued = false;
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(s, i, n, c);
    if (c < 0 || is_space(c)) {
      glued = false;
      continue;
    }
    if (c >= '0' && c <= '9') {
      while (i < n && s[i] >= '0' && s[i] <= '9') ++i;
      push_number(out, std::string(line.substr(start, i - start)), glued, i < n && s[i] == ':');
    } else if (is_letter(c)) {
      const bool capital = u_isupper(c) || u_istitle(c) || !u_islower(c);
      for (int32_t j = i; j < n; i = j) {
        UChar32 d = 0;
        U8_NEXT(s, j, n, d);
        if (d < 0 || !is_letter(d)) break;
      }
      std::string text(line.substr(start, i - start));
      std::string folded = folder.fold(text);
      out.push_back({Kind::kWord, std::move(text), std::move(folded), glued, capital});
    } else {
      out.push_back({Kind::kPunct, std::string(line.substr(start, i - start)), {}, glued, false});
    }
    glued = true;
  }
  return out;
}

// --- dates and times ------------------------------------------------------

struct Ymd {
  int y = 0, m = 0, d = 0;
};

struct DateHit {
  std::size_t begin = 0, end = 0;  // tokens [begin, end)
  Ymd ymd;
  Label label = Label::kNone;
};

struct TimeHit {
  std::size_t begin = 0, end = 0;
  int h = 0, m = 0;
  std::string zone;  // "Z", "+02:00" or ""
};

class Scanner {
 public:
  explicit Scanner(const std::vector<Token>& t) : t_(t) {}

  bool num(std::size_t i, std::size_t min_len, std::size_t max_len) const {
    return i < t_.size() && t_[i].kind == Kind::kNum && t_[i].text.size() >= min_len &&
           t_[i].text.size() <= max_len;
  }
  bool punct(std::size_t i, std::string_view chars) const {
    return i < t_.size() && t_[i].kind == Kind::kPunct && t_[i].text.size() == 1 &&
           chars.find(t_[i].text[0]) != std::string_view::npos;
  }
  bool word(std::size_t i, std::initializer_list<std::string_view> any) const {
    if (i >= t_.size() || t_[i].kind != Kind::kWord) return false;
    return std::find(any.begin(), any.end(), t_[i].folded) != any.end();
  }
  bool glued(std::size_t i) const { return i < t_.size() && t_[i].glued; }
  int value(std::size_t i) const { return std::stoi(t_[i].text); }
  int month(std::size_t i) const {
    return i < t_.size() && t_[i].kind == Kind::kWord ? month_of(t_[i].folded) : 0;
  }
  // Skips an optional token matched by @p pred.
  template <class Pred>
  std::size_t skip(std::size_t i, Pred pred) const {
    return pred(i) ? i + 1 : i;
  }

  std::optional<DateHit> date_at(std::size_t i) const {
    if (auto d = numeric_date(i)) return d;
    if (auto d = day_month_year(i)) return d;
    return month_day_year(i);
  }

  std::optional<TimeHit> time_at(std::size_t i) const;

 private:
  // "2020-06-14", "14.06.2020", "11/19/19": digits and one separator, glued.
  std::optional<DateHit> numeric_date(std::size_t i) const {
    if (!num(i, 1, 4) || t_[i].text.size() == 3) return std::nullopt;
    if (!punct(i + 1, "-/.") || !glued(i + 1) || !num(i + 2, 1, 2) || !glued(i + 2))
      return std::nullopt;
    const char sep = t_[i + 1].text[0];
    if (!punct(i + 3, std::string_view(&sep, 1)) || !glued(i + 3) || !glued(i + 4))
      return std::nullopt;
    // A longer run ("1.2.3.4", a version or an address) is no date.
    if (punct(i + 5, std::string_view(&sep, 1)) && glued(i + 5) && num(i + 6, 1, 9))
      return std::nullopt;
    if (i > 0 && t_[i].glued && t_[i - 1].kind != Kind::kWord) return std::nullopt;
    const int a = value(i), b = value(i + 2);
    Ymd ymd;
    if (t_[i].text.size() == 4) {
      if (!num(i + 4, 1, 2)) return std::nullopt;
      ymd = {a, b, value(i + 4)};
    } else {
      if (!num(i + 4, 2, 2) && !num(i + 4, 4, 4)) return std::nullopt;
      int y = value(i + 4);
      if (t_[i + 4].text.size() == 2) y += y >= 69 ? 1900 : 2000;
      if (a > 12 && b <= 12)
        ymd = {y, b, a};
      else if (b > 12 && a <= 12)
        ymd = {y, a, b};
      else if (a == b)
        ymd = {y, a, b};
      else
        return std::nullopt;  // 01/02/2024: day or month first is unknown
    }
    return DateHit{i, i + 5, ymd, Label::kNone};
  }

  bool ordinal(std::size_t i) const {
    return glued(i) && word(i, {"st", "nd", "rd", "th", "er", "eme", "o", "a"});
  }

  // "14 June 2020", "14th of June, 2020", "14. Juni 2020", "14 de junho de 2020".
  std::optional<DateHit> day_month_year(std::size_t i) const {
    if (!num(i, 1, 2)) return std::nullopt;
    std::size_t k = i + 1;
    k = skip(k, [&](std::size_t j) { return ordinal(j); });
    k = skip(k, [&](std::size_t j) { return punct(j, "."); });
    k = skip(k, [&](std::size_t j) { return word(j, {"of", "de", "del"}); });
    const int m = month(k);
    if (m == 0) return std::nullopt;
    k = skip(k + 1, [&](std::size_t j) { return punct(j, "."); });
    k = skip(k, [&](std::size_t j) { return punct(j, ","); });
    k = skip(k, [&](std::size_t j) { return word(j, {"de", "del"}); });
    if (!num(k, 4, 4)) return std::nullopt;
    return DateHit{i, k + 1, {value(k), m, value(i)}, Label::kNone};
  }

  // "June 14, 2020", "Jun. 14 2020", "Maret 30, 2015".
  std::optional<DateHit> month_day_year(std::size_t i) const {
    const int m = month(i);
    if (m == 0) return std::nullopt;
    std::size_t k = skip(i + 1, [&](std::size_t j) { return punct(j, "."); });
    if (!num(k, 1, 2)) return std::nullopt;
    const std::size_t day = k;
    k = skip(k + 1, [&](std::size_t j) { return ordinal(j); });
    k = skip(k, [&](std::size_t j) { return punct(j, ","); });
    if (!num(k, 4, 4)) return std::nullopt;
    return DateHit{i, k + 1, {value(k), m, value(day)}, Label::kNone};
  }

  const std::vector<Token>& t_;
};

// "04:38 PM", "8:05 a.m.", "10:55:00Z", "18.54 GMT", "9:08 GMT+1", "10:07+0200".
std::optional<TimeHit> Scanner::time_at(std::size_t i) const {
  if (!num(i, 1, 2) || !num(i + 2, 2, 2) || !glued(i + 1) || !glued(i + 2)) return std::nullopt;
  const bool colon = punct(i + 1, ":");
  if (!colon && !punct(i + 1, ".")) return std::nullopt;
  TimeHit t{i, i + 3, value(i), value(i + 2), {}};
  std::size_t k = i + 3;
  if (punct(k, ":") && glued(k) && num(k + 1, 2, 2) && glued(k + 1)) k += 2;  // seconds
  if (punct(k, ".") && glued(k) && num(k + 1, 1, 9) && glued(k + 1)) k += 2;  // fraction
  bool marked = false;
  if (word(k, {"am", "pm"})) {
    const bool pm = t_[k].folded == "pm";
    if (t.h >= 1 && t.h <= 12) t.h = pm ? (t.h % 12) + 12 : t.h % 12;
    marked = true;
    ++k;
  } else if (word(k, {"a", "p"}) && punct(k + 1, ".") && word(k + 2, {"m"})) {
    const bool pm = t_[k].folded == "p";
    if (t.h >= 1 && t.h <= 12) t.h = pm ? (t.h % 12) + 12 : t.h % 12;
    marked = true;
    k = skip(k + 3, [&](std::size_t j) { return punct(j, "."); });
  }
  if (word(k, {"z"}) && glued(k)) {
    t.zone = "Z";
    ++k;
  } else {
    const bool named = word(k, {"gmt", "utc"});
    const std::size_t s = named ? k + 1 : k;
    if (punct(s, "+-") && (named || glued(s)) && num(s + 1, 4, 4) && glued(s + 1)) {
      t.zone = t_[s].text + t_[s + 1].text.substr(0, 2) + ":" + t_[s + 1].text.substr(2);
      k = s + 2;
    } else if (punct(s, "+-") && num(s + 1, 2, 2) && punct(s + 2, ":") && num(s + 3, 2, 2)) {
      t.zone = t_[s].text + t_[s + 1].text + ":" + t_[s + 3].text;
      k = s + 4;
    }
  }
  // A dotted time must say it is one ("18.54 GMT", "8.05 pm").
  if (!colon && !marked && t.zone.empty() && !word(k, {"gmt", "utc", "bst", "cet", "cest"}))
    return std::nullopt;
  if (t.h > 23 || t.m > 59) return std::nullopt;
  t.end = k;
  return t;
}

// --- the line -------------------------------------------------------------

struct Reading {
  std::vector<DateHit> dates;
  std::vector<TimeHit> times;
  int names = 0, others = 0;
};

// "By" in the languages of the pages: the words after it are a name.
bool is_by(const std::string& folded) {
  return folded == "by" || folded == "von" || folded == "par" || folded == "por" ||
         folded == "di" || folded == "oleh" || folded == "от";
}

// Finds the dates, then the times, then classifies every other token.
Reading read(const std::vector<Token>& t) {
  const Scanner sc(t);
  Reading r;
  std::vector<bool> used(t.size(), false);
  Label label = Label::kNone;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i].kind == Kind::kWord && label_of(t[i].folded) != Label::kNone)
      label = label_of(t[i].folded);
    if (auto d = sc.date_at(i)) {
      d->label = label;
      label = Label::kNone;
      std::fill(used.begin() + static_cast<long>(i), used.begin() + static_cast<long>(d->end),
                true);
      r.dates.push_back(*d);
      i = d->end - 1;
    }
  }
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (used[i]) continue;
    if (auto tm = sc.time_at(i)) {
      std::fill(used.begin() + static_cast<long>(i), used.begin() + static_cast<long>(tm->end),
                true);
      r.times.push_back(*tm);
      i = tm->end - 1;
    }
  }
  int byline = 0;  // words after "by" still read as a name
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (used[i] || t[i].kind == Kind::kPunct) {
      if (t[i].kind == Kind::kPunct && t[i].text != ".") byline = 0;
      continue;
    }
    if (t[i].kind == Kind::kNum) {
      ++r.others;
    } else if (is_by(t[i].folded)) {
      byline = kMaxByline;
      continue;
    } else if (furniture().count(t[i].folded) || names().weekdays.count(t[i].folded)) {
      continue;
    } else if (byline > 0 || t[i].capital || (i > 0 && t[i - 1].text == "@")) {
      ++r.names;
    } else {
      ++r.others;
    }
    if (byline > 0) --byline;
  }
  return r;
}

std::string two(int v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d", v);
  return buf;
}

// The time that goes with @p date: the first one after it (before the next
// date), else the last one before it (after the previous date).
const TimeHit* time_of(const Reading& r, std::size_t which) {
  const std::size_t from = r.dates[which].end;
  const std::size_t to = which + 1 < r.dates.size() ? r.dates[which + 1].begin : SIZE_MAX;
  const std::size_t after_prev = which > 0 ? r.dates[which - 1].end : 0;
  const TimeHit* before = nullptr;
  for (const TimeHit& t : r.times) {
    if (t.begin >= from && t.begin < to) return &t;
    if (t.end <= r.dates[which].begin && t.begin >= after_prev) before = &t;
  }
  return before;
}

std::optional<std::string> iso_of(const Reading& r, std::size_t which) {
  const Ymd& d = r.dates[which].ymd;
  if (d.y < 1900 || d.y > 2100) return std::nullopt;
  std::string iso = std::to_string(d.y) + "-" + two(d.m) + "-" + two(d.d);
  if (normalize_date(iso).empty()) return std::nullopt;  // 30 February
  if (const TimeHit* t = time_of(r, which)) iso += "T" + two(t->h) + ":" + two(t->m) + t->zone;
  return iso;
}

bool has_digit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string_view trimmed(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

}  // namespace

std::optional<std::string> date_of_line(std::string_view line) {
  line = trimmed(line);
  if (line.empty() || line.size() > kMaxLineBytes || !has_digit(line)) return std::nullopt;
  if (line.starts_with("\xE2\x80\x94") || line.starts_with("\xE2\x80\x95")) return std::nullopt;
  static const Folder folder;
  const Reading r = read(tokenize(line, folder));
  if (r.dates.empty() || r.others > kMaxOthers || r.names > kMaxNames) return std::nullopt;
  std::size_t which = 0;
  if (r.dates[0].label == Label::kUpdated)
    for (std::size_t i = 1; i < r.dates.size(); ++i)
      if (r.dates[i].label == Label::kPublished) {
        which = i;
        break;
      }
  return iso_of(r, which);
}

std::optional<DateChoice> find_date_line(const std::vector<std::string_view>& lines,
                                         std::size_t limit) {
  const std::size_t n = std::min(limit, lines.size());
  for (std::size_t i = 0; i < n; ++i)
    if (auto iso = date_of_line(lines[i])) return DateChoice{i, std::move(*iso)};
  return std::nullopt;
}

}  // namespace newsearch
