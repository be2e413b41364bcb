// Tests of UseNumericUser (hadolint DL3066).
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

TEST_CASE("UseNumericUser", "[rules][hadolint]") {
  check_diagnostics({"UseNumericUser"}, R"docker(
ARG UID=10001
FROM debian:12
USER @(UseNumericUser)[[app]]
USER @(UseNumericUser)[[app]]:app
USER 10001
USER 10001:10001
USER $UID
USER ${UID}:${GID}
USER root
FROM mcr.microsoft.com/windows/servercore:ltsc2022
USER ContainerAdministrator
)docker");
  CHECK(message_of("UseNumericUser", "FROM debian\nUSER app\n") ==
        "USER 'app' is a name: use a numeric UID, which runAsNonRoot can check");
}

}  // namespace
}  // namespace dfls
