// Tests of AvoidPointlessCommands (hadolint DL3001).
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

TEST_CASE("AvoidPointlessCommands", "[rules][hadolint]") {
  check_diagnostics({"AvoidPointlessCommands"}, R"docker(
FROM debian:12
RUN apt-get install -y vim procps && echo ps top
RUN @(AvoidPointlessCommands)[[service]] nginx start && @(AvoidPointlessCommands)[[ps]] aux | grep nginx
RUN if @(AvoidPointlessCommands)[[free]] -m; then @(AvoidPointlessCommands)[[/usr/bin/top]] -b -n1; fi
RUN ["vim", "--version"]
)docker");
  CHECK(message_of("AvoidPointlessCommands", "FROM debian\nRUN service nginx start\n") ==
        "'service' makes no sense while the image is built");
}

}  // namespace
}  // namespace dfls
