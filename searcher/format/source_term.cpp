#include "searcher/format/source_term.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <cstdio>

#include "searcher/format/index_schema.h"

namespace newsearch {
namespace {

bool has_letter_or_digit(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c >= 0 && u_isalnum(c)) return true;
  }
  return false;
}

}  // namespace

std::string fnv1a_hex(std::string_view bytes) {
  std::uint64_t h = 14695981039346656037ULL;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

std::string hashed_term(std::string_view prefix, std::string_view key) {
  return schema::term(prefix, "#" + fnv1a_hex(key));
}

std::string source_term(const Analyzer& analyzer, std::string_view source) {
  const std::string key = analyzer.normalize(source);
  if (!has_letter_or_digit(key)) return {};
  if (key.size() >= schema::kMaxTermKeyBytes) return hashed_term(schema::kPrefixSource, key);
  return schema::term(schema::kPrefixSource, key);
}

}  // namespace newsearch
