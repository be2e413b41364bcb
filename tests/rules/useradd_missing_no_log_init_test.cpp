// Tests of UseraddMissingNoLogInit (hadolint DL3046).
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

TEST_CASE("UseraddMissingNoLogInit", "[rules][hadolint]") {
  check_diagnostics({"UseraddMissingNoLogInit"}, R"docker(
FROM debian:12
RUN @(UseraddMissingNoLogInit)[[useradd]] -u 1000000 app && useradd -l -u 1000001 b && useradd --no-log-init --uid 1000002 c
RUN useradd -u 10001 d && useradd e && useradd -u "$UID" f && @(UseraddMissingNoLogInit)[[useradd]] --uid=2000000 g
RUN groupadd -g 1000000 grp && @(UseraddMissingNoLogInit)[[useradd]] -ms /bin/bash -u1234567 h
)docker");
  CHECK(message_of("UseraddMissingNoLogInit", "FROM debian\nRUN useradd -u 1000000 app\n") ==
        "useradd with the high UID 1000000 and without -l makes a huge lastlog file in the layer");
}

TEST_CASE("UseraddMissingNoLogInit fix", "[rules][hadolint]") {
  check_fix("UseraddMissingNoLogInit", "FROM debian\nRUN ^useradd -u 1000000 app\n",
            "FROM debian\nRUN useradd -l -u 1000000 app\n");
}

}  // namespace
}  // namespace dfls
