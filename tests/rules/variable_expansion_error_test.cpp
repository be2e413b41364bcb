// Tests of the VariableExpansionError rule: findings, non-findings, the fixes and the message.
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

TEST_CASE("VariableExpansionError", "[rules][errors]") {
  check_diagnostics({"VariableExpansionError"}, R"docker(
FROM alpine
ARG W
COPY @(VariableExpansionError)[["my]] @(VariableExpansionError)[[file"]] /x/
COPY ["my file", "/y/"]
ENV A=${W:-x} B=${HTTP_PROXY-http://proxy:8080} C=${W?}
ENV D=@(VariableExpansionError)[[${UNDEFINED_THING:?must_be_set}]]
RUN echo ${shell:handles:this}
)docker");
  CHECK(message_of("VariableExpansionError", "FROM alpine\nCOPY \"my file\" /x/\n") ==
        "cannot expand '\"my': unexpected end of statement while looking for matching double-quote (COPY splits its "
        "arguments at blanks: use the JSON form for paths with spaces)");
  CHECK(message_of("VariableExpansionError", "FROM alpine\nENV D=${NOPE:?}\n") ==
        "'NOPE' is not defined, so the build stops here (NOPE: is not allowed to be unset)");
}

}  // namespace
}  // namespace dfls
