// extraction_eval: scores an extraction of the scraped-news pages (the JSON
// Lines `indexer --print` writes) against truth.jsonl with the benchmark's
// word 4-shingle P/R/F1, the headline token F1 and the date within one day,
// per dev/test split, beside the keep-everything baseline of the pages.
// Exit: 0 every gate met, 1 a gate missed, 2 usage or input error.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "tests/relevance/extraction_eval_metric.h"

namespace {

namespace ee = newsearch::extraction_eval;
using nlohmann::json;

constexpr const char* kUsage =
    "usage: extraction_eval --truth truth.jsonl [--extracted FILE] [--pages DIR]\n"
    "         [--split dev|test|all] [--json] [--worst N] [--dump-baseline FILE]\n"
    "         [--min-f1 X] [--min-headline X] [--min-date X]\n"
    "Split: FNV-1a 64-bit of the page id, even -> dev, odd -> test.\n";

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// One page's extraction: body text, title, ISO date ("" = none).
struct Extraction {
  std::string body, title, date;
};

struct Truth {
  std::string id, body, headline, date;
};

struct Options {
  std::string truth, extracted, pages, split = "all", dump_baseline;
  bool json = false;
  int worst = 0;
  double min_f1 = -1, min_headline = -1, min_date = -1;
};

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

template <typename F>
void for_each_jsonl(const std::string& path, F f) {
  std::istringstream in(read_all(path));
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    try {
      f(json::parse(line));
    } catch (const json::exception& e) {
      throw std::runtime_error(path + ":" + std::to_string(n) + ": " + e.what());
    }
  }
}

std::vector<Truth> read_truth(const std::string& path) {
  std::vector<Truth> out;
  for_each_jsonl(path, [&](const json& j) {
    out.push_back({j.at("id").get<std::string>(), j.value("body", ""), j.value("headline", ""),
                   j.value("date", "")});
  });
  return out;
}

/// id -> extraction from `indexer --print` lines (paragraphs joined by
/// "\n\n"; `dropped` ignored).
std::map<std::string, Extraction> read_extracted(const std::string& path) {
  std::map<std::string, Extraction> out;
  for_each_jsonl(path, [&](const json& j) {
    Extraction e;
    for (const auto& p : j.value("paragraphs", json::array()))
      e.body += (e.body.empty() ? "" : "\n\n") + p.get<std::string>();
    e.title = j.value("title", "");
    if (j.contains("date") && j.at("date").is_string()) e.date = j.at("date").get<std::string>();
    out[j.at("id").get<std::string>()] = std::move(e);
  });
  return out;
}

/// Keep-everything: every non-blank line of each page, as paragraphs.
std::map<std::string, std::vector<std::string>> read_pages(const std::string& dir,
                                                           const std::vector<Truth>& truth) {
  std::map<std::string, std::vector<std::string>> out;
  for (const auto& t : truth) {
    std::istringstream in(read_all(dir + "/" + t.id));
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);)
      if (line.find_first_not_of(" \t\r\f\v") != std::string::npos) lines.push_back(line);
    out[t.id] = std::move(lines);
  }
  return out;
}

std::map<std::string, Extraction> baseline_extraction(
    const std::map<std::string, std::vector<std::string>>& pages) {
  std::map<std::string, Extraction> out;
  for (const auto& [id, lines] : pages) {
    Extraction e;
    for (const auto& l : lines) e.body += (e.body.empty() ? "" : "\n\n") + l;
    out[id] = std::move(e);
  }
  return out;
}

void dump_baseline(const std::string& path,
                   const std::map<std::string, std::vector<std::string>>& pages) {
  std::ofstream out(path, std::ios::binary);
  if (!out) throw std::runtime_error("cannot write " + path);
  for (const auto& [id, lines] : pages)
    out << json{{"id", id},
                {"title", ""},
                {"title_derived", true},
                {"paragraphs", lines},
                {"dropped", json::array()}}
               .dump()
        << '\n';
}

struct PageScore {
  std::string id;
  ee::Match m;
  double headline = 0;
  bool has_date = false, date_ok = false;
};

struct Row {
  size_t pages = 0, dated = 0;
  ee::Scores body;
  double headline_share = 0, headline_mean = 0, date_share = 0;
};

std::vector<PageScore> score(const std::vector<Truth>& truth,
                             const std::map<std::string, Extraction>& got) {
  std::vector<PageScore> out;
  for (const auto& t : truth) {
    static const Extraction kEmpty;
    const auto it = got.find(t.id);
    const Extraction& e = it == got.end() ? kEmpty : it->second;
    PageScore s{t.id, ee::match(t.body, e.body), ee::headline_f1(t.headline, e.title)};
    s.has_date = !t.date.empty();
    if (s.has_date) {
      const auto td = ee::truth_day(t.date), ed = ee::iso_day(e.date);
      s.date_ok = td && ed && ee::within_one_day(*td, *ed);
    }
    out.push_back(std::move(s));
  }
  return out;
}

bool in_split(const std::string& id, const std::string& split) {
  return split == "all" || (split == "dev") == ee::is_dev(id);
}

Row summarise(const std::vector<PageScore>& pages, const std::string& split) {
  Row r;
  std::vector<ee::Match> ms;
  size_t head_ok = 0, date_ok = 0;
  for (const auto& p : pages) {
    if (!in_split(p.id, split)) continue;
    ++r.pages;
    ms.push_back(p.m);
    r.headline_mean += p.headline;
    head_ok += p.headline >= 0.8;
    r.dated += p.has_date;
    date_ok += p.date_ok;
  }
  r.body = ee::aggregate(ms);
  if (r.pages) {
    r.headline_share = static_cast<double>(head_ok) / static_cast<double>(r.pages);
    r.headline_mean /= static_cast<double>(r.pages);
  }
  if (r.dated) r.date_share = static_cast<double>(date_ok) / static_cast<double>(r.dated);
  return r;
}

json row_json(const Row& r) {
  return {{"pages", r.pages},
          {"precision", r.body.p},
          {"recall", r.body.r},
          {"f1", r.body.f1},
          {"headline_share", r.headline_share},
          {"headline_mean_f1", r.headline_mean},
          {"date_share", r.date_share},
          {"dated_pages", r.dated}};
}

void print_row(const char* split, const char* what, const Row& r) {
  std::printf("%-5s %-14s %5zu %6.3f %6.3f %6.3f %8.3f %8.3f %6.3f (%zu)\n", split, what, r.pages,
              r.body.p, r.body.r, r.body.f1, r.headline_share, r.headline_mean, r.date_share,
              r.dated);
}

double number(const std::string& flag, const std::string& v) {
  try {
    size_t used = 0;
    const double d = std::stod(v, &used);
    if (used == v.size()) return d;
  } catch (const std::exception&) {
  }
  throw UsageError(flag + " needs a number, not '" + v + "'");
}

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw UsageError(a + " needs a value");
      return argv[++i];
    };
    if (a == "--truth")
      o.truth = value();
    else if (a == "--extracted")
      o.extracted = value();
    else if (a == "--pages")
      o.pages = value();
    else if (a == "--split")
      o.split = value();
    else if (a == "--dump-baseline")
      o.dump_baseline = value();
    else if (a == "--json")
      o.json = true;
    else if (a == "--worst")
      o.worst = static_cast<int>(number(a, value()));
    else if (a == "--min-f1")
      o.min_f1 = number(a, value());
    else if (a == "--min-headline")
      o.min_headline = number(a, value());
    else if (a == "--min-date")
      o.min_date = number(a, value());
    else
      throw UsageError("unknown argument '" + a + "'");
  }
  if (o.truth.empty()) throw UsageError("--truth is required");
  if (o.split != "dev" && o.split != "test" && o.split != "all")
    throw UsageError("--split must be dev, test or all");
  if (o.extracted.empty() && o.pages.empty())
    throw UsageError("give --extracted FILE, --pages DIR or both");
  if (!o.dump_baseline.empty() && o.pages.empty())
    throw UsageError("--dump-baseline needs --pages");
  return o;
}

/// Prints the gates missed on @p r; true when all are met.
bool gates(const Options& o, const Row& r) {
  bool ok = true;
  auto check = [&](const char* name, double got, double min) {
    if (min < 0 || got >= min) return;
    std::fprintf(stderr, "extraction_eval: gate missed on %s: %s %.3f < %.3f\n", o.split.c_str(),
                 name, got, min);
    ok = false;
  };
  check("F1", r.body.f1, o.min_f1);
  check("headline share", r.headline_share, o.min_headline);
  check("date share", r.date_share, o.min_date);
  return ok;
}

void print_worst(const std::vector<PageScore>& pages, const std::string& split, int n) {
  std::vector<PageScore> chosen;
  for (const auto& p : pages)
    if (in_split(p.id, split)) chosen.push_back(p);
  std::stable_sort(chosen.begin(), chosen.end(), [](const PageScore& a, const PageScore& b) {
    return ee::page_f1(a.m) < ee::page_f1(b.m);
  });
  std::printf("\nworst %d pages (%s, extracted):\n%-24s %6s %6s %6s\n", n, split.c_str(), "id", "P",
              "R", "F1");
  for (int i = 0; i < n && i < static_cast<int>(chosen.size()); ++i) {
    const auto& p = chosen[static_cast<size_t>(i)];
    std::printf("%-24s %6.3f %6.3f %6.3f\n", p.id.c_str(), ee::precision(p.m), ee::recall(p.m),
                ee::page_f1(p.m));
  }
}

int run(const Options& o) {
  const auto truth = read_truth(o.truth);
  std::vector<PageScore> extracted, baseline;
  if (!o.pages.empty()) {
    const auto pages = read_pages(o.pages, truth);
    if (!o.dump_baseline.empty()) dump_baseline(o.dump_baseline, pages);
    baseline = score(truth, baseline_extraction(pages));
  }
  if (!o.extracted.empty()) extracted = score(truth, read_extracted(o.extracted));
  size_t undated = 0;
  for (const auto& t : truth) undated += !t.date.empty() && !ee::truth_day(t.date);

  const char* splits[] = {"dev", "test", "all"};
  json out = {{"truth_pages", truth.size()}, {"unparsed_truth_dates", undated}};
  if (!o.json)
    std::printf("%-5s %-14s %5s %6s %6s %6s %8s %8s %s\n", "split", "extraction", "pages", "P", "R",
                "F1", "head>=.8", "headF1", "date (n dated)");
  for (const char* split : splits) {
    if (!extracted.empty()) {
      const Row r = summarise(extracted, split);
      out[split]["extracted"] = row_json(r);
      if (!o.json) print_row(split, "extracted", r);
    }
    if (!baseline.empty()) {
      const Row r = summarise(baseline, split);
      out[split]["keep_everything"] = row_json(r);
      if (!o.json) print_row(split, "keep-everything", r);
    }
  }
  if (o.json)
    std::cout << out.dump(2) << '\n';
  else
    std::printf("truth dates not parsed: %zu\n", undated);
  if (o.worst > 0 && !extracted.empty() && !o.json) print_worst(extracted, o.split, o.worst);

  if (o.min_f1 < 0 && o.min_headline < 0 && o.min_date < 0) return 0;
  if (extracted.empty()) throw UsageError("gates need --extracted");
  return gates(o, summarise(extracted, o.split)) ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(parse(argc, argv));
  } catch (const UsageError& e) {
    std::fprintf(stderr, "extraction_eval: %s\n%s", e.what(), kUsage);
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "extraction_eval: %s\n", e.what());
    return 2;
  }
}
