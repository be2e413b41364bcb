// Tests of the NoEmptyContinuation rule: findings, non-findings, the fixes and the message.
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

TEST_CASE("NoEmptyContinuation", "[rules][buildkit]") {
  check_diagnostics({"NoEmptyContinuation"}, R"docker(
FROM alpine
RUN echo a \
@(NoEmptyContinuation)[[    ]]
    && echo b
RUN echo c \
    # a comment line is fine
    && echo d
RUN <<EOF
echo e

echo f
EOF
)docker");
  check_fix("NoEmptyContinuation", "FROM alpine\nRUN a \\\n^\n  && b \\\n\n  && c\n",
            "FROM alpine\nRUN a \\\n  && b \\\n  && c\n");
  CHECK(message_of("NoEmptyContinuation", "FROM alpine\nRUN a \\\n\n  && b\n") == "empty continuation line inside RUN");
}

}  // namespace
}  // namespace dfls
