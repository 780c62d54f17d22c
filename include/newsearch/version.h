/** @file version.h
 *  @brief Library version, for compile-time and run-time checks.
 */
#pragma once

#define NEWSEARCH_VERSION_MAJOR 0
#define NEWSEARCH_VERSION_MINOR 1
#define NEWSEARCH_VERSION_PATCH 0

namespace newsearch {

/// The version of the linked library, e.g. "0.1.0".
const char* version_string() noexcept;

}  // namespace newsearch
