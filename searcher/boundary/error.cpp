// newsearch/error.h: the one error type of the public API.
#include "newsearch/error.h"

namespace newsearch {

// The key function: Error's vtable and type info live in the library.
Error::~Error() = default;

const char* error_code_name(ErrorCode code) noexcept {
  switch (code) {
    case ErrorCode::kInvalidArgument: return "invalid-argument";
    case ErrorCode::kQuerySyntax: return "query-syntax";
    case ErrorCode::kNotFound: return "not-found";
    case ErrorCode::kIOError: return "io-error";
    case ErrorCode::kCorruption: return "corruption";
    case ErrorCode::kSchemaMismatch: return "schema-mismatch";
    case ErrorCode::kLocked: return "locked";
    case ErrorCode::kInternal: return "internal";
  }
  return "unknown";
}

}  // namespace newsearch
