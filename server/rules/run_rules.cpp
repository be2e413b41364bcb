#include "rules/run_rules.h"

#include <algorithm>

#include "rules/suppression.h"

namespace dfls {

namespace {

bool listed(const std::vector<std::string>& names, std::string_view id) {
  return std::find(names.begin(), names.end(), id) != names.end();
}

// The level a rule runs at, or nullopt when it is off.
std::optional<Severity> effective_severity(const Rule& rule, const Config& config,
                                           const std::optional<CheckOptions>& file_check) {
  auto it = config.rules.find(rule.id);
  if (it != config.rules.end()) {
    if (it->second.off) return std::nullopt;
    return it->second.severity.value_or(rule.default_severity);
  }
  if (rule.enabled_by_default) return rule.default_severity;
  // The `shellcheck` setting turns on the rule that runs the program.
  if (config.shellcheck && rule.id == "ShellCheck") return rule.default_severity;
  bool experimental = file_check && !rule.buildkit_name.empty() &&
                      (file_check->experimental_all || listed(file_check->experimental, rule.id));
  if (experimental) return rule.default_severity;
  return std::nullopt;
}

}  // namespace

std::vector<Diag> run_rules(const Document& doc, const Config& config) {
  return run_rules(doc, config, all_rules());
}

std::vector<Diag> run_rules(const Document& doc, const Config& config, std::span<const Rule> rules) {
  std::vector<Diag> out;
  Suppressions suppressions(doc.text(), rules);
  const auto& file_check = suppressions.file_check();
  bool buildkit_errors = file_check && file_check->error.value_or(false);
  for (const Rule& rule : rules) {
    auto severity = effective_severity(rule, config, file_check);
    if (!severity) continue;
    auto level = config.rules.find(rule.id);
    bool configured = level != config.rules.end() && level->second.severity.has_value();
    std::vector<Diag> found;
    RuleContext ctx{doc, config, rule, found};
    rule.check(ctx);
    for (Diag& d : found) {
      if (suppressions.suppressed(d.rule_id, d.range.start)) continue;
      // A rule may report a finding below its default level (e.g. info in a builder stage);
      // a configured level replaces whatever the rule chose.
      if (configured)
        d.severity = *severity;
      else if (buildkit_errors && !rule.buildkit_name.empty())
        d.severity = Severity::Error;
      out.push_back(std::move(d));
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const Diag& a, const Diag& b) {
    return a.range.start != b.range.start ? a.range.start < b.range.start
                                          : a.range.end < b.range.end;
  });
  return out;
}

}  // namespace dfls
