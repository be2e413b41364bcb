// Tests of the InvalidImageReference rule: findings, non-findings, the fixes and the message.
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

TEST_CASE("InvalidImageReference", "[rules][errors]") {
  check_diagnostics({"InvalidImageReference"}, R"docker(
FROM @(InvalidImageReference)[[Alpine]]
FROM alpine:3.20
FROM ghcr.io/org/app:1.0@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
FROM scratch
FROM localhost:5000/app
)docker");
  CHECK(message_of("InvalidImageReference", "FROM Alpine\n").starts_with("'Alpine' is not a valid image reference"));
}

}  // namespace
}  // namespace dfls
