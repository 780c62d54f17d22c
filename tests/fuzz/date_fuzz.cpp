// normalize_date on arbitrary text. Its result is "" or a sortable UTC date
// of the shape YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS, with month
// 01-12, day 01-31, hour 00-23 and minutes and seconds 00-59.
//
// scripts/fuzz gives this target inputs of up to 32 KiB: the std::regex
// parser it replaced overflowed the stack on 26,000+ fractional-second
// digits (issue 15).
#include <cstdint>
#include <string>

#include "newsearch/error.h"
#include "searcher/format/date_normalizer.h"
#include "tests/fuzz/fuzz_support.h"

namespace nf = newsearch::fuzz;

namespace {

bool digits(const std::string& s, std::size_t at, std::size_t n) {
  for (std::size_t i = at; i < at + n; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

int number(const std::string& s, std::size_t at) { return (s[at] - '0') * 10 + (s[at + 1] - '0'); }

bool well_formed(const std::string& d) {
  const std::size_t n = d.size();
  if (n != 4 && n != 7 && n != 10 && n != 19) return false;
  if (!digits(d, 0, 4)) return false;
  if (n >= 7 && (d[4] != '-' || !digits(d, 5, 2) || number(d, 5) < 1 || number(d, 5) > 12))
    return false;
  if (n >= 10 && (d[7] != '-' || !digits(d, 8, 2) || number(d, 8) < 1 || number(d, 8) > 31))
    return false;
  if (n == 19 &&
      (d[10] != 'T' || d[13] != ':' || d[16] != ':' || !digits(d, 11, 2) || !digits(d, 14, 2) ||
       !digits(d, 17, 2) || number(d, 11) > 23 || number(d, 14) > 59 || number(d, 17) > 59))
    return false;
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(nf::as_text(data, size));
  try {
    const std::string date = newsearch::normalize_date(text);
    nf::require(date.empty() || well_formed(date),
                "normalize_date gives a well-formed date or \"\"");
  } catch (const newsearch::Error&) {
    // allowed by the library's contract, though normalize_date returns "" instead
  }
  return 0;
}
