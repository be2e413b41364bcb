// Tests of the MultipleInstructionsDisallowed rule: findings, non-findings, the fixes and the message.
#include <catch2/catch_test_macros.hpp>

#include "core/config.h"
#include "core/document.h"
#include "core/project_config.h"
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

TEST_CASE("MultipleInstructionsDisallowed", "[rules][buildkit]") {
  check_diagnostics({"MultipleInstructionsDisallowed"}, R"docker(
FROM alpine
@(MultipleInstructionsDisallowed)[[CMD echo a]]
@(MultipleInstructionsDisallowed)[[HEALTHCHECK NONE]]
CMD echo b
HEALTHCHECK CMD true
FROM alpine
CMD echo c
ENTRYPOINT ["a"]
ONBUILD ENTRYPOINT ["b"]
)docker");
  check_fix("MultipleInstructionsDisallowed", "FROM alpine\nCMD ^x\nCMD y\n", "FROM alpine\nCMD y\n");
  CHECK(message_of("MultipleInstructionsDisallowed", "FROM alpine\nCMD x\nCMD y\n") ==
        "this CMD is overridden by the CMD on line 3: only the last one in a stage takes effect");
}

TEST_CASE("MultipleInstructionsDisallowed answers to hadolint DL3012, DL4003 and DL4004", "[rules][buildkit]") {
  const Rule* rule = find_rule("MultipleInstructionsDisallowed");
  REQUIRE(rule);
  CHECK(hadolint_codes(*rule) == std::vector<std::string_view>{"DL3012", "DL4003", "DL4004"});
  Rule spaced = test::make_test_rule("Spaced", nullptr, " DL3012 , DL4003,");
  CHECK(hadolint_codes(spaced) == std::vector<std::string_view>{"DL3012", "DL4003"});
  CHECK(has_hadolint_code(spaced, "DL4003"));
  CHECK_FALSE(has_hadolint_code(spaced, "DL4004"));
  check_diagnostics({"MultipleInstructionsDisallowed"}, R"docker(
FROM alpine
# hadolint ignore=DL4003
CMD echo a
@(MultipleInstructionsDisallowed)[[ENTRYPOINT /a]]
CMD echo b
ENTRYPOINT /b
)docker");
  Config config = parse_project_config("ignored: [DL4004]\n", ConfigFileKind::Hadolint, "/p/.hadolint.yaml");
  REQUIRE(config.problems.empty());
  check_diagnostics({"MultipleInstructionsDisallowed"}, R"docker(
FROM alpine
CMD echo a
CMD echo b
)docker", config);
}

}  // namespace
}  // namespace dfls
