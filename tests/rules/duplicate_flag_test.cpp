// Tests of the DuplicateFlag rule: findings, non-findings, the fixes and the message.
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

TEST_CASE("DuplicateFlag", "[rules][errors]") {
  check_diagnostics({"DuplicateFlag"}, R"docker(
FROM alpine AS a
FROM alpine AS b
FROM alpine
COPY --from=a @(DuplicateFlag)[[--from=b]] x y
COPY --exclude=*.md --exclude=*.txt . /app
RUN --mount=type=cache,target=/a --mount=type=cache,target=/b echo
COPY --link @(DuplicateFlag)[[--link]] a b
)docker");
  check_fix("DuplicateFlag", "FROM alpine\nCOPY --link ^--link a b\n", "FROM alpine\nCOPY --link a b\n");
  CHECK(message_of("DuplicateFlag", "FROM alpine AS a\nFROM alpine\nCOPY --from=a --from=a x y\n") ==
        "--from is given more than once");
}

}  // namespace
}  // namespace dfls
