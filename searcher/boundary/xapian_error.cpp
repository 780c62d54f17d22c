#include "searcher/boundary/xapian_error.h"

#include <xapian.h>

#include <string_view>

namespace newsearch {

namespace {

// A type of this file only: a std::map<std::string, ErrorCode> would be a
// std template instance of default visibility, exported by the library.
struct XapianCode {
  std::string_view type;
  ErrorCode code;
};

// Xapian::Error is not polymorphic in 1.4; its type name is the stable key.
constexpr XapianCode kCodes[] = {
    {"DatabaseLockError", ErrorCode::kLocked},
    {"DatabaseNotFoundError", ErrorCode::kNotFound},
    {"DatabaseCorruptError", ErrorCode::kCorruption},
    {"DatabaseVersionError", ErrorCode::kSchemaMismatch},
    {"DatabaseOpeningError", ErrorCode::kCorruption},
    {"DatabaseError", ErrorCode::kIOError},
    {"DatabaseModifiedError", ErrorCode::kIOError},
    {"InvalidArgumentError", ErrorCode::kInvalidArgument},
    {"RangeError", ErrorCode::kInvalidArgument},
};

ErrorCode code_of(std::string_view type) {
  for (const XapianCode& c : kCodes)
    if (c.type == type) return c.code;
  return ErrorCode::kInternal;
}

}  // namespace

Error translate_xapian_error(const Xapian::Error& e, const std::string& context) {
  const ErrorCode code = code_of(e.get_type());
  std::string msg = context + ": " + e.get_type() + ": " + e.get_msg();
  if (!e.get_error_string() || !*e.get_error_string()) return Error(code, msg);
  return Error(code, msg + " (" + e.get_error_string() + ")");
}

}  // namespace newsearch
