// Tests of the UndefinedStage rule: findings, non-findings, the fixes and the message.
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

TEST_CASE("UndefinedStage", "[rules][model]") {
  check_diagnostics({"UndefinedStage"}, R"docker(
FROM golang AS builder
RUN go build
FROM alpine
COPY --from=@(UndefinedStage)[[buidler]] /out /app
COPY --from=nginx /etc/nginx/nginx.conf /etc/
COPY --from=ghcr.io/org/tool:1 /bin/tool /bin/
COPY --from=0 /out /x
COPY --from=Builder /out /y
RUN --mount=from=@(UndefinedStage)[[biulder]],target=/x echo
COPY --from=@(UndefinedStage)[[assets]] /a /b
COPY --from=scratch /a /b
)docker");
  check_fix("UndefinedStage", "FROM golang AS builder\nFROM alpine\nCOPY --from=buid^ler /a /b\n",
            "FROM golang AS builder\nFROM alpine\nCOPY --from=builder /a /b\n");
  CHECK(message_of("UndefinedStage", "FROM golang AS builder\nFROM alpine\nCOPY --from=buidler /a /b\n") ==
        "no stage is named 'buidler'; it would be pulled as the image docker.io/library/buidler (did you mean builder?)");
}

}  // namespace
}  // namespace dfls
