// A live progress line on stderr for interactive runs.
#pragma once

#include <chrono>
#include <cstdint>
#include <cstddef>

namespace newsearch {

/// Redraws "\r<articles> articles  <MB> MB  <rate> MB/s  ETA <t>" at most
/// five times a second. Disabled instances print nothing at all (cron,
/// redirected output).
class Progress {
 public:
  /// @param total_bytes size of all input files, 0 if unknown (no ETA).
  Progress(bool enabled, std::uint64_t total_bytes);

  /// @param input_bytes input consumed so far (compressed bytes for .gz).
  void update(std::size_t articles, std::uint64_t input_bytes);

  /// Clears the line.
  void finish();

 private:
  bool enabled_;
  std::uint64_t total_;
  std::chrono::steady_clock::time_point start_, last_;
  bool drawn_ = false;
};

}  // namespace newsearch
