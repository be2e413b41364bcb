// Tests of the InvalidBaseImagePlatform rule: findings, non-findings, the fixes and the message.
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

TEST_CASE("InvalidBaseImagePlatform", "[rules][buildkit]") {
  // Off by default, and silent even when enabled: the check needs the registry.
  check_diagnostics({"InvalidBaseImagePlatform"}, "FROM --platform=linux/arm64 alpine\n");
  Config on;
  on.rules["InvalidBaseImagePlatform"] = RuleLevel{};
  check_diagnostics({"InvalidBaseImagePlatform"}, "FROM --platform=linux/arm64 alpine\n", on);
  CHECK(message_of("InvalidBaseImagePlatform", "FROM alpine\n", on).empty());
}

}  // namespace
}  // namespace dfls
