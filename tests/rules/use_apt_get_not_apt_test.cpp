// Tests of UseAptGetNotApt (hadolint DL3027).
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

TEST_CASE("UseAptGetNotApt", "[rules][hadolint]") {
  check_diagnostics({"UseAptGetNotApt"}, R"docker(
FROM debian:12
RUN @(UseAptGetNotApt)[[apt]] update && @(UseAptGetNotApt)[[apt]] install -y curl
RUN apt-get update && apt-cache policy curl && echo apt
RUN DEBIAN_FRONTEND=noninteractive @(UseAptGetNotApt)[[/usr/bin/apt]] full-upgrade -y
RUN <<EOF
@(UseAptGetNotApt)[[apt]] search curl
EOF
)docker");
  CHECK(message_of("UseAptGetNotApt", "FROM debian\nRUN apt install -y curl\n") ==
        "apt is meant for terminals: use apt-get in scripts");
}

TEST_CASE("UseAptGetNotApt fix", "[rules][hadolint]") {
  check_fix("UseAptGetNotApt", "FROM debian\nRUN ^apt install -y curl\n", "FROM debian\nRUN apt-get install -y curl\n");
  check_fix("UseAptGetNotApt", "FROM debian\nRUN ^/usr/bin/apt full-upgrade -y\n",
            "FROM debian\nRUN /usr/bin/apt-get dist-upgrade -y\n");
  check_fix("UseAptGetNotApt", "FROM debian\nRUN ^apt show curl\n", "FROM debian\nRUN apt-cache show curl\n");
}

}  // namespace
}  // namespace dfls
