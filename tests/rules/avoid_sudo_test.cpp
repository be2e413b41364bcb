// Tests of AvoidSudo (hadolint DL3004).
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

TEST_CASE("AvoidSudo", "[rules][hadolint]") {
  check_diagnostics({"AvoidSudo"}, R"docker(
FROM debian:12
RUN @(AvoidSudo)[[sudo]] apt-get update && @(AvoidSudo)[[sudo]] -u app -E make install
RUN echo sudo && apt-get install -y sudo && echo "$(@(AvoidSudo)[[sudo]] whoami)"
RUN env DEBIAN_FRONTEND=noninteractive @(AvoidSudo)[[/usr/bin/sudo]] true
)docker");
  CHECK(message_of("AvoidSudo", "FROM debian\nRUN sudo make\n") == "sudo in a RUN: use USER to change the user instead");
}

}  // namespace
}  // namespace dfls
