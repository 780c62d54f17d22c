#include "tests/dates/date_measure.h"

#include <chrono>
#include <cstdint>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "searcher/analysis/date_line.h"
#include "searcher/format/date_normalizer.h"

namespace newsearch::test {
namespace {

std::uint64_t fnv1a64(const std::string& s) {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Days since 1970-01-01 of the "YYYY-MM-DD" that @p iso starts with.
long day_number(const std::string& iso) {
  const std::chrono::year_month_day ymd{std::chrono::year{std::stoi(iso.substr(0, 4))},
                                        std::chrono::month{unsigned(std::stoi(iso.substr(5, 2)))},
                                        std::chrono::day{unsigned(std::stoi(iso.substr(8, 2)))}};
  return std::chrono::sys_days{ymd}.time_since_epoch().count();
}

// The truth date as written (its own day, not converted to UTC), or "".
std::string truth_day(const std::string& written) {
  if (written.empty()) return {};
  std::string iso = written.size() >= 10 && !normalize_date(written).empty() ? written : "";
  if (iso.empty()) iso = date_of_line(written).value_or("");
  return iso.size() >= 10 ? iso.substr(0, 10) : "";
}

std::vector<std::string> page_lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);)
    if (l.find_first_not_of(" \t\r") != std::string::npos) out.push_back(l);
  return out;
}

void count(DateFigures& f, const std::string& id, const std::string& truth,
           const std::vector<std::string>& lines, std::size_t limit) {
  const std::vector<std::string_view> views(lines.begin(), lines.end());
  const auto got = find_date_line(views, limit);
  const std::string shown =
      got ? got->iso + " (line " + std::to_string(got->index) + ": " + lines[got->index] + ")"
          : "none";
  if (truth.empty()) {
    ++f.undated;
    if (got) {
      ++f.undated_got;
      f.notes.push_back(id + " undated, got " + shown);
    }
    return;
  }
  ++f.dated;
  const long diff = got ? day_number(got->iso) - day_number(truth) : 0;
  if (got && diff >= -1 && diff <= 1) {
    ++f.within_day;
    return;
  }
  if (got) ++f.wrong;
  f.notes.push_back(id + " truth " + truth + ", got " + shown);
}

}  // namespace

DateMeasure measure_dates(const std::string& dir, std::size_t limit) {
  DateMeasure m;
  std::istringstream truth(slurp(dir + "/truth.jsonl"));
  for (std::string line; std::getline(truth, line);) {
    if (line.empty()) continue;
    const auto j = nlohmann::json::parse(line);
    const std::string id = j.at("id").get<std::string>();
    const std::string day = truth_day(j.value("date", ""));
    const auto lines = page_lines(slurp(dir + "/pages/" + id));
    count(fnv1a64(id) % 2 == 0 ? m.dev : m.test, id, day, lines, limit);
  }
  return m;
}

}  // namespace newsearch::test
