#include "indexer/progress.h"

#include <cstdio>

namespace newsearch {

Progress::Progress(bool enabled, std::uint64_t total_bytes)
    : enabled_(enabled), total_(total_bytes), start_(std::chrono::steady_clock::now()), last_() {}

void Progress::update(std::size_t articles, std::uint64_t input_bytes) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::milliseconds(200)) return;
  last_ = now;
  const double secs = std::chrono::duration<double>(now - start_).count();
  const double mb = static_cast<double>(input_bytes) / 1e6;
  const double rate = secs > 0 ? mb / secs : 0.0;
  std::fprintf(stderr, "\r\x1b[K%zu articles  %.1f MB read  %.1f MB/s", articles, mb, rate);
  if (total_ > 0 && input_bytes > 0 && input_bytes <= total_ && secs >= 1.0) {
    const double left = secs * static_cast<double>(total_ - input_bytes) / static_cast<double>(input_bytes);
    std::fprintf(stderr, "  %.0f%%  ETA %dm%02ds", 100.0 * static_cast<double>(input_bytes) / static_cast<double>(total_),
                 static_cast<int>(left) / 60, static_cast<int>(left) % 60);
  }
  std::fflush(stderr);
  drawn_ = true;
}

void Progress::finish() {
  if (drawn_) std::fprintf(stderr, "\r\x1b[K");
  drawn_ = false;
}

}  // namespace newsearch
