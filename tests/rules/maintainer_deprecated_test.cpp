// Tests of the MaintainerDeprecated rule: findings, non-findings, the fixes and the message.
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

TEST_CASE("MaintainerDeprecated", "[rules][buildkit]") {
  check_diagnostics({"MaintainerDeprecated"}, R"docker(
FROM alpine
@(MaintainerDeprecated)[[MAINTAINER]] me@example.com
LABEL maintainer=me
)docker");
  check_fix("MaintainerDeprecated", "FROM alpine\nMAINTAI^NER me\n",
            "FROM alpine\nLABEL org.opencontainers.image.authors=\"me\"\n");
  check_fix("MaintainerDeprecated", "FROM alpine\nMAINTAI^NER Jo \"JJ\" Doe <jo@example.com>\nRUN x\n",
            "FROM alpine\nLABEL org.opencontainers.image.authors=\"Jo \\\"JJ\\\" Doe <jo@example.com>\"\nRUN x\n");
  CHECK(message_of("MaintainerDeprecated", "FROM alpine\nMAINTAINER me\n") ==
        "MAINTAINER is deprecated: use LABEL org.opencontainers.image.authors");
}

}  // namespace
}  // namespace dfls
