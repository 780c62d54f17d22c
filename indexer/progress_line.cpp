#include "indexer/progress_line.h"

namespace newsearch::cli {

void ProgressLine::update(const IndexProgress& progress) {
  if (progress.finished) return finish();
  if (!started_) {
    started_ = true;
    start_ = std::chrono::steady_clock::now();
    return;
  }
  draw(progress);
}

void ProgressLine::draw(const IndexProgress& progress) {
  const std::size_t articles = progress.articles;
  const std::uint64_t input_bytes = progress.bytes_read, total = progress.total_bytes;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::milliseconds(200)) return;
  last_ = now;
  const double secs = std::chrono::duration<double>(now - start_).count();
  const double mb = static_cast<double>(input_bytes) / 1e6;
  const double rate = secs > 0 ? mb / secs : 0.0;
  std::fprintf(out_, "\r\x1b[K%zu articles  %.1f MB read  %.1f MB/s", articles, mb, rate);
  if (total > 0 && input_bytes > 0 && input_bytes <= total && secs >= 1.0) {
    const double left =
        secs * static_cast<double>(total - input_bytes) / static_cast<double>(input_bytes);
    std::fprintf(out_, "  %.0f%%  ETA %dm%02ds",
                 100.0 * static_cast<double>(input_bytes) / static_cast<double>(total),
                 static_cast<int>(left) / 60, static_cast<int>(left) % 60);
  }
  std::fflush(out_);
  drawn_ = true;
}

void ProgressLine::finish() {
  if (drawn_) std::fprintf(out_, "\r\x1b[K");
  drawn_ = false;
}

}  // namespace newsearch::cli
