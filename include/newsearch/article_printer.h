/** @file article_printer.h
 *  @brief Read sources the way the indexer does, without an index: what
 *  `indexer --print` does, as a library call.
 */
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "newsearch/export.h"
#include "newsearch/logging.h"

namespace newsearch {

/// Options of print_articles().
struct PrintOptions {
  /// Directories (searched recursively for *.txt, *.jsonl, *.jsonl.gz) and
  /// files, as IndexerOptions::sources.
  std::vector<std::string> sources;
  /// Files (and JSONL lines) larger than this are skipped and counted, as
  /// IndexerOptions::max_file_bytes.
  std::size_t max_file_bytes = 32u << 20;
  /// As IndexerOptions::default_language.
  std::string default_language = "en";
  /// Receives each article as one line of JSON (UTF-8, no newline; fields
  /// in docs/indexing.md, "Printing articles"), in the order the indexer
  /// reads them. Must be set. C0 controls are JSON escapes; DEL and C1
  /// controls, which JSON allows raw and only an id can hold (text fields
  /// are cleaned), are left to the caller: `indexer --print` escapes them
  /// before they reach a terminal.
  std::function<void(const std::string& json_line)> on_article;
  /// Warnings (one per skipped record) and errors, as IndexerOptions::log.
  LogOptions log;
};

/// What print_articles() read.
struct PrintStats {
  std::size_t printed = 0;  ///< articles handed to on_article
  std::size_t skipped = 0;  ///< bad records (logged one by one)
  std::size_t errors = 0;   ///< unreadable sources
};

/** Reads every record of options.sources through the indexer's own readers
 *  (the same files, parsing, cleaning and skip rules as run_indexer(),
 *  duplicate ids included) and hands each article to options.on_article.
 *  Never opens or creates an index.
 *  @throws Error(kNotFound) for a missing SOURCE (before anything is
 *    printed); Error(kInvalidArgument) without on_article or SOURCE.
 */
NEWSEARCH_API PrintStats print_articles(const PrintOptions& options);

}  // namespace newsearch
