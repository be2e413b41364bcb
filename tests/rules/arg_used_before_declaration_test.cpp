// Tests of the ArgUsedBeforeDeclaration rule: findings, non-findings, the fixes and the message.
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

TEST_CASE("ArgUsedBeforeDeclaration", "[rules][model]") {
  check_diagnostics({"ArgUsedBeforeDeclaration"}, R"docker(
FROM alpine
RUN echo $@(ArgUsedBeforeDeclaration)[[VERSION]]
ARG VERSION=1
RUN echo $VERSION
CMD echo $LATER
ARG LATER
ENV FROM_ENV=1
RUN echo $FROM_ENV
)docker");
  CHECK(message_of("ArgUsedBeforeDeclaration", "FROM alpine\nRUN echo $V\nARG V=1\n") ==
        "'V' is used before its ARG on line 3, so it is empty here");
}

}  // namespace
}  // namespace dfls
