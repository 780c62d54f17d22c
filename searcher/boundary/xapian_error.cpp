#include "searcher/boundary/xapian_error.h"

#include <xapian.h>

#include <map>

namespace newsearch {

Error translate_xapian_error(const Xapian::Error& e, const std::string& context) {
  // Xapian::Error is not polymorphic in 1.4; its type name is the stable key.
  static const std::map<std::string, ErrorCode> kCodes = {
      {"DatabaseLockError", ErrorCode::kLocked},
      {"DatabaseNotFoundError", ErrorCode::kNotFound},
      {"DatabaseCorruptError", ErrorCode::kCorruption},
      {"DatabaseVersionError", ErrorCode::kSchemaMismatch},
      {"DatabaseOpeningError", ErrorCode::kCorruption},
      {"DatabaseError", ErrorCode::kIOError},
      {"DatabaseModifiedError", ErrorCode::kIOError},
      {"InvalidArgumentError", ErrorCode::kInvalidArgument},
      {"RangeError", ErrorCode::kInvalidArgument}};
  const auto it = kCodes.find(e.get_type());
  const ErrorCode code = it == kCodes.end() ? ErrorCode::kInternal : it->second;
  std::string msg = context + ": " + e.get_type() + ": " + e.get_msg();
  if (!e.get_error_string() || !*e.get_error_string()) return Error(code, msg);
  return Error(code, msg + " (" + e.get_error_string() + ")");
}

}  // namespace newsearch
