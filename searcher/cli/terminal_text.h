// Text from the index made safe to print on a terminal: article text, ids
// and paths may hold control characters (old indexes, file names with
// newlines or ESC), which must not move the cursor, retitle the terminal or
// fake output lines.
#pragma once

#include <string>
#include <string_view>

namespace newsearch::cli {

/// @p text with every control character made visible: C0 controls
/// (U+0000-U+001F, tab and newline included) and DEL as "\xHH", C1
/// controls (U+0080-U+009F) as "\u00HH", and each byte of invalid UTF-8
/// as "\xHH" (lower-case hex). Everything else is kept as is.
std::string visible(std::string_view text);

/// @p json (the output of nlohmann's dump(), valid UTF-8) with DEL and the
/// C1 controls, which JSON allows raw inside strings, written as \u
/// escapes: the same JSON value, and nothing a terminal acts on. (dump()
/// already escapes U+0000-U+001F.)
std::string json_without_controls(std::string_view json);

}  // namespace newsearch::cli
