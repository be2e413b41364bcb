// Tests of LatestTag (hadolint DL3007).
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

TEST_CASE("LatestTag", "[rules][hadolint]") {
  check_diagnostics({"LatestTag"}, R"docker(
ARG IMAGE=node:latest
FROM ubuntu:@(LatestTag)[[latest]] AS one
FROM ubuntu:24.04
FROM ubuntu:latest@sha256:0123456789012345678901234567890123456789012345678901234567890123
FROM ghcr.io/org/app:@(LatestTag)[[latest]]
FROM @(LatestTag)[[$IMAGE]]
FROM ubuntu
)docker");
  CHECK(message_of("LatestTag", "FROM ubuntu:latest\n") ==
        "image 'ubuntu:latest' uses the latest tag, which changes with every release: pin a version tag");
}

}  // namespace
}  // namespace dfls
