// Translation of Xapian exceptions (which do not derive from std::exception)
// into newsearch::Error, at the library boundary.
#pragma once

#include <string>

#include "newsearch/error.h"

namespace Xapian {
class Error;
}

namespace newsearch {

/// Maps a Xapian error to the matching ErrorCode, with @p context (e.g.
/// "opening index /x") prefixed to Xapian's message.
Error translate_xapian_error(const Xapian::Error& e, const std::string& context);

}  // namespace newsearch
