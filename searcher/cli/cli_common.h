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

namespace newsearch::cli {

/// Accepted values of --log-level.
inline const std::map<std::string, spdlog::level::level_enum> kLogLevels = {
    {"trace", spdlog::level::trace}, {"debug", spdlog::level::debug},
    {"info", spdlog::level::info},   {"warn", spdlog::level::warn},
    {"error", spdlog::level::err},   {"off", spdlog::level::off}};

/// Adds --log-level to @p app, storing into @p level.
inline void add_log_level_flag(CLI::App& app, std::string& level) {
  app.add_option("--log-level", level, "Diagnostics on stderr: trace, debug, info, warn, error, off")
      ->check(CLI::IsMember(kLogLevels))
      ->capture_default_str();
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

}  // namespace newsearch::cli
