#include "searcher/format/date_normalizer.h"

#include <chrono>
#include <cstdio>
#include <optional>
#include <string_view>

namespace newsearch {
namespace {

// The fields of an accepted date; 0 where absent.
struct Fields {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  int zone_sign = 0;  // +1 / -1 with an offset, 0 for none or Z
  int zone_hour = 0, zone_minute = 0;
  int parts = 1;  // 1 year, 2 +month, 3 +day, 4 +time
};

// A left-to-right reader of the text: every step consumes or fails, so the
// parse is one pass with no backtracking.
class Cursor {
 public:
  explicit Cursor(std::string_view s) : s_(s) {}
  bool done() const { return i_ == s_.size(); }
  bool peek(char c) const { return i_ < s_.size() && s_[i_] == c; }
  bool take(char c) {
    if (!peek(c)) return false;
    ++i_;
    return true;
  }
  // Exactly @p n ASCII digits as a number, or nullopt (nothing consumed).
  std::optional<int> digits(std::size_t n) {
    if (s_.size() - i_ < n) return std::nullopt;
    int v = 0;
    for (std::size_t k = 0; k < n; ++k) {
      const char c = s_[i_ + k];
      if (c < '0' || c > '9') return std::nullopt;
      v = v * 10 + (c - '0');
    }
    i_ += n;
    return v;
  }
  // A run of 1 to @p max digits, skipped.
  bool skip_digits(std::size_t max) {
    const std::size_t from = i_;
    while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
    return i_ > from && i_ - from <= max;
  }

 private:
  std::string_view s_;
  std::size_t i_ = 0;
};

bool in(std::optional<int> v, int lo, int hi, int& out) {
  if (!v || *v < lo || *v > hi) return false;
  out = *v;
  return true;
}

// [Z | ±hh[:]mm] then the end of the text.
bool parse_zone(Cursor& c, Fields& f) {
  if (c.take('Z')) return c.done();
  if (c.done()) return true;
  if (c.take('+'))
    f.zone_sign = 1;
  else if (c.take('-'))
    f.zone_sign = -1;
  else
    return false;
  if (!in(c.digits(2), 0, 23, f.zone_hour)) return false;
  c.take(':');
  return in(c.digits(2), 0, 59, f.zone_minute) && c.done();
}

// hh:mm[:ss[.fraction]] and the zone.
bool parse_time(Cursor& c, Fields& f) {
  f.parts = 4;
  if (!in(c.digits(2), 0, 23, f.hour) || !c.take(':') || !in(c.digits(2), 0, 59, f.minute))
    return false;
  if (c.take(':')) {
    if (!in(c.digits(2), 0, 60, f.second)) return false;
    if (c.take('.') && !c.skip_digits(kMaxFractionDigits)) return false;
  }
  return parse_zone(c, f);
}

bool day_exists(const Fields& f) {
  using namespace std::chrono;
  return year_month_day{year(f.year), month(static_cast<unsigned>(f.month)),
                        day(static_cast<unsigned>(f.day))}
      .ok();
}

std::optional<Fields> parse(std::string_view iso) {
  Cursor c(iso);
  Fields f;
  if (!in(c.digits(4), 0, 9999, f.year)) return std::nullopt;
  if (c.done()) return f;
  if (!c.take('-') || !in(c.digits(2), 1, 12, f.month)) return std::nullopt;
  f.parts = 2;
  if (c.done()) return f;
  if (!c.take('-') || !in(c.digits(2), 1, 31, f.day)) return std::nullopt;
  f.parts = 3;
  if (!day_exists(f)) return std::nullopt;
  if (c.done()) return f;
  if (!c.take('T') && !c.take(' ')) return std::nullopt;
  if (!parse_time(c, f)) return std::nullopt;
  return f;
}

// The instant in UTC, as YYYY-MM-DDThh:mm:ss (local = UTC + offset), or ""
// if it falls outside the years 0000-9999.
std::string utc_text(const Fields& f) {
  using namespace std::chrono;
  const sys_days days{year(f.year) / month(static_cast<unsigned>(f.month)) /
                      day(static_cast<unsigned>(f.day))};
  const minutes offset = hours(f.zone_hour) + minutes(f.zone_minute);
  const sys_seconds t =
      days + hours(f.hour) + minutes(f.minute) + seconds(f.second) - f.zone_sign * offset;
  const sys_days d = floor<std::chrono::days>(t);
  const year_month_day ymd{d};
  // A zone offset can carry 0000-01-01 or 9999-12-31 out of four-digit
  // years, which would neither sort nor parse again: not a date we keep.
  if (static_cast<int>(ymd.year()) < 0 || static_cast<int>(ymd.year()) > 9999) return {};
  const hh_mm_ss hms{t - d};
  char buf[48];  // room for any int fields (the compiler checks)
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02ld:%02ld:%02ld", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<long>(hms.hours().count()), static_cast<long>(hms.minutes().count()),
                static_cast<long>(hms.seconds().count()));
  return buf;
}

}  // namespace

std::string normalize_date(const std::string& iso) {
  const std::optional<Fields> f = parse(iso);
  if (!f) return {};
  char buf[48];  // room for any int fields (the compiler checks)
  switch (f->parts) {
    case 1: std::snprintf(buf, sizeof buf, "%04d", f->year); return buf;
    case 2: std::snprintf(buf, sizeof buf, "%04d-%02d", f->year, f->month); return buf;
    case 3: std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", f->year, f->month, f->day); return buf;
    default: return utc_text(*f);
  }
}

}  // namespace newsearch
