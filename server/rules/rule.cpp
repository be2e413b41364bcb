#include "rules/rule.h"

namespace dfls {

std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info: return "info";
    case Severity::Hint: return "hint";
  }
  return "warning";
}

std::optional<Severity> parse_severity(std::string_view name) {
  if (name == "error") return Severity::Error;
  if (name == "warning") return Severity::Warning;
  if (name == "info" || name == "information") return Severity::Info;
  if (name == "hint") return Severity::Hint;
  return std::nullopt;
}

Diag& RuleContext::report(ByteRange range, std::string message) {
  Diag d;
  d.rule_id = std::string(rule.id);
  d.severity = rule.default_severity;
  d.range = range;
  d.message = std::move(message);
  out.push_back(std::move(d));
  return out.back();
}

const Rule* find_rule(std::string_view id) {
  for (const Rule& r : all_rules())
    if (r.id == id) return &r;
  return nullptr;
}

}  // namespace dfls
