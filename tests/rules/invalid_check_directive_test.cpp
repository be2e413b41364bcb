// Tests of the InvalidCheckDirective rule: findings, non-findings, the fixes and the message.
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

TEST_CASE("InvalidCheckDirective", "[rules][errors]") {
  check_diagnostics({"InvalidCheckDirective"}, R"docker(
# check=skip=@(InvalidCheckDirective)[[JSONArgsRecomended]],StageNameCasing;@(InvalidCheckDirective)[[eror]]=true
FROM alpine
# check=skip=@(InvalidCheckDirective)[[Nope]]
RUN x
# check=skip=all;error=true
RUN y
)docker");
  check_diagnostics({"InvalidCheckDirective"}, "# check=error=@(InvalidCheckDirective)[[maybe]]\nFROM alpine\n");
  check_diagnostics({"InvalidCheckDirective"}, "# check=skip=all;experimental=all;error=false // why\nFROM alpine\n");
  check_fix("InvalidCheckDirective", "# check=skip=JSONArgsRecom^ended\nFROM alpine\n",
            "# check=skip=JSONArgsRecommended\nFROM alpine\n");
  CHECK(message_of("InvalidCheckDirective", "# check=skip=JSONArgsRecomended\nFROM alpine\n") ==
        "no rule is named 'JSONArgsRecomended' (did you mean JSONArgsRecommended?)");
}

}  // namespace
}  // namespace dfls
