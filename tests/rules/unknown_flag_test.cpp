// Tests of the UnknownFlag rule: findings, non-findings, the fixes and the message.
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

TEST_CASE("UnknownFlag", "[rules][errors]") {
  check_diagnostics({"UnknownFlag"}, R"docker(
FROM alpine
COPY @(UnknownFlag)[[--form]]=build /a /b
RUN @(UnknownFlag)[[--mnt]]=type=cache,target=/x echo
CMD @(UnknownFlag)[[--help]]
COPY --chown=1:1 --chmod=755 --link --parents --exclude=*.md a b
ADD --checksum=sha256:abc --keep-git-dir --unpack=false https://example.com/x.tar /x
RUN --mount=type=cache,target=/c --network=none --security=sandbox echo
HEALTHCHECK --interval=5s --timeout=3s --start-period=1s --start-interval=1s --retries=3 CMD true
STOPSIGNAL --ignored SIGTERM
)docker");
  check_fix("UnknownFlag", "FROM alpine\nCOPY --fo^rm=build /a /b\n", "FROM alpine\nCOPY --from=build /a /b\n");
  CHECK(message_of("UnknownFlag", "FROM alpine\nCOPY --form=build /a /b\n") ==
        "unknown flag --form for COPY (did you mean --from?)");
  CHECK(message_of("UnknownFlag", "FROM alpine\nCMD --help\n") == "CMD takes no flags: '--help' is not allowed");
}

}  // namespace
}  // namespace dfls
