#include "searcher/boundary/log_bridge.h"

#include <spdlog/sinks/base_sink.h>

#include <mutex>

namespace newsearch {
namespace {

// Hands the unformatted message to the callback; the application formats
// (timestamps, names) its own way. base_sink's mutex serialises the calls.
class CallbackSink final : public spdlog::sinks::base_sink<std::mutex> {
 public:
  explicit CallbackSink(LogCallback callback) : callback_(std::move(callback)) {}

 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    try {
      callback_(from_spdlog_level(msg.level),
                std::string_view(msg.payload.data(), msg.payload.size()));
    } catch (...) {
      // The contract: a throwing callback loses its record, nothing else.
    }
  }
  void flush_() override {}

 private:
  LogCallback callback_;
};

}  // namespace

const char* log_level_name(LogLevel level) noexcept {
  switch (level) {
    case LogLevel::kTrace: return "trace";
    case LogLevel::kDebug: return "debug";
    case LogLevel::kInfo: return "info";
    case LogLevel::kWarn: return "warn";
    case LogLevel::kError: return "error";
    case LogLevel::kOff: break;
  }
  return "off";
}

std::shared_ptr<spdlog::logger> make_library_logger(const std::string& name,
                                                    const LogOptions& log) {
  if (!log.callback || log.level == LogLevel::kOff) return nullptr;
  auto logger =
      std::make_shared<spdlog::logger>(name, std::make_shared<CallbackSink>(log.callback));
  logger->set_level(to_spdlog_level(log.level));
  return logger;
}

}  // namespace newsearch
