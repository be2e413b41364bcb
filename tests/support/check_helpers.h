// Helpers for rule tests on annotated snippets (see annotations.h):
//   check_diagnostics({"RuleId", ...}, annotated)
//       runs the rules with a default Config on the snippet, keeps the findings of the listed
//       rules and compares their (rule id, range) set with the `@(RuleId)[[...]]` ranges; a
//       mismatch fails the test, listing false positives and negatives with line:column.
//   check_fix("RuleId", before, after)
//       finds that rule's finding (at the `^` point, overlapping the `[[...]]` range, or the only
//       one), applies the document edits of its first fix, compares the text with `after`
//       exactly (a leading newline of `after` is dropped, as in annotations), then checks again:
//       the finding must be gone and no new SyntaxError may appear. Edits of other files
//       (Fix::file_edits) are not applied.
// Both take an optional Config and rule table (tests of the machinery use made-up rules).
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/config.h"
#include "rules/rule.h"

namespace dfls::test {

// A rule table entry for tests of the rule machinery (suppression, configuration, fixes).
inline Rule make_test_rule(std::string_view id, CheckFunction check, std::string_view hadolint_code = "",
                           std::string_view buildkit_name = "", Severity severity = Severity::Warning) {
  Rule r{};
  r.id = id;
  r.default_severity = severity;
  r.summary = "A rule made up for tests";
  r.hadolint_code = hadolint_code;
  r.check = check;
  r.buildkit_name = buildkit_name;
  return r;
}

void check_diagnostics(const std::vector<std::string>& rule_ids, std::string_view annotated,
                       const Config& config = Config{}, std::span<const Rule> rules = all_rules());

void check_fix(std::string_view rule_id, std::string_view before, std::string_view after,
               const Config& config = Config{}, std::span<const Rule> rules = all_rules());

}  // namespace dfls::test
