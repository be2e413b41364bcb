// Tests of the WrongArgumentCount rule: findings, non-findings, the fixes and the message.
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

TEST_CASE("WrongArgumentCount", "[rules][errors]") {
  check_diagnostics({"WrongArgumentCount"}, R"docker(
FROM alpine
COPY @(WrongArgumentCount)[[onlyone]]
COPY a b .
COPY ["a", "b", "/c/"]
ADD <<EOF /dest
x
EOF
ENV @(WrongArgumentCount)[[A]]
ENV B=1 C=2
ENV D the rest of the line
@(WrongArgumentCount)[[WORKDIR]]
USER app @(WrongArgumentCount)[[extra]]
USER app:group
SHELL @(WrongArgumentCount)[[/bin/bash -c]]
SHELL ["/bin/bash", "-c"]
HEALTHCHECK @(WrongArgumentCount)[[CMD]]
HEALTHCHECK CMD true
@(WrongArgumentCount)[[EXPOSE]]
@(WrongArgumentCount)[[ONBUILD]]
ARG A B=1
)docker");
  check_fix("WrongArgumentCount", "FROM alpine\nSHELL ^['/bin/bash', '-c']\n", "FROM alpine\nSHELL [\"/bin/bash\", \"-c\"]\n");
  CHECK(message_of("WrongArgumentCount", "FROM alpine\nCOPY onlyone\n") ==
        "COPY needs at least one source and a destination");
}

}  // namespace
}  // namespace dfls
