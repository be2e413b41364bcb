// Tests of the InvalidDevice rule: findings, non-findings, the fixes and the message.
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

TEST_CASE("InvalidDevice", "[rules][errors]") {
  check_diagnostics({"InvalidDevice"}, R"docker(
FROM alpine
RUN --@(InvalidDevice)[[device]]=nvidia.com/gpu=all nvidia-smi
RUN echo no device
)docker");
  check_diagnostics({"InvalidDevice"}, R"docker(
# syntax=docker/dockerfile:1-labs
FROM alpine
RUN --device=nvidia.com/gpu=all nvidia-smi
RUN @(InvalidDevice)[[--device=,required]] x
)docker");
  check_fix("InvalidDevice", "FROM alpine\nRUN --dev^ice=x y\n", "# syntax=docker/dockerfile:1-labs\nFROM alpine\nRUN --device=x y\n");
  CHECK(message_of("InvalidDevice", "FROM alpine\nRUN --device=x y\n") ==
        "RUN --device needs the labs frontend: add # syntax=docker/dockerfile:1-labs");
}

}  // namespace
}  // namespace dfls
