// newsearch/version.h: the library's version, as compiled.
#include "newsearch/version.h"

namespace newsearch {

#define NEWSEARCH_STR2(x) #x
#define NEWSEARCH_STR(x) NEWSEARCH_STR2(x)

Version version() noexcept {
  return {NEWSEARCH_VERSION_MAJOR, NEWSEARCH_VERSION_MINOR, NEWSEARCH_VERSION_PATCH};
}

const char* version_string() noexcept {
  return NEWSEARCH_STR(NEWSEARCH_VERSION_MAJOR) "." NEWSEARCH_STR(
      NEWSEARCH_VERSION_MINOR) "." NEWSEARCH_STR(NEWSEARCH_VERSION_PATCH);
}

}  // namespace newsearch
