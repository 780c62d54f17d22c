// newsearch/paths.h: where an index lives when no path is given.
#include "newsearch/paths.h"

#include <cstdlib>

#include "newsearch/error.h"

namespace newsearch {

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
