// Tests of the FromAsCasing rule: findings, non-findings, the fixes and the message.
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

TEST_CASE("FromAsCasing", "[rules][buildkit]") {
  check_diagnostics({"FromAsCasing"}, R"docker(
FROM alpine @(FromAsCasing)[[as]] one
from alpine @(FromAsCasing)[[AS]] two
FROM alpine AS three
from alpine as four
From alpine as five
FROM alpine
)docker");
  check_fix("FromAsCasing", "FROM alpine ^as build\n", "FROM alpine AS build\n");
  CHECK(message_of("FromAsCasing", "FROM alpine as build\n") == "'as' does not match the casing of 'FROM': write 'AS'");
}

}  // namespace
}  // namespace dfls
