#include <catch2/catch.hpp>

#include "searcher/boundary/log_levels.h"

using newsearch::LogLevel;
namespace level = spdlog::level;

TEST_CASE("log levels: each LogLevel maps to its spdlog level and back", "[boundary][log]") {
  const std::pair<LogLevel, level::level_enum> pairs[] = {
      {LogLevel::kTrace, level::trace}, {LogLevel::kDebug, level::debug},
      {LogLevel::kInfo, level::info},   {LogLevel::kWarn, level::warn},
      {LogLevel::kError, level::err},   {LogLevel::kOff, level::off}};
  for (const auto& [ours, theirs] : pairs) {
    CAPTURE(newsearch::log_level_name(ours));
    CHECK(newsearch::to_spdlog_level(ours) == theirs);
    CHECK(newsearch::from_spdlog_level(theirs) == ours);
  }
  CHECK(newsearch::from_spdlog_level(level::critical) == LogLevel::kError);
}
