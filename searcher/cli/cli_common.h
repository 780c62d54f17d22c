// Flag handling shared by the `search` and `indexer` mains: logging setup
// and the error → exit status mapping. Header-only; not installed.
#pragma once

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <map>
#include <memory>
#include <string>

#include "newsearch/logging.h"
#include "searcher/boundary/log_levels.h"

namespace newsearch::cli {

/// Accepted values of --log-level.
inline const std::map<std::string, spdlog::level::level_enum> kLogLevels = {
    {"trace", spdlog::level::trace}, {"debug", spdlog::level::debug}, {"info", spdlog::level::info},
    {"warn", spdlog::level::warn},   {"error", spdlog::level::err},   {"off", spdlog::level::off}};

/// Adds --log-level to @p app, storing into @p level.
inline void add_log_level_flag(CLI::App& app, std::string& level) {
  app.add_option("--log-level", level,
                 "Diagnostics on stderr: trace, debug, info, warn, error, off")
      ->check(CLI::IsMember(kLogLevels))
      ->capture_default_str();
}

/// Adds --db to @p app, storing into @p path. An empty value is refused: it
/// would otherwise silently mean the default index (say, an unset variable
/// in `--db "$INDEX"` under cron writing into someone's home).
inline void add_db_flag(CLI::App& app, std::string& path) {
  app.add_option("--db", path, "Index directory (default: see below)")
      ->check([](const std::string& v) {
        return v.empty() ? std::string("--db needs a path (leave --db out for the default index)")
                         : std::string();
      });
}

/// A logger writing to stderr (coloured only when stderr is a terminal) at
/// @p level and, if @p log_file is not empty, to that file, rotated at 10 MiB
/// keeping 5, at @p level or info, whichever is more verbose (so a quiet
/// console under cron still leaves a full record in the file).
/// @throws spdlog::spdlog_ex if the log file cannot be opened.
inline std::shared_ptr<spdlog::logger> make_logger(const std::string& name,
                                                   const std::string& level,
                                                   const std::string& log_file = {}) {
  auto console = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
  console->set_pattern("%n: %^%l%$: %v");
  console->set_level(kLogLevels.at(level));
  std::vector<spdlog::sink_ptr> sinks{console};
  if (!log_file.empty()) {
    auto file = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(log_file, 10u << 20, 5);
    file->set_pattern("[%Y-%m-%d %H:%M:%S.%e] [%n] [pid %P] [%l] %v");
    file->set_level(std::min(kLogLevels.at(level), spdlog::level::info));
    sinks.push_back(file);
  }
  auto logger = std::make_shared<spdlog::logger>(name, sinks.begin(), sinks.end());
  logger->set_level(spdlog::level::trace);  // the sinks filter
  logger->flush_on(spdlog::level::info);
  return logger;
}

/// The most verbose level any sink of make_logger(name, level, log_file)
/// records: what the library needs to format at all.
inline spdlog::level::level_enum recorded_level(const std::string& level,
                                                const std::string& log_file) {
  const auto console = kLogLevels.at(level);
  return log_file.empty() ? console : std::min(console, spdlog::level::info);
}

/// LogOptions handing the library's records to @p logger, from @p level on.
inline LogOptions forward_to(std::shared_ptr<spdlog::logger> logger,
                             spdlog::level::level_enum level) {
  LogOptions out;
  out.level = from_spdlog_level(level);
  out.callback = [logger = std::move(logger)](LogLevel l, std::string_view message) {
    logger->log(to_spdlog_level(l), message);
  };
  return out;
}

}  // namespace newsearch::cli
