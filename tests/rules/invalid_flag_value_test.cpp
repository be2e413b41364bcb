// Tests of the InvalidFlagValue rule: findings, non-findings, the fixes and the message.
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

TEST_CASE("InvalidFlagValue", "[rules][errors]") {
  check_diagnostics({"InvalidFlagValue"}, R"docker(
FROM alpine
COPY --link=@(InvalidFlagValue)[[yes]] a b
COPY --link=TRUE --parents=false a b
ADD --keep-git-dir=@(InvalidFlagValue)[[1]] https://example.com/repo.git /src
)docker");
  CHECK(message_of("InvalidFlagValue", "FROM alpine\nCOPY --link=yes a b\n") == "--link takes true or false, not 'yes'");
}

}  // namespace
}  // namespace dfls
