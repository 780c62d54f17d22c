#include "indexer/article_printer.h"

#include <spdlog/spdlog.h>

#include <unordered_set>

#include "indexer/article_reader.h"
#include "indexer/date_check.h"
#include "indexer/jsonl_reader.h"
#include "indexer/language_choice.h"
#include "indexer/source_walker.h"
#include "indexer/template_lines.h"
#include "newsearch/analyzer.h"
#include "newsearch/article_printer.h"
#include "newsearch/error.h"
#include "searcher/boundary/log_bridge.h"
#include "searcher/format/source_term.h"

namespace newsearch {
namespace {

void put_optional(nlohmann::ordered_json& j, const char* key, const std::string& value) {
  if (!value.empty()) j[key] = value;
}

// One run of print_articles(): the files, readers, skip rules and log lines
// of IndexRun (indexer.cpp) without the index: what is printed is what a
// run would index (before it compares content hashes with the index).
class PrintRun {
 public:
  explicit PrintRun(const PrintOptions& opt)
      : opt_(opt),
        logger_(make_library_logger("newsearch.indexer", opt.log)),
        log_(logger_.get()),
        analyzer_(AnalyzerOptions{opt.default_language}) {}

  PrintStats run() {
    if (!opt_.on_article)
      throw Error(ErrorCode::kInvalidArgument, "no article callback (PrintOptions::on_article)");
    if (opt_.sources.empty())
      throw Error(ErrorCode::kInvalidArgument, "no SOURCE to print (PrintOptions::sources)");
    // Every SOURCE is listed first: a missing one fails before any output.
    std::vector<SourceFile> files;
    for (const auto& s : opt_.sources) {
      const auto found = find_sources(
          {s}, [&](const std::string& path, const std::string& why) { error(path, why); },
          [&](const std::string& path, const std::string& why) { skip(path, why); });
      files.insert(files.end(), found.begin(), found.end());
    }
    // Two passes: the first learns the sources' template lines (as a run
    // and its revisions would), the second prints with them.
    for (const SourceFile& f : files) learn(f);
    templates_.freeze();
    for (const SourceFile& f : files) {
      if (is_jsonl_path(f.path))
        print_jsonl(f);
      else
        print_text(f);
    }
    return stats_;
  }

 private:
  void skip(const std::string& where, const std::string& why) {
    ++stats_.skipped;
    if (log_) log_->warn("skipping {}: {}", printable_path(where), why);
  }

  void error(const std::string& where, const std::string& why) {
    ++stats_.errors;
    if (log_) log_->error("cannot read {}: {}", printable_path(where), why);
  }

  // The first pass: reads what the second will print, silently (the second
  // pass says what is wrong with it), for its lines only.
  void learn(const SourceFile& f) {
    try {
      if (!is_jsonl_path(f.path)) {
        if (learned_ids_.insert(f.id).second)
          parse_text_article(read_source_file(f.path, opt_.max_file_bytes), f.id, f.path,
                             {&templates_, f.root});
        return;
      }
      JsonlReader reader(f.path, opt_.max_file_bytes);
      std::string line;
      while (reader.next_line(line)) {
        if (reader.too_long() || line.find_first_not_of(" \t") == std::string::npos) continue;
        try {
          const JsonlRecord record = parse_jsonl_record(line);
          if (learned_ids_.insert(record.id).second)
            jsonl_article(record, f.path, {&templates_, f.root});
        } catch (const InputError&) {
        }
      }
    } catch (const InputError&) {
    }
  }

  void print_text(const SourceFile& f) {
    if (!first_in_run(f.id, f.path)) return;
    try {
      emit(parse_text_article(read_source_file(f.path, opt_.max_file_bytes), f.id, f.path,
                              {&templates_, f.root}));
    } catch (const InputError& e) {
      skip(f.path, e.what());
    }
  }

  void print_jsonl(const SourceFile& f) {
    std::size_t records = 0;
    try {
      JsonlReader reader(f.path, opt_.max_file_bytes);
      std::string line;
      while (reader.next_line(line)) {
        if (line.find_first_not_of(" \t") == std::string::npos) continue;
        ++records;
        print_jsonl_line(f, reader, line);
      }
      if (records == 0) skip(f.path, "empty file (no JSON Lines records)");
    } catch (const InputError& e) {
      error(f.path, e.what());
    }
  }

  void print_jsonl_line(const SourceFile& f, const JsonlReader& reader, const std::string& line) {
    const std::string where = f.path + ":" + std::to_string(reader.line_number());
    if (reader.too_long())
      return skip(where, "line longer than the size limit (see --max-file-mb)");
    try {
      const JsonlRecord record = parse_jsonl_record(line);
      if (!first_in_run(record.id, where)) return;
      SourceRecord article = jsonl_article(record, f.path, {&templates_, f.root});
      if (const auto bad = drop_bad_date(article); bad && log_)
        log_->warn("{}: {}", printable_path(where), bad_date_message(*bad));
      if (const auto bad = drop_bad_language(article); bad && log_)
        log_->warn("{}: {}", printable_path(where), bad_language_message(*bad));
      warn_if_unfilterable(article, where);
      emit(article);
    } catch (const InputError& e) {
      skip(where, e.what());
    }
  }

  // As IndexRun::warn_if_unfilterable, with the analyzer of a new index
  // (an existing one is not opened).
  void warn_if_unfilterable(const SourceRecord& a, const std::string& where) {
    if (log_ && !a.source.empty() && source_term(analyzer_, a.source).empty())
      log_->warn("{}: source '{}' has no letters or digits: no --source can select it",
                 printable_path(where), a.source);
  }

  // As IndexRun::first_in_run: the first record with an id wins.
  bool first_in_run(const std::string& id, const std::string& where) {
    if (run_ids_.insert(id).second) return true;
    skip(where, "duplicate id '" + printable_path(id) + "' (an earlier record in this run has it)");
    return false;
  }

  // The record as it would be indexed, with its language settled.
  void emit(SourceRecord a) {
    settle_language(a, analyzer_);
    opt_.on_article(
        article_json(a).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
    ++stats_.printed;
  }

  const PrintOptions& opt_;
  std::shared_ptr<spdlog::logger> logger_;  // null: silent
  spdlog::logger* log_;
  Analyzer analyzer_;
  std::unordered_set<std::string> run_ids_;
  std::unordered_set<std::string> learned_ids_;  // of the first pass
  TemplateLines templates_{{}};                  // of the sources printed (no index)
  PrintStats stats_;
};

}  // namespace

nlohmann::ordered_json article_json(const SourceRecord& a) {
  nlohmann::ordered_json j;
  j["id"] = a.id;
  j["title"] = a.title;
  j["title_derived"] = a.title_derived;
  put_optional(j, "date", a.date);
  j["date_source"] = a.date_source;
  put_optional(j, "lang", a.lang);
  put_optional(j, "lang_source", a.lang_source);
  put_optional(j, "source", a.source);
  put_optional(j, "url", a.url);
  j["source_path"] = a.source_path;
  j["paragraphs"] = a.paragraphs;
  nlohmann::ordered_json dropped = nlohmann::ordered_json::array();
  for (const DroppedLine& d : a.dropped)
    dropped.push_back(
        {{"line", d.text}, {"class", std::string(line_class_name(d.cls))}, {"number", d.number}});
  j["dropped"] = std::move(dropped);
  return j;
}

PrintStats print_articles(const PrintOptions& options) { return PrintRun(options).run(); }

}  // namespace newsearch
