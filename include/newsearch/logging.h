/** @file logging.h
 *  @brief How the library hands its log records to the application.
 *
 *  The library logs nothing unless the application passes a callback in an
 *  options struct (SearchOptions::log, IndexWriterOptions::log,
 *  IndexerOptions::log). It never writes to stdout/stderr itself and never
 *  touches global logging state, so it can live inside any application's
 *  logging setup (spdlog, syslog, journald, a GUI console, ...).
 */
#pragma once

#include <functional>
#include <string_view>

#include "newsearch/export.h"

namespace newsearch {

/// Severity of a log record, most verbose first.
enum class LogLevel { kTrace, kDebug, kInfo, kWarn, kError, kOff };

/** Receives one log record: its level and one line of text (no newline).
 *  It is called from whichever thread is calling into the library; the
 *  calls made for one Searcher or writer are serialised (never two at
 *  once). Exceptions it throws are swallowed. It must not call back into
 *  the object that is logging.
 */
using LogCallback = std::function<void(LogLevel level, std::string_view message)>;

/// Where log records go, and from which level on. An empty callback (the
/// default) means silence.
struct LogOptions {
  LogCallback callback;
  /// Records below this level are not formatted at all (cheap to filter).
  LogLevel level = LogLevel::kInfo;
};

/// Stable lower-case name of a level ("trace", "debug", "info", "warn",
/// "error", "off").
NEWSEARCH_API const char* log_level_name(LogLevel level) noexcept;

}  // namespace newsearch
