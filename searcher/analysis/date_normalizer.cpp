#include "searcher/analysis/date_normalizer.h"

#include <chrono>
#include <cstdio>
#include <regex>

namespace newsearch {
namespace {

int to_int(const std::ssub_match& m) { return m.matched ? std::stoi(m.str()) : 0; }

}  // namespace

std::string normalize_date(const std::string& iso) {
  // Groups: 1 year, 2 month, 3 day, 4 hour, 5 minute, 6 second, 7 zone, 8 sign, 9 hh, 10 mm.
  static const std::regex kIso(
      R"(^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)"
      R"((Z|([+-])(\d{2}):?(\d{2}))?)?)?)?$)");
  std::smatch m;
  if (!std::regex_match(iso, m, kIso)) return {};
  const int year = to_int(m[1]), month = to_int(m[2]), day = to_int(m[3]);
  if ((m[2].matched && (month < 1 || month > 12)) || (m[3].matched && (day < 1 || day > 31)))
    return {};
  char buf[32];
  if (!m[4].matched) {
    if (!m[2].matched) std::snprintf(buf, sizeof buf, "%04d", year);
    else if (!m[3].matched) std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
    else std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
  }
  using namespace std::chrono;
  const sys_days days{std::chrono::year(year) / std::chrono::month(static_cast<unsigned>(month)) /
                      std::chrono::day(static_cast<unsigned>(day))};
  sys_seconds t = days + hours(to_int(m[4])) + minutes(to_int(m[5])) + seconds(to_int(m[6]));
  if (m[8].matched) {
    const auto offset = hours(to_int(m[9])) + minutes(to_int(m[10]));
    t = m[8].str() == "+" ? t - offset : t + offset;  // local = UTC + offset
  }
  const sys_days d = floor<std::chrono::days>(t);
  const year_month_day ymd{d};
  const hh_mm_ss hms{t - d};
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02ld:%02ld:%02ld", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<long>(hms.hours().count()), static_cast<long>(hms.minutes().count()),
                static_cast<long>(hms.seconds().count()));
  return buf;
}

}  // namespace newsearch
