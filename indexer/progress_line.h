// The `indexer` program's live progress line on stderr for interactive runs,
// drawn from run_indexer()'s progress calls (IndexerOptions::on_progress).
// Part of the program, not the library: the library never prints.
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>

#include "newsearch/indexer.h"

namespace newsearch::cli {

/// Redraws "\r<articles> articles  <MB> MB read  <rate> MB/s  <pct>%  ETA <t>"
/// at most five times a second, and clears it when the run has read all its
/// input. The first call of a run (before any input is read) starts the
/// clock the rate and ETA are measured by, and draws nothing.
class ProgressLine {
 public:
  explicit ProgressLine(std::FILE* out = stderr) : out_(out) {}

  /// What IndexerOptions::on_progress calls.
  void update(const IndexProgress& progress);

 private:
  void draw(const IndexProgress& progress);
  void finish();

  std::FILE* out_;
  bool started_ = false;
  std::chrono::steady_clock::time_point start_, last_;
  bool drawn_ = false;
};

}  // namespace newsearch::cli
