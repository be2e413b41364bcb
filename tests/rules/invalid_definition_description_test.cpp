// Tests of the InvalidDefinitionDescription rule: findings, non-findings, the fixes and the message.
#include <catch2/catch_test_macros.hpp>

#include "core/config.h"
#include "core/document.h"
#include "rules/run_rules.h"
#include "support/check_helpers.h"

namespace dfls {
namespace {

using test::check_diagnostics;
using test::check_fix;

// The message of the first finding of a rule (the one test per rule that asserts its wording).
[[maybe_unused]] std::string message_of(std::string_view rule, std::string code, const Config& config = Config{}) {
  auto doc = Document::create("file:///test/Dockerfile", 0, std::move(code));
  for (const Diag& d : run_rules(*doc, config))
    if (d.rule_id == rule) return d.message;
  return "";
}

TEST_CASE("InvalidDefinitionDescription", "[rules][buildkit]") {
  // Experimental: off unless asked for.
  check_diagnostics({"InvalidDefinitionDescription"}, "# wrong\nARG BASE=alpine\nFROM alpine\n");
  check_diagnostics({"InvalidDefinitionDescription"}, R"docker(
# check=experimental=InvalidDefinitionDescription
@(InvalidDefinitionDescription)[[# the base image]]
ARG BASE=alpine
# VERSION of the tool
ARG VERSION=1
# build compiles the app
FROM ${BASE} AS build
@(InvalidDefinitionDescription)[[# runtime stage]]
FROM ${BASE} AS final
ARG UNDESCRIBED
)docker");
  Config on;
  on.rules["InvalidDefinitionDescription"] = RuleLevel{};
  check_fix("InvalidDefinitionDescription", "# the ^base image\nARG BASE=alpine\nFROM $BASE\n",
            "# BASE the base image\nARG BASE=alpine\nFROM $BASE\n", on);
  CHECK(message_of("InvalidDefinitionDescription", "# the base image\nARG BASE=alpine\nFROM $BASE\n", on) ==
        "the comment above this ARG should read '# BASE <description>' to describe it");
}

}  // namespace
}  // namespace dfls
