#include "rules/rule.h"

#include <algorithm>

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

std::vector<std::string_view> hadolint_codes(const Rule& rule) {
  std::vector<std::string_view> codes;
  std::string_view rest = rule.hadolint_code;
  while (!rest.empty()) {
    size_t comma = rest.find(',');
    std::string_view code = rest.substr(0, comma);
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    size_t first = code.find_first_not_of(" \t");
    if (first == std::string_view::npos) continue;
    codes.push_back(code.substr(first, code.find_last_not_of(" \t") + 1 - first));
  }
  return codes;
}

bool has_hadolint_code(const Rule& rule, std::string_view code) {
  std::vector<std::string_view> codes = hadolint_codes(rule);
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

const Rule* find_rule(std::string_view id) {
  for (const Rule& r : all_rules())
    if (r.id == id) return &r;
  return nullptr;
}

}  // namespace dfls
