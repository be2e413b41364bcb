// Tests of AptNoInstallRecommends (hadolint DL3015).
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

TEST_CASE("AptNoInstallRecommends", "[rules][hadolint]") {
  check_diagnostics({"AptNoInstallRecommends"}, R"docker(
FROM debian:12 AS one
RUN @(AptNoInstallRecommends)[[apt-get install]] -y curl
RUN apt-get install -y --no-install-recommends curl
RUN apt-get -o APT::Install-Recommends=false install -y curl
RUN @(AptNoInstallRecommends)[[apt install]] -y curl
FROM debian:12 AS two
RUN echo 'APT::Install-Recommends "false";' > /etc/apt/apt.conf.d/99norecommends
RUN apt-get install -y curl
FROM two
RUN apt-get install -y git
FROM debian:12
RUN @(AptNoInstallRecommends)[[apt-get install]] -y git
)docker");
  CHECK(message_of("AptNoInstallRecommends", "FROM debian\nRUN apt-get install -y curl\n") ==
        "apt-get install without --no-install-recommends also installs recommended packages");
}

TEST_CASE("AptNoInstallRecommends fix", "[rules][hadolint]") {
  check_fix("AptNoInstallRecommends", "FROM debian\nRUN apt-get ^install -y curl\n",
            "FROM debian\nRUN apt-get install --no-install-recommends -y curl\n");
}

}  // namespace
}  // namespace dfls
