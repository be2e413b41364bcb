// run_rules applies configuration and suppression once, for every rule. Made-up rules report
// each occurrence of a word: OurRule "ours_here" (hadolint code DL3008), BkRule "bk_here" (a
// BuildKit rule), ExpRule "exp_here" (a BuildKit rule that is off by default) and FixRule
// "bad_here" (with a safe fix to "good").
#include "rules/run_rules.h"

#include <algorithm>
#include <catch2/catch_test_macros.hpp>

#include "core/text_edit.h"
#include "rules/suppression_actions.h"
#include "support/annotations.h"
#include "support/check_helpers.h"

namespace dfls {
namespace {

using test::Annotations;
using test::check_diagnostics;
using test::check_fix;
using test::make_test_rule;

void report_word(RuleContext& ctx, std::string_view word) {
  for (size_t p = ctx.text().find(word); p != std::string::npos; p = ctx.text().find(word, p + 1))
    ctx.report({p, p + word.size()}, "found " + std::string(word));
}

void check_ours(RuleContext& ctx) { report_word(ctx, "ours_here"); }
void check_bk(RuleContext& ctx) { report_word(ctx, "bk_here"); }
void check_exp(RuleContext& ctx) { report_word(ctx, "exp_here"); }
void check_fixable(RuleContext& ctx) {
  std::string_view word = "bad_here";
  for (size_t p = ctx.text().find(word); p != std::string::npos; p = ctx.text().find(word, p + 1)) {
    Diag& d = ctx.report({p, p + word.size()}, "found bad_here");
    Fix fix;
    fix.title = "Make it good";
    fix.edits.push_back({{p, p + word.size()}, "good"});
    d.fixes.push_back(fix);
  }
}

std::vector<Rule> rules() {
  std::vector<Rule> r = {make_test_rule("OurRule", check_ours, "DL3008"),
                         make_test_rule("BkRule", check_bk, "", "BkRule"),
                         make_test_rule("ExpRule", check_exp, "", "ExpRule"),
                         make_test_rule("FixRule", check_fixable)};
  r[2].enabled_by_default = false;
  return r;
}

const std::vector<Rule> kRules = rules();
const std::vector<std::string> kAll = {"OurRule", "BkRule", "ExpRule", "FixRule"};

TEST_CASE("suppression comments remove findings in run_rules") {
  check_diagnostics(kAll, R"docker(
# check=skip=BkRule
FROM alpine
RUN echo bk_here @(OurRule)[[ours_here]]
# hadolint ignore=DL3008
RUN echo ours_here
# dockerfile-ls ignore=FixRule
RUN echo bad_here
RUN echo @(FixRule)[[bad_here]] exp_here
)docker", Config{}, kRules);
}

TEST_CASE("configured levels turn rules off or change their severity") {
  Config config;
  config.rules["OurRule"] = RuleLevel{true, std::nullopt};
  config.rules["BkRule"] = RuleLevel{false, Severity::Hint};
  auto doc = Document::create("file:///Dockerfile", 0, "FROM alpine\nRUN ours_here bk_here\n");
  auto diags = run_rules(*doc, config, kRules);
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].rule_id == "BkRule");
  CHECK(diags[0].severity == Severity::Hint);
}

TEST_CASE("the check directive's experimental= and error= count") {
  check_diagnostics(kAll, R"docker(
# check=experimental=ExpRule
FROM alpine
RUN echo @(ExpRule)[[exp_here]]
)docker", Config{}, kRules);

  auto doc = Document::create("file:///Dockerfile", 0, "# check=error=true\nFROM alpine\nRUN bk_here ours_here\n");
  Config config;
  auto diags = run_rules(*doc, config, kRules);
  REQUIRE(diags.size() == 2);
  CHECK(diags[0].rule_id == "BkRule");
  CHECK(diags[0].severity == Severity::Error);
  CHECK(diags[1].severity == Severity::Warning);
  // A configured level wins over error=true.
  config.rules["BkRule"] = RuleLevel{false, Severity::Info};
  CHECK(run_rules(*doc, config, kRules)[0].severity == Severity::Info);
}

TEST_CASE("check_fix applies a rule's fix and checks again") {
  check_fix("FixRule", "FROM alpine\nRUN echo ^bad_here bad_here\n", "FROM alpine\nRUN echo good bad_here\n",
            Config{}, kRules);
  check_fix("FixRule", R"docker(
FROM alpine
RUN echo [[bad_here]]
)docker", R"docker(
FROM alpine
RUN echo good
)docker", Config{}, kRules);
}

TEST_CASE("suppression actions make the finding go away") {
  for (std::string_view rule : {"OurRule", "BkRule"}) {
    for (size_t which = 0; which < 2; ++which) {
      std::string text = "# syntax=docker/dockerfile:1\nFROM alpine\nRUN echo ours_here bk_here\n";
      auto doc = Document::create("file:///Dockerfile", 0, text);
      auto diags = run_rules(*doc, Config{}, kRules);
      auto it = std::find_if(diags.begin(), diags.end(), [&](const Diag& d) { return d.rule_id == rule; });
      REQUIRE(it != diags.end());
      auto fixes = suppression_fixes(text, *it, rule == "BkRule");
      REQUIRE(fixes.size() == 2);
      std::string fixed = apply_edits(text, fixes[which].edits);
      INFO(fixes[which].title << ":\n" << fixed);
      auto after = run_rules(*Document::create("file:///Dockerfile", 1, fixed), Config{}, kRules);
      CHECK(std::none_of(after.begin(), after.end(), [&](const Diag& d) { return d.rule_id == rule; }));
      CHECK(after.size() == 1);
    }
  }
}

}  // namespace
}  // namespace dfls
