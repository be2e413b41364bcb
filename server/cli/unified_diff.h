// A unified diff of two texts, line by line (Myers' algorithm), as `diff -u` prints it: `---` and
// `+++` headers, `@@ -l,n +l,n @@` hunks with context lines, and "\ No newline at end of file"
// after a last line that has no line break.
#pragma once

#include <string>
#include <string_view>

namespace dfls::cli {

// Empty when the texts are equal.
std::string unified_diff(std::string_view old_text, std::string_view new_text,
                         std::string_view old_name, std::string_view new_name, size_t context = 3);

}  // namespace dfls::cli
