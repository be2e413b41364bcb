// Tests of EnvSelfReference (hadolint DL3044).
#include <catch2/catch_test_macros.hpp>

#include "core/config.h"
#include "core/document.h"
#include "rules/run_rules.h"
#include "support/check_helpers.h"

namespace dfls {
namespace {

using test::check_diagnostics;
using test::check_fix;

[[maybe_unused]] std::string message_of(std::string_view rule, std::string code, const Config& config = Config{}) {
  auto doc = Document::create("file:///test/Dockerfile", 0, std::move(code));
  for (const Diag& d : run_rules(*doc, config))
    if (d.rule_id == rule) return d.message;
  return "";
}

TEST_CASE("EnvSelfReference", "[rules][hadolint]") {
  check_diagnostics({"EnvSelfReference"}, R"docker(
FROM debian:12
ENV A=1 B=@(EnvSelfReference)[[$A]] C="@(EnvSelfReference)[[${A}]]/x"
ENV PATH=/opt/bin:$PATH
ENV D=1
ENV E=$D
ENV F=x G='$F' H=\$F
ENV PATH=/a:$PATH PATH=/b:$PATH
)docker");
  CHECK(message_of("EnvSelfReference", "FROM debian\nENV A=1 B=$A\n") ==
        "'A' is set by this same ENV, but $A still has its value from before it: split the ENV");
}

}  // namespace
}  // namespace dfls
