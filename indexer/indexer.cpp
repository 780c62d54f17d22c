#include "newsearch/indexer.h"

#include <spdlog/spdlog.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <thread>
#include <unordered_set>

#include "indexer/article_reader.h"
#include "indexer/date_check.h"
#include "indexer/document_builder.h"
#include "indexer/index_store.h"
#include "indexer/jsonl_reader.h"
#include "indexer/language_choice.h"
#include "indexer/shard_builder.h"
#include "indexer/source_walker.h"
#include "indexer/template_lines.h"
#include "indexer/terminate_guard.h"
#include "newsearch/error.h"
#include "searcher/boundary/log_bridge.h"
#include "searcher/format/source_term.h"

namespace newsearch {
namespace {

// What one SOURCE yielded in this run; decides whether it may be pruned.
struct RootState {
  std::unordered_set<std::string> seen;  // id terms of records found (good or not)
  std::size_t records = 0;
  bool had_errors = false;
};

std::uint64_t file_size(const SourceFile& f) {
  std::error_code ec;
  const auto n = std::filesystem::file_size(f.path, ec);
  return ec ? 0 : n;
}

std::uint64_t total_size(const std::vector<SourceFile>& files) {
  std::uint64_t total = 0;
  for (const auto& f : files) total += file_size(f);
  return total;
}

class IndexRun {
 public:
  explicit IndexRun(const IndexerOptions& opt)
      : opt_(opt),
        logger_(make_library_logger("newsearch.indexer", opt.log)),
        log_(logger_.get()),
        terminate_guard_(opt.db_path, log_) {}

  IndexStats run() {
    const auto start = std::chrono::steady_clock::now();
    // Sources are listed before the index is opened: a missing SOURCE must
    // not touch the index at all.
    check_target();
    std::vector<SourceFile> files;
    for (const auto& s : opt_.sources) list_source(s, files);
    writer_.emplace(opt_.db_path, Analyzer(AnalyzerOptions{opt_.default_language}));
    writer_->set_min_free_bytes(opt_.min_free_bytes);
    templates_.emplace(
        TemplateLines::Index{[this](const std::string& t) { return writer_->term_frequency(t); },
                             [this](const std::string& t) { return writer_->ids_with(t); }});
    const std::uint64_t input_bytes = total_size(files);
    maybe_build_in_parallel(input_bytes);
    total_bytes_ = input_bytes;
    report_progress(false);
    for (const SourceFile& f : files) {
      index_file(f);
      done_bytes_ += file_size(f);
    }
    report_progress(true);
    if (shards_) merge_shards();
    if (log_ && revised_ > 0)
      log_->info("{} articles revised for template lines learned in this run", revised_);
    prune_roots();
    writer_->commit();  // with the statistics of the final state
    if (!stats_.compacted) maybe_compact();
    stats_.articles = writer_->article_count();
    stats_.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return stats_;
  }

 private:
  // Options are checked, and a run that only compacts needs an index to
  // compact, before anything is created.
  void check_target() const {
    if (opt_.db_path.empty())
      throw Error(ErrorCode::kInvalidArgument, "no index path given (IndexerOptions::db_path)");
    // Written so that NaN fails too (every comparison with it is false).
    if (!(opt_.compact_threshold >= 0.0 && opt_.compact_threshold <= 1.0))
      throw Error(
          ErrorCode::kInvalidArgument,
          "compact threshold must be a number from 0 to 1 (IndexerOptions::compact_threshold)");
    if (opt_.batch_size == 0)
      throw Error(ErrorCode::kInvalidArgument,
                  "batch size must be at least 1 (IndexerOptions::batch_size)");
    if (opt_.sources.empty() && !has_index_layout(opt_.db_path))
      throw Error(ErrorCode::kNotFound, "no index at '" + opt_.db_path + "' to compact");
  }

  void list_source(const std::string& source, std::vector<SourceFile>& files) {
    RootState& root = roots_[source_root_key(source)];
    const auto found = find_sources(
        {source},
        [&](const std::string& path, const std::string& why) {
          root.had_errors = true;
          error(path, why);
        },
        [&](const std::string& path, const std::string& why) { skip(path, why); });
    files.insert(files.end(), found.begin(), found.end());
  }

  // Paths and ids are logged as printable_path()s: a file name may hold
  // newlines or escape sequences.
  void skip(const std::string& where, const std::string& why) {
    ++stats_.skipped;
    if (log_) log_->warn("skipping {}: {}", printable_path(where), why);
  }

  void error(const std::string& where, const std::string& why) {
    ++stats_.errors;
    if (log_) log_->error("cannot read {}: {}", printable_path(where), why);
  }

  void index_file(const SourceFile& f) {
    if (is_jsonl_path(f.path))
      index_jsonl(f);
    else
      index_text(f);
  }

  void index_text(const SourceFile& f) {
    RootState& root = roots_[f.root];
    ++stats_.found;
    ++root.records;
    if (!first_in_run(f.id, f.path)) return;
    root.seen.insert(id_term(f.id));  // a bad file keeps its old version
    std::string bytes;
    try {
      bytes = read_source_file(f.path, opt_.max_file_bytes);
    } catch (const InputError& e) {
      return skip(f.path, e.what());
    }
    stats_.bytes += bytes.size();
    if (writer_->unchanged(f.id, content_hash(bytes), f.root)) return count_unchanged();
    try {
      store(parse_text_article(bytes, f.id, f.path, {&*templates_, f.root}), f.root);
    } catch (const InputError& e) {
      skip(f.path, e.what());
    }
  }

  void index_jsonl(const SourceFile& f) {
    RootState& root = roots_[f.root];
    std::size_t records = 0;
    try {
      JsonlReader reader(f.path, opt_.max_file_bytes);
      std::string line;
      while (reader.next_line(line)) {
        stats_.bytes += line.size();
        in_file_ = reader.file_offset();
        show_progress();
        if (line.find_first_not_of(" \t") == std::string::npos) continue;
        ++stats_.found;
        ++root.records;
        ++records;
        index_jsonl_line(f, reader, line, root);
      }
      // Like an empty .txt file, said; and as for a bad line, the articles
      // it held are unknown, so its SOURCE is not pruned in this run.
      if (records == 0) {
        root.had_errors = true;
        skip(f.path, "empty file (no JSON Lines records)");
      }
    } catch (const InputError& e) {
      root.had_errors = true;
      error(f.path, e.what());
    }
    in_file_ = 0;
  }

  void index_jsonl_line(const SourceFile& f, const JsonlReader& reader, const std::string& line,
                        RootState& root) {
    const std::string where = f.path + ":" + std::to_string(reader.line_number());
    // A bad line's id is unknown, so the article it held cannot be kept
    // apart from vanished ones: its source is not pruned in this run.
    if (reader.too_long()) {
      root.had_errors = true;
      return skip(where, "line longer than the size limit (see --max-file-mb)");
    }
    try {
      const JsonlRecord record = parse_jsonl_record(line);
      if (!first_in_run(record.id, where)) return;
      root.seen.insert(id_term(record.id));
      if (writer_->unchanged(record.id, record.hash, f.root)) return count_unchanged();
      SourceRecord article = jsonl_article(record, f.path, {&*templates_, f.root});
      drop_if_bad_date(article, where);
      drop_if_bad_language(article, where);
      warn_if_unfilterable(article, where);
      store(std::move(article), f.root);
    } catch (const InputError& e) {
      root.had_errors = true;
      skip(where, e.what());
    }
  }

  // A date that is not ISO 8601 is dropped, said once and counted; the
  // article is indexed undated (date_check.h).
  void drop_if_bad_date(SourceRecord& a, const std::string& where) {
    const std::optional<std::string> bad = drop_bad_date(a);
    if (!bad) return;
    ++stats_.bad_dates;
    if (log_) log_->warn("{}: {}", printable_path(where), bad_date_message(*bad));
  }

  // A lang that names no language is dropped, said once and counted; the
  // article's language is detected (language_choice.h).
  void drop_if_bad_language(SourceRecord& a, const std::string& where) {
    const std::optional<std::string> bad = drop_bad_language(a);
    if (!bad) return;
    ++stats_.bad_languages;
    if (log_) log_->warn("{}: {}", printable_path(where), bad_language_message(*bad));
  }

  // An article whose publisher name no --source can name is indexed, and
  // said (source_term.h).
  void warn_if_unfilterable(const SourceRecord& a, const std::string& where) {
    if (log_ && !a.source.empty() && source_term(writer_->analyzer(), a.source).empty())
      log_->warn("{}: source '{}' has no letters or digits: no --source can select it",
                 printable_path(where), a.source);
  }

  void show_progress() { report_progress(false); }

  void report_progress(bool finished) {
    if (opt_.on_progress)
      opt_.on_progress({stats_.indexed(), done_bytes_ + in_file_, total_bytes_, finished});
  }

  // Ids are unique in an index: a second record with an id already read in
  // this run is skipped (and reported), so the first one wins every run.
  bool first_in_run(const std::string& id, const std::string& where) {
    if (run_ids_.insert(id_term(id)).second) return true;
    skip(where, "duplicate id '" + printable_path(id) + "' (an earlier record in this run has it)");
    return false;
  }

  void count_unchanged() {
    ++stats_.unchanged;
    show_progress();
  }

  // A fresh index from enough input is built by parallel shards.
  void maybe_build_in_parallel(std::uint64_t input_bytes) {
    std::size_t threads = opt_.threads;
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    if (threads < 2 || input_bytes < opt_.parallel_min_bytes || writer_->article_count() > 0)
      return;
    if (log_) log_->info("building a fresh index on {} threads", threads);
    shards_.emplace(*writer_, threads, opt_.batch_size);
  }

  void merge_shards() {
    if (log_) log_->info("merging shards ({} articles)", stats_.added);
    revised_ += shards_->finish(
        templates_->take_due(),
        [this](SourceRecord& a, const std::string& root) { return drop_templates(a, root); });
    shards_.reset();
    stats_.compacted = true;  // the merge writes a compact index
  }

  void store(SourceRecord a, const std::string& root) {
    if (shards_) {
      shards_->add(std::move(a), root);
      ++stats_.added;
      return show_progress();
    }
    switch (writer_->put(a, root)) {
      case IndexStore::Outcome::kAdded: ++stats_.added; break;
      case IndexStore::Outcome::kUpdated: ++stats_.updated; break;
      case IndexStore::Outcome::kUnchanged: ++stats_.unchanged; break;
    }
    // In the same commit as the article that made a line a template line.
    revise(templates_->take_due());
    show_progress();
    if (++pending_ >= opt_.batch_size) {
      writer_->commit();
      pending_ = 0;
      if (log_) log_->debug("committed; {} articles so far", stats_.indexed());
    }
  }

  // Articles read before a line of theirs became a template line lose it
  // (template_lines.h), from their stored record.
  void revise(const std::vector<std::string>& ids) {
    for (const std::string& id : ids) {
      auto stored = writer_->stored(id);
      if (!stored) continue;  // deleted or replaced meanwhile
      auto& [article, root] = *stored;
      if (!drop_templates(article, root)) continue;
      writer_->revise(article, root);
      ++revised_;
    }
  }

  bool drop_templates(SourceRecord& article, const std::string& root) {
    return drop_template_lines(article, *templates_, template_key(article, root));
  }

  void prune_roots() {
    if (!opt_.prune) return;
    for (const auto& [key, root] : roots_) {
      if (root.had_errors) {  // said only where there is something to keep
        if (log_ && writer_->root_count(key) > 0)
          log_->warn("not pruning {}: it had read errors", key);
      } else if (root.records == 0) {
        if (log_ && writer_->root_count(key) > 0)
          log_->warn("not pruning {}: it holds no articles now (unmounted?)", key);
      } else {
        stats_.deleted += writer_->prune(key, root.seen);
      }
    }
  }

  void maybe_compact() {
    const std::size_t changed = stats_.added + stats_.updated + stats_.deleted;
    const double share = static_cast<double>(changed) /
                         static_cast<double>(std::max<std::size_t>(writer_->article_count(), 1));
    if (!opt_.compact &&
        (opt_.compact_threshold <= 0 || changed == 0 || share < opt_.compact_threshold))
      return;
    if (log_)
      log_->info("compacting the index ({} of {} articles changed)", changed,
                 writer_->article_count());
    writer_->compact();
    stats_.compacted = true;
  }

  const IndexerOptions& opt_;
  std::shared_ptr<spdlog::logger> logger_;  // null: silent
  spdlog::logger* log_;
  // Before the writers: a commit that libxapian ends in std::terminate (a
  // full disk) becomes a clean error exit, also in their destructors.
  TerminateGuard terminate_guard_;
  std::optional<IndexStore> writer_;
  std::optional<TemplateLines> templates_;  // counts lines per source (template_lines.h)
  std::optional<ShardBuilder> shards_;      // a fresh build in parallel; before writer_ dies
  std::map<std::string, RootState> roots_;
  std::unordered_set<std::string> run_ids_;  // id terms read in this run
  IndexStats stats_;
  std::uint64_t total_bytes_ = 0;  // input bytes of all files (IndexProgress)
  std::uint64_t done_bytes_ = 0;   // input bytes of the files finished
  std::uint64_t in_file_ = 0;      // bytes consumed of the file being read
  std::size_t pending_ = 0;
  std::size_t revised_ = 0;  // articles revised for template lines
};

}  // namespace

IndexStats run_indexer(const IndexerOptions& options) { return IndexRun(options).run(); }

}  // namespace newsearch
