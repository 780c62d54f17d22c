// The scraped-news extraction metric (scrapinghub/article-extraction-benchmark's
// evaluate.py, re-implemented): word 4-shingles, per-page TP/FP/FN, mean
// precision and recall over pages; plus the headline token F1, the date
// within-one-day check and the dev/test split used by extraction_eval.
#pragma once

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsearch::extraction_eval {

/// Python 3's `\w` for a str pattern: alphabetic (L*), any numeric type
/// (decimal, digit, numeric) or '_'. Combining marks are NOT word
/// characters there (unlike ICU's regex \w), so "café" written with a
/// combining accent splits: this reproduces the benchmark's tokens.
inline bool is_word_char(UChar32 c) {
  if (c == '_') return true;
  if (u_isalpha(c)) return true;  // general category L*
  return u_getIntPropertyValue(c, UCHAR_NUMERIC_TYPE) != U_NT_NONE;
}

/// The `\w+` tokens of UTF-8 @p text, case kept (evaluate.py's findall);
/// invalid bytes are non-word characters.
inline std::vector<std::string> tokenize(std::string_view text) {
  std::vector<std::string> tokens;
  std::string current;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto n = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < n) {
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(s, i, n, c);
    if (c >= 0 && is_word_char(c)) {
      current.append(text.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
    } else if (!current.empty()) {
      tokens.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) tokens.push_back(std::move(current));
  return tokens;
}

/// Shingle -> count. A text of fewer than @p n tokens (but at least one) is
/// one shingle of all its tokens, as evaluate.py's _ngrams makes it.
using Shingles = std::map<std::vector<std::string>, int64_t>;

inline Shingles shingles(std::string_view text, size_t n = 4) {
  const auto tokens = tokenize(text);
  Shingles out;
  if (tokens.empty()) return out;
  const size_t count = tokens.size() >= n ? tokens.size() - n + 1 : 1;
  for (size_t i = 0; i < count; ++i) {
    const size_t end = std::min(tokens.size(), i + n);
    ++out[std::vector<std::string>(tokens.begin() + static_cast<long>(i),
                                   tokens.begin() + static_cast<long>(end))];
  }
  return out;
}

/// One page's shingle-count overlaps (not normalised: the benchmark divides
/// each by TP+FP+FN, which changes no ratio computed below).
struct Match {
  int64_t tp = 0, fp = 0, fn = 0;
};

inline Match match(std::string_view truth, std::string_view predicted) {
  const Shingles t = shingles(truth), p = shingles(predicted);
  Match m;
  for (const auto& [key, tc] : t) {
    const auto it = p.find(key);
    const int64_t pc = it == p.end() ? 0 : it->second;
    m.tp += std::min(tc, pc);
    m.fn += std::max<int64_t>(0, tc - pc);
  }
  for (const auto& [key, pc] : p) {
    const auto it = t.find(key);
    const int64_t tc = it == t.end() ? 0 : it->second;
    m.fp += std::max<int64_t>(0, pc - tc);
  }
  return m;
}

/// evaluate.py's precision_score / recall_score.
inline double precision(const Match& m) {
  if (m.fp == 0 && m.fn == 0) return 1.0;
  if (m.tp == 0 && m.fp == 0) return 0.0;
  return static_cast<double>(m.tp) / static_cast<double>(m.tp + m.fp);
}
inline double recall(const Match& m) {
  if (m.fp == 0 && m.fn == 0) return 1.0;
  if (m.tp == 0 && m.fn == 0) return 0.0;
  return static_cast<double>(m.tp) / static_cast<double>(m.tp + m.fn);
}

/// Mean precision over pages with TP+FP > 0, mean recall over pages with
/// TP+FN > 0 (0 when no page qualifies), F1 = 2PR/(P+R) (0 when P+R = 0).
struct Scores {
  double p = 0, r = 0, f1 = 0;
};

inline Scores aggregate(const std::vector<Match>& pages) {
  double ps = 0, rs = 0;
  size_t pn = 0, rn = 0;
  for (const auto& m : pages) {
    if (m.tp + m.fp > 0) ps += precision(m), ++pn;
    if (m.tp + m.fn > 0) rs += recall(m), ++rn;
  }
  Scores s;
  s.p = pn ? ps / static_cast<double>(pn) : 0.0;
  s.r = rn ? rs / static_cast<double>(rn) : 0.0;
  s.f1 = s.p + s.r > 0 ? 2 * s.p * s.r / (s.p + s.r) : 0.0;
  return s;
}

/// Per-page F1 of a Match (for the worst-pages list).
inline double page_f1(const Match& m) {
  const double p = precision(m), r = recall(m);
  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

/// Token F1 of two headlines: \w+ tokens, fully case-folded ("Straße" =
/// "STRASSE"), as bags. Both empty
/// is 1, one empty is 0.
inline double headline_f1(std::string_view truth, std::string_view extracted) {
  auto bag = [](std::string_view text) {
    std::map<std::string, int64_t> b;
    int64_t total = 0;
    for (const auto& tok : tokenize(text)) {
      std::string folded;
      icu::UnicodeString::fromUTF8(tok).foldCase().toUTF8String(folded);
      ++b[folded], ++total;
    }
    return std::pair{b, total};
  };
  const auto [tb, tn] = bag(truth);
  const auto [eb, en] = bag(extracted);
  if (tn == 0 && en == 0) return 1.0;
  if (tn == 0 || en == 0) return 0.0;
  int64_t common = 0;
  for (const auto& [tok, c] : tb)
    if (const auto it = eb.find(tok); it != eb.end()) common += std::min(c, it->second);
  return 2.0 * static_cast<double>(common) / static_cast<double>(tn + en);
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
/// days_from_civil); nullopt when month or day is out of range.
inline std::optional<int64_t> civil_days(int64_t y, int m, int d) {
  if (m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

/// The calendar day of an ISO 8601 string's YYYY-MM-DD prefix (time and
/// zone ignored: the one-day tolerance absorbs zone shifts).
inline std::optional<int64_t> iso_day(std::string_view s) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  auto num = [&](size_t at, size_t len) {
    return std::atoi(std::string(s.substr(at, len)).c_str());
  };
  return civil_days(num(0, 4), num(5, 2), num(8, 2));
}

/// A truth date: ISO 8601 prefix ("2019-11-19T10:07:00-0500", "2019-11-18
/// 16:07:38"), else English month-name forms seen in truth.jsonl ("November
/// 20, 2019 12:32", "Tue Nov 19 2019 05:44:06 GMT+0000"): the first month
/// name, the first 1-2 digit number after it (day) and the first 4-digit
/// number (year).
inline std::optional<int64_t> truth_day(std::string_view s) {
  if (auto d = iso_day(s)) return d;
  static const char* const kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                        "jul", "aug", "sep", "oct", "nov", "dec"};
  int month = 0, day = 0, year = 0;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = i;
    const bool alpha = std::isalpha(static_cast<unsigned char>(s[i])) != 0;
    const bool digit = std::isdigit(static_cast<unsigned char>(s[i])) != 0;
    while (j < s.size() && (alpha ? std::isalpha(static_cast<unsigned char>(s[j]))
                                  : digit && std::isdigit(static_cast<unsigned char>(s[j]))))
      ++j;
    if (j == i) j = i + 1;
    const std::string word(s.substr(i, j - i));
    if (alpha && month == 0 && word.size() >= 3) {
      std::string low;
      for (char c : word.substr(0, 3)) low.push_back(static_cast<char>(std::tolower(c)));
      for (int m = 0; m < 12; ++m)
        if (low == kMonths[m]) month = m + 1;
    } else if (digit && word.size() == 4 && year == 0) {
      year = std::atoi(word.c_str());
    } else if (digit && word.size() <= 2 && month != 0 && day == 0) {
      day = std::atoi(word.c_str());
    }
    i = j;
  }
  if (month == 0 || day == 0 || year == 0) return std::nullopt;
  return civil_days(year, month, day);
}

/// |day(a) - day(b)| <= 1.
inline bool within_one_day(int64_t a, int64_t b) { return a - b <= 1 && b - a <= 1; }

/// FNV-1a 64-bit of @p id: even -> dev, odd -> test.
inline uint64_t fnv1a64(std::string_view id) {
  uint64_t h = 14695981039346656037ULL;
  for (unsigned char c : id) h = (h ^ c) * 1099511628211ULL;
  return h;
}
inline bool is_dev(std::string_view id) { return fnv1a64(id) % 2 == 0; }

}  // namespace newsearch::extraction_eval
