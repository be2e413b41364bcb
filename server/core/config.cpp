#include "core/config.h"

namespace dfls {

void Config::merge_from(const Config& other) {
  for (const auto& [id, level] : other.rules) rules[id] = level;
  if (!other.trusted_registries.empty()) trusted_registries = other.trusted_registries;
  if (other.context_dir) context_dir = other.context_dir;
  if (other.target) target = other.target;
  if (other.formatter_keyword_case) formatter_keyword_case = other.formatter_keyword_case;
  if (other.formatter_ignore_multiline_instructions)
    formatter_ignore_multiline_instructions = other.formatter_ignore_multiline_instructions;
  shellcheck = shellcheck || other.shellcheck;
  registry_lookups = registry_lookups && other.registry_lookups;
  problems.insert(problems.end(), other.problems.begin(), other.problems.end());
}

}  // namespace dfls
