// Plain data shared by every rule: severities, fixes, diagnostics, the rule table entry and the
// context a rule's check runs in. Configuration (disabled rules, severity overrides, suppression
// comments) is applied once, in run_rules, never inside a rule.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "core/range.h"

namespace dfls {

enum class Severity { Error = 1, Warning = 2, Info = 3, Hint = 4 };

std::string_view severity_name(Severity s);
std::optional<Severity> parse_severity(std::string_view name);

// An edit of another file than the document (e.g. creating or extending .dockerignore).
struct FileEdit {
  std::string path;          // Absolute file path.
  bool create = false;       // Create the file (it does not exist yet).
  std::vector<TextEdit> edits;  // Byte ranges in that file's current text.
};

struct Fix {
  std::string title;
  std::vector<TextEdit> edits;  // Edits of the document itself, in any order, not overlapping.
  std::vector<FileEdit> file_edits;
  bool safe = true;       // Whether `check --fix` applies it without asking.
  bool preferred = false;  // The fix an editor may apply on "auto fix".
};

enum class DiagTag { Unnecessary = 1, Deprecated = 2 };

struct RelatedInfo {
  ByteRange range;
  std::string message;
};

struct Diag {
  std::string rule_id;
  Severity severity = Severity::Warning;
  ByteRange range;
  std::string message;
  std::vector<Fix> fixes;
  std::vector<RelatedInfo> related;
  std::vector<DiagTag> tags;
};

struct RuleContext;
using CheckFunction = void (*)(RuleContext&);

// One entry of the rule registry.
struct Rule {
  std::string_view id;              // Stable PascalCase id.
  Severity default_severity;
  std::string_view summary;         // One line.
  // Equivalent hadolint rules, comma-separated when one rule covers several ("DL3012,DL4003"),
  // or empty. Read it through hadolint_codes() or has_hadolint_code().
  std::string_view hadolint_code;
  std::string_view rcjsuen_code;    // Equivalent rcjsuen validator code, or empty.
  CheckFunction check;
  bool enabled_by_default = true;
  std::string_view buildkit_name;   // Non-empty when BuildKit has this check (same id).
};

struct Config;

// What a rule's check sees: the document, the configuration (for facts such as trusted
// registries and the build context, not for enabling or severity) and a way to report.
struct RuleContext {
  const Document& doc;
  const Config& config;
  const Rule& rule;
  std::vector<Diag>& out;

  std::string_view text() const { return doc.text(); }
  // Reports a finding of the current rule with its default severity; returns it to attach fixes.
  Diag& report(ByteRange range, std::string message);
};

// The hadolint codes of a rule: its hadolint_code split at commas, blanks trimmed.
std::vector<std::string_view> hadolint_codes(const Rule& rule);
// Whether `code` is one of the rule's hadolint codes.
bool has_hadolint_code(const Rule& rule, std::string_view code);

// The registry: every rule, in a stable order.
const std::vector<Rule>& all_rules();
const Rule* find_rule(std::string_view id);

}  // namespace dfls
