// Flag handling shared by the `search` and `indexer` mains: logging setup
// and the error → exit status mapping. Header-only; not installed.
#pragma once

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

/// A logger writing to stderr (coloured only when stderr is a terminal).
inline std::shared_ptr<spdlog::logger> make_stderr_logger(const std::string& name,
                                                          const std::string& level) {
  auto logger = spdlog::stderr_color_mt(name);
  logger->set_level(kLogLevels.at(level));
  logger->set_pattern("%n: %^%l%$: %v");
  return logger;
}

}  // namespace newsearch::cli
