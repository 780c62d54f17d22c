// The one mapping between the public LogLevel (include/newsearch/logging.h)
// and spdlog's levels: the library's log bridge hands records to the
// application's callback through it, and the programs' callbacks hand them
// back to their spdlog sinks. Inline and header-only, so that the programs,
// which link the library's public API only, use it too.
#pragma once

#include <spdlog/common.h>

#include "newsearch/logging.h"

namespace newsearch {

/// The spdlog level of a LogLevel.
inline spdlog::level::level_enum to_spdlog_level(LogLevel level) noexcept {
  switch (level) {
    case LogLevel::kTrace: return spdlog::level::trace;
    case LogLevel::kDebug: return spdlog::level::debug;
    case LogLevel::kInfo: return spdlog::level::info;
    case LogLevel::kWarn: return spdlog::level::warn;
    case LogLevel::kError: return spdlog::level::err;
    case LogLevel::kOff: break;
  }
  return spdlog::level::off;
}

/// The LogLevel of an spdlog level (critical is kError).
inline LogLevel from_spdlog_level(spdlog::level::level_enum level) noexcept {
  switch (level) {
    case spdlog::level::trace: return LogLevel::kTrace;
    case spdlog::level::debug: return LogLevel::kDebug;
    case spdlog::level::info: return LogLevel::kInfo;
    case spdlog::level::warn: return LogLevel::kWarn;
    case spdlog::level::err:
    case spdlog::level::critical: return LogLevel::kError;
    default: return LogLevel::kOff;
  }
}

}  // namespace newsearch
