// Routes the library's spdlog calls to the application's LogCallback
// (include/newsearch/logging.h). Library code logs through the spdlog::logger
// made here; nothing is ever registered globally.
#pragma once

#include <spdlog/logger.h>

#include <memory>
#include <string>

#include "newsearch/logging.h"
#include "searcher/boundary/log_levels.h"

namespace newsearch {

/// A logger delivering records at or above log.level to log.callback, or
/// null when there is no callback or the level is kOff (callers test for
/// null, so a silent library formats nothing).
std::shared_ptr<spdlog::logger> make_library_logger(const std::string& name, const LogOptions& log);

}  // namespace newsearch
