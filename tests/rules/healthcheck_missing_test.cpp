// Tests of HealthcheckMissing (hadolint DL3057, off by default).
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

Config enabled() {
  Config config;
  config.rules["HealthcheckMissing"] = RuleLevel{};
  return config;
}

TEST_CASE("HealthcheckMissing", "[rules][hadolint]") {
  check_diagnostics({"HealthcheckMissing"}, R"docker(
FROM debian:12 AS build
HEALTHCHECK CMD true
@(HealthcheckMissing)[[FROM]] debian:12
CMD ["app"]
)docker",
                    enabled());
  check_diagnostics({"HealthcheckMissing"}, R"docker(
FROM debian:12 AS base
HEALTHCHECK --interval=30s CMD curl -f http://localhost/ || exit 1
FROM base
CMD ["app"]
)docker",
                    enabled());
  check_diagnostics({"HealthcheckMissing"}, "FROM debian:12\nHEALTHCHECK NONE\n", enabled());
  check_diagnostics({"HealthcheckMissing"}, "FROM debian:12\nCMD [\"app\"]\n");  // Off by default.
  CHECK(message_of("HealthcheckMissing", "FROM debian\n", enabled()) == "the image has no HEALTHCHECK");
}

}  // namespace
}  // namespace dfls
