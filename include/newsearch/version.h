/** @file version.h
 *  @brief Library version, for compile-time and run-time checks.
 *
 *  The macros are the version of the headers an application was compiled
 *  against; version() is the version of the library it runs with. Within
 *  one MAJOR.MINOR the ABI is stable (the shared library's soname is
 *  libnewsearch.so.MAJOR.MINOR). These lines are also the build's single
 *  source of the version number (CMakeLists.txt reads them).
 */
#pragma once

#include "newsearch/export.h"

#define NEWSEARCH_VERSION_MAJOR 0
#define NEWSEARCH_VERSION_MINOR 4
#define NEWSEARCH_VERSION_PATCH 0

namespace newsearch {

/// A version number.
struct Version {
  int major;
  int minor;
  int patch;
};

/// The version of the linked library.
NEWSEARCH_API Version version() noexcept;

/// The same as text, e.g. "0.3.0".
NEWSEARCH_API const char* version_string() noexcept;

}  // namespace newsearch
