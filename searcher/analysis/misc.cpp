// Small library-wide entry points: version, error names, default paths.
#include <cstdlib>

#include "newsearch/error.h"
#include "newsearch/paths.h"
#include "newsearch/version.h"

namespace newsearch {

#define NEWSEARCH_STR2(x) #x
#define NEWSEARCH_STR(x) NEWSEARCH_STR2(x)

Version version() noexcept {
  return {NEWSEARCH_VERSION_MAJOR, NEWSEARCH_VERSION_MINOR, NEWSEARCH_VERSION_PATCH};
}

const char* version_string() noexcept {
  return NEWSEARCH_STR(NEWSEARCH_VERSION_MAJOR) "." NEWSEARCH_STR(NEWSEARCH_VERSION_MINOR) "." NEWSEARCH_STR(
      NEWSEARCH_VERSION_PATCH);
}

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

std::string default_index_path() {
  const char* db = std::getenv("NEWSEARCH_DB");
  if (db && *db) return db;
  const char* xdg = std::getenv("XDG_DATA_HOME");
  if (xdg && *xdg) return std::string(xdg) + "/newsearch/index";
  const char* home = std::getenv("HOME");
  if (home && *home) return std::string(home) + "/.local/share/newsearch/index";
  throw Error(ErrorCode::kInvalidArgument,
              "no index location: set NEWSEARCH_DB or HOME, or pass --db");
}

}  // namespace newsearch
