/** @file newsearch.h
 *  @brief Umbrella header: the whole public API.
 *
 *  | header            | what it declares                                     |
 *  |-------------------|------------------------------------------------------|
 *  | searcher.h        | Searcher: open an index, search it (thread-safe)     |
 *  | search_options.h  | SearchOptions: paging, filters, time budget, ranking |
 *  | results.h         | SearchResults, Hit, Passage, Snippet, Highlight      |
 *  | index_writer.h    | IndexWriter: add, replace, delete articles from code |
 *  | article.h         | Article: what IndexWriter takes                      |
 *  | indexer.h         | run_indexer(): index files/directories incrementally |
 *  | analyzer.h        | Analyzer: the text analysis used everywhere          |
 *  | logging.h         | LogOptions, LogCallback: route the library's logs    |
 *  | error.h           | Error, ErrorCode: the one exception type             |
 *  | paths.h           | default_index_path()                                 |
 *  | version.h         | NEWSEARCH_VERSION_*, version()                       |
 *  | export.h          | NEWSEARCH_API (internal to the headers)              |
 */
#pragma once

#include "newsearch/analyzer.h"
#include "newsearch/article.h"
#include "newsearch/article_printer.h"
#include "newsearch/error.h"
#include "newsearch/index_writer.h"
#include "newsearch/indexer.h"
#include "newsearch/logging.h"
#include "newsearch/paths.h"
#include "newsearch/results.h"
#include "newsearch/search_options.h"
#include "newsearch/searcher.h"
#include "newsearch/version.h"
