#include "indexer/indexer.h"

#include <spdlog/spdlog.h>

#include <chrono>

#include "indexer/article_reader.h"
#include "indexer/index_writer.h"
#include "indexer/source_walker.h"

namespace newsearch {
namespace {

void count(IndexStats& stats, IndexWriter::Outcome outcome) {
  switch (outcome) {
    case IndexWriter::Outcome::kAdded: ++stats.added; break;
    case IndexWriter::Outcome::kUpdated: ++stats.updated; break;
    case IndexWriter::Outcome::kUnchanged: ++stats.unchanged; break;
  }
}

}  // namespace

IndexStats run_indexer(const IndexerOptions& opt) {
  const auto start = std::chrono::steady_clock::now();
  spdlog::logger* log = opt.logger.get();
  IndexStats stats;
  auto on_error = [&](const std::string& path, const std::string& reason) {
    ++stats.skipped;
    if (log) log->warn("skipping {}: {}", path, reason);
  };
  // Sources are listed before the index is opened: a missing SOURCE must not
  // touch the index at all.
  const std::vector<SourceFile> files = find_sources(opt.sources, on_error);
  Analyzer analyzer;
  IndexWriter writer(opt.db_path, analyzer);
  std::size_t pending = 0;
  for (const SourceFile& f : files) {
    ++stats.found;
    try {
      const Article article = read_text_article(f.path, f.id, opt.max_file_bytes);
      count(stats, writer.put(article));
      stats.bytes += article.title.size();
      for (const auto& p : article.paragraphs) stats.bytes += p.size();
    } catch (const InputError& e) {
      on_error(f.path, e.what());
      continue;
    }
    if (++pending >= opt.batch_size) {
      writer.commit();
      pending = 0;
      if (log) log->debug("committed; {} articles so far", stats.indexed());
    }
  }
  writer.commit();
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return stats;
}

}  // namespace newsearch
