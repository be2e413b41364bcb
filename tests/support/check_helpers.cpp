#include "support/check_helpers.h"

#include <algorithm>
#include <catch2/catch_test_macros.hpp>
#include <utility>

#include "core/text_edit.h"
#include "rules/run_rules.h"
#include "support/annotations.h"

namespace dfls::test {

namespace {

constexpr std::string_view kUri = "file:///test/Dockerfile";

using Finding = std::pair<std::string, ByteRange>;

// "RuleId at 2:5-2:9 `text`" for failure messages.
std::string describe(std::string_view code, const Finding& f) {
  std::string excerpt(code.substr(std::min(f.second.start, code.size()),
                                  f.second.end > f.second.start ? f.second.end - f.second.start : 0));
  if (excerpt.size() > 40) excerpt = excerpt.substr(0, 40) + "...";
  for (char& c : excerpt)
    if (c == '\n' || c == '\r') c = ' ';
  return f.first + " at " + describe_offset(code, f.second.start) + "-" +
         describe_offset(code, f.second.end) + " `" + excerpt + "`";
}

std::vector<Diag> check(std::string_view code, const Config& config, std::span<const Rule> rules) {
  auto doc = Document::create(std::string(kUri), 0, std::string(code));
  return run_rules(*doc, config, rules);
}

size_t count_rule(const std::vector<Diag>& diags, std::string_view id) {
  return static_cast<size_t>(std::count_if(diags.begin(), diags.end(), [&](const Diag& d) { return d.rule_id == id; }));
}

}  // namespace

void check_diagnostics(const std::vector<std::string>& rule_ids, std::string_view annotated,
                       const Config& config, std::span<const Rule> rules) {
  Annotations t(annotated);
  std::vector<Finding> actual, expected;
  std::vector<std::string> messages;
  for (const Diag& d : check(t.code(), config, rules)) {
    if (std::find(rule_ids.begin(), rule_ids.end(), d.rule_id) == rule_ids.end()) continue;
    actual.emplace_back(d.rule_id, d.range);
    messages.push_back(describe(t.code(), actual.back()) + ": " + d.message);
  }
  for (const auto& p : t.payload_ranges()) expected.emplace_back(p.payload, p.range);
  std::sort(actual.begin(), actual.end());
  std::sort(expected.begin(), expected.end());
  std::vector<Finding> false_positives, false_negatives;
  std::set_difference(actual.begin(), actual.end(), expected.begin(), expected.end(),
                      std::back_inserter(false_positives));
  std::set_difference(expected.begin(), expected.end(), actual.begin(), actual.end(),
                      std::back_inserter(false_negatives));
  if (false_positives.empty() && false_negatives.empty()) {
    SUCCEED();
    return;
  }
  std::string report = "In:\n" + t.code() + "\n";
  for (const Finding& f : false_positives) report += "false positive (reported, not expected): " + describe(t.code(), f) + "\n";
  for (const Finding& f : false_negatives) report += "false negative (expected, not reported): " + describe(t.code(), f) + "\n";
  report += "All reported findings of these rules:\n";
  for (const std::string& m : messages) report += "  " + m + "\n";
  FAIL(report);
}

void check_fix(std::string_view rule_id, std::string_view before, std::string_view after,
               const Config& config, std::span<const Rule> rules) {
  Annotations t(before);
  const std::string& code = t.code();
  std::vector<Diag> diags = check(code, config, rules);
  std::vector<const Diag*> candidates;
  auto ranges = t.ranges();
  auto points = t.points();
  for (const Diag& d : diags) {
    if (d.rule_id != rule_id) continue;
    bool pick = true;
    if (!ranges.empty()) {
      ByteRange r = ranges.front();
      pick = (d.range.start < r.end && r.start < d.range.end) || d.range.start == r.start;
    } else if (!points.empty()) {
      pick = d.range.start <= points.front() && points.front() <= d.range.end;
    }
    if (pick) candidates.push_back(&d);
  }
  if (candidates.size() != 1) {
    std::string report = "expected one " + std::string(rule_id) + " finding to fix, found " +
                         std::to_string(candidates.size()) + " in:\n" + code + "\n";
    for (const Diag& d : diags) report += "  " + describe(code, {d.rule_id, d.range}) + ": " + d.message + "\n";
    FAIL(report);
  }
  const Diag& diag = *candidates.front();
  INFO("finding: " << describe(code, {diag.rule_id, diag.range}) << ": " << diag.message);
  REQUIRE_FALSE(diag.fixes.empty());
  const Fix& fix = diag.fixes.front();
  INFO("fix: " << fix.title);
  REQUIRE_FALSE(edits_conflict(fix.edits, code.size()));
  std::string fixed = apply_edits(code, fix.edits);
  if (!after.empty() && after.front() == '\n') after.remove_prefix(1);
  CHECK(fixed == std::string(after));

  std::vector<Diag> rechecked = check(fixed, config, rules);
  size_t mapped = map_offset(diag.range.start, fix.edits);
  bool still_there = std::any_of(rechecked.begin(), rechecked.end(), [&](const Diag& d) {
    return d.rule_id == diag.rule_id && d.range.start == mapped && d.message == diag.message;
  });
  INFO("after the fix:\n" << fixed);
  CHECK_FALSE(still_there);
  CHECK(count_rule(rechecked, "SyntaxError") <= count_rule(diags, "SyntaxError"));
}

}  // namespace dfls::test
