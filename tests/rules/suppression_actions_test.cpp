// Code actions that add suppression comments. Each case applies a fix and checks the text; the
// helper then reads the suppressions of the result and requires the finding to be suppressed.
// Made-up rules: BkRule is a BuildKit rule, OurRule is not.
#include <catch2/catch_test_macros.hpp>

#include "core/text_edit.h"
#include "rules/suppression.h"
#include "rules/suppression_actions.h"
#include "support/annotations.h"
#include "support/check_helpers.h"

namespace dfls {
namespace {

using test::Annotations;
using test::make_test_rule;

void no_check(RuleContext&) {}

const std::vector<Rule> kRules = {
    make_test_rule("BkRule", no_check, "", "BkRule"),
    make_test_rule("BkOther", no_check, "", "BkOther"),
    make_test_rule("OurRule", no_check, "DL3008"),
};

enum class Which { Instruction, File };

// Applies the fix for a finding of rule at the `^` point and compares the result with after
// (whose leading newline is dropped); the finding must then be suppressed.
void check_action(std::string_view rule, Which which, std::string_view before, std::string_view after) {
  Annotations t(before);
  Diag d;
  d.rule_id = std::string(rule);
  d.range = {t.point(), t.point() + 1};
  bool buildkit = rule.starts_with("Bk");
  std::vector<Fix> fixes = suppression_fixes(t.code(), d, buildkit);
  std::string title = "Ignore " + std::string(rule) + (which == Which::Instruction ? " for this instruction" : " in this file");
  const Fix* fix = nullptr;
  for (const Fix& f : fixes)
    if (f.title == title) fix = &f;
  INFO("fix: " << title);
  REQUIRE(fix);
  CHECK_FALSE(fix->safe);
  std::string fixed = apply_edits(t.code(), fix->edits);
  if (!after.empty() && after.front() == '\n') after.remove_prefix(1);
  CHECK(fixed == after);
  CHECK(Suppressions(fixed, kRules).suppressed(rule, map_offset(d.range.start, fix->edits)));
}

TEST_CASE("ignoring a BuildKit rule for an instruction adds a check comment") {
  check_action("BkRule", Which::Instruction, R"docker(
FROM alpine
  ^RUN echo hi
)docker", R"docker(
FROM alpine
  # check=skip=BkRule
  RUN echo hi
)docker");
}

TEST_CASE("ignoring for an instruction extends the check comment above it") {
  check_action("BkRule", Which::Instruction, R"docker(
FROM alpine
# check=skip=BkOther # reason
^RUN echo hi
)docker", R"docker(
FROM alpine
# check=skip=BkOther,BkRule # reason
RUN echo hi
)docker");
  check_action("BkRule", Which::Instruction, R"docker(
FROM alpine
# check=error=true
^RUN echo hi
)docker", R"docker(
FROM alpine
# check=error=true;skip=BkRule
RUN echo hi
)docker");
}

TEST_CASE("a check comment that BuildKit would read as the file's directive is not added") {
  check_action("BkRule", Which::Instruction, R"docker(
# syntax=docker/dockerfile:1
^FROM alpine
)docker", R"docker(
# syntax=docker/dockerfile:1
# dockerfile-ls ignore=BkRule
FROM alpine
)docker");
  check_action("BkRule", Which::Instruction, "^FROM alpine\n", "# dockerfile-ls ignore=BkRule\nFROM alpine\n");
  // The file's directive is the first check comment of the first instruction's block.
  check_action("BkRule", Which::Instruction, R"docker(
# check=error=true

^FROM alpine
)docker", R"docker(
# check=error=true

# dockerfile-ls ignore=BkRule
FROM alpine
)docker");
}

TEST_CASE("ignoring our own rule for an instruction adds or extends a dockerfile-ls comment") {
  check_action("OurRule", Which::Instruction, R"docker(
FROM alpine
RUN apt-get update && \
    ^apt-get install -y curl
)docker", R"docker(
FROM alpine
# dockerfile-ls ignore=OurRule
RUN apt-get update && \
    apt-get install -y curl
)docker");
  check_action("OurRule", Which::Instruction, R"docker(
FROM alpine
# dockerfile-ls ignore=Other # why
^RUN apt-get install -y curl
)docker", R"docker(
FROM alpine
# dockerfile-ls ignore=Other,OurRule # why
RUN apt-get install -y curl
)docker");
}

TEST_CASE("ignoring a BuildKit rule in the file extends the check directive") {
  check_action("BkRule", Which::File, R"docker(
# check=skip=BkOther
FROM alpine
^RUN echo hi
)docker", R"docker(
# check=skip=BkOther,BkRule
FROM alpine
RUN echo hi
)docker");
  check_action("BkRule", Which::File, R"docker(
# check=error=true // fail on warnings
FROM alpine
^RUN echo hi
)docker", R"docker(
# check=error=true;skip=BkRule // fail on warnings
FROM alpine
RUN echo hi
)docker");
}

TEST_CASE("ignoring a BuildKit rule in the file adds a directive after the others") {
  check_action("BkRule", Which::File, R"docker(
# syntax=docker/dockerfile:1
# escape=\

FROM alpine
^RUN echo hi
)docker", R"docker(
# syntax=docker/dockerfile:1
# escape=\
# check=skip=BkRule

FROM alpine
RUN echo hi
)docker");
  check_action("BkRule", Which::File, "# a comment\n^FROM alpine\n",
               "# check=skip=BkRule\n# a comment\nFROM alpine\n");
  check_action("BkRule", Which::File, "\xEF\xBB\xBF^FROM alpine", "\xEF\xBB\xBF# check=skip=BkRule\nFROM alpine");
}

TEST_CASE("ignoring our own rule in the file adds or extends a global comment") {
  check_action("OurRule", Which::File, R"docker(
# syntax=docker/dockerfile:1
FROM alpine
^RUN apt-get install -y curl
)docker", R"docker(
# syntax=docker/dockerfile:1
# dockerfile-ls global ignore=OurRule
FROM alpine
RUN apt-get install -y curl
)docker");
  check_action("OurRule", Which::File, R"docker(
FROM alpine
# dockerfile-ls global ignore=Other
^RUN apt-get install -y curl
)docker", R"docker(
FROM alpine
# dockerfile-ls global ignore=Other,OurRule
RUN apt-get install -y curl
)docker");
}

TEST_CASE("suppression comments use the file's line ending") {
  check_action("OurRule", Which::Instruction, "FROM alpine\r\n^RUN x\r\n",
               "FROM alpine\r\n# dockerfile-ls ignore=OurRule\r\nRUN x\r\n");
  check_action("BkRule", Which::File, "# syntax=x\r\n^FROM alpine\r\n",
               "# syntax=x\r\n# check=skip=BkRule\r\nFROM alpine\r\n");
  // A file that is only a directive, without a final line break.
  check_action("BkRule", Which::File, "# syntax=x^", "# syntax=x\n# check=skip=BkRule");
}

TEST_CASE("a finding outside any instruction gets only the file-wide action") {
  Annotations t("# check=skip=Bogus^Value;x\nFROM alpine\n");
  Diag d;
  d.rule_id = "BkRule";
  d.range = {t.point(), t.point()};
  auto fixes = suppression_fixes(t.code(), d, true);
  REQUIRE(fixes.size() == 1);
  CHECK(fixes[0].title == "Ignore BkRule in this file");
  // The directive does not parse, so the dockerfile-ls form is used.
  CHECK(apply_edits(t.code(), fixes[0].edits) ==
        "# check=skip=BogusValue;x\n# dockerfile-ls global ignore=BkRule\nFROM alpine\n");
}

TEST_CASE("syntax errors get no suppression actions") {
  Diag d;
  d.rule_id = "SyntaxError";
  CHECK(suppression_fixes("FROM\n", d, false).empty());
}

}  // namespace
}  // namespace dfls
