// Output formats of the check command: text, json, sarif, checkstyle and gnu. Positions are
// 1-based lines and columns; columns count Unicode code points (an invalid UTF-8 byte counts as
// one), and the end column points just past the last character (as SARIF's endColumn does).
// Written by hand, with small escapers, so that the core needs no JSON or XML library.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "rules/rule.h"

namespace dfls::cli {

enum class Format { Text, Json, Sarif, Checkstyle, Gnu };
std::optional<Format> parse_format(std::string_view name);

struct Finding {
  std::string file;  // As shown to the user.
  uint32_t line = 1;
  uint32_t column = 1;
  uint32_t end_line = 1;
  uint32_t end_column = 1;
  std::string rule;
  Severity severity = Severity::Warning;
  std::string message;
  bool fixable = false;  // `--fix` would fix it (it has a safe fix).
};

// A finding for a diagnostic of a document.
Finding make_finding(std::string file, const LineIndex& lines, const Diag& diag);

// A JSON string literal, quotes included. Invalid UTF-8 becomes U+FFFD, so the output is
// always valid JSON.
std::string json_string(std::string_view s);
// Text for XML attribute values and content; characters XML 1.0 forbids become U+FFFD.
std::string xml_escape(std::string_view s);
// A relative path as a URI reference, or a file:// URI for an absolute path.
std::string path_uri(std::string_view path);

// Writes all findings in one format. For text, color adds ANSI colors and a summary line
// ("3 problems (1 error, 2 warnings)") follows when there are findings. SARIF lists the rules.
void write_findings(std::ostream& out, Format format, const std::vector<Finding>& findings,
                    bool color, std::span<const Rule> rules = all_rules());

}  // namespace dfls::cli
