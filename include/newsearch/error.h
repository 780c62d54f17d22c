/** @file error.h
 *  @brief The one exception type the newsearch libraries throw.
 *
 *  Xapian and ICU errors are translated into newsearch::Error at the library
 *  boundary, so callers catch a single type (it derives from
 *  std::runtime_error, unlike Xapian::Error).
 */
#pragma once

#include <stdexcept>
#include <string>

#include "newsearch/export.h"

namespace newsearch {

/// What went wrong, coarse enough to map onto exit statuses and HTTP codes.
enum class ErrorCode {
  kInvalidArgument,  ///< a bad option value or an empty/unsupported input
  kQuerySyntax,      ///< the query string could not be parsed
  kNotFound,         ///< the index (or a source) does not exist
  kIOError,          ///< reading or writing files failed
  kCorruption,       ///< the index exists but cannot be read
  kSchemaMismatch,   ///< the index was written by an incompatible version
  kLocked,           ///< another process holds the index's write lock
  kInternal,         ///< a bug or an unexpected library failure
};

/// Short stable name of a code ("query-syntax", "not-found", ...), for logs.
NEWSEARCH_API const char* error_code_name(ErrorCode code) noexcept;

/** An error raised by newsearch. what() is one human-readable line.
 *  @since 0.1.0
 */
class NEWSEARCH_API Error : public std::runtime_error {
 public:
  Error(ErrorCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  ~Error() override;

  /// The category of the failure.
  ErrorCode code() const noexcept { return code_; }

 private:
  ErrorCode code_;
};

}  // namespace newsearch
