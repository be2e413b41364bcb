// Settings that change what the server reports, from the editor (LSP settings) and from project
// files (.dockerfile-ls.yaml, .hadolint.yaml). A key that is absent means its default, never "off".
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace dfls {

enum class Severity;

// A rule's configured level: off, or a severity; absent from the map means the rule's default.
struct RuleLevel {
  bool off = false;
  std::optional<Severity> severity;
};

struct Config {
  std::map<std::string, RuleLevel, std::less<>> rules;  // By rule id.
  std::vector<std::string> trusted_registries;         // Empty: every registry is trusted.
  std::optional<std::string> context_dir;              // Build context; default: the Dockerfile's dir.
  std::optional<std::string> target;                   // Target stage; default: the last stage.
  bool shellcheck = false;                             // Run shellcheck on RUN scripts when present.
  bool registry_lookups = true;                        // Network look-ups of image tags.
  std::optional<std::string> formatter_keyword_case;   // "preserve" (default), "upper", "lower".
  std::optional<bool> formatter_ignore_multiline_instructions;  // Keep continuation indentation.
  std::vector<std::string> problems;                   // Invalid settings, in plain words.

  // Overlays other on this: rule levels and explicitly set values in other win.
  void merge_from(const Config& other);
};

}  // namespace dfls
